import Foundation
import LegalText

/// Why a reference is stale.
public enum StaleReason: Sendable, Hashable, Codable {
    /// No check was ever recorded.
    case neverChecked
    /// The last check is older than the period (it was due on `due`).
    case checkTooOld(lastChecked: LegalDate, due: LegalDate)
    /// The last check found the reference moved, gone, unreachable, or its content outdated.
    case lastCheckFound(CheckOutcome, on: LegalDate)
    /// Only automatic checks found the reference reachable: no person ever confirmed its content.
    case neverConfirmed(lastChecked: LegalDate)

    /// The reason in French.
    public var label: String {
        switch self {
        case .neverChecked:
            return "jamais vérifiée"
        case .checkTooOld(let last, let due):
            return "dernière vérification le \(last.french), à renouveler au plus tard le \(due.french)"
        case .lastCheckFound(let outcome, let date):
            return "\(outcome.label) lors de la dernière vérification (\(date.french))"
        case .neverConfirmed(let last):
            return "joignable le \(last.french), mais son contenu n'a jamais été confirmé par une personne"
        }
    }
}

/// When a documentary reference of Annexe II must be checked again (R3.1: the annex is reviewed whenever its
/// sources change). A reference is stale when it was never checked, when its last check found it moved, gone,
/// unreachable or its content outdated, when the last check by a person (manual: someone read the content) did
/// not find it reachable, or when that check is more than `months` calendar months old. An automatic check (`suivi sources
/// verifier`) that finds the address reachable says nothing of the content: it does not restart the period, but
/// one that finds it moved, gone or unreachable makes the reference stale at once. On the due date (last manual
/// check + `months`; a day missing in the target month becomes its last day, so 29 February 2024 + 12 months =
/// 28 February 2025) the reference is still fresh; the day after, it is stale.
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

    /// The day by which `reference` must be checked again by a person (nil when no person ever found it reachable:
    /// it is due now).
    public func due(_ reference: DocumentaryReference) -> LegalDate? {
        Self.lastConfirmation(of: reference).map { $0.date.adding(months: months) }
    }

    /// Why `reference` is stale on `today`, nil when it is fresh.
    public func staleness(of reference: DocumentaryReference, on today: LegalDate) -> StaleReason? {
        guard let last = reference.lastCheck else { return .neverChecked }
        if last.outcome != .reachable { return .lastCheckFound(last.outcome, on: last.date) }
        // A person's verdict (content outdated, page gone…) stands until a person confirms the content again.
        guard let manual = Self.lastManualCheck(of: reference) else { return .neverConfirmed(lastChecked: last.date) }
        if manual.outcome != .reachable { return .lastCheckFound(manual.outcome, on: manual.date) }
        let due = manual.date.adding(months: months)
        return due < today ? .checkTooOld(lastChecked: manual.date, due: due) : nil
    }

    /// The latest manual check that found the reference reachable, nil when the latest manual check did not.
    static func lastConfirmation(of reference: DocumentaryReference) -> ReferenceCheck? {
        lastManualCheck(of: reference).flatMap { $0.outcome == .reachable ? $0 : nil }
    }

    /// The latest check by a person (by date; the later recorded on the same day).
    static func lastManualCheck(of reference: DocumentaryReference) -> ReferenceCheck? {
        reference.checks.enumerated().filter { $0.element.method == .manual }
            .max { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }?.element
    }
}
