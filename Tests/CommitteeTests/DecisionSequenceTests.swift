import Foundation
import LegalText
import Register
import Testing
@testable import Committee
import SuiviSynthetic

/// Random sequences of committee decisions (event reviews adopted or closed without change, periodic reviews closed
/// and reopened, time passing), checked after each step against a plain model of the cadence: the text's next periodic
/// review is due three years after the last decision or adoption, and every open periodic review shows that same due
/// date and the same lateness (issue 14, item 10).
@Suite("Decision sequences keep the dashboard coherent with the cadence")
struct DecisionSequenceTests {

    @Test("after each random decision, the text's due date follows the model and open periodic reviews agree with it",
          arguments: [UInt64(20_261_206), 7_041_789])
    func sequence(seed: UInt64) async throws {
        print("DecisionSequenceTests seed \(seed)")
        var random = SplitMix64(seed: seed)
        let fixture = try await CommitteeFixture()
        let committee = fixture.committee
        var today = fixture.today
        var anchor = day("2017-01-05")  // the model: the last adoption's signature or decision's day
        var periodic = "periodique-0"
        var openEvents: [String] = []
        var counter = 0
        var tally: [String: Int] = [:]
        try await committee.openReview(id: periodic, kind: .periodic, work: nil, event: nil, subject: nil, acting: fixture.chair, today: today)

        for step in 0..<40 {
            counter += 1
            let operation = random.below(4)
            var done = "time"
            switch operation {
            case 0:  // open an event review
                let id = "ev-\(counter)"
                let event = CommitteeEvent(id: id, date: today, kind: .sanitary, summary: "Événement \(counter)", source: "Source",
                                           works: [], deadline: today.adding(months: 6))
                try await committee.addEvent(event, acting: fixture.chair, today: today)
                try await committee.openReview(id: "r-\(id)", kind: .event, work: nil, event: id, subject: nil, acting: fixture.chair, today: today)
                openEvents.append("r-\(id)")
                done = "open r-\(id)"
            case 1 where !openEvents.isEmpty:  // adopt an event review, drafted from the text in force
                let id = openEvents.removeFirst()
                today = today.adding(days: 1 + random.below(60))
                try await committee.advance(review: id, AdvanceRequest(to: .drafting), acting: fixture.chair, today: today)
                try await fixture.editClause(id, replacing: "Le présent arrêté", with: "Le présent arrêté (\(counter))")
                try await committee.advance(review: id, AdvanceRequest(to: .consultation), acting: fixture.chair, today: today)
                try await committee.advance(review: id, AdvanceRequest(to: .adopted, adoption: AdoptionDates(signature: today, entryIntoForce: today),
                                                                       confirmOutstanding: true), acting: fixture.chair, today: today)
                anchor = today
                done = "adopt \(id)"
            case 2 where !openEvents.isEmpty:  // close an event review without change
                let id = openEvents.removeFirst()
                try await committee.advance(review: id, AdvanceRequest(to: .closedWithoutChange, note: "Sans effet."), acting: fixture.chair,
                                            today: today)
                anchor = max(anchor, today)
                done = "close \(id)"
            case 3 where random.below(3) == 0:  // close the periodic review and open the next one
                try await committee.advance(review: periodic, AdvanceRequest(to: .closedWithoutChange, note: "Révision faite."),
                                            acting: fixture.chair, today: today)
                anchor = max(anchor, today)
                periodic = "periodique-\(counter)"
                try await committee.openReview(id: periodic, kind: .periodic, work: nil, event: nil, subject: nil, acting: fixture.chair, today: today)
                done = "cycle \(periodic)"
            default:
                today = today.adding(days: 1 + random.below(500))
            }

            tally[String(done.prefix { $0 != " " }), default: 0] += 1
            let status = try await committee.status(today: today)
            let text = try #require(status.texts.first)
            #expect(text.due == Cadence.due(after: anchor), "seed \(seed), step \(step) (\(done)): text due \(String(describing: text.due))")
            let summary = try #require(status.openReviews.first { $0.id == periodic }, "seed \(seed), step \(step)")
            #expect(summary.due == text.due && summary.overdue == text.overdue,
                    "seed \(seed), step \(step) (\(done)): review due \(String(describing: summary.due)) overdue \(summary.overdue), text due \(String(describing: text.due)) overdue \(text.overdue)")
            // The record itself was re-based by each decision (the dashboard does not have to make up for it).
            let record = try #require(try await committee.state().reviews[periodic])
            #expect(record.due == text.due, "seed \(seed), step \(step) (\(done)): recorded due \(String(describing: record.due))")
        }
        print("DecisionSequenceTests seed \(seed): \(tally.sorted { $0.key < $1.key })")
        #expect((tally["adopt"] ?? 0) > 0 && (tally["close"] ?? 0) + (tally["cycle"] ?? 0) > 0, "seed \(seed): \(tally)")
    }
}
