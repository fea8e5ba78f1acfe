import Hummingbird

/// Answers `HEAD` as `GET` without the body (RFC 9110, 9.3.2): the same status and headers, for every page.
struct HeadRequestMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .head else { return try await next(request, context) }
        var head = request.head
        head.method = .get
        var response = try await next(Request(head: head, body: request.body), context)
        if response.headers[.contentLength] == nil, let length = response.body.contentLength {
            response.headers[.contentLength] = String(length)
        }
        response.body = ResponseBody()
        return response
    }
}
