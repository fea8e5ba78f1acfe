import Foundation
import LegalText

/// The review cadence (R3.1): a text is reviewed at most three years after its last adoption or its
/// last completed review, whichever is later.
///
/// - The cadence starts at the **signature date** of the last adopted version (the adoption itself),
///   not at its entry into force: for the 2017 order, signed on 5 January 2017 and in force on 23
///   January 2017, the first periodic review was due on 5 January 2020.
/// - A completed review is one adopted or closed without change; its date is the day of that decision.
/// - Three years are 36 calendar months. A 29 February start ends on 28 February (2020-02-29 + 3 years
///   = 2023-02-28): the earlier day, so a review is never due *later* than three years after.
public struct Cadence: Sendable, Hashable {
    /// The period, in months.
    public static let months = 36

    /// The due date of the next periodic review after `anchor`.
    public static func due(after anchor: LegalDate) -> LegalDate { anchor.adding(months: months) }
}

/// Where one text stands in its cadence on a given day.
public struct TextCadence: Sendable, Hashable, Codable {
    public let work: String
    /// The last adopted version (tag) and its signature date.
    public let lastVersion: String?
    public let lastAdoption: LegalDate?
    /// The last completed review and the date it was decided.
    public let lastReview: String?
    public let lastReviewDate: LegalDate?
    /// The later of the two: where the cadence starts.
    public let anchor: LegalDate?
    /// When the next periodic review is due.
    public let due: LegalDate?
    public let today: LegalDate
    /// Whether `today` is past the due date.
    public let overdue: Bool
    /// Days past due (0 when not overdue).
    public let overdueDays: Int
    /// The delay in French ("6 ans, 10 mois et 19 jours"), when overdue.
    public let delay: String?

    public init(work: String, lastVersion: String?, lastAdoption: LegalDate?, lastReview: String?,
                lastReviewDate: LegalDate?, today: LegalDate) {
        self.work = work
        self.lastVersion = lastVersion
        self.lastAdoption = lastAdoption
        self.lastReview = lastReview
        self.lastReviewDate = lastReviewDate
        self.today = today
        let anchor = [lastAdoption, lastReviewDate].compactMap { $0 }.max()
        self.anchor = anchor
        let due = anchor.map(Cadence.due(after:))
        self.due = due
        if let due, due < today {
            overdue = true
            overdueDays = due.days(until: today)
            delay = frenchDuration(due.elapsed(until: today))
        } else {
            overdue = false
            overdueDays = 0
            delay = nil
        }
    }
}
