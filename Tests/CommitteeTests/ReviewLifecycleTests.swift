import Foundation
import LegalText
import Register
import Testing
@testable import Committee

@Suite("Review lifecycle guards")
struct ReviewLifecycleTests {
    @Test("the 2017 order shows as overdue since 5 January 2020 in the dashboard")
    func dashboardOverdue() async throws {
        let fixture = try await CommitteeFixture()
        let status = try await fixture.committee.status(today: fixture.today)
        let text = try #require(status.texts.first)
        #expect(text.work == "AFSP1638149A" && text.lastVersion == "AFSP1638149A/v2017-01-05")
        #expect(text.due == day("2020-01-05") && text.overdue)
    }

    @Test("a periodic review is due on the cadence's date, and a second one is refused")
    func openPeriodic() async throws {
        let fixture = try await CommitteeFixture()
        let review = try await fixture.committee.openReview(id: "p1", kind: .periodic, work: nil, event: nil, subject: nil,
                                                           acting: fixture.chair, today: fixture.today)
        #expect(review.due == day("2020-01-05") && review.status == .opened)
        let before = try await fixture.refs()
        await #expect(throws: CommitteeError.self) {
            try await fixture.committee.openReview(id: "p2", kind: .periodic, work: nil, event: nil, subject: nil,
                                                   acting: fixture.chair, today: fixture.today)
        }
        #expect(try await fixture.refs() == before)
    }

    @Test("only the chair's seat opens and moves reviews; the refusal writes nothing")
    func chairOnly() async throws {
        let fixture = try await CommitteeFixture()
        let before = try await fixture.refs()
        await #expect(throws: CommitteeError.chairOnly(action: "ouvrir une révision", seat: "ofii-medecins")) {
            try await fixture.committee.openReview(id: "p1", kind: .periodic, work: nil, event: nil, subject: nil,
                                                   acting: fixture.ofii, today: fixture.today)
        }
        #expect(try await fixture.refs() == before)
    }

    @Test("an unknown seat is refused and writes nothing")
    func unknownSeat() async throws {
        let fixture = try await CommitteeFixture()
        let before = try await fixture.refs()
        await #expect(throws: CommitteeError.unknownSeat("inconnu")) {
            try await fixture.committee.openReview(id: "p1", kind: .periodic, work: nil, event: nil, subject: nil,
                                                   acting: Acting(seat: "inconnu", person: fixture.clerk), today: fixture.today)
        }
        #expect(try await fixture.refs() == before)
    }

    @Test("skipping a stage is refused with its reason, and writes nothing")
    func illegalTransitions() async throws {
        let fixture = try await CommitteeFixture()
        try await fixture.committee.openReview(id: "p1", kind: .periodic, work: nil, event: nil, subject: nil,
                                               acting: fixture.chair, today: fixture.today)
        let before = try await fixture.refs()
        for target in [ReviewStatus.consultation, .adopted, .disseminated, .opened] {
            let error = await refusal {
                try await fixture.committee.advance(review: "p1", AdvanceRequest(to: target, adoption: CommitteeFixture.adoption),
                                                    acting: fixture.chair, today: fixture.today)
            }
            if case .transitionRefused(_, let from, let to, let reason)? = error {
                #expect(from == "ouverte" && to == target.rawValue && !reason.isEmpty)
            } else {
                Issue.record("ouverte → \(target.rawValue): \(String(describing: error))")
            }
        }
        #expect(try await fixture.refs() == before)
    }

    @Test("a refused move to drafting creates no draft branch")
    func refusedDraftingCreatesNoBranch() async throws {
        let fixture = try await CommitteeFixture()
        try await fixture.committee.openReview(id: "p1", kind: .periodic, work: nil, event: nil, subject: nil,
                                               acting: fixture.chair, today: fixture.today)
        let before = try await fixture.refs()
        #expect(await refusal {
            try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .drafting), acting: fixture.ofii, today: fixture.today)
        } == .chairOnly(action: "faire avancer une révision", seat: "ofii-medecins"))
        #expect(try await fixture.refs() == before)
        #expect(before["refs/heads/draft/p1"] == nil)
    }

    @Test("consultation is refused while the draft does not change the text")
    func consultationNeedsChange() async throws {
        let fixture = try await CommitteeFixture()
        try await fixture.committee.openReview(id: "p1", kind: .periodic, work: nil, event: nil, subject: nil,
                                               acting: fixture.chair, today: fixture.today)
        try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .drafting), acting: fixture.chair, today: fixture.today)
        let before = try await fixture.refs()
        await #expect(throws: CommitteeError.self) {
            try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .consultation), acting: fixture.chair, today: fixture.today)
        }
        #expect(try await fixture.refs() == before)
    }

    @Test("adoption is refused to a seat other than the chair's")
    func adoptionChairOnly() async throws {
        let fixture = try await CommitteeFixture()
        try await fixture.draftRevision("p1")
        try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .consultation), acting: fixture.chair, today: fixture.today)
        let before = try await fixture.refs()
        await #expect(throws: CommitteeError.chairOnly(action: "adopter une révision", seat: "ofii-medecins")) {
            try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .adopted, adoption: CommitteeFixture.adoption, confirmOutstanding: true),
                                                acting: fixture.ofii, today: fixture.today)
        }
        #expect(try await fixture.refs() == before)
    }

    @Test("adoption is refused when the draft changed after consultation, and writes nothing")
    func adoptionNeedsConsultedCommit() async throws {
        let fixture = try await CommitteeFixture()
        try await fixture.draftRevision("p1")
        try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .consultation), acting: fixture.chair, today: fixture.today)
        try await fixture.editDraft("p1")
        let before = try await fixture.refs()
        let error = await refusal {
            try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .adopted, adoption: CommitteeFixture.adoption, confirmOutstanding: true),
                                                acting: fixture.chair, today: fixture.today)
        }
        guard case .notConsultedOnDraft? = error else {
            Issue.record("expected notConsultedOnDraft, got \(String(describing: error))")
            return
        }
        // The message gives the steps that reopen the consultation on the current draft, as a remedy each front end words.
        #expect(error?.description(.probe).hasSuffix(
            "[\(Remedy.advanceReview(review: "p1", stages: ["redaction", "consultation"], seat: "dgs"))]") == true)
        #expect(error?.description.hasSuffix("fait passer la révision p1 à l'étape « redaction » puis à l'étape « consultation »") == true)
        #expect(try await fixture.refs() == before)
    }

    @Test("adoption writes the draft on main, tags it and restarts the cadence")
    func adoption() async throws {
        let fixture = try await CommitteeFixture()
        try await fixture.draftRevision("p1")
        try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .consultation), acting: fixture.chair, today: fixture.today)
        let review = try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .adopted, adoption: CommitteeFixture.adoption, confirmOutstanding: true),
                                                         acting: fixture.chair, today: fixture.today)
        #expect(review.status == .adopted && review.adoptedVersion == "AFSP1638149A/v2026-12-15")
        // The text and the review's record are in the same, tagged commit.
        let tagged = try await fixture.register.gitStore.resolveTag("AFSP1638149A/v2026-12-15")
        let record = try #require(try await fixture.register.gitStore.readFile(path: Review.path("p1"), at: tagged))
        #expect(try Review(data: record, file: Review.path("p1")).status == .adopted)
        let inForce = try await fixture.register.versionInForce(on: day("2027-02-01"))
        #expect(inForce.name == "AFSP1638149A/v2026-12-15")
        let document = try await fixture.register.document(at: "v2026-12-15")
        #expect(document.clause(eId: "art_3__para_5")?.wId == "art_3__para_4")
        let status = try await fixture.committee.status(today: day("2027-01-10"))
        let text = try #require(status.texts.first)
        #expect(text.lastVersion == "AFSP1638149A/v2026-12-15" && text.due == day("2029-12-15") && !text.overdue)
        #expect(status.openReviews.isEmpty)
        // Then dissemination; a second adoption is refused.
        try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .disseminated), acting: fixture.chair, today: fixture.today)
        await #expect(throws: CommitteeError.self) {
            try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .adopted, adoption: CommitteeFixture.adoption, confirmOutstanding: true),
                                                acting: fixture.chair, today: fixture.today)
        }
    }

    @Test("closing without change needs a reason and completes the review for the cadence")
    func closeWithoutChange() async throws {
        let fixture = try await CommitteeFixture()
        try await fixture.committee.openReview(id: "p1", kind: .periodic, work: nil, event: nil, subject: nil,
                                               acting: fixture.chair, today: fixture.today)
        await #expect(throws: CommitteeError.self) {
            try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .closedWithoutChange), acting: fixture.chair,
                                                today: fixture.today)
        }
        try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .closedWithoutChange, note: "Texte à jour."),
                                            acting: fixture.chair, today: fixture.today)
        let text = try #require(try await fixture.committee.status(today: fixture.today).texts.first)
        #expect(text.lastReview == "p1" && text.due == day("2029-11-24") && !text.overdue)
    }

    @Test("an event opens an assessment due six months later, ended by a review")
    func eventReview() async throws {
        let fixture = try await CommitteeFixture()
        let event = CommitteeEvent(id: "vih-2025", date: day("2025-03-01"), kind: .economic, summary: "Financements", source: "CNS",
                                   works: ["AFSP1638149A"], deadline: fixture.today.adding(months: CommitteeEvent.defaultAssessmentMonths))
        try await fixture.committee.addEvent(event, acting: fixture.ofii, today: fixture.today)
        #expect(try await fixture.committee.status(today: fixture.today).eventsUnderAssessment.map(\.deadline) == [day("2027-05-24")])
        let review = try await fixture.committee.openReview(id: "e1", kind: .event, work: nil, event: "vih-2025", subject: nil,
                                                           acting: fixture.chair, today: fixture.today)
        #expect(review.due == day("2027-05-24"))
        let state = try await fixture.committee.state()
        #expect(state.events["vih-2025"]?.status == .revision && state.events["vih-2025"]?.review == "e1")
        await #expect(throws: CommitteeError.eventClosed("vih-2025")) {
            try await fixture.committee.decideNoRevision(event: "vih-2025", reason: "x", acting: fixture.chair, today: fixture.today)
        }
    }
}

@Suite("Provenance with the committee: review and writer of each adopted change")
struct ProvenanceTests {
    @Test("an adopted change names the review that adopted it and the drafter who wrote it, not the chair who adopted it")
    func reviewAndWriter() async throws {
        let fixture = try await CommitteeFixture()
        try await fixture.committee.openReview(id: "p1", kind: .periodic, work: nil, event: nil, subject: nil, acting: fixture.chair, today: fixture.today)
        try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .drafting), acting: fixture.chair, today: fixture.today)
        let alice = Identity(name: "Alice Rédactrice", email: "alice@example.org")
        let bob = Identity(name: "Bob Rédacteur", email: "bob@example.org")
        for (author, old, new) in [(alice, "définit les orientations générales", "fixe les orientations générales"),
                                   (bob, "s'appliquent à cette procédure", "s'appliquent à toute cette procédure")] {
            let target = fixture.register.workingCopy(ofDraft: "p1").appendingPathComponent("AFSP1638149A.xml")
            let text = try String(contentsOf: target, encoding: .utf8)
            try #require(text.contains(old))
            try text.replacingOccurrences(of: old, with: new).write(to: target, atomically: true, encoding: .utf8)
            _ = try await fixture.register.commitDraft("p1", message: "Modification", author: author)
        }
        try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .consultation), acting: fixture.chair, today: fixture.today)
        try await fixture.allPositions("p1")
        try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .adopted, adoption: CommitteeFixture.adoption, confirmOutstanding: true),
                                            acting: fixture.chair, today: fixture.today)

        let lines = Dictionary(uniqueKeysWithValues: try await fixture.committee.provenance().map { ($0.eId, $0) })
        let first = try #require(lines["art_1__para_1"]?.wording)
        #expect(first.change == .reworded)
        #expect(first.version == "AFSP1638149A/v2026-12-15")
        #expect(first.entryIntoForce == day("2027-01-01"))
        #expect(first.review == "p1")
        #expect(first.author == alice)
        #expect(lines["art_2__para_2"]?.wording.author == bob)
        #expect(lines["art_2__para_2"]?.wording.review == "p1")
        let untouched = try #require(lines["art_2__para_1"]?.wording)
        #expect(untouched.version == "AFSP1638149A/v2017-01-05")
        #expect(untouched.review == nil)
        #expect(untouched.author == fixture.clerk)
        // The register alone knows only the adoption's commit, authored by the chair.
        let bare = Dictionary(uniqueKeysWithValues: try await fixture.register.blame().map { ($0.eId, $0) })
        #expect(bare["art_1__para_1"]?.wording.author == fixture.chair.person)
    }
}
