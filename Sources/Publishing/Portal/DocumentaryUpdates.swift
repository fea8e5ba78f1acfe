import Committee
import Foundation
import LegalText

/// What changed in the documentary corpus since a day (CNS opinion, R3.3: the OFII medical service informs its
/// doctors of every update): the references checked, the syntheses published or revised, the news published.
public struct DocumentaryUpdates: Sendable, Hashable, Codable {
    public struct Item: Sendable, Hashable, Codable {
        /// `reference`, `synthese` or `actualite`.
        public var kind: String
        public var id: String
        public var date: LegalDate
        /// The record's own title (the reference's, the synthesis's, the news item's), for a feed entry's title.
        public var title: String
        /// One sentence in French.
        public var text: String
    }

    /// The first day covered (nil: everything recorded).
    public var since: LegalDate?
    /// The items, the most recent first.
    public var items: [Item]

    public init(since: LegalDate? = nil, items: [Item] = []) {
        self.since = since
        self.items = items
    }

    public var isEmpty: Bool { items.isEmpty }

    /// The updates of `state` on or after `since`: each reference check, each synthesis whose current version is dated
    /// then (with its number of versions when known), each news item.
    public init(state: CommitteeState, since: LegalDate?, synthesisVersionCounts: [String: Int] = [:]) {
        self.since = since
        func covered(_ date: LegalDate) -> Bool { since.map { date >= $0 } ?? true }
        var items: [Item] = []
        for reference in state.references.values {
            for check in reference.checks where covered(check.date) {
                items.append(Item(kind: "reference", id: reference.id, date: check.date, title: reference.title,
                                  text: "Référence « \(reference.title) » (\(reference.publisher)) vérifiée le \(check.date.french) : "
                                      + check.outcome.label + (check.note.isEmpty ? "" : " — \(check.note)") + "."))
            }
        }
        for synthesis in state.syntheses.values where covered(synthesis.date) {
            let revised = (synthesisVersionCounts[synthesis.id] ?? 1) > 1
            items.append(Item(kind: "synthese", id: synthesis.id, date: synthesis.date, title: synthesis.title,
                              text: "Synthèse « \(synthesis.title) » \(revised ? "mise à jour" : "publiée") le \(synthesis.date.french)"
                                  + " (à réviser au plus tard le \(synthesis.reviewBy.french))."))
        }
        for item in state.news.values where covered(item.date) {
            items.append(Item(kind: "actualite", id: item.id, date: item.date, title: item.title,
                              text: "Actualité du \(item.date.french) (\(item.publisher.label)) : \(item.title)."))
        }
        self.items = items.sorted { ($0.date, $0.kind, $0.id) > ($1.date, $1.kind, $1.id) }
    }
}

extension Publisher {
    /// The documentary updates recorded on or after `since` (nil: all).
    public func documentaryUpdates(since: LegalDate?) async throws(PublishingError) -> DocumentaryUpdates {
        let state = try await committeeState()
        var counts: [String: Int] = [:]
        for synthesis in state.syntheses.values where since.map({ synthesis.date >= $0 }) ?? true {
            counts[synthesis.id] = (try? await committee.synthesisVersions(synthesis.id))?.count
        }
        return DocumentaryUpdates(state: state, since: since, synthesisVersionCounts: counts)
    }
}
