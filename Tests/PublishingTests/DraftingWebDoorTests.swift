import Committee
import Foundation
import LegalText
import Register
import Testing
@testable import Publishing

/// Issue 15's acceptance for the web door: the same 2027 revision of a draft of the shipped corpus, done once by an
/// amending order (`projet appliquer`, door 1) and once by the web editor's operations (door 2, through the same
/// library call the web page makes, each save on the tip the page showed), ends in the same commit content.
@Suite("drafting session: the amending-order door and the web editor's door end in the same commit content")
struct DraftingWebDoorTests {
    /// A register of the shipped corpus with review `periodique-2020` in drafting (its draft opened on the text in force).
    static func drafting() async throws -> RegisterFixture {
        let fixture = try await RegisterFixture()
        let committee = fixture.publisher.committee
        try await committee.openReview(id: "periodique-2020", kind: .periodic, work: nil, event: nil, subject: nil,
                                       acting: fixture.chair, today: fixture.today)
        try await committee.advance(review: "periodique-2020", AdvanceRequest(to: .drafting), acting: fixture.chair, today: fixture.today)
        return fixture
    }

    @Test("reword a sentence in article 3, add an alinéa, insert an article before 4 (5–7 renumbered), delete one, add a section to Annexe II")
    func sameCommitContent() async throws {
        // Door 1: the amending order.
        let byOrder = try await Self.drafting()
        let applied = try await byOrder.publisher.applyOrder(DraftingDoorsTests.order, toDraft: "periodique-2020")
        let orderCommit = try #require(try await byOrder.publisher.commit(applied, order: DraftingDoorsTests.order, author: byOrder.clerk))
        let orderText = try await byOrder.register.document(at: orderCommit)

        // Door 2: the web editor's operations, one save each, on the tip the page showed.
        let byWeb = try await Self.drafting()
        let base = try await byWeb.register.document(at: try await byWeb.register.draftTip("periodique-2020"))
        let reworded = try #require(base.clause(eId: "art_3__para_3").flatMap(DraftEdit.editableText))
            .replacingOccurrences(of: "compte principalement de", with: "compte de")
        let edits: [DraftEdit] = [
            .reword(wId: "art_3__para_3", text: reworded),
            .insertAlinea(after: "art_3__para_5", text: "Il est tenu compte des ruptures de traitement."),
            .insertArticle(after: "art_3", heading: nil, text: "Le médecin apprécie l'accessibilité effective du traitement."),
            .delete(wId: "art_7"),
            .insertSection(annex: "annex_2", after: nil, heading: "Références nouvelles",
                           text: "Le médecin s'appuie sur les synthèses de la direction générale de la santé."),
        ]
        var commits: [ObjectID] = []
        for edit in edits {
            let tip = try await byWeb.register.draftTip("periodique-2020")
            let saved = try await byWeb.publisher.applyEdit(edit, review: "periodique-2020", acting: byWeb.chair, expectedTip: tip, today: byWeb.today)
            commits.append(try #require(saved.commit, "\(edit) n'a rien enregistré"))
        }
        let webText = try await byWeb.register.document(at: try #require(commits.last))

        #expect(CanonicalWriter.string(webText) == CanonicalWriter.string(orderText),
                "\(NormativeContent(webText).differences(from: NormativeContent(orderText)))")
        #expect(webText.body.map(\.num) == ["Article 1er", "Article 2", "Article 3", "Article 4", "Article 5", "Article 6", "Article 7"])
        // One commit per save, each authored by the person acting for the drafting seat.
        for commit in commits {
            let info = try await byWeb.register.commitInfo(commit)
            #expect(info.author.email == "presidence@example.org")
        }
        // History unbroken: every clause of the base but the deleted article keeps its wId, and the history of a
        // renumbered, untouched article goes back to 2017 under its new number.
        let deleted = Set(try #require(base.body.first { $0.eId == "art_7" }).flattened.map(\.wId))
        #expect(base.allWIds.subtracting(deleted).isSubset(of: webText.allWIds))
        let history = try await byWeb.register.history(of: "art_5", upTo: "draft/periodique-2020")
        #expect(history.first?.version.hasSuffix("v2017-01-05") == true)
        #expect(history.last?.eId == "art_6")
    }

    @Test("a save on a stale tip is refused with the conflict, nothing written")
    func staleSave() async throws {
        let fixture = try await Self.drafting()
        let publisher = fixture.publisher
        let first = try await fixture.register.draftTip("periodique-2020")
        _ = try await publisher.applyEdit(.insertAlinea(after: "art_1__para_1", text: "Premier ajout."), review: "periodique-2020",
                                          acting: fixture.chair, expectedTip: first, today: fixture.today)
        let tip = try await fixture.register.draftTip("periodique-2020")
        await #expect(throws: PublishingError.register(.conflict(ref: "refs/heads/draft/periodique-2020", expected: first, actual: tip))) {
            _ = try await publisher.applyEdit(.insertAlinea(after: "art_2__para_1", text: "Second ajout."), review: "periodique-2020",
                                              acting: fixture.chair, expectedTip: first, today: fixture.today)
        }
        #expect(try await fixture.register.draftTip("periodique-2020") == tip)
        // The register's own check: a document computed on the old tip is refused even if the caller skips its check.
        let old = try await fixture.register.document(at: first)
        await #expect(throws: RegisterError.conflict(ref: "refs/heads/draft/periodique-2020", expected: first, actual: tip)) {
            _ = try await fixture.register.commitDraft("periodique-2020", document: old, expectedTip: first, message: "x", author: fixture.clerk)
        }
        #expect(try await fixture.register.draftTip("periodique-2020") == tip)
    }

    @Test("eight saves made at once on the same page: exactly one is committed, the others are refused as stale")
    func concurrentSaves() async throws {
        let fixture = try await Self.drafting()
        let publisher = fixture.publisher
        let head = try await fixture.register.draftTip("periodique-2020")
        let (chair, today) = (fixture.chair, fixture.today)
        var outcomes: [Bool] = []
        await withTaskGroup(of: Bool.self) { group in
            for index in 0..<8 {
                group.addTask { await Self.save(publisher, index: index, chair: chair, head: head, today: today) }
            }
            for await result in group { outcomes.append(result) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
        let tip = try await fixture.register.draftTip("periodique-2020")
        let info = try await fixture.register.commitInfo(tip)
        #expect(info.parents == [head])
        let text = try await fixture.register.document(at: tip)
        #expect(try #require(text.clause(eId: "art_1")).children.count == 2)
        // The working copy, which held no edits of its own, now reads the new tip.
        #expect(try await fixture.register.hasUncommittedEdits(draft: "periodique-2020") == false)
        let file = fixture.register.workingCopy(ofDraft: "periodique-2020").appendingPathComponent("AFSP1638149A.xml")
        #expect(try Data(contentsOf: file) == CanonicalWriter.data(text))
    }

    /// One save of the concurrent test: true when committed, false when refused as stale (any other refusal is an issue).
    static func save(_ publisher: Publisher, index: Int, chair: Acting, head: ObjectID, today: LegalDate) async -> Bool {
        do {
            _ = try await publisher.applyEdit(.insertAlinea(after: "art_1__para_1", text: "Ajout concurrent \(index)."),
                                              review: "periodique-2020", acting: chair, expectedTip: head, today: today)
            return true
        } catch {
            if case .register(.conflict) = error { return false }
            Issue.record("refus inattendu : \(error)")
            return false
        }
    }

    @Test("a clause deleted by an earlier save never gives its wId to a clause inserted later (two histories never join)")
    func deletedWIdNotReused() async throws {
        let fixture = try await Self.drafting()
        let publisher = fixture.publisher
        func save(_ edit: DraftEdit) async throws -> LegalDocument {
            let tip = try await fixture.register.draftTip("periodique-2020")
            let saved = try await publisher.applyEdit(edit, review: "periodique-2020", acting: fixture.chair, expectedTip: tip, today: fixture.today)
            return saved.after
        }
        let first = try await save(.insertAlinea(after: "art_3__para_5", text: "Premier ajout."))
        #expect(first.clause(eId: "art_3__para_6")?.wId == "art_3__para_6")
        _ = try await save(.delete(wId: "art_3__para_6"))
        let again = try await save(.insertAlinea(after: "art_3__para_5", text: "Second ajout, sans rapport."))
        let wId = try #require(again.clause(eId: "art_3__para_6")?.wId)
        #expect(wId != "art_3__para_6")
        #expect(wId == "art_3__para_6-2026")
    }

    @Test("only the chair's seat drafts, and only while the review is in drafting")
    func whoDrafts() async throws {
        let fixture = try await Self.drafting()
        let committee = fixture.publisher.committee
        try await committee.addSeat(Seat(id: "ofii", category: .ofiiDoctors, organisation: "OFII"), author: fixture.clerk)
        let other = Acting(seat: "ofii", fallback: Identity(name: "Médecin", email: "medecin@example.org"))
        let tip = try await fixture.register.draftTip("periodique-2020")
        await #expect(throws: PublishingError.committee(.chairOnly(action: "rédiger le projet", seat: "ofii"))) {
            _ = try await fixture.publisher.applyEdit(.delete(wId: "art_3__para_1"), review: "periodique-2020", acting: other,
                                                      expectedTip: tip, today: fixture.today)
        }
        #expect(try await fixture.register.draftTip("periodique-2020") == tip)
        // The chair's seat may; once the review is in consultation, the draft is frozen.
        let saved = try await fixture.publisher.applyEdit(.delete(wId: "art_3__para_1"), review: "periodique-2020", acting: fixture.chair,
                                                          expectedTip: tip, today: fixture.today)
        let edited = try #require(saved.commit)
        try await committee.advance(review: "periodique-2020", AdvanceRequest(to: .consultation), acting: fixture.chair, today: fixture.today)
        await #expect {
            _ = try await fixture.publisher.applyEdit(.delete(wId: "art_3__para_2"), review: "periodique-2020", acting: fixture.chair,
                                                      expectedTip: edited, today: fixture.today)
        } throws: { error in
            guard case PublishingError.committee(.wrongStage) = error else { return false }
            return true
        }
        #expect(try await fixture.register.draftTip("periodique-2020") == edited)
    }
}
