import Foundation
import Hummingbird
import Mustache

/// Renders a page: one of ``Templates`` inside the layout, as a UTF-8 HTML response.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    /// Whether the bulletin and the Atom feed are served (links in the layout).
    let hasFeed: Bool

    init(hasFeed: Bool) throws {
        var library = MustacheLibrary()
        for (name, template) in Templates.all.merging(Templates.drafting, uniquingKeysWith: { old, _ in old })
            .merging(Templates.sync, uniquingKeysWith: { old, _ in old }) { try library.register(template, named: name) }
        for (name, template) in PortalTemplates.all { try library.register(template, named: name) }
        self.library = library
        self.hasFeed = hasFeed
    }

    /// What the layout shows around every page.
    struct Layout {
        let title: String
        let body: String
        let hasFeed: Bool
        let loggedIn: Bool
        let userName: String
        let userSeat: String
        let userIsChair: Bool
        let csrf: String
        let hasNotice: Bool
        let notice: String
    }

    /// The HTML of one template with `view`, not yet in the layout.
    func fragment(_ template: String, _ view: Any) -> String {
        library.render(view, withTemplate: template) ?? ""
    }

    /// A whole page.
    func page(_ template: String, title: String, view: Any, context: AppRequestContext, isChair: Bool = false,
              notice: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        page(body: fragment(template, view), title: title, context: context, isChair: isChair, notice: notice, status: status)
    }

    /// A whole page around `body`, a fragment already rendered (kept in ``PageCache``).
    func page(body: String, title: String, context: AppRequestContext, isChair: Bool = false,
              notice: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        let account = context.account
        let layout = Layout(title: title, body: body, hasFeed: hasFeed, loggedIn: account != nil, userName: account?.name ?? "",
                            userSeat: account?.seat ?? "", userIsChair: isChair, csrf: context.session?.csrfToken ?? "",
                            hasNotice: notice != nil, notice: notice ?? "")
        return Self.html(library.render(layout, withTemplate: "layout") ?? "", status: status)
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
