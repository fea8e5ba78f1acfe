import Hummingbird

/// Finds the session named by the `suivi_session` cookie and puts it, and its account (the identity),
/// in the context: the authenticator of every route.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "suivi_session"

    let sessions: SessionStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let id = request.cookies[Self.cookieName]?.value {
            context.session = await sessions.session(id)
        }
        return try await next(request, context)
    }

    /// The cookie carrying a session: not readable by scripts, never sent by another site's request.
    static func cookie(for session: Session) -> Cookie {
        Cookie(name: cookieName, value: session.id, path: "/", httpOnly: true, sameSite: .strict)
    }

    /// The cookie that ends a session in the browser.
    static var expiredCookie: Cookie {
        Cookie(name: cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict)
    }
}
