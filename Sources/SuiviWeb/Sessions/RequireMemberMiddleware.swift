import Hummingbird

/// Lets through logged-in members only: a page sends the visitor to the login form, a form is refused; a comment or
/// a position sent after the session ended (expired, or the server restarted) gets the login form, which keeps what
/// was typed and leads back to the page it was on.
struct RequireMemberMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: WebServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.account != nil else {
            if request.method == .get || request.method == .head {
                let back = request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
                return Response.redirect(to: "/connexion?retour=\(back)", type: .normal)
            }
            if request.method == .post, let kept = KeptForm(action: request.uri.path, form: context.form) {
                return await AuthController(services: services).loginPage(
                    request: request, context: context, back: kept.page, kept: kept,
                    error: "Votre session a pris fin (délai dépassé ou redémarrage du serveur) : rien n’a été enregistré. "
                        + "Reconnectez-vous : le texte que vous aviez saisi est conservé et vous sera présenté de nouveau, à vérifier puis envoyer.",
                    status: .unauthorized)
            }
            throw WebError.loginRequired
        }
        return try await next(request, context)
    }
}
