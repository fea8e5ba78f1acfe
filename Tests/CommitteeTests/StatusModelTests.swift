import Foundation
import LegalText
import Register
import Testing
@testable import Committee

/// Lateness and staleness are decided by the committee's model; the front ends only print them.
@Suite("Status model: what is late and what is stale")
struct StatusModelTests {
    func review(status: ReviewStatus, due: String?) -> Review {
        Review(id: "r", kind: .periodic, work: "W", status: status, opened: day("2026-01-01"), due: due.map(day), event: nil,
               subject: "s", history: [])
    }

    @Test("an open review is late the day after its due date, never on it, and never once decided")
    func reviewLateness() {
        #expect(!review(status: .drafting, due: "2026-06-30").isOverdue(on: day("2026-06-30")))
        #expect(review(status: .drafting, due: "2026-06-30").isOverdue(on: day("2026-07-01")))
        #expect(review(status: .opened, due: "2026-06-30").isOverdue(on: day("2026-07-01")))
        #expect(review(status: .consultation, due: "2026-06-30").isOverdue(on: day("2026-07-01")))
        #expect(!review(status: .adopted, due: "2026-06-30").isOverdue(on: day("2027-07-01")))
        #expect(!review(status: .closedWithoutChange, due: "2026-06-30").isOverdue(on: day("2027-07-01")))
        #expect(!review(status: .drafting, due: nil).isOverdue(on: day("2099-01-01")))
        // A later due date known to the dashboard (the text's cadence) replaces the recorded one.
        #expect(!review(status: .drafting, due: "2026-06-30").isOverdue(on: day("2026-07-01"), due: day("2029-01-05")))
    }

    @Test("an event's assessment is late after its deadline while undecided; its default deadline is six months after it is recorded")
    func eventLateness() {
        let deadline = CommitteeEvent.deadline(recordedOn: day("2026-08-31"))
        #expect(deadline == day("2027-02-28"))
        #expect(CommitteeEvent.deadline(recordedOn: day("2026-08-31"), months: 2) == day("2026-10-31"))
        #expect(CommitteeEvent.deadline(recordedOn: day("2026-08-31"), months: 2, deadline: day("2026-09-15")) == day("2026-09-15"))
        var event = CommitteeEvent(id: "e", date: day("2026-08-01"), kind: .economic, summary: "s", source: "src", works: [],
                                   deadline: deadline)
        #expect(!event.isOverdue(on: deadline) && event.isOverdue(on: deadline.adding(days: 1)))
        event.status = .noRevision
        #expect(!event.isOverdue(on: deadline.adding(days: 1)))
    }

    @Test("a position is stale when it is about another draft than the consulted one, the chair's too")
    func staleness() {
        func position(_ seat: String, on commit: String) -> Position {
            Position(review: "r", seat: seat, opinion: .favorable, reason: "ok", commit: commit, date: day("2026-01-02"), person: "P")
        }
        let positions = [position("dgs", on: "old"), position("ofii", on: "new"), position("asso", on: "old")]
        let summary = ReviewSummary(id: "r", kind: .periodic, work: "W", status: .consultation, due: nil, overdue: false,
                                    draftBranch: "draft/r", draftTip: "new", consultedCommit: "new",
                                    draftChangedSinceConsultation: false, seatsWithoutPosition: [], stalePositions: ["asso"],
                                    positions: positions, unresolvedComments: 0)
        #expect(positions.map(summary.isStale) == [true, false, true])
    }
}
