import Foundation
import LegalText

/// Why a reference is stale.
public enum StaleReason: Sendable, Hashable, Codable {
    /// No check was ever recorded.
    case neverChecked
    /// The last check is older than the period (it was due on `due`).
    case checkTooOld(lastChecked: LegalDate, due: LegalDate)
    /// The last check found the reference moved, gone, or its content outdated.
    case lastCheckFound(CheckOutcome, on: LegalDate)

    /// The reason in French.
    public var label: String {
        switch self {
        case .neverChecked:
            return "jamais vérifiée"
        case .checkTooOld(let last, let due):
            return "dernière vérification le \(last.french), à renouveler au plus tard le \(due.french)"
        case .lastCheckFound(let outcome, let date):
            return "\(outcome.label) lors de la dernière vérification (\(date.french))"
        }
    }
}

/// When a documentary reference of Annexe II must be checked again (R3.1: the annex is reviewed whenever its
/// sources change). A reference is stale when it was never checked, when its last check is more than `months`
/// calendar months old, or when its last check found it moved, gone or its content outdated. On the due date
/// (last check + `months`; a day missing in the target month becomes its last day, so 29 February 2024 + 12
/// months = 28 February 2025) the reference is still fresh; the day after, it is stale.
public struct ReferenceFreshness: Sendable, Hashable, Codable {
    /// The default period between two checks: twelve months.
    public static let defaultMonths = 12

    public var months: Int

    public init(months: Int = defaultMonths) {
        self.months = months
    }

    /// A period given by a user: between 1 and 120 months.
    /// - Throws: ``CommitteeError/invalidInput(_:)`` for any other value.
    public static func checked(months: Int) throws(CommitteeError) -> ReferenceFreshness {
        guard (1...120).contains(months) else {
            throw .invalidInput("la période de vérification des références doit être comprise entre 1 et 120 mois (reçu : \(months)).")
        }
        return ReferenceFreshness(months: months)
    }

    /// The day by which `reference` must be checked again (nil when never checked: it is due now).
    public func due(_ reference: DocumentaryReference) -> LegalDate? {
        reference.lastCheck.map { $0.date.adding(months: months) }
    }

    /// Why `reference` is stale on `today`, nil when it is fresh.
    public func staleness(of reference: DocumentaryReference, on today: LegalDate) -> StaleReason? {
        guard let last = reference.lastCheck else { return .neverChecked }
        if last.outcome != .reachable { return .lastCheckFound(last.outcome, on: last.date) }
        let due = last.date.adding(months: months)
        return due < today ? .checkTooOld(lastChecked: last.date, due: due) : nil
    }
}
