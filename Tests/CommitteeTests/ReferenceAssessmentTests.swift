import Foundation
import LegalText
import Register
import Testing
@testable import Committee
import SuiviSynthetic
import SuiviTestSupport

/// Recording automatic checks in one commit, and opening the assessment of stale references like an event.
@Suite("Automatic checks recorded; assessment of stale references")
struct ReferenceAssessmentTests {
    static func reference(_ id: String, wId: String = "annex_2__sec_A__para_2", checks: [ReferenceCheck] = []) -> DocumentaryReference {
        DocumentaryReference(id: id, publisher: "Éditeur \(id)", title: "Titre", address: "https://\(id).example/",
                             kind: .officialBody, citations: [ReferenceCitation(work: "AFSP1638149A", wId: wId)], checks: checks)
    }

    static func add(_ references: [DocumentaryReference], to fixture: CommitteeFixture) async throws {
        var changes: [String: Data?] = [:]
        for reference in references { changes[DocumentaryReference.path(reference.id)] = try Committee.data(reference) }
        try await fixture.committee.apply(changes, message: "Références", author: fixture.clerk)
    }

    static func automatic(_ outcome: CheckOutcome, status: Int?, on date: LegalDate) -> ReferenceCheck {
        ReferenceCheck(date: date, person: "Robot <robot@example.org>", outcome: outcome, method: .automatic, httpStatus: status)
    }

    @Test("automatic checks of several references are ONE commit; an unknown reference or an empty batch writes nothing")
    func recordChecks() async throws {
        let fixture = try await CommitteeFixture(roster: false)
        try await Self.add([Self.reference("a"), Self.reference("b")], to: fixture)
        let before = try await fixture.refs()
        let empty = await refusal { try await fixture.committee.recordChecks([:], author: fixture.clerk, today: fixture.today) }
        guard case .invalidInput? = empty else { Issue.record("\(String(describing: empty))"); return }
        let unknown = await refusal {
            try await fixture.committee.recordChecks(["a": Self.automatic(.reachable, status: 200, on: fixture.today),
                                                      "zz": Self.automatic(.gone, status: 404, on: fixture.today)],
                                                     author: fixture.clerk, today: fixture.today)
        }
        #expect(unknown == .unknownReference("zz"))
        #expect(try await fixture.refs() == before)
        let tip = try #require(try await fixture.register.mainTip())
        try await fixture.committee.recordChecks(["a": Self.automatic(.reachable, status: 200, on: fixture.today),
                                                  "b": Self.automatic(.gone, status: 410, on: fixture.today)],
                                                 author: fixture.clerk, today: fixture.today)
        let newTip = try #require(try await fixture.register.mainTip())
        #expect(try await fixture.register.isAncestor(tip, of: newTip))
        #expect(try await fixture.register.commitInfo(newTip).summary
            == "Références : vérification automatique de 2 adresse(s) le 2026-11-24 (1 disparue, 1 joignable)")
        // The commit before the new tip is the old tip: both records changed in the one commit.
        #expect(try await fixture.committee.state(at: tip).references["b"]?.checks.isEmpty == true)
        let references = try await fixture.committee.references()
        #expect(references.map { $0.lastCheck?.httpStatus } == [200, 410])
        #expect(references.map { $0.lastCheck?.method } == [.automatic, .automatic])
    }

    @Test("confirming content needs a reason; with one it is a person's reachable check")
    func confirm() async throws {
        let fixture = try await CommitteeFixture(roster: false)
        try await Self.add([Self.reference("a", checks: [Self.automatic(.reachable, status: 200, on: fixture.today)])], to: fixture)
        let before = try await fixture.refs()
        let none = await refusal { try await fixture.committee.confirmContent(reference: "a", reason: " \n", author: fixture.clerk, today: fixture.today) }
        guard case .inputRequired? = none else { Issue.record("\(String(describing: none))"); return }
        #expect(try await fixture.refs() == before)
        let confirmed = try await fixture.committee.confirmContent(reference: "a", reason: "Lu.", author: fixture.clerk, today: fixture.today)
        #expect(confirmed.lastCheck?.method == .manual && confirmed.lastCheck?.note == "Lu.")
        #expect(ReferenceFreshness().staleness(of: confirmed, on: fixture.today) == nil)
    }

    @Test("the assessment names only references cited by the text in force, opens one event, and never twice for the same references")
    func assessment() async throws {
        let fixture = try await CommitteeFixture()
        try await Self.add([Self.reference("a"), Self.reference("draft-only", wId: "annex_2__sec_A__para_8-2026"),
                            Self.reference("fresh", checks: [ReferenceCheck(date: fixture.today, person: "A <a@example.org>", outcome: .reachable)])],
                           to: fixture)
        let names = [CitingClause(work: "AFSP1638149A", wId: "annex_2__sec_A__para_2", eId: "annex_2__sec_A__para_2"): "Annexe II, section A, alinéa 2"]
        let event = try await fixture.committee.openReferenceAssessment(acting: fixture.chair, today: fixture.today, clauseNames: names)
        #expect(event.id == "references-2026-11-24" && event.kind == .documentary && event.references == ["a"])
        #expect(event.deadline == day("2027-05-24") && event.works == ["AFSP1638149A"])
        #expect(event.summary.contains("a (Éditeur a, jamais vérifiée) — citée par : Annexe II, section A, alinéa 2"))
        let state = try await fixture.committee.state()
        #expect(state.events[event.id]?.status == .assessing && state.events[event.id]?.references == ["a"])
        // Again: nothing new is stale, nothing is written.
        let before = try await fixture.refs()
        let again = await refusal { try await fixture.committee.openReferenceAssessment(acting: fixture.chair, today: fixture.today) }
        guard case .invalidInput(let message)? = again else { Issue.record("\(String(describing: again))"); return }
        #expect(message.contains("déjà en cours d'évaluation") && message.contains("references-2026-11-24"))
        #expect(try await fixture.refs() == before)
        // A newly stale reference opens a second event, for it alone, with a distinct id.
        try await Self.add([Self.reference("b", checks: [Self.automatic(.gone, status: 404, on: fixture.today)])], to: fixture)
        let second = try await fixture.committee.openReferenceAssessment(acting: fixture.chair, today: fixture.today)
        #expect(second.id == "references-2026-11-24-2" && second.references == ["b"])
        #expect(second.summary.contains("disparue lors de la dernière vérification"))
        // Once the first assessment ends (no revision), its references can be assessed again.
        try await fixture.committee.decideNoRevision(event: event.id, reason: "Sources à jour.", acting: fixture.chair, today: fixture.today)
        let third = try await fixture.committee.openReferenceAssessment(acting: fixture.chair, today: day("2026-11-25"))
        #expect(third.references == ["a"])
    }

    @Test("nothing stale in the text in force: refused, nothing written; a non-member cannot open it")
    func nothingStale() async throws {
        let fixture = try await CommitteeFixture()
        try await Self.add([Self.reference("draft-only", wId: "annex_2__sec_A__para_8-2026")], to: fixture)
        let before = try await fixture.refs()
        let refused = await refusal { try await fixture.committee.openReferenceAssessment(acting: fixture.chair, today: fixture.today) }
        guard case .invalidInput(let message)? = refused else { Issue.record("\(String(describing: refused))"); return }
        #expect(message.contains("aucune référence documentaire citée par le texte en vigueur n'est à vérifier"))
        let stranger = await refusal {
            try await fixture.committee.openReferenceAssessment(acting: Acting(seat: "inconnu", person: fixture.clerk), today: fixture.today)
        }
        #expect(stranger == .unknownSeat("inconnu"))
        #expect(try await fixture.refs() == before)
    }
}

/// Random sequences of checks, confirmations, assessments and decisions, against a model of which references an
/// open assessment covers.
@Suite("Assessment of stale references: model-based")
struct ReferenceAssessmentModelTests {
    @Test("opening assessments never names a reference twice while an event covering it is open, and never misses a stale one")
    func randomSequences() async throws {
        let seed = UInt64.random(in: 0...UInt64.max)
        print("ReferenceAssessmentModelTests.randomSequences seed \(seed)")
        var random = SplitMix64(seed: seed)
        let fixture = try await CommitteeFixture()
        let ids = ["r0", "r1", "r2", "r3"]
        try await ReferenceAssessmentTests.add(ids.map { ReferenceAssessmentTests.reference($0) }, to: fixture)
        var stale = Set(ids)                      // never checked: all stale
        var open: [String: Set<String>] = [:]     // open event → its references
        var day = fixture.today
        for step in 0..<30 {
            let context = "seed \(seed), step \(step)"
            switch random.next() % 4 {
            case 0:
                let id = ids[Int(random.next() % UInt64(ids.count))]
                try await fixture.committee.confirmContent(reference: id, reason: "Lu.", author: fixture.clerk, today: day)
                stale.remove(id)
            case 1:
                let id = ids[Int(random.next() % UInt64(ids.count))]
                try await fixture.committee.recordChecks([id: ReferenceAssessmentTests.automatic(.gone, status: 404, on: day)],
                                                         author: fixture.clerk, today: day)
                stale.insert(id)
            case 2:
                let covered = open.values.reduce(into: Set<String>()) { $0.formUnion($1) }
                let expected = stale.subtracting(covered)
                do {
                    let event = try await fixture.committee.openReferenceAssessment(acting: fixture.chair, today: day)
                    #expect(!expected.isEmpty, "\(context): opened \(event.id) with nothing new to assess")
                    #expect(event.references == expected.sorted(), "\(context)")
                    open[event.id] = Set(event.references)
                } catch {
                    #expect(expected.isEmpty, "\(context): refused (\(error)) while \(expected.sorted()) were stale and not covered")
                    let message = "\(error)"
                    #expect(stale.isEmpty ? message.contains("aucune référence") : message.contains("déjà en cours d'évaluation"), "\(context): \(message)")
                }
            default:
                guard let id = open.keys.sorted().first else { continue }
                try await fixture.committee.decideNoRevision(event: id, reason: "Sans effet.", acting: fixture.chair, today: day)
                open[id] = nil
            }
            if random.next() % 3 == 0 { day = day.adding(days: 1) }
        }
        // The register agrees with the model: the events under assessment and what they cover.
        let state = try await fixture.committee.state()
        let assessing = state.events.values.filter { $0.status == .assessing }
        #expect(Dictionary(uniqueKeysWithValues: assessing.map { ($0.id, Set($0.references)) }) == open, "seed \(seed)")
    }
}
