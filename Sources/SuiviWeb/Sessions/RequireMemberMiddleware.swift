import Hummingbird

/// Lets through logged-in members only: a page sends the visitor to the login form, a form is refused.
struct RequireMemberMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.account != nil else {
            if request.method == .get || request.method == .head {
                let back = request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
                return Response.redirect(to: "/connexion?retour=\(back)", type: .normal)
            }
            throw WebError.loginRequired
        }
        return try await next(request, context)
    }
}
