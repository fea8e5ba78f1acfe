import Hummingbird

/// Refuses every POST whose `csrf` field is not the token of the browser's session (and any POST without
/// a session), then hands the decoded form to the route through the context.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        var request = request
        var context = context
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let form = FormFields(urlEncoded: String(buffer: body))
        guard let session = context.session, let token = form["csrf"], Self.equal(token, session.csrfToken) else {
            throw WebError.csrf
        }
        context.form = form
        return try await next(request, context)
    }

    /// Compares in a time that does not depend on where the strings differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
