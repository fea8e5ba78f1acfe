import Foundation
import Hummingbird

/// Logging in and out. The login form has its CSRF token too: visiting it opens an anonymous session,
/// and a successful login replaces that session by a new one (new id, new token).
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

    /// Only a path of this site: never another site (no open redirect).
    static func safeBack(_ value: String?) -> String {
        guard let value, value.hasPrefix("/"), !value.hasPrefix("//"), !value.contains("\\") else { return "/revisions" }
        return value
    }

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        var context = context
        var newSession: Session?
        if context.session == nil {
            let session = await services.sessions.create()
            context.session = session
            newSession = session
        }
        let back = Self.safeBack(TextController.query(request, "retour"))
        let view = View(csrf: context.session?.csrfToken ?? "", back: back, login: "", hasError: false, error: "")
        var response = services.renderer.page("login", title: "Connexion", view: view, context: context,
                                              isChair: await services.isChair(context))
        if let newSession { response.setCookie(SessionMiddleware.cookie(for: newSession)) }
        return response
    }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let login = context.form.text("identifiant") ?? ""
        let password = context.form["mot_de_passe"] ?? ""
        let back = Self.safeBack(context.form.text("retour"))
        let throttle = services.loginThrottle
        // A locked name or address is refused before the password is even checked (no oracle, no CPU spent).
        if let refusal = await throttle.refusal(login: login, address: context.clientAddress) {
            return refused(.throttled(refusal), refusal: refusal, login: login, back: back, context: context)
        }
        guard let account = try services.accounts.authenticate(login: login, password: password) else {
            if let refusal = await throttle.recordFailure(login: login, address: context.clientAddress) {
                return refused(.throttled(refusal), refusal: refusal, login: login, back: back, context: context)
            }
            return refused(.badCredentials, refusal: nil, login: login, back: back, context: context)
        }
        await throttle.recordSuccess(login: login)
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
        let view = View(csrf: context.session?.csrfToken ?? "", back: back, login: login, hasError: true, error: error.message)
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
