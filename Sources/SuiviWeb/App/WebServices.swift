import ClauseDiff
import Committee
import Foundation
import Hummingbird
import LegalText
import Publishing
import Register

/// What the controllers share: the register and its committee, the accounts and sessions, the page
/// renderer and the cache of comparisons.
struct WebServices: Sendable {
    let register: TextRegister
    let committee: Committee
    let accounts: AccountStore
    let sessions: SessionStore
    let loginThrottle: LoginThrottle
    /// Signs the login form's token for visitors without a session.
    let loginTokens: LoginFormToken
    let renderer: PageRenderer
    let diffs: DiffCache
    let versionList = VersionsCache()
    /// The public pages already rendered, by register fingerprint and parameters.
    let pages: PageCache
    let today: @Sendable () -> LegalDate
    /// The server's sync with the forge (a forge-less one when none is configured).
    let forgeSync: ForgeSync

    /// Whether the logged-in account's seat chairs the committee (for showing the chair's forms only:
    /// the committee itself refuses the chair's actions to any other seat).
    func isChair(_ context: AppRequestContext) async -> Bool {
        guard let account = context.account, let roster = try? await committee.state().roster else { return false }
        return roster.seat(account.seat)?.isChair ?? false
    }

    /// Who acts for the logged-in account: its own seat, never one a form names, checked against the roster
    /// by the committee (a member who has left office can no longer act, nor log in).
    func acting(_ context: AppRequestContext) async throws -> Acting {
        guard let account = context.account else { throw WebError.loginRequired }
        _ = try await committee.actingIdentity(account.acting, on: today())
        return account.acting
    }

    /// The adopted versions and drafts (``TextRegister/versions()``), cached until a ref moves.
    func versions() async throws(RegisterError) -> [VersionInfo] {
        try await versionList.versions(of: register)
    }

    /// The commit a revision names: a date (the version in force that day), else a tag, draft or commit.
    func commit(of revision: String, work: String? = nil) async throws -> ObjectID {
        try await register.resolve(try Self.revision(revision), work: work)
    }

    /// The longest version name a page accepts (a tag, a draft, a date or a commit id are far shorter).
    static let maximumRevisionLength = 200

    /// A version name from a query, checked before git sees it: a long or odd one (control characters,
    /// spaces, `..`, `@{`, a leading `-`) is no version of this register, whatever git would make of it.
    static func revision(_ text: String) throws(WebError) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._/_")
        guard text.count <= maximumRevisionLength, !text.isEmpty, text.allSatisfy({ allowed.contains($0) }), !text.contains(".."),
              !text.hasPrefix("-"), !text.hasPrefix("/"), !text.hasSuffix("/"), !text.contains("//") else {
            let shown = text.count > 60 ? String(text.prefix(60)) + "…" : text
            let printable = String(String.UnicodeScalarView(shown.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
            throw .notFound("Version « \(printable) » introuvable : choisissez-en une dans la liste des versions (/versions).")
        }
        return text
    }

    /// The content of public page `route` for `parameters` (every input of the page besides the register's refs:
    /// its query, the day for the text in force), from ``PageCache`` when rendered before with the same refs,
    /// else from `render` (kept unless it throws: errors are never cached).
    func cachedContent(_ route: String, _ parameters: [String],
                       render: () async throws -> PageCache.Page) async throws -> PageCache.Page {
        // The fingerprint is read before the page: a write meanwhile may put newer content under the older
        // key, never older content under the newer one.
        let fingerprint = try await register.fingerprint()
        let key = PageCache.Key(fingerprint: fingerprint, route: route, parameters: parameters)
        if let page = await pages.page(for: key) { return page }
        let page = try await render()
        await pages.store(page, for: key)
        return page
    }

    /// Public page `route` in the layout of the request's reader (its content from ``cachedContent(_:_:render:)``).
    func cachedPage(_ route: String, _ parameters: [String], context: AppRequestContext,
                    render: () async throws -> PageCache.Page) async throws -> Response {
        let page = try await cachedContent(route, parameters, render: render)
        return renderer.page(body: page.body, title: page.title, context: context, isChair: await isChair(context))
    }

    /// The comparison of two commits, computed once per pair (commits never change).
    func comparison(from old: ObjectID, to new: ObjectID, work: String?, oldLabel: String, newLabel: String)
        async throws(RegisterError) -> DocumentDiff {
        let key = DiffCache.Key(old: old, new: new, work: work ?? "")
        if let cached = await diffs.diff(for: key) { return cached.relabelled(oldLabel, newLabel) }
        let diff = try await RegisterComparison().compare(in: register, from: old, to: new, work: work, oldLabel: oldLabel,
                                                          newLabel: newLabel).diff
        await diffs.store(diff, for: key)
        return diff
    }

    /// The diff renderer that names the clauses of both texts as a lawyer does (the new text's names first).
    func diffRenderer(old: ObjectID, new: ObjectID, work: String?) async throws(RegisterError) -> HTMLDiffRenderer {
        let oldNames = Designation.names(in: try await register.document(at: old, work: work))
        let newNames = Designation.names(in: try await register.document(at: new, work: work))
        return HTMLDiffRenderer(names: oldNames.merging(newNames) { _, new in new })
    }

    /// The rendered diff fragment of a pair, rendered once per pair and labels.
    func renderedComparison(from old: ObjectID, to new: ObjectID, work: String?, oldLabel: String, newLabel: String)
        async throws(RegisterError) -> String {
        let key = DiffCache.Key(old: old, new: new, work: (work ?? "") + "\u{0}" + oldLabel + "\u{0}" + newLabel)
        if let html = await diffs.html(for: key) { return html }
        let diff = try await comparison(from: old, to: new, work: work, oldLabel: oldLabel, newLabel: newLabel)
        let html = try await diffRenderer(old: old, new: new, work: work).renderFragment(diff)
        await diffs.store(html: html, for: key)
        return html
    }
}
