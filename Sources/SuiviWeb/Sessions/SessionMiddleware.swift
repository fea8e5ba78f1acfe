import Hummingbird

/// Finds the session named by the `suivi_session` cookie and puts it, and its account (the identity),
/// in the context: the authenticator of every route. A logged-in session ends as soon as its account's
/// password hash in the accounts file is no longer the one it logged in with (`suivi committee
/// set-password` changed it, or the account was removed, or the file cannot be read).
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "suivi_session"

    let sessions: SessionStore
    let accounts: AccountStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let id = request.cookies[Self.cookieName]?.value, let session = await sessions.session(id) {
            if let account = session.account {
                let current = try? accounts.account(account.login)
                guard current?.passwordHash == account.passwordHash else {
                    // Its file may stay if this fails: the same check ends it again at its next use.
                    try? await sessions.remove(id)
                    return try await next(request, context)
                }
            }
            context.session = session
        }
        return try await next(request, context)
    }

    /// The cookie carrying a session: not readable by scripts, never sent by another site's request, and sent
    /// over HTTPS only when the browser came through HTTPS (`secure`: a trusted proxy said so).
    static func cookie(for session: Session, secure: Bool) -> Cookie {
        cookie(value: session.id, secure: secure)
    }

    /// The same cookie with another value (the login form's nonce).
    static func cookie(value: String, secure: Bool) -> Cookie {
        Cookie(name: cookieName, value: value, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// The cookie that ends a session in the browser.
    static func expiredCookie(secure: Bool) -> Cookie {
        Cookie(name: cookieName, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
