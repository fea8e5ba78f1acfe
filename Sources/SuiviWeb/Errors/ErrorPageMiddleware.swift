import Hummingbird

/// Turns every error of a route (a refusal of the committee, a missing version, a bad form) into a
/// French HTML page with the matching status, through ``ErrorMapping``.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: WebServices

    struct View {
        let heading: String
        let message: String
        let back: String
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let (status, message) = ErrorMapping.map(error)
            if status.code >= 500 {
                // Truncated: a request can carry a very long parameter, and the log must stay readable.
                context.logger.error("\(request.method) \(Self.truncated(request.uri.path)): \(Self.truncated(String(describing: error)))")
            }
            let heading: String
            switch status.code {
            case 401: heading = "Connexion nécessaire"
            case 403: heading = "Action refusée"
            case 404: heading = "Introuvable"
            case 409: heading = "Action impossible à cette étape"
            case 400, 422: heading = "Demande incomplète ou invalide"
            case 413: heading = "Formulaire trop long"
            default: heading = "Erreur"
            }
            // Back to the page the form was on (a review), else the home page.
            let path = request.uri.path
            var back = "/"
            if path.hasPrefix("/revisions/"), let id = path.split(separator: "/").dropFirst().first {
                back = "/revisions/" + id
            } else if path.hasPrefix("/revisions") {
                back = "/revisions"
            }
            let view = View(heading: heading, message: message, back: back)
            return services.renderer.page("error", title: heading, view: view, context: context,
                                          isChair: await services.isChair(context), status: status)
        }
    }

    /// At most 200 characters of `text`, for the log.
    static func truncated(_ text: String) -> String {
        text.count > 200 ? text.prefix(200) + "… (\(text.count) caractères)" : text
    }
}
