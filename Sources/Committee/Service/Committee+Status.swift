import Foundation
import LegalText
import Register

/// An open review as the dashboard shows it.
public struct ReviewSummary: Sendable, Hashable, Codable {
    public let id: String
    public let kind: ReviewKind
    public let work: String
    public let status: ReviewStatus
    public let due: LegalDate?
    public let overdue: Bool
    public let draftBranch: String?
    public let draftTip: String?
    public let consultedCommit: String?
    /// Whether the draft moved after consultation opened (adoption is refused until consulted again).
    public let draftChangedSinceConsultation: Bool
    /// Seats (other than the chair) with no position on the consulted draft.
    public let seatsWithoutPosition: [String]
    /// Seats whose position is about an older draft.
    public let stalePositions: [String]
    public let positions: [Position]
    public let unresolvedComments: Int

    /// Whether `position` is about another draft than the one the committee was consulted on (it must be given
    /// again). The dashboard, the review page and the adoption guard all ask this.
    public func isStale(_ position: Position) -> Bool { position.isStale(consulted: consultedCommit) }
}

/// An event whose assessment is still open.
public struct EventSummary: Sendable, Hashable, Codable {
    public let id: String
    public let date: LegalDate
    public let kind: EventKind
    public let summary: String
    public let deadline: LegalDate
    public let overdue: Bool
}

/// The committee's dashboard (`suivi status`).
public struct CommitteeStatus: Sendable, Hashable, Codable {
    public let today: LegalDate
    public let texts: [TextCadence]
    public let openReviews: [ReviewSummary]
    public let eventsUnderAssessment: [EventSummary]
    /// Records holding characters XML cannot hold, read without them (`suivi committee repair` rewrites them).
    public var damagedRecords: [DamagedRecord] = []
    /// Annexe II's references to check (never checked, checked too long ago, moved, gone or outdated), with the
    /// clauses of the text in force that cite them.
    public var staleReferences: [StaleReference] = []
    /// The period between two checks of a reference, in months.
    public var referenceCheckMonths: Int = ReferenceFreshness.defaultMonths
    /// Syntheses (R5.1) whose review date has passed, the oldest review date first.
    public var overdueSyntheses: [OverdueSynthesis] = []
}

extension Committee {
    /// Where text `work` stands in its cadence on `today`.
    public func cadence(of work: String, in state: CommitteeState, today: LegalDate) async throws(CommitteeError) -> TextCadence {
        let versions = try await call { () async throws(RegisterError) in try await register.versions() }
        let adopted = versions.filter { $0.kind == .adopted && $0.record?.work == work }
            .compactMap { version in version.record?.signature.map { (version.name, $0) } }
            .max { $0.1 < $1.1 }
        let completed = state.reviews.values.filter { $0.work == work }
            .compactMap { review in review.completed.map { (review.id, $0) } }
            .max { ($0.1, $0.0) < ($1.1, $1.0) }
        return TextCadence(work: work, lastVersion: adopted?.0, lastAdoption: adopted?.1, lastReview: completed?.0,
                           lastReviewDate: completed?.1, today: today)
    }

    /// The dashboard: each text's cadence (overdue or not), the open reviews with their stage, deadline,
    /// missing and stale positions and unresolved comments, and the events still under assessment.
    public func status(today: LegalDate, freshness: ReferenceFreshness = ReferenceFreshness()) async throws(CommitteeError) -> CommitteeStatus {
        let state = try await state()
        guard let main = state.commit else {
            var empty = CommitteeStatus(today: today, texts: [], openReviews: [], eventsUnderAssessment: [])
            empty.referenceCheckMonths = freshness.months
            return empty
        }
        let works = try await call { () async throws(RegisterError) in try await register.works(at: main) }
        var texts: [TextCadence] = []
        for work in works { texts.append(try await cadence(of: work, in: state, today: today)) }
        var reviews: [ReviewSummary] = []
        for review in state.reviews.values.sorted(by: { ($0.opened, $0.id) < ($1.opened, $1.id) }) where review.status.isOpen {
            reviews.append(try await summary(of: review, in: state, today: today))
        }
        let events = state.events.values.filter { $0.status == .assessing }.sorted { ($0.deadline, $0.id) < ($1.deadline, $1.id) }
            .map { EventSummary(id: $0.id, date: $0.date, kind: $0.kind, summary: $0.summary, deadline: $0.deadline,
                                overdue: $0.isOverdue(on: today)) }
        var status = CommitteeStatus(today: today, texts: texts, openReviews: reviews, eventsUnderAssessment: events)
        status.damagedRecords = state.damaged
        status.staleReferences = try await staleReferences(in: state, today: today, freshness: freshness)
        status.referenceCheckMonths = freshness.months
        status.overdueSyntheses = Self.overdueSyntheses(in: state, today: today)
        return status
    }

    /// One review with its positions and comments, as of `today`.
    public func summary(of review: Review, in state: CommitteeState, today: LegalDate) async throws(CommitteeError) -> ReviewSummary {
        var tip: ObjectID?
        if let branch = review.draftBranch {
            tip = try await draftTip(branch)
        }
        let positions = state.positions[review.id] ?? [:]
        let consulted = review.status == .consultation ? review.consultedCommit : nil
        var missing: [String] = []
        var stale: [String] = []
        if let consulted {
            for seat in state.roster.seats where !seat.isChair {
                guard let position = positions[seat.id] else { missing.append(seat.id); continue }
                if position.isStale(consulted: consulted) { stale.append(seat.id) }
            }
        }
        let unresolved = (state.comments[review.id] ?? []).filter { $0.replyTo == nil && $0.resolution == nil }.count
        // An open periodic review is due when the text's cadence says (a decision on another review of the text restarts
        // it), so the dashboard never shows it overdue while the text's next periodic review is years away.
        var due = review.due
        if review.kind == .periodic && review.status.isOpen, let cadenceDue = try await cadence(of: review.work, in: state, today: today).due {
            due = [due, cadenceDue].compactMap { $0 }.max()
        }
        return ReviewSummary(
            id: review.id, kind: review.kind, work: review.work, status: review.status, due: due,
            overdue: review.isOverdue(on: today, due: due), draftBranch: review.draftBranch,
            draftTip: tip?.description, consultedCommit: review.consultedCommit,
            draftChangedSinceConsultation: review.consultedCommit != nil && tip != nil && review.consultedCommit != tip?.description,
            seatsWithoutPosition: missing, stalePositions: stale,
            positions: positions.values.sorted { $0.seat < $1.seat }, unresolvedComments: unresolved)
    }
}
