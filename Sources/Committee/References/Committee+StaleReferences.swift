import Foundation
import LegalText
import Register

/// A clause that cites a reference, resolved on the text in force.
public struct CitingClause: Sendable, Hashable, Codable {
    public let work: String
    public let wId: String
    /// The clause's eId in the text in force; nil when the text in force has no clause of that wId (a clause only a
    /// draft holds, or one since deleted).
    public let eId: String?
}

/// A stale reference as the dashboard shows it.
public struct StaleReference: Sendable, Hashable, Codable {
    public let id: String
    public let publisher: String
    public let title: String
    public let address: String?
    public let kind: ReferenceKind
    /// `jamais-verifiee`, `verification-trop-ancienne`, `contenu-jamais-confirme`, or the last check's outcome
    /// (`deplacee`, `disparue`, `perimee`, `injoignable`).
    public let reason: String
    /// The reason in French (« jamais vérifiée »…).
    public let reasonLabel: String
    public let lastChecked: LegalDate?
    public let lastCheckedBy: String?
    public let clauses: [CitingClause]
}

extension StaleReason {
    /// The reason's code in JSON.
    public var code: String {
        switch self {
        case .neverChecked: return "jamais-verifiee"
        case .checkTooOld: return "verification-trop-ancienne"
        case .lastCheckFound(let outcome, _): return outcome.rawValue
        case .neverConfirmed: return "contenu-jamais-confirme"
        }
    }
}

extension Committee {
    /// The references of `state` stale on `today` under `freshness`, by id, each with the clauses citing it resolved
    /// on the text in force on `today` (its eId there, nil when that text has no clause of that wId).
    public func staleReferences(in state: CommitteeState, today: LegalDate,
                                freshness: ReferenceFreshness = ReferenceFreshness()) async throws(CommitteeError) -> [StaleReference] {
        var result: [StaleReference] = []
        var eIdsByWork: [String: [String: String]] = [:]
        for reference in state.references.values.sorted(by: { $0.id < $1.id }) {
            guard let reason = freshness.staleness(of: reference, on: today) else { continue }
            var clauses: [CitingClause] = []
            for citation in reference.citations {
                if eIdsByWork[citation.work] == nil { eIdsByWork[citation.work] = await eIdsInForce(work: citation.work, on: today) }
                clauses.append(CitingClause(work: citation.work, wId: citation.wId, eId: eIdsByWork[citation.work]?[citation.wId]))
            }
            let last = reference.lastCheck
            result.append(StaleReference(id: reference.id, publisher: reference.publisher, title: reference.title,
                                         address: reference.address, kind: reference.kind, reason: reason.code,
                                         reasonLabel: reason.label, lastChecked: last?.date, lastCheckedBy: last?.person,
                                         clauses: clauses))
        }
        return result
    }

    /// wId → eId of every clause and annex of `work` in force on `today`; empty when no version is in force.
    private func eIdsInForce(work: String, on today: LegalDate) async -> [String: String] {
        guard let commit = try? await register.resolve(.inForce(today), work: work),
              let document = try? await register.document(at: commit, work: work) else { return [:] }
        var result: [String: String] = [:]
        for clause in document.allClauses { result[clause.wId] = clause.eId }
        for annex in document.annexes { result[annex.wId] = annex.eId }
        return result
    }
}
