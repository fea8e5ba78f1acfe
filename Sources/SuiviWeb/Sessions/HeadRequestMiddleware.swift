import Hummingbird

/// Answers `HEAD` without a body, error pages included: the router answers `HEAD` on every `GET` route
/// (`.autoGenerateHeadEndpoints`), and this strips the body of what it answers otherwise (a 404 page).
struct HeadRequestMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .head else { return try await next(request, context) }
        let response = try await next(request, context)
        // The length the GET body would have (setting `body` would reset the header to 0).
        var headers = response.headers
        if headers[.contentLength] == nil, let length = response.body.contentLength { headers[.contentLength] = String(length) }
        return Response(status: response.status, headers: headers, body: ResponseBody())
    }
}
