import Hummingbird

/// Drops the rendered public pages after each write the server makes (a member's form that succeeded: comment,
/// position, adoption…; installed on the member routes). The fingerprint already keeps a changed register from being served stale; this frees
/// the pages of the old state at once. Refused forms (4xx) do not drop anything: they change nothing.
struct PageCacheInvalidationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let pages: PageCache

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        let response = try await next(request, context)
        if response.status.code < 400 { await pages.removeAll() }
        return response
    }
}
