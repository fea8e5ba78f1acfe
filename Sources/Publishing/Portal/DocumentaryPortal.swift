import Committee
import Foundation
import LegalText
import Register

/// A clause of a text that cites a reference, named as a lawyer names it (« Annexe II, section A, alinéa 2 »), with
/// its eId in the text in force as anchor (nil when that text has no clause of that wId).
public struct PortalCitation: Sendable, Hashable, Codable {
    public let work: String
    public let wId: String
    public let eId: String?
    public let name: String
}

/// A documentary reference as the public portal shows it: its record, whether it must be checked again and why
/// (stale references are shown as such, never hidden), and the clauses of the text in force citing it.
public struct PortalReference: Sendable, Hashable, Codable {
    public let reference: DocumentaryReference
    /// Why it is stale (« jamais vérifiée », « disparue lors de la dernière vérification… »); nil when fresh.
    public let staleReason: String?
    /// The code of the status: `a-jour`, `jamais-verifiee`, `verification-trop-ancienne`, `deplacee`, `disparue`, `perimee`.
    public let status: String
    public let citations: [PortalCitation]

    public var isStale: Bool { staleReason != nil }

    /// The status in French: « à jour » or why it is to be checked.
    public var statusLabel: String { staleReason.map { "à vérifier : " + $0 } ?? "à jour" }
}

/// What a visitor filters the references by; nil matches everything.
public struct PortalFilter: Sendable, Hashable {
    public var pathology: String?
    public var country: String?
    public var kind: ReferenceKind?

    public init(pathology: String? = nil, country: String? = nil, kind: ReferenceKind? = nil) {
        self.pathology = pathology
        self.country = country
        self.kind = kind
    }
}

/// What a search found, each list in the portal's order.
public struct PortalSearchResults: Sendable, Hashable {
    public let query: String
    public let references: [PortalReference]
    public let syntheses: [Synthesis]
    public let news: [NewsItem]

    public var isEmpty: Bool { references.isEmpty && syntheses.isEmpty && news.isEmpty }
}

/// The public documentary portal (CNS opinion, R5.1): Annexe II's references with their status, the syntheses and
/// the news items, as of one state of the register. Every page built from it says when the register last changed.
public struct DocumentaryPortal: Sendable, Hashable {
    public let today: LegalDate
    /// The day of the last change of the register's records (the tip of `main`), Europe/Paris; nil for an empty register.
    public let updated: LegalDate?
    public let freshnessMonths: Int
    /// Every reference, by id.
    public let references: [PortalReference]
    /// Every synthesis, by id.
    public let syntheses: [Synthesis]
    /// Every news item, the most recent first.
    public let news: [NewsItem]

    public init(state: CommitteeState, today: LegalDate, updated: LegalDate?, freshness: ReferenceFreshness,
                clauseNames: [String: [String: (eId: String, name: String)]]) {
        self.today = today
        self.updated = updated
        freshnessMonths = freshness.months
        references = state.references.values.sorted { $0.id < $1.id }.map { reference in
            let reason = freshness.staleness(of: reference, on: today)
            let citations = reference.citations.map { citation in
                if let found = clauseNames[citation.work]?[citation.wId] {
                    return PortalCitation(work: citation.work, wId: citation.wId, eId: found.eId, name: found.name)
                }
                return PortalCitation(work: citation.work, wId: citation.wId, eId: nil,
                                      name: "clause absente du texte en vigueur (wId \(citation.wId))")
            }
            return PortalReference(reference: reference, staleReason: reason?.label, status: reason?.code ?? "a-jour",
                                   citations: citations)
        }
        syntheses = state.syntheses.values.sorted { $0.id < $1.id }
        news = Committee.sortedNews(state)
    }

    /// The pathologies named by the references, syntheses and news, in French alphabetical order.
    public var pathologies: [String] {
        Self.sortedNames(references.flatMap(\.reference.pathologies) + syntheses.flatMap(\.pathologies) + news.flatMap(\.pathologies))
    }

    /// The countries named by the references, syntheses and news, in French alphabetical order.
    public var countries: [String] {
        Self.sortedNames(references.flatMap(\.reference.countries) + syntheses.flatMap(\.countries) + news.flatMap(\.countries))
    }

    /// The references matching `filter` (a pathology or country compared without case or accents).
    public func references(matching filter: PortalFilter) -> [PortalReference] {
        references.filter { entry in
            (filter.kind.map { entry.reference.kind == $0 } ?? true)
                && Self.contains(entry.reference.pathologies, filter.pathology)
                && Self.contains(entry.reference.countries, filter.country)
        }
    }

    /// The syntheses on a pathology or country (nil: any).
    public func syntheses(pathology: String? = nil, country: String? = nil) -> [Synthesis] {
        syntheses.filter { Self.contains($0.pathologies, pathology) && Self.contains($0.countries, country) }
    }

    public func reference(_ id: String) -> PortalReference? { references.first { $0.reference.id == id } }

    /// The syntheses resting on reference `id`.
    public func syntheses(citing id: String) -> [Synthesis] { syntheses.filter { $0.references.contains(id) } }

    /// The news items linked to reference `id`.
    public func news(citing id: String) -> [NewsItem] { news.filter { $0.references.contains(id) } }

    /// The references, syntheses and news containing every word of `query`, without regard to case or accents
    /// (« hepatite » finds « Hépatite »). An empty query finds nothing.
    public func search(_ query: String) -> PortalSearchResults {
        let words = Self.fold(query).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        guard !words.isEmpty else { return PortalSearchResults(query: query, references: [], syntheses: [], news: []) }
        func matches(_ fields: [String]) -> Bool {
            let haystack = Self.fold(fields.joined(separator: " "))
            return words.allSatisfy { haystack.contains($0) }
        }
        return PortalSearchResults(
            query: query,
            references: references.filter { entry in
                let r = entry.reference
                return matches([r.id, r.publisher, r.title, r.address ?? "", r.kind.label, r.note] + r.pathologies + r.countries)
            },
            syntheses: syntheses.filter { matches([$0.id, $0.title] + $0.pathologies + $0.countries + $0.paragraphs) },
            news: news.filter { matches([$0.id, $0.title, $0.text, $0.publisher.label] + $0.pathologies + $0.countries) })
    }

    /// Lower case, without accents (« Côte d'Ivoire » → « cote d'ivoire »).
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "fr_FR"))
            .lowercased()
    }

    static func contains(_ values: [String], _ wanted: String?) -> Bool {
        guard let wanted, !wanted.isEmpty else { return true }
        let folded = fold(wanted)
        return values.contains { fold($0) == folded }
    }

    /// Distinct names (without regard to case or accents), sorted as a French reader expects.
    static func sortedNames(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for name in names where seen.insert(fold(name)).inserted { result.append(name) }
        return result.sorted { (fold($0), $0) < (fold($1), $1) }
    }
}

extension Publisher {
    /// The documentary portal as of `today`: the records at the tip of `main`, the citing clauses named in the text in
    /// force on `today`.
    public func portal(today: LegalDate, freshness: ReferenceFreshness = ReferenceFreshness()) async throws(PublishingError)
        -> DocumentaryPortal {
        let state = try await committeeState()
        var updated: LegalDate?
        if let commit = state.commit {
            let info = try await call { () async throws(RegisterError) in try await register.commitInfo(commit) }
            updated = LegalDate.today(in: .paris, now: info.date)
        }
        var names: [String: [String: (eId: String, name: String)]] = [:]
        for work in Set(state.references.values.flatMap { $0.citations.map(\.work) }) {
            names[work] = await clauseNames(work: work, on: today)
        }
        return DocumentaryPortal(state: state, today: today, updated: updated, freshness: freshness, clauseNames: names)
    }

    /// wId → (eId, name as a lawyer writes it) of every clause and annex of `work` in force on `today`.
    func clauseNames(work: String, on today: LegalDate) async -> [String: (eId: String, name: String)] {
        guard let version = try? await register.versionInForce(on: today, work: work),
              let document = try? await register.document(at: version.commit, work: work) else { return [:] }
        let designations = Designation.byEId(in: document)
        var result: [String: (eId: String, name: String)] = [:]
        for annex in document.annexes {
            result[annex.wId] = (annex.eId, annex.number ?? annex.eId)
        }
        for clause in document.allClauses {
            result[clause.wId] = (clause.eId, designations[clause.eId]?.label ?? clause.eId)
        }
        return result
    }
}
