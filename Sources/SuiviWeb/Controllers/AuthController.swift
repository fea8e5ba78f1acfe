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

    struct HiddenField {
        let name: String
        let value: String
    }

    struct View {
        let csrf: String
        let back: String
        let login: String
        let hasError: Bool
        let error: String
        /// What a member had typed when their session ended, carried through the form (``KeptForm``).
        var kept: [HiddenField] = []
    }

    /// Only a path of this site, normalised: never another site (no open redirect); see ``ReturnPath``.
    static func safeBack(_ value: String?) -> String {
        ReturnPath.safe(value)
    }

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        await loginPage(request: request, context: context, back: Self.safeBack(TextController.query(request, "retour")), kept: nil,
                        error: nil, status: .ok)
    }

    /// The login form, leading back to `back`, carrying `kept` (with `error` above it).
    func loginPage(request: Request, context: AppRequestContext, back: String, kept: KeptForm?, error: String?,
                   status: HTTPResponse.Status) async -> Response {
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
        let view = View(csrf: csrf, back: back, login: "", hasError: error != nil, error: error ?? "",
                        kept: kept?.hiddenFields.map { HiddenField(name: $0.name, value: $0.value) } ?? [])
        var response = services.renderer.page("login", title: "Connexion", view: view, context: context,
                                              isChair: await services.isChair(context), status: status)
        if newNonce, let nonce { response.setCookie(SessionMiddleware.cookie(value: nonce, secure: context.isHTTPS)) }
        return response
    }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let login = context.form.text("identifiant") ?? ""
        let password = context.form["mot_de_passe"] ?? ""
        let kept = KeptForm(loginForm: context.form)
        let back = kept?.page ?? Self.safeBack(context.form.text("retour"))
        let throttle = services.loginThrottle
        // The attempt is reserved (counted) before the password is checked: a locked name or address, or one
        // whose attempts are all in progress, is refused without checking (no oracle, no CPU spent), and
        // concurrent guesses cannot all pass while bcrypt runs.
        let reservation: LoginThrottle.Reservation
        switch await throttle.reserve(login: login, address: context.clientAddress) {
        case .refused(let refusal):
            return refused(.throttled(refusal), refusal: refusal, login: login, back: back, kept: kept, context: context)
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
                return refused(.throttled(refusal), refusal: refusal, login: login, back: back, kept: kept, context: context)
            }
            return refused(.badCredentials, refusal: nil, login: login, back: back, kept: kept, context: context)
        }
        await throttle.succeeded(reservation)
        var loggedIn = context
        loggedIn.session = Session(id: "", csrfToken: "", account: account, expires: Date())
        _ = try await services.acting(loggedIn)  // a former member's account no longer logs in
        if let old = context.session { try await services.sessions.remove(old.id) }
        let session = try await services.sessions.create(account: account, kept: kept)
        var response = Response.redirect(to: back, type: .normal)
        response.setCookie(SessionMiddleware.cookie(for: session, secure: context.isHTTPS))
        return response
    }

    /// The login form again, with the refusal's message (and `Retry-After` when the throttle refused).
    func refused(_ error: WebError, refusal: LoginThrottle.Refusal?, login: String, back: String, kept: KeptForm?,
                 context: AppRequestContext) -> Response {
        // The token the form was sent with (checked by ``CSRFMiddleware``) stays valid for the next try.
        let view = View(csrf: context.session?.csrfToken ?? context.form["csrf"] ?? "", back: back, login: login, hasError: true,
                        error: error.message, kept: kept?.hiddenFields.map { HiddenField(name: $0.name, value: $0.value) } ?? [])
        var response = services.renderer.page("login", title: "Connexion", view: view, context: context, status: error.status)
        if let refusal { response.headers[.retryAfter] = String(max(1, Int(refusal.retryIn.rounded(.up)))) }
        return response
    }

    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let session = context.session { try await services.sessions.remove(session.id) }
        var response = Response.redirect(to: "/", type: .normal)
        response.setCookie(SessionMiddleware.expiredCookie(secure: context.isHTTPS))
        return response
    }
}
