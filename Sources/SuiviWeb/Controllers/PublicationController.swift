import Committee
import Foundation
import Hummingbird
import Publishing
import Register

/// The publications for readers outside the committee, built by the Publishing module: the bulletin
/// for OFII doctors (what a review changes and why) and the Atom feed of the adopted versions.
struct PublicationController {
    let services: WebServices
    let configuration: WebConfiguration

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("/bulletin", use: bulletin)
        routes.get("/flux.atom", use: feed)
        routes.get("/versions/:name", use: version)
        routes.get("/versions/:name/:version", use: version)
        return routes
    }

    struct ReviewOption {
        let value: String
        let label: String
        let selected: Bool
    }

    @Sendable func bulletin(_ request: Request, context: AppRequestContext) async throws -> Response {
        let asked = TextController.query(request, "revision")
        // Today too: whether the bulletin's text is in force (its notice) changes with the day.
        return try await services.cachedPage("bulletin", [asked ?? "", services.today().iso], context: context) {
            try await bulletinContent(asked)
        }
    }

    /// The bulletin of review `asked`, else of the most recent review with a draft.
    func bulletinContent(_ asked: String?) async throws -> PageCache.Page {
        let state = try await services.committee.state()
        // Reviews with a draft to show, the most recent first.
        let reviews = state.reviews.values.filter { $0.adoptedVersion != nil || $0.consultedCommit != nil || $0.draftBranch != nil }
            .sorted { ($0.opened, $0.id) > ($1.opened, $1.id) }
        let chosen = asked ?? reviews.first?.id
        var html = ""
        var notice: ForceNotice?
        if let chosen {
            let publisher = Publisher(register: services.register)
            let bulletin = try await publisher.bulletin(review: chosen)
            notice = try await publisher.forceNotice(at: bulletin.base.newCommit, label: bulletin.newLabel, today: services.today())
            let textURL = "/texte?version=" + TextController.encode(bulletin.newLabel)
            html = HTMLFlowRenderer.render(BulletinRenderer.paragraphs(bulletin, textURL: textURL))
        }
        let options = reviews.map { ReviewOption(value: $0.id, label: "\($0.id) (\($0.status.label))", selected: $0.id == chosen) }
        struct Page {
            let hasForceNotice: Bool
            let forceNotices: [String]
            let hasBulletin: Bool
            let bulletinHTML: String
            let hasOptions: Bool
            let options: [ReviewOption]
        }
        return PageCache.Page(title: "Bulletin des médecins de l’OFII",
                              body: services.renderer.fragment("bulletin", Page(hasForceNotice: notice != nil, forceNotices: notice.map { [$0.french] } ?? [], hasBulletin: !html.isEmpty, bulletinHTML: html,
                                                                                hasOptions: reviews.count > 1, options: options)))
    }

    /// The site's address for absolute links: the public address the server was given, else the address it
    /// listens on. Never the request's `Host` header: a visitor (or a cache in front) must not choose where the
    /// feed's links lead.
    func baseURL(_ request: Request) -> String {
        configuration.publicAddress ?? "http://\(configuration.host):\(configuration.port)"
    }

    @Sendable func feed(_ request: Request, context: AppRequestContext) async throws -> Response {
        let base = baseURL(request)
        let feed = try await services.cachedContent("feed", [base]) {
            let xml = try await Publisher(register: services.register).feed(baseURL: base).xml
            return PageCache.Page(title: "", body: xml)
        }
        return Response(status: .ok, headers: [.contentType: "application/atom+xml; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: feed.body)))
    }

    /// The feed's links: `/versions/AFSP1638149A/v2017-01-05` (or, from registers made before tags were per
    /// text, `/versions/v2017-01-05`) is the text at that version.
    @Sendable func version(_ request: Request, context: AppRequestContext) async throws -> Response {
        var name = try context.parameters.require("name")
        if let version = context.parameters.get("version") { name += "/" + version }  // a tag per text: AFSP1638149A/v2017-01-05
        return Response.redirect(to: "/texte?version=" + TextController.encode(name), type: .normal)
    }
}
