import ClauseDiff
import Committee
import Foundation
import Hummingbird
import LegalText
import Publishing
import Register

/// The public documentary portal (CNS opinion, R5.1): Annexe II's references by pathology, country and kind with
/// their last check (stale ones shown as such), a page per reference with the clauses citing it, the syntheses with
/// their history and diffs, the news, a search and the Atom feed of news and updates. Everything comes from
/// Publishing's ``DocumentaryPortal``; the pages are kept in the ``PageCache`` under the register's fingerprint.
struct PortalController {
    let services: WebServices
    let configuration: WebConfiguration

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("/references", use: references)
        routes.get("/references/:id", use: reference)
        routes.get("/syntheses", use: syntheses)
        routes.get("/syntheses/:id", use: synthesis)
        routes.get("/actualites", use: news)
        routes.get("/actualites.atom", use: feed)
        routes.get("/recherche", use: search)
        return routes
    }

    /// The longest value a filter or a search accepts.
    static let maximumQueryLength = 200

    /// A query value, refused when too long or holding control characters.
    static func parameter(_ request: Request, _ name: String) throws -> String? {
        guard let value = TextController.query(request, name) else { return nil }
        guard value.count <= maximumQueryLength, !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw WebError.badRequest("Critère « \(name) » trop long ou illisible : \(maximumQueryLength) caractères au plus.")
        }
        return value
    }

    func portal() async throws -> DocumentaryPortal {
        try await Publisher(register: services.register).portal(today: services.today())
    }

    // MARK: Views

    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    struct ReferenceRow {
        let id: String
        let title: String
        let publisher: String
        let kind: String
        let isStale: Bool
        let statusLabel: String
        let hasLastCheck: Bool
        let lastCheckDate: String
        let lastCheckOutcome: String
        let hasAddress: Bool
        let address: String
        let hasCoverage: Bool
        let coverage: String

        init(_ entry: PortalReference) {
            let r = entry.reference
            id = r.id
            title = r.title
            publisher = r.publisher
            kind = r.kind.label
            isStale = entry.isStale
            statusLabel = entry.statusLabel
            let last = r.lastCheck
            hasLastCheck = last != nil
            lastCheckDate = last?.date.french ?? ""
            lastCheckOutcome = last?.outcome.label ?? ""
            hasAddress = r.address != nil
            address = r.address ?? ""
            coverage = PortalController.coverage(pathologies: r.pathologies, countries: r.countries)
            hasCoverage = !coverage.isEmpty
        }
    }

    struct SynthesisRow {
        let id: String
        let title: String
        let date: String
        let overdue: Bool
        let reviewBy: String
        let hasCoverage: Bool
        let coverage: String

        init(_ synthesis: Synthesis, today: LegalDate) {
            id = synthesis.id
            title = synthesis.title
            date = synthesis.date.french
            overdue = synthesis.isOverdue(on: today)
            reviewBy = synthesis.reviewBy.french
            coverage = PortalController.coverage(pathologies: synthesis.pathologies, countries: synthesis.countries)
            hasCoverage = !coverage.isEmpty
        }
    }

    struct LinkedReference {
        let id: String
        let label: String
    }

    struct NewsRow {
        let id: String
        let title: String
        let date: String
        let publisher: String
        let lines: [String]
        let hasLinks: Bool
        let hasCoverage: Bool
        let coverage: String
        let hasReferences: Bool
        let references: [LinkedReference]
        let hasEvent: Bool
        let event: String

        init(_ item: NewsItem, portal: DocumentaryPortal) {
            id = item.id
            title = item.title
            date = item.date.french
            publisher = item.publisher.label
            lines = Synthesis.paragraphs(from: item.text)
            coverage = PortalController.coverage(pathologies: item.pathologies, countries: item.countries)
            hasCoverage = !coverage.isEmpty
            references = item.references.map { LinkedReference(id: $0, label: portal.reference($0)?.reference.title ?? $0) }
            hasReferences = !references.isEmpty
            hasEvent = item.event != nil
            event = item.event ?? ""
            hasLinks = hasCoverage || hasReferences || hasEvent
        }
    }

    /// « Pathologies : VIH · Pays : Cameroun, Mali ».
    static func coverage(pathologies: [String], countries: [String]) -> String {
        var parts: [String] = []
        if !pathologies.isEmpty { parts.append("Pathologies : " + pathologies.joined(separator: ", ")) }
        if !countries.isEmpty { parts.append("Pays : " + countries.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }

    static func options(_ values: [String], selected: String?) -> [Option] {
        var list = values.map { Option(value: $0, label: $0, selected: DocumentaryPortal.fold($0) == selected.map(DocumentaryPortal.fold)) }
        if let selected, !list.contains(where: \.selected) { list.append(Option(value: selected, label: selected, selected: true)) }
        return list
    }

    // MARK: References

    @Sendable func references(_ request: Request, context: AppRequestContext) async throws -> Response {
        let pathology = try Self.parameter(request, "pathologie")
        let country = try Self.parameter(request, "pays")
        let kindText = try Self.parameter(request, "nature")
        var kind: ReferenceKind?
        if let kindText {
            guard let parsed = ReferenceKind(rawValue: kindText) else {
                throw WebError.badRequest("Nature « \(kindText) » inconnue : choisissez-en une dans la liste ("
                                          + ReferenceKind.allCases.map(\.rawValue).joined(separator: ", ") + ").")
            }
            kind = parsed
        }
        let today = services.today()
        let parameters = [today.iso, pathology ?? "", country ?? "", kind?.rawValue ?? ""]
        return try await services.cachedPage("portal-references", parameters, context: context) {
            let portal = try await portal()
            let found = portal.references(matching: PortalFilter(pathology: pathology, country: country, kind: kind))
            let stale = found.filter(\.isStale).count
            struct View {
                let updated: String
                let today: String
                let months: Int
                let pathologies: [Option]
                let countries: [Option]
                let kinds: [Option]
                let countLine: String
                let hasReferences: Bool
                let references: [ReferenceRow]
            }
            let count = "\(found.count) référence\(found.count > 1 ? "s" : "") sur \(portal.references.count)"
                + (stale > 0 ? ", dont \(stale) à vérifier." : ".")
            let view = View(updated: portal.updated?.french ?? "—", today: today.french, months: portal.freshnessMonths,
                            pathologies: Self.options(portal.pathologies, selected: pathology),
                            countries: Self.options(portal.countries, selected: country),
                            kinds: ReferenceKind.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0 == kind) },
                            countLine: count, hasReferences: !found.isEmpty, references: found.map(ReferenceRow.init))
            return PageCache.Page(title: "Références documentaires", body: services.renderer.fragment("portal-references", view))
        }
    }

    @Sendable func reference(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard Identifiers.isValid(id), id.count <= Self.maximumQueryLength else { throw CommitteeError.unknownReference(String(id.prefix(60))) }
        let today = services.today()
        return try await services.cachedPage("portal-reference", [today.iso, id], context: context) {
            let portal = try await portal()
            guard let entry = portal.reference(id) else { throw CommitteeError.unknownReference(id) }
            let r = entry.reference
            struct Citation { let name: String; let hasEId: Bool; let eId: String }
            struct Check { let date: String; let outcome: String; let person: String; let note: String }
            struct Linked { let id: String; let title: String; let date: String }
            struct View {
                let updated: String
                let today: String
                let title: String
                let publisher: String
                let kind: String
                let hasAddress: Bool
                let address: String
                let isStale: Bool
                let statusLabel: String
                let pathologies: String
                let countries: String
                let hasNote: Bool
                let note: String
                let hasCitations: Bool
                let citations: [Citation]
                let hasChecks: Bool
                let checks: [Check]
                let hasSyntheses: Bool
                let syntheses: [Linked]
                let hasNews: Bool
                let news: [Linked]
            }
            let checks = r.checks.enumerated().sorted { ($0.element.date, $0.offset) > ($1.element.date, $1.offset) }.map(\.element)
            let syntheses = portal.syntheses(citing: id).map { Linked(id: $0.id, title: $0.title, date: $0.date.french) }
            let news = portal.news(citing: id).map { Linked(id: $0.id, title: $0.title, date: $0.date.french) }
            let view = View(
                updated: portal.updated?.french ?? "—", today: today.french, title: r.title, publisher: r.publisher, kind: r.kind.label,
                hasAddress: r.address != nil, address: r.address ?? "", isStale: entry.isStale, statusLabel: entry.statusLabel,
                pathologies: r.pathologies.isEmpty ? "non précisées" : r.pathologies.joined(separator: ", "),
                countries: r.countries.isEmpty ? "non précisés" : r.countries.joined(separator: ", "),
                hasNote: !r.note.isEmpty, note: r.note, hasCitations: !entry.citations.isEmpty,
                citations: entry.citations.map { Citation(name: $0.name, hasEId: $0.eId != nil, eId: $0.eId ?? "") },
                hasChecks: !checks.isEmpty,
                checks: checks.map { Check(date: $0.date.french, outcome: $0.outcome.label, person: $0.person, note: $0.note) },
                hasSyntheses: !syntheses.isEmpty, syntheses: syntheses, hasNews: !news.isEmpty, news: news)
            return PageCache.Page(title: r.title, body: services.renderer.fragment("portal-reference", view))
        }
    }

    // MARK: Syntheses

    @Sendable func syntheses(_ request: Request, context: AppRequestContext) async throws -> Response {
        let pathology = try Self.parameter(request, "pathologie")
        let country = try Self.parameter(request, "pays")
        let today = services.today()
        return try await services.cachedPage("portal-syntheses", [today.iso, pathology ?? "", country ?? ""], context: context) {
            let portal = try await portal()
            let found = portal.syntheses(pathology: pathology, country: country)
            struct View {
                let updated: String
                let today: String
                let pathologies: [Option]
                let countries: [Option]
                let filtered: Bool
                let hasSyntheses: Bool
                let syntheses: [SynthesisRow]
            }
            let view = View(updated: portal.updated?.french ?? "—", today: today.french,
                            pathologies: Self.options(portal.pathologies, selected: pathology),
                            countries: Self.options(portal.countries, selected: country), filtered: pathology != nil || country != nil,
                            hasSyntheses: !found.isEmpty, syntheses: found.map { SynthesisRow($0, today: today) })
            return PageCache.Page(title: "Synthèses", body: services.renderer.fragment("portal-syntheses", view))
        }
    }

    static func versionNumber(_ request: Request, _ name: String) throws -> Int? {
        guard let text = try parameter(request, name) else { return nil }
        guard let number = Int(text), number >= 1 else {
            throw WebError.badRequest("Version « \(text) » illisible : donnez le numéro d'une version (1, 2…).")
        }
        return number
    }

    @Sendable func synthesis(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard Identifiers.isValid(id), id.count <= Self.maximumQueryLength else { throw CommitteeError.unknownSynthesis(String(id.prefix(60))) }
        let asked = try Self.versionNumber(request, "version")
        let from = try Self.versionNumber(request, "de")
        let to = try Self.versionNumber(request, "a")
        let today = services.today()
        let parameters = [today.iso, id, asked.map(String.init) ?? "", from.map(String.init) ?? "", to.map(String.init) ?? ""]
        return try await services.cachedPage("portal-synthesis", parameters, context: context) {
            try await synthesisContent(id: id, asked: asked, from: from, to: to, today: today)
        }
    }

    func synthesisContent(id: String, asked: Int?, from: Int?, to: Int?, today: LegalDate) async throws -> PageCache.Page {
        let publisher = Publisher(register: services.register)
        let portal = try await portal()
        let versions = try await publisher.synthesisVersions(id)
        let count = versions.count
        let number = asked ?? count
        guard (1...count).contains(number) else {
            throw WebError.notFound("La synthèse « \(id) » n'a pas de version \(number) : ses versions vont de 1 à \(count).")
        }
        let shown = versions[number - 1].synthesis
        var comparison: SynthesisComparison?
        if from != nil || to != nil {
            comparison = try await publisher.synthesisComparison(id, from: from ?? max(1, (to ?? count) - 1), to: to ?? count)
        }
        struct Segment { let text: String; let isEqual: Bool; let isDeleted: Bool; let isInserted: Bool }
        struct DiffParagraph { let segments: [Segment] }
        struct Reference { let id: String; let known: Bool; let title: String; let isStale: Bool; let statusLabel: String }
        struct VersionRow { let id: String; let number: Int; let date: String; let author: String; let hasPrevious: Bool; let previous: Int }
        struct NumberOption { let value: Int; let selected: Bool }
        struct View {
            let updated: String
            let today: String
            let id: String
            let title: String
            let number: Int
            let count: Int
            let isOld: Bool
            let date: String
            let reviewBy: String
            let overdue: Bool
            let pathologies: String
            let countries: String
            let authors: String
            let paragraphs: [String]
            let hasReferences: Bool
            let references: [Reference]
            let versions: [VersionRow]
            let canCompare: Bool
            let fromOptions: [NumberOption]
            let toOptions: [NumberOption]
            let hasComparison: Bool
            let fromNumber: Int
            let toNumber: Int
            let titleSegments: [Segment]
            let hasFieldChanges: Bool
            let fieldChanges: [String]
            let diffParagraphs: [DiffParagraph]
            let unchanged: Bool
        }
        func segments(_ list: [WordDiff.Segment]) -> [Segment] {
            list.map { Segment(text: $0.text, isEqual: $0.kind == .equal, isDeleted: $0.kind == .deleted, isInserted: $0.kind == .inserted) }
        }
        let references = shown.references.map { rid -> Reference in
            guard let entry = portal.reference(rid) else { return Reference(id: rid, known: false, title: rid, isStale: false, statusLabel: "") }
            return Reference(id: rid, known: true, title: entry.reference.title, isStale: entry.isStale, statusLabel: entry.statusLabel)
        }
        let fromNumber = comparison?.old.number ?? max(1, count - 1)
        let toNumber = comparison?.new.number ?? count
        let view = View(
            updated: portal.updated?.french ?? "—", today: today.french, id: id, title: shown.title, number: number, count: count,
            isOld: number != count, date: shown.date.french, reviewBy: shown.reviewBy.french,
            overdue: number == count && shown.isOverdue(on: today),
            pathologies: shown.pathologies.isEmpty ? "—" : shown.pathologies.joined(separator: ", "),
            countries: shown.countries.isEmpty ? "—" : shown.countries.joined(separator: ", "),
            authors: shown.authors.joined(separator: ", "), paragraphs: shown.paragraphs,
            hasReferences: !references.isEmpty, references: references,
            versions: versions.reversed().map { VersionRow(id: id, number: $0.number, date: $0.synthesis.date.french, author: $0.author,
                                                            hasPrevious: $0.number > 1, previous: $0.number - 1) },
            canCompare: count > 1,
            fromOptions: (1...count).map { NumberOption(value: $0, selected: $0 == fromNumber) },
            toOptions: (1...count).map { NumberOption(value: $0, selected: $0 == toNumber) },
            hasComparison: comparison != nil, fromNumber: fromNumber, toNumber: toNumber,
            titleSegments: segments(comparison?.title.segments ?? []),
            hasFieldChanges: !(comparison?.fieldChanges.isEmpty ?? true), fieldChanges: comparison?.fieldChanges ?? [],
            diffParagraphs: (comparison?.paragraphs ?? []).map { DiffParagraph(segments: segments($0)) },
            unchanged: comparison?.isUnchanged ?? false)
        return PageCache.Page(title: shown.title, body: services.renderer.fragment("portal-synthesis", view))
    }

    // MARK: News, feed, search

    @Sendable func news(_ request: Request, context: AppRequestContext) async throws -> Response {
        let today = services.today()
        return try await services.cachedPage("portal-news", [today.iso], context: context) {
            let portal = try await portal()
            struct View { let updated: String; let today: String; let hasNews: Bool; let news: [NewsRow] }
            let view = View(updated: portal.updated?.french ?? "—", today: today.french, hasNews: !portal.news.isEmpty,
                            news: portal.news.map { NewsRow($0, portal: portal) })
            return PageCache.Page(title: "Actualités", body: services.renderer.fragment("portal-news", view))
        }
    }

    @Sendable func feed(_ request: Request, context: AppRequestContext) async throws -> Response {
        let base = PublicationController(services: services, configuration: configuration).baseURL(request)
        let feed = try await services.cachedContent("portal-feed", [base]) {
            let xml = try await Publisher(register: services.register).portalFeed(baseURL: base).xml
            return PageCache.Page(title: "", body: xml)
        }
        return Response(status: .ok, headers: [.contentType: "application/atom+xml; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: feed.body)))
    }

    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = try Self.parameter(request, "q")
        let today = services.today()
        return try await services.cachedPage("portal-search", [today.iso, query ?? ""], context: context) {
            let portal = try await portal()
            let results = portal.search(query ?? "")
            struct View {
                let updated: String
                let today: String
                let query: String
                let hasQuery: Bool
                let countLine: String
                let hasReferences: Bool
                let references: [ReferenceRow]
                let hasSyntheses: Bool
                let syntheses: [SynthesisRow]
                let hasNews: Bool
                let news: [NewsRow]
            }
            let total = results.references.count + results.syntheses.count + results.news.count
            let count = total == 0 ? "Aucun résultat pour « \(query ?? "") »."
                : "\(total) résultat\(total > 1 ? "s" : "") pour « \(query ?? "") » : \(results.references.count) référence(s), "
                    + "\(results.syntheses.count) synthèse(s), \(results.news.count) actualité(s)."
            let view = View(updated: portal.updated?.french ?? "—", today: today.french, query: query ?? "", hasQuery: query != nil,
                            countLine: count, hasReferences: !results.references.isEmpty, references: results.references.map(ReferenceRow.init),
                            hasSyntheses: !results.syntheses.isEmpty, syntheses: results.syntheses.map { SynthesisRow($0, today: today) },
                            hasNews: !results.news.isEmpty, news: results.news.map { NewsRow($0, portal: portal) })
            return PageCache.Page(title: "Recherche", body: services.renderer.fragment("portal-search", view))
        }
    }
}
