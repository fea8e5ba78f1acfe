import Committee
import Foundation
import LegalText
import Publishing

extension ReviewController {
    /// A clause relying on a stale reference, as the dashboard names it.
    struct StaleClauseRow {
        let name: String
        let eId: String
        let inForce: Bool
    }

    struct StaleReferenceRow {
        let id: String
        let publisher: String
        let title: String
        let hasAddress: Bool
        let address: String
        let reason: String
        let lastChecked: String
        let hasClauses: Bool
        let clauses: [StaleClauseRow]
    }

    /// The dashboard's section of references to check (``Templates/staleReferences``).
    struct StaleReferencesView {
        let months: Int
        let today: String
        let hasStale: Bool
        let count: Int
        let rows: [StaleReferenceRow]
    }

    /// The stale references of `status`, each with the clauses of the text in force citing it, named by their
    /// designation (« Annexe II, section A, alinéa 8 »), else their eId; a clause only a draft holds is named by its wId.
    static func staleReferencesView(_ status: CommitteeStatus, services: WebServices) async -> StaleReferencesView {
        let names = await CitingClauseNames.names(of: status.staleReferences, register: services.register, on: status.today)
        let rows = status.staleReferences.map { reference in
            let clauses = reference.clauses.map { clause in
                StaleClauseRow(name: names[clause] ?? clause.eId ?? clause.wId, eId: clause.eId ?? "", inForce: clause.eId != nil)
            }
            let last = reference.lastChecked.map { date in "le \(date.french)" + (reference.lastCheckedBy.map { " par \($0)" } ?? "") }
            return StaleReferenceRow(id: reference.id, publisher: reference.publisher, title: reference.title,
                                     hasAddress: reference.address != nil, address: reference.address ?? "", reason: reference.reasonLabel,
                                     lastChecked: last ?? "jamais", hasClauses: !clauses.isEmpty, clauses: clauses)
        }
        return StaleReferencesView(months: status.referenceCheckMonths, today: status.today.french, hasStale: !rows.isEmpty,
                                   count: rows.count, rows: rows)
    }
}
