import Foundation
import LegalText
import Register
import Testing
@testable import Committee
import SuiviTestSupport

@Suite("Events, import and concurrent writers")
struct EventAndImportTests {
    static let shipped = ShippedFixture.committee

    @Test("an event's assessment ends in a recorded decision not to revise, with its reason")
    func decisionNotToRevise() async throws {
        let fixture = try await CommitteeFixture()
        let event = CommitteeEvent(id: "ev", date: day("2026-10-01"), kind: .therapeutic, summary: "Nouveau traitement",
                                   source: "Recommandation", works: [], deadline: day("2027-04-01"))
        try await fixture.committee.addEvent(event, acting: fixture.association, today: fixture.today)
        await #expect(throws: CommitteeError.chairOnly(action: "décider de ne pas réviser", seat: "assoc-medicale")) {
            try await fixture.committee.decideNoRevision(event: "ev", reason: "Sans effet.", acting: fixture.association, today: fixture.today)
        }
        let decided = try await fixture.committee.decideNoRevision(event: "ev", reason: "Sans effet sur l'annexe II.",
                                                                   acting: fixture.chair, today: fixture.today)
        #expect(decided.status == .noRevision && decided.decisionReason == "Sans effet sur l'annexe II.")
        #expect(try await fixture.committee.status(today: fixture.today).eventsUnderAssessment.isEmpty)
        // A review can no longer be opened for it.
        await #expect(throws: CommitteeError.eventClosed("ev")) {
            try await fixture.committee.openReview(id: "e1", kind: .event, work: nil, event: "ev", subject: nil,
                                                   acting: fixture.chair, today: fixture.today)
        }
    }

    @Test("closing an event review without change records the decision on the event")
    func eventReviewClosed() async throws {
        let fixture = try await CommitteeFixture()
        let event = CommitteeEvent(id: "ev", date: day("2026-10-01"), kind: .sanitary, summary: "Épidémie", source: "Bulletin",
                                   works: ["AFSP1638149A"], deadline: day("2027-04-01"))
        try await fixture.committee.addEvent(event, acting: fixture.ofii, today: fixture.today)
        try await fixture.committee.openReview(id: "e1", kind: .event, work: nil, event: "ev", subject: nil, acting: fixture.chair,
                                               today: fixture.today)
        try await fixture.committee.advance(review: "e1", AdvanceRequest(to: .closedWithoutChange, note: "Orientations suffisantes."),
                                            acting: fixture.chair, today: day("2026-12-01"))
        let state = try await fixture.committee.state()
        #expect(state.events["ev"]?.status == .noRevision && state.events["ev"]?.decisionReason == "Orientations suffisantes.")
        #expect(state.events["ev"]?.decisionDate == day("2026-12-01"))
    }

    @Test("an event on a text that is not in the register is refused and writes nothing")
    func eventUnknownText() async throws {
        let fixture = try await CommitteeFixture()
        let before = try await fixture.refs()
        let event = CommitteeEvent(id: "ev", date: day("2026-10-01"), kind: .geopolitical, summary: "Conflit", source: "Presse",
                                   works: ["AUTRE"], deadline: day("2027-04-01"))
        await #expect(throws: CommitteeError.unknownText("AUTRE")) {
            try await fixture.committee.addEvent(event, acting: fixture.ofii, today: fixture.today)
        }
        #expect(try await fixture.refs() == before)
    }

    @Test("the shipped roster labels as the project's choices what the CNS opinion does not say: no vote, members designated by the DGS")
    func shippedRosterLabelsProjectChoices() throws {
        let text = try String(contentsOf: Self.shipped.appendingPathComponent("members.xml"), encoding: .utf8)
        let header = try #require(text.range(of: "<comite")).lowerBound
        // The header comment, its line breaks and indentation folded to single spaces.
        let comment = text[..<header].split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let label = try #require(comment.range(of: "Choix du projet suivi, que l'avis du CNS ne prévoit pas"))
        let choices = comment[label.upperBound...]
        #expect(choices.contains("sans vote"))
        #expect(choices.contains("désignés par décision du directeur général de la santé"))
        #expect(!comment.contains("à désigner par chaque organisation"))
    }

    @Test("the shipped committee imports, its periodic review is overdue, and importing again changes nothing")
    func shipped() async throws {
        let fixture = try await CommitteeFixture(roster: false)
        let outcomes = try await fixture.committee.importRecords(from: Self.shipped.path, author: fixture.clerk)
        #expect(outcomes.allSatisfy { $0.status == .created } && outcomes.count == 3 + 11)  // roster, review, event, 11 references
        let state = try await fixture.committee.state()
        #expect(state.roster.chair?.id == "dgs")
        #expect(Set(state.roster.seats.map(\.category)) == Set(SeatCategory.allCases))
        #expect(state.roster.seats.allSatisfy { $0.members.isEmpty })
        let status = try await fixture.committee.status(today: fixture.today)
        #expect(status.openReviews.map(\.id) == ["periodique-2020"] && status.openReviews.first?.overdue == true)
        #expect(status.eventsUnderAssessment.map(\.id) == ["crise-financement-vih-2025"])
        let before = try await fixture.refs()
        let again = try await fixture.committee.importRecords(from: Self.shipped.path, author: fixture.clerk)
        #expect(again.allSatisfy { $0.status == .alreadyPresent })
        #expect(try await fixture.refs() == before)
    }

    @Test("an import with one hostile file writes nothing")
    func hostileImport() async throws {
        let fixture = try await CommitteeFixture(roster: false)
        let folder = fixture.folder.appendingPathComponent("import")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("events"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.shipped.appendingPathComponent("members.xml"),
                                         to: folder.appendingPathComponent("members.xml"))
        try Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE evenement [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <evenement xmlns="urn:suivi:comite:1" id="x">&x;</evenement>
            """.utf8).write(to: folder.appendingPathComponent("events/x.xml"))
        let before = try await fixture.refs()
        let error = await refusal { _ = try await fixture.committee.importRecords(from: folder.path, author: fixture.clerk) }
        guard case .invalidRecord(let path, let line, let reason)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(path == "committee/events/x.xml" && line == 2 && reason.contains("DOCTYPE"))
        #expect(try await fixture.refs() == before)
    }

    @Test("a record with a missing attribute is reported with its file and line")
    func missingAttribute() {
        let data = Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <comite xmlns="urn:suivi:comite:1">
              <siege id="dgs" organisation="DGS"/>
            </comite>
            """.utf8)
        #expect(throws: CommitteeError.invalidRecord(path: "committee/members.xml", line: 3,
                                                     reason: "attribut « categorie » absent de <siege>")) {
            try Roster(data: data, file: "committee/members.xml")
        }
    }

    @Test("concurrent writers through separate handles lose no comment and no position")
    func concurrentWriters() async throws {
        let fixture = try await CommitteeFixture()
        try await fixture.draftRevision("p1")
        try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .consultation), acting: fixture.chair, today: fixture.today)
        let root = fixture.folder
        let acting = [fixture.ofii, fixture.association]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<12 {
                group.addTask {
                    let committee = Committee(register: try TextRegister.open(at: root))
                    try await committee.addComment(review: "p1", eId: "art_\(index % 3 + 1)", text: "Commentaire \(index)",
                                                   acting: acting[index % 2], today: day("2026-11-24"))
                }
            }
            for (index, seat) in acting.enumerated() {
                group.addTask {
                    let committee = Committee(register: try TextRegister.open(at: root))
                    try await committee.recordPosition(review: "p1", opinion: .favorable, reason: "Avis \(index)", acting: seat,
                                                       today: day("2026-11-24"))
                }
            }
            group.addTask {
                let committee = Committee(register: try TextRegister.open(at: root))
                try await committee.addMember(Member(name: "Titulaire", email: "titulaire@example.org", from: day("2030-01-01")),
                                              toSeat: "dgs", author: Identity(name: "Secrétariat", email: "s@example.org"))
            }
            try await group.waitForAll()
        }
        let state = try await fixture.committee.state()
        #expect(state.comments["p1"]?.count == 12)
        #expect(state.positions["p1"]?.count == 2)
        #expect(state.roster.seat("dgs")?.members.count == 1)
        #expect(state.reviews["p1"]?.status == .consultation)
    }
}
