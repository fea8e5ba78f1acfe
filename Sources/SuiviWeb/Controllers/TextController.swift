import ClauseDiff
import Committee
import Foundation
import Hummingbird
import LegalText
import Publishing
import Register

/// The public pages: the text in force (or on a date, or at a version), the versions, the history of a
/// clause and the comparison of two versions. Everything is read through Register and ClauseDiff.
struct TextController {
    let services: WebServices

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("/", use: text)
        routes.get("/texte", use: text)
        routes.get("/versions", use: versions)
        routes.get("/historique/:eid", use: history)
        routes.get("/diff", use: diff)
        routes.get("/style.css", use: stylesheet)
        return routes
    }

    static func query(_ request: Request, _ name: String) -> String? {
        guard let value = request.uri.queryParameters[name[...]].map(String.init)?.trimmingCharacters(in: .whitespaces),
              !value.isEmpty else { return nil }
        return value
    }

    /// A query value for a link (`draft/2026-projet` → `draft%2F2026-projet`).
    static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    @Sendable func text(_ request: Request, context: AppRequestContext) async throws -> Response {
        // What the page depends on besides the refs: the version asked, else the day (today when none is given).
        let parameters: [String]
        if let version = Self.query(request, "version") {
            // Today too: whether that version is in force (its notice) changes with the day.
            parameters = ["version", try WebServices.revision(version), services.today().iso]
        } else if let text = Self.query(request, "date") {
            guard let parsed = LegalDate(iso: text) else { throw WebError.badRequest("Date « \(text) » illisible : écrivez AAAA-MM-JJ.") }
            parameters = ["date", parsed.iso]
        } else {
            parameters = ["date", services.today().iso]
        }
        return try await services.cachedPage("text", parameters, context: context) { try await textContent(parameters) }
    }

    /// The text at a version (`["version", name]`) or in force on a day (`["date", iso]`).
    func textContent(_ parameters: [String]) async throws -> PageCache.Page {
        let commit: ObjectID
        let line: String
        let shownVersion: String
        var dateValue = ""
        var notice: ForceNotice?
        var upcoming: [DocumentView.Announcement] = []
        let today = services.today()
        if parameters[0] == "version" {
            let version = parameters[1]
            let resolved = try await services.register.resolveRevision(version)
            commit = resolved.commit
            shownVersion = version
            if case .draft = resolved.revision {
                line = "Projet \(resolved.label) (non adopté)."
            } else {
                line = "Version \(version)."
            }
            notice = try await Publisher(register: services.register).forceNotice(at: commit, label: resolved.label, today: today)
        } else {
            guard let date = LegalDate(iso: parameters[1]) else { throw WebError.badRequest("Date « \(parameters[1]) » illisible : écrivez AAAA-MM-JJ.") }
            dateValue = date.iso
            let version = try await services.register.versionInForce(on: date)
            commit = version.commit
            shownVersion = version.name
            var parts = ["Texte en vigueur le \(date.french) : version \(version.name)"]
            if let signature = version.record?.signature { parts.append("signée le \(signature.french)") }
            if let entry = version.record?.entryIntoForce { parts.append("en vigueur depuis le \(entry.french)") }
            line = parts.joined(separator: ", ") + "."
            if date == today {
                // The home page announces the adopted versions still to come into force.
                upcoming = ForceNotice.upcoming(among: try await services.versions(), today: today).map(DocumentView.Announcement.init)
            }
        }
        let document = try await services.register.document(at: commit)
        let view = DocumentView(document, versionLine: line, dateValue: dateValue, historyVersion: shownVersion, notice: notice?.french, upcoming: upcoming)
        return PageCache.Page(title: dateValue.isEmpty ? "Texte (version)" : "Texte en vigueur",
                              body: services.renderer.fragment("text", view))
    }

    struct VersionRow {
        let name: String
        let nameQuery: String
        let kind: String
        let date: String
        let entry: String
        let publication: String
        let hasPrevious: Bool
        let previous: String
        let previousQuery: String
    }

    @Sendable func versions(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await services.cachedPage("versions", [], context: context) { try await versionsContent() }
    }

    func versionsContent() async throws -> PageCache.Page {
        let all = try await services.versions()
        // A draft the committee adopted as it stands is labelled so (the committee's records decide).
        let adopted = (try? await services.committee.state())?.adoptedDrafts(among: all) ?? [:]
        var rows: [VersionRow] = []
        var lastAdopted: String?
        for version in all {
            let previous = lastAdopted
            rows.append(VersionRow(
                name: version.name, nameQuery: Self.encode(version.name),
                kind: version.kind == .adopted ? "version adoptée"
                    : adopted[version.name].map { "projet adopté (\($0.tag))" } ?? "projet",
                date: version.date?.french ?? "—", entry: version.record?.entryIntoForce?.french ?? "—",
                publication: [version.record?.publication?.french, version.record?.publicationReference].compactMap { $0 }
                    .joined(separator: ", ").ifEmpty("—"),
                hasPrevious: previous != nil, previous: previous ?? "", previousQuery: Self.encode(previous ?? "")))
            if version.kind == .adopted { lastAdopted = version.name }
        }
        struct View { let versions: [VersionRow] }
        return PageCache.Page(title: "Versions", body: services.renderer.fragment("versions", View(versions: rows)))
    }

    struct HistoryRow {
        let version: String
        let versionQuery: String
        let anchor: String
        let hasDate: Bool
        let date: String
        let change: String
        let hasPrevious: Bool
        let previousEId: String
        let lines: [String]
    }

    @Sendable func history(_ request: Request, context: AppRequestContext) async throws -> Response {
        let eId = try context.parameters.require("eid")
        let upTo = try Self.query(request, "jusqua").map { try WebServices.revision($0) }
        // The version whose numbering the eId is read in (the text page's links carry it); without it, the eId
        // (or wId) as the register's history resolves it.
        let numbering = try Self.query(request, "version").map { try WebServices.revision($0) }
        return try await services.cachedPage("history", [eId, upTo ?? "", numbering ?? ""], context: context) {
            try await historyContent(eId: eId, upTo: upTo, numberedAt: numbering)
        }
    }

    func historyContent(eId: String, upTo: String?, numberedAt numbering: String? = nil) async throws -> PageCache.Page {
        let entries = try await services.register.history(of: eId, upTo: upTo, numberedAt: numbering)
        // Named as in the version whose numbering was asked, else as in the text in force.
        var name: String?
        if let numbering, let document = try? await services.register.document(at: services.register.resolveRevision(numbering).commit) {
            name = Designation.names(in: document)[eId]
        } else if let document = try? await services.register.document(at: services.register.versionInForce(on: services.today()).commit) {
            name = Designation.names(in: document)[eId]
        }
        let rows = entries.map { entry in
            HistoryRow(version: entry.version, versionQuery: Self.encode(entry.version), anchor: entry.eId ?? entry.previousEId ?? eId,
                       hasDate: entry.date != nil, date: entry.date?.french ?? "", change: entry.change.french,
                       hasPrevious: entry.previousEId != nil && entry.previousEId != entry.eId, previousEId: entry.previousEId ?? "",
                       lines: entry.text.components(separatedBy: "\n").filter { !$0.isEmpty })
        }
        struct View {
            let eId: String
            let name: String
            let hasEntries: Bool
            let entries: [HistoryRow]
        }
        let shown = name ?? eId
        return PageCache.Page(title: "Historique : \(shown)",
                              body: services.renderer.fragment("history", View(eId: eId, name: shown, hasEntries: !rows.isEmpty, entries: rows)))
    }

    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    @Sendable func diff(_ request: Request, context: AppRequestContext) async throws -> Response {
        let all = try await services.versions()
        let from = Self.query(request, "de") ?? all.last { $0.kind == .adopted }?.name
        let to = Self.query(request, "a") ?? all.first { $0.kind == .draft }?.name ?? all.last?.name
        func options(_ chosen: String?) -> [Option] {
            var list = all.map { version in
                Option(value: version.name, label: version.name + (version.kind == .draft ? " (projet)" : ""), selected: version.name == chosen)
            }
            if let chosen, !all.contains(where: { $0.name == chosen }) { list.append(Option(value: chosen, label: chosen, selected: true)) }
            return list
        }
        struct View {
            let hasForceNotice: Bool
            let forceNotices: [String]
            let fromOptions: [Option]
            let toOptions: [Option]
            let hasDiff: Bool
            let oldLabel: String
            let newLabel: String
            let diffHTML: String
        }
        var html = ""
        var notices: [String] = []
        if let from, let to {
            let old = try await services.commit(of: from)
            let new = try await services.commit(of: to)
            html = try await services.renderedComparison(from: old, to: new, work: nil, oldLabel: from, newLabel: to)
            // Each side that is not the text in force is said so, at the top (kept in the page cache: the notices change
            // only with the refs and the day).
            let today = services.today()
            let cached = try await services.cachedContent("diff-notices", [old.hex, from, new.hex, to, today.iso]) {
                let publisher = Publisher(register: services.register)
                var lines: [String] = []
                for (commit, label) in [(old, from), (new, to)] {
                    if let notice = try await publisher.forceNotice(at: commit, label: label, today: today), !lines.contains(notice.french) {
                        lines.append(notice.french)
                    }
                }
                return PageCache.Page(title: "", body: lines.joined(separator: "\n"))
            }
            notices = cached.body.split(separator: "\n").map(String.init)
        }
        let view = View(hasForceNotice: !notices.isEmpty, forceNotices: notices, fromOptions: options(from), toOptions: options(to), hasDiff: from != nil && to != nil, oldLabel: from ?? "",
                        newLabel: to ?? "", diffHTML: html)
        return services.renderer.page("diff", title: "Comparaison", view: view, context: context, isChair: await services.isChair(context))
    }

    @Sendable func stylesheet(_ request: Request, context: AppRequestContext) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: Stylesheet.css)))
    }
}

extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
