import Hummingbird

/// Refuses every POST whose `csrf` field is not the token of the browser's session (without a session: the
/// login form's token, signed for the nonce of the visitor's cookie, ``LoginFormToken``),
/// then hands the decoded form to the route through the context. A body over the limit is refused (413).
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let loginTokens: LoginFormToken

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        var request = request
        var context = context
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > context.maxUploadSize {
            throw HTTPError(.contentTooLarge)
        }
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: context.maxUploadSize)
        } catch {
            throw HTTPError(.contentTooLarge)  // NIO's "too many bytes" (a chunked body over the limit)
        }
        let form = FormFields(urlEncoded: String(buffer: body))
        if let session = context.session {
            guard let token = form["csrf"], Self.equal(token, session.csrfToken) else { throw WebError.csrf }
        } else if request.uri.path == "/deconnexion" {
            // Logging out without a session (it expired, or a password change ended it) ends nothing: no token needed.
        } else if KeptForm.isKeptAction(request.uri.path) {
            // A member's comment or position whose session ended (expired, or the server restarted): no token can be
            // checked, and nothing will be written; ``RequireMemberMiddleware`` answers with the login form, which keeps
            // what was typed so that the member can check it and send it again once logged in.
        } else {
            // The login form's token, signed for the nonce of the visitor's cookie (elsewhere the route then
            // asks for a login: 401).
            guard let token = form["csrf"], let nonce = request.cookies[SessionMiddleware.cookieName]?.value,
                  loginTokens.accepts(token, nonce: nonce) else { throw WebError.csrf }
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
