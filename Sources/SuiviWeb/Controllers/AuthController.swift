import Foundation
import Hummingbird

/// Logging in and out. The login form has its CSRF token too: a visitor without a session gets a cookie
/// holding a random nonce and a form token signed for it (``LoginFormToken``: nothing is stored, so no
/// flood of visits can invalidate a pending form), and a successful login sets a new session (new id,
/// new token). The password is checked only after the throttle has reserved the attempt.
struct AuthController {
    let services: WebServices

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("/connexion", use: form)
        routes.post("/connexion", use: login)
        routes.post("/deconnexion", use: logout)
        return routes
    }

    struct View {
        let csrf: String
        let back: String
        let login: String
        let hasError: Bool
        let error: String
    }

    /// Only a path of this site, normalised: never another site (no open redirect); see ``ReturnPath``.
    static func safeBack(_ value: String?) -> String {
        ReturnPath.safe(value)
    }

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        var nonce: String?
        var newNonce = false
        if context.session == nil {
            // Keep the nonce the browser already has (several login tabs stay valid), else a new one.
            if let value = request.cookies[SessionMiddleware.cookieName]?.value, LoginFormToken.isNonce(value) {
                nonce = value
            } else {
                nonce = LoginFormToken.newNonce()
                newNonce = true
            }
        }
        let csrf = context.session?.csrfToken ?? nonce.map { services.loginTokens.token(for: $0) } ?? ""
        let back = Self.safeBack(TextController.query(request, "retour"))
        let view = View(csrf: csrf, back: back, login: "", hasError: false, error: "")
        var response = services.renderer.page("login", title: "Connexion", view: view, context: context,
                                              isChair: await services.isChair(context))
        if newNonce, let nonce { response.setCookie(SessionMiddleware.cookie(value: nonce)) }
        return response
    }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let login = context.form.text("identifiant") ?? ""
        let password = context.form["mot_de_passe"] ?? ""
        let back = Self.safeBack(context.form.text("retour"))
        let throttle = services.loginThrottle
        // The attempt is reserved (counted) before the password is checked: a locked name or address, or one
        // whose attempts are all in progress, is refused without checking (no oracle, no CPU spent), and
        // concurrent guesses cannot all pass while bcrypt runs.
        let reservation: LoginThrottle.Reservation
        switch await throttle.reserve(login: login, address: context.clientAddress) {
        case .refused(let refusal):
            return refused(.throttled(refusal), refusal: refusal, login: login, back: back, context: context)
        case .admitted(let admitted):
            reservation = admitted
        }
        let checked: Account?
        do {
            checked = try await services.accounts.verify(login: login, password: password)
        } catch {
            await throttle.release(reservation)  // not the visitor's failure: the accounts could not be read
            throw error
        }
        guard let account = checked else {
            if let refusal = await throttle.failed(reservation) {
                return refused(.throttled(refusal), refusal: refusal, login: login, back: back, context: context)
            }
            return refused(.badCredentials, refusal: nil, login: login, back: back, context: context)
        }
        await throttle.succeeded(reservation)
        var loggedIn = context
        loggedIn.session = Session(id: "", csrfToken: "", account: account, expires: Date())
        _ = try await services.acting(loggedIn)  // a former member's account no longer logs in
        if let old = context.session { await services.sessions.remove(old.id) }
        let session = await services.sessions.create(account: account)
        var response = Response.redirect(to: back, type: .normal)
        response.setCookie(SessionMiddleware.cookie(for: session))
        return response
    }

    /// The login form again, with the refusal's message (and `Retry-After` when the throttle refused).
    func refused(_ error: WebError, refusal: LoginThrottle.Refusal?, login: String, back: String,
                 context: AppRequestContext) -> Response {
        // The token the form was sent with (checked by ``CSRFMiddleware``) stays valid for the next try.
        let view = View(csrf: context.session?.csrfToken ?? context.form["csrf"] ?? "", back: back, login: login, hasError: true,
                        error: error.message)
        var response = services.renderer.page("login", title: "Connexion", view: view, context: context, status: error.status)
        if let refusal { response.headers[.retryAfter] = String(max(1, Int(refusal.retryIn.rounded(.up)))) }
        return response
    }

    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let session = context.session { await services.sessions.remove(session.id) }
        var response = Response.redirect(to: "/", type: .normal)
        response.setCookie(SessionMiddleware.expiredCookie)
        return response
    }
}
