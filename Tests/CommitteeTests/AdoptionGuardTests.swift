import Foundation
import LegalText
import Register
import Testing
@testable import Committee

/// Adoption is checked before anything is written: its dates (against each other, today and the adopted versions),
/// what the committee left unsaid (unresolved comments, silent seats, stale positions), and what it does to the
/// other open reviews of the text (issue 14, items 9 and 10).
@Suite("Adoption guards: dates, explicit confirmation, overtaken reviews")
struct AdoptionGuardTests {
    /// A fixture with review `p1` in consultation on the 2026 draft.
    static func consulted() async throws -> CommitteeFixture {
        let fixture = try await CommitteeFixture()
        try await fixture.draftRevision("p1")
        try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .consultation), acting: fixture.chair, today: fixture.today)
        return fixture
    }

    static func adopt(_ fixture: CommitteeFixture, _ dates: AdoptionDates, review: String = "p1", confirm: Bool = true,
                      future: Bool = false, today: LegalDate? = nil) async throws -> Review {
        try await fixture.committee.advance(
            review: review, AdvanceRequest(to: .adopted, adoption: dates, confirmOutstanding: confirm, confirmFutureSignature: future),
            acting: fixture.chair, today: today ?? fixture.today)
    }

    // MARK: Dates (item 9)

    @Test("a signature in 2999 is refused even when confirmed, in French, and nothing is written")
    func farFuture() async throws {
        let fixture = try await Self.consulted()
        let before = try await fixture.refs()
        for future in [false, true] {
            let error = await refusal {
                _ = try await Self.adopt(fixture, AdoptionDates(signature: day("2999-01-01"), entryIntoForce: day("2999-02-01")), future: future)
            }
            guard case .adoptionDatesRefused(let review, let problems)? = error else {
                Issue.record("expected a refusal of the dates, got \(String(describing: error))")
                continue
            }
            #expect(review == "p1")
            #expect(problems.contains(.implausibleDate(field: "la signature", date: day("2999-01-01"), today: fixture.today)))
            #expect(error?.description.contains("1er janvier 2999") == true)
        }
        #expect(try await fixture.refs() == before)
        #expect(try await fixture.committee.state().reviews["p1"]?.status == .consultation)
    }

    @Test("a signature more than a month ahead needs an explicit confirmation; with it the version is adopted")
    func confirmedFuture() async throws {
        let fixture = try await Self.consulted()
        let before = try await fixture.refs()
        let dates = AdoptionDates(signature: day("2027-03-01"), entryIntoForce: day("2027-04-01"))  // 97 days after 24 November 2026
        let error = await refusal { _ = try await Self.adopt(fixture, dates) }
        #expect(error == .adoptionDatesRefused(review: "p1", problems: [.futureSignatureNotConfirmed(signature: day("2027-03-01"),
                                                                                                     today: fixture.today)]))
        // The message points at the confirmation as a field, which each front end names its own way.
        #expect(error?.description(.probe).contains("[futureSignatureConfirmation]") == true)
        #expect(error?.description.contains("confirmez-la explicitement") == true && error?.description.contains("--") == false)
        #expect(try await fixture.refs() == before)
        let adopted = try await Self.adopt(fixture, dates, future: true)
        #expect(adopted.adoptedVersion == "AFSP1638149A/v2027-03-01")
        // Within the month, no confirmation is asked for.
        #expect(AdoptionDateRules.problems(of: AdoptionDates(signature: fixture.today.adding(days: 31), entryIntoForce: fixture.today.adding(days: 40)),
                                           today: fixture.today, lastVersion: nil, futureConfirmed: false).isEmpty)
    }

    @Test("dates out of order are refused, each named: entry into force or publication before the signature, entry before publication")
    func outOfOrder() async throws {
        let fixture = try await Self.consulted()
        let before = try await fixture.refs()
        let cases: [(AdoptionDates, AdoptionDateProblem)] = [
            (AdoptionDates(signature: day("2026-11-20"), entryIntoForce: day("2026-11-01")),
             .entryBeforeSignature(signature: day("2026-11-20"), entry: day("2026-11-01"))),
            (AdoptionDates(signature: day("2026-11-20"), entryIntoForce: day("2026-12-01"), publication: day("2026-11-10")),
             .publicationBeforeSignature(signature: day("2026-11-20"), publication: day("2026-11-10"))),
            (AdoptionDates(signature: day("2026-11-20"), entryIntoForce: day("2026-11-21"), publication: day("2026-11-22")),
             .entryBeforePublication(publication: day("2026-11-22"), entry: day("2026-11-21"))),
            (AdoptionDates(signature: day("2016-06-01"), entryIntoForce: day("2016-07-01")),
             .signatureNotAfterLastVersion(signature: day("2016-06-01"), version: "AFSP1638149A/v2017-01-05", versionSignature: day("2017-01-05"))),
        ]
        for (dates, problem) in cases {
            let error = await refusal { _ = try await Self.adopt(fixture, dates) }
            #expect(error == .adoptionDatesRefused(review: "p1", problems: [problem]), "\(dates)")
            #expect(error?.description.hasPrefix("révision p1 : adoption refusée, dates à corriger : ") == true)
        }
        #expect(try await fixture.refs() == before)
    }

    @Test("the date rules agree with a plain model on random dates (seeded)")
    func randomDates() {
        var seed: UInt64 = 0x5eed_2026_1206
        print("AdoptionGuardTests.randomDates seed \(seed)")
        func next() -> UInt64 {
            seed &+= 0x9E37_79B9_7F4A_7C15
            var z = seed
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let today = day("2026-11-24")
        let last = (tag: "v2017-01-05", signature: day("2017-01-05"))
        for _ in 0..<500 {
            func randomDay() -> LegalDate { day("2015-01-01").adding(days: Int(next() % 6000)) }
            let signature = randomDay(), entry = randomDay()
            let publication: LegalDate? = next() % 2 == 0 ? randomDay() : nil
            let confirmed = next() % 2 == 0
            let dates = AdoptionDates(signature: signature, entryIntoForce: entry, publication: publication)
            let problems = AdoptionDateRules.problems(of: dates, today: today, lastVersion: last, futureConfirmed: confirmed)
            let limit = today.adding(months: 60)
            let ordered = signature <= entry && (publication.map { signature <= $0 && $0 <= entry } ?? true)
            let plausible = [signature, entry, publication].compactMap { $0 }.allSatisfy { $0 <= limit }
            let future = signature > today.adding(days: 31)
            let acceptable = ordered && plausible && signature > last.signature && (!future || confirmed)
            #expect(problems.isEmpty == acceptable, "\(dates) confirmed=\(confirmed) → \(problems)")
        }
    }

    // MARK: Explicit confirmation (item 10)

    @Test("adoption with an unresolved comment and silent seats is refused with their list, and nothing is written")
    func unconfirmed() async throws {
        let fixture = try await Self.consulted()
        let comment = try await fixture.committee.addComment(review: "p1", eId: "art_1__para_1", text: "À préciser.",
                                                             acting: fixture.ofii, today: fixture.today)
        let before = try await fixture.refs()
        let error = await refusal { _ = try await Self.adopt(fixture, CommitteeFixture.adoption, confirm: false) }
        guard case .adoptionNotConfirmed(let review, let outstanding)? = error else {
            Issue.record("expected a refusal asking for confirmation, got \(String(describing: error))")
            return
        }
        #expect(review == "p1")
        #expect(outstanding.openComments.map(\.id) == [comment.id])
        #expect(outstanding.silentSeats == ["ofii-medecins", "assoc-medicale"])
        let message = try #require(error).description
        #expect(message.contains(comment.id) && message.contains("sièges sans position sur le projet consulté : ofii-medecins, assoc-medicale"))
        #expect(try #require(error).description(.probe).contains("la confirmation de l'adoption ([adoptionConfirmation])"))
        #expect(!message.contains("--"))
        #expect(try await fixture.refs() == before)
    }

    @Test("a position on an earlier draft counts as stale: listed, and adoption needs the confirmation")
    func stale() async throws {
        let fixture = try await Self.consulted()
        try await fixture.allPositions("p1")
        try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .drafting), acting: fixture.chair, today: fixture.today)
        try await fixture.editDraft("p1")
        try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .consultation), acting: fixture.chair, today: fixture.today)
        try await fixture.committee.recordPosition(review: "p1", opinion: .favorable, reason: "Toujours d'accord.", acting: fixture.ofii,
                                                   today: fixture.today)
        let error = await refusal { _ = try await Self.adopt(fixture, CommitteeFixture.adoption, confirm: false) }
        #expect(error == .adoptionNotConfirmed(review: "p1", outstanding: AdoptionOutstanding(openComments: [], silentSeats: [],
                                                                                                stalePositions: ["assoc-medicale"])))
        #expect(error?.description.contains("position périmée (donnée sur un projet antérieur) : assoc-medicale") == true)
    }

    @Test("confirmed, the adoption goes through and its step records what was outstanding")
    func confirmed() async throws {
        let fixture = try await Self.consulted()
        let adopted = try await Self.adopt(fixture, CommitteeFixture.adoption, confirm: true)
        #expect(adopted.status == .adopted)
        let note = try #require(adopted.history.last?.note)
        #expect(note.contains("Adoptée en connaissance de cause malgré : sièges sans position sur le projet consulté : ofii-medecins, assoc-medicale"))
    }

    @Test("with every position given on the consulted draft and every comment resolved, no confirmation is asked for")
    func nothingOutstanding() async throws {
        let fixture = try await Self.consulted()
        try await fixture.allPositions("p1")
        let comment = try await fixture.committee.addComment(review: "p1", eId: "art_1__para_1", text: "À préciser.",
                                                             acting: fixture.ofii, today: fixture.today)
        _ = try await fixture.committee.resolveComment(review: "p1", comment: comment.id, note: "Précisé.", acting: fixture.chair,
                                                       today: fixture.today)
        let adopted = try await Self.adopt(fixture, CommitteeFixture.adoption, confirm: false)
        #expect(adopted.status == .adopted && adopted.history.last?.note == nil)
    }

    // MARK: Overtaken reviews and a coherent dashboard (item 10)

    /// The overdue periodic review `periodique-2020` and an event review `e1`, both drafting from v2017-01-05;
    /// `e1` in consultation.
    static func twoReviews() async throws -> CommitteeFixture {
        let fixture = try await CommitteeFixture()
        try await fixture.committee.openReview(id: "periodique-2020", kind: .periodic, work: nil, event: nil, subject: nil,
                                               acting: fixture.chair, today: fixture.today)
        try await fixture.committee.advance(review: "periodique-2020", AdvanceRequest(to: .drafting), acting: fixture.chair, today: fixture.today)
        let event = CommitteeEvent(id: "vih", date: day("2025-12-18"), kind: .economic, summary: "Crise du financement",
                                   source: "Avis du CNS", works: [], deadline: day("2026-06-18"))
        try await fixture.committee.addEvent(event, acting: fixture.chair, today: fixture.today)
        try await fixture.committee.openReview(id: "e1", kind: .event, work: nil, event: "vih", subject: nil, acting: fixture.chair,
                                               today: fixture.today)
        try await fixture.committee.advance(review: "e1", AdvanceRequest(to: .drafting), acting: fixture.chair, today: fixture.today)
        try await fixture.editClause("e1", replacing: "Le présent arrêté définit les orientations générales",
                                     with: "Le présent arrêté fixe les orientations générales")
        try await fixture.committee.advance(review: "e1", AdvanceRequest(to: .consultation), acting: fixture.chair, today: fixture.today)
        return fixture
    }

    /// No open periodic review is shown overdue while its text's next periodic review is not, and their due dates agree.
    static func expectCoherent(_ status: CommitteeStatus) {
        for review in status.openReviews where review.kind == .periodic {
            guard let text = status.texts.first(where: { $0.work == review.work }) else { continue }
            #expect(review.overdue == text.overdue, "\(review.id): overdue \(review.overdue), text overdue \(text.overdue)")
            #expect(review.due == text.due, "\(review.id): due \(String(describing: review.due)), text due \(String(describing: text.due))")
        }
    }

    @Test("after an event review is adopted, the overdue periodic review stays open, re-based on the new cadence with the reason")
    func periodicRebasedOnAdoption() async throws {
        let fixture = try await Self.twoReviews()
        #expect(try await fixture.committee.status(today: fixture.today).openReviews.first { $0.id == "periodique-2020" }?.overdue == true)
        _ = try await Self.adopt(fixture, AdoptionDates(signature: day("2026-11-20"), entryIntoForce: day("2026-12-01")), review: "e1")
        let status = try await fixture.committee.status(today: fixture.today)
        let periodic = try #require(status.openReviews.first { $0.id == "periodique-2020" })
        let text = try #require(status.texts.first)
        // The cadence restarts from the adoption (decided on 24 November 2026, signed on the 20th): due on 24 November 2029.
        #expect(text.due == day("2029-11-24") && !text.overdue)
        #expect(periodic.due == day("2029-11-24") && !periodic.overdue)
        Self.expectCoherent(status)
        let record = try #require(try await fixture.committee.state().reviews["periodique-2020"])
        #expect(record.status == .drafting && record.due == day("2029-11-24"))
        let step = try #require(record.history.last)
        #expect(step.from == .drafting && step.to == .drafting)
        #expect(step.note?.contains("Échéance reportée du 5 janvier 2020 au 24 novembre 2029 : la révision e1 a été adoptée (version AFSP1638149A/v2026-11-20)") == true)
        #expect(step.note?.contains("le projet draft/periodique-2020, établi sur une version antérieure, doit être mis à jour") == true)
        // Written in the adoption's own commit.
        let tip = try #require(try await fixture.register.gitStore.tip())
        let parent = try #require(try await fixture.register.gitStore.commitInfo(tip).parents.first)
        let changed = try await fixture.register.changedPaths(from: parent, to: tip)
        #expect(changed.contains(Review.path("periodique-2020")) && changed.contains(Review.path("e1")))
    }

    @Test("closing an event review without change also restarts the cadence: the periodic review's due date follows, with the reason")
    func periodicRebasedOnClosure() async throws {
        let fixture = try await Self.twoReviews()
        try await fixture.committee.advance(review: "e1", AdvanceRequest(to: .closedWithoutChange, note: "Orientations suffisantes."),
                                            acting: fixture.chair, today: day("2026-12-01"))
        let status = try await fixture.committee.status(today: day("2026-12-01"))
        Self.expectCoherent(status)
        #expect(status.openReviews.first { $0.id == "periodique-2020" }?.due == day("2029-12-01"))
        let record = try #require(try await fixture.committee.state().reviews["periodique-2020"])
        #expect(record.history.last?.note?.contains("la révision e1 a été close sans modification le 1er décembre 2026") == true)
    }

    @Test("a register written before this rule (periodic review left with its old due date) still shows a coherent dashboard")
    func legacyRecord() async throws {
        let fixture = try await Self.twoReviews()
        _ = try await Self.adopt(fixture, AdoptionDates(signature: day("2026-11-20"), entryIntoForce: day("2026-12-01")), review: "e1")
        // Put the periodic review's record back as it was before the adoption re-based it.
        var state = try await fixture.committee.state()
        var review = try #require(state.reviews["periodique-2020"])
        review.due = day("2020-01-05")
        review.history.removeLast()
        let store = fixture.register.gitStore
        _ = try await store.commit(changes: [Review.path("periodique-2020"): Data(review.xml.utf8)], message: "Ancien enregistrement",
                                   author: fixture.clerk, date: Date(), expectedParent: state.commit, signer: nil)
        state = try await fixture.committee.state()
        #expect(state.reviews["periodique-2020"]?.due == day("2020-01-05"))
        Self.expectCoherent(try await fixture.committee.status(today: fixture.today))
    }
}

@Suite("The refusal of an unconfirmed adoption says what to do about what is outstanding")
struct AdoptionRefusalMessageTests {
    @Test("silent seats only: the message asks for positions, not for resolving comments there are none of")
    func silentSeatsOnly() {
        let message = CommitteeError.adoptionNotConfirmed(
            review: "p1", outstanding: AdoptionOutstanding(openComments: [], silentSeats: ["ofii-medecins"], stalePositions: [])).description
        #expect(message.contains("Recueillez les positions sur le projet consulté par la révision p1, ou adoptez en connaissance de cause"), "\(message)")
        #expect(!message.contains("commentaires ouverts"), "\(message)")
    }

    @Test("open comments and silent seats: the message names both steps")
    func both() {
        let comment = AdoptionOutstanding.OpenComment(id: "c-1", seat: "dgs", eId: "art_1", date: day("2026-11-24"))
        let message = CommitteeError.adoptionNotConfirmed(
            review: "p1", outstanding: AdoptionOutstanding(openComments: [comment], silentSeats: ["dgs"], stalePositions: [])).description
        #expect(message.contains("Résolvez les commentaires ouverts de la révision p1 et recueillez les positions"), "\(message)")
    }
}
