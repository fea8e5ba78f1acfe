import Foundation
import LegalText
import Register
import Testing
@testable import Publishing

/// `suivi draft appliquer` through the library: the order applied to a draft of the register and committed by the
/// draft commit path, or refused with nothing written.
@Suite("draft appliquer: an order applied to a draft is committed whole, or nothing is written")
struct DraftApplyTests {
    /// The register's state a refused write must leave as it was: every ref and every working-copy file.
    func snapshot(_ fixture: RegisterFixture, draft: String) async throws -> [String] {
        let refs = try await fixture.register.gitStore.branches().map { "\($0.ref) \($0.tip)" }.sorted()
        let folder = fixture.register.workingCopy(ofDraft: draft)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { name in
            name + " " + String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
        }
        return refs + files
    }

    @Test("export amending A B (Akoma Ntoso) applied to a draft of A gives B's normative content; the order is in the commit message")
    func roundTripThroughTheRegister() async throws {
        let fixture = try await RegisterFixture()
        let publisher = fixture.publisher
        _ = try await fixture.register.startDraft("essai", author: fixture.clerk, today: fixture.today)
        let order = try await publisher.amendingOrder(from: "v2017-01-05", to: "draft/2026-projet")
        let text = CanonicalWriter.string(order.document)
        let applied = try await publisher.applyOrder(text, toDraft: "essai")
        #expect(!applied.diff.onlyChanged.changes.isEmpty)
        let commit = try #require(try await publisher.commit(applied, order: text, author: fixture.clerk))
        let committed = try await fixture.register.document(at: commit)
        let target = try await fixture.register.document(at: "draft/2026-projet")
        #expect(NormativeContent(committed) == NormativeContent(target), "\(NormativeContent(committed).differences(from: NormativeContent(target)))")
        let info = try await fixture.register.gitStore.commitInfo(commit)
        #expect(info.message.contains("Arrêté modificatif appliqué au projet essai"))
        #expect(info.message.contains("Après l'article 6, sont insérées les dispositions suivantes"))
        // The working copy is the committed text, so that `draft commit` users carry on from it.
        let workingCopy = fixture.register.workingCopy(ofDraft: "essai").appendingPathComponent("AFSP1638149A.xml")
        #expect(try Data(contentsOf: workingCopy) == CanonicalWriter.data(committed))
        #expect(try await fixture.register.hasUncommittedEdits(draft: "essai") == false)
        // Untouched clauses keep their wIds; the inserted alinéa of article 3 has a new one.
        #expect(committed.clause(eId: "art_3__para_5")?.wId == "art_3__para_4")
        #expect(committed.clause(eId: "art_3__para_4")?.wId == "art_3__para_4-2026")
    }

    @Test("an alinéa deleted by an earlier order never lends its wId to one an order inserts later (two histories never join)")
    func deletedWIdNotReused() async throws {
        let fixture = try await RegisterFixture()
        _ = try await fixture.register.startDraft("essai", author: fixture.clerk, today: fixture.today)
        func apply(_ order: String) async throws -> LegalDocument {
            let applied = try await fixture.publisher.applyOrder(order, toDraft: "essai")
            let commit = try #require(try await fixture.publisher.commit(applied, order: order, author: fixture.clerk))
            return try await fixture.register.document(at: commit)
        }
        let first = try await apply("L'article 3 est complété par un alinéa ainsi rédigé :\n« Premier ajout. »\n")
        let added = try #require(first.clause(eId: "art_3__para_6")?.wId)
        _ = try await apply("Le sixième alinéa de l'article 3 est supprimé.\n")
        let again = try await apply("L'article 3 est complété par un alinéa ainsi rédigé :\n« Second ajout, sans rapport. »\n")
        let wId = try #require(again.clause(eId: "art_3__para_6")?.wId)
        #expect(wId != added, "the new alinéa took the wId of the deleted one: \(wId)")
    }

    @Test("a formula that cannot apply, after others that can: nothing committed, refs and working copy unchanged")
    func failureLeavesNoTrace() async throws {
        let fixture = try await RegisterFixture()
        _ = try await fixture.register.startDraft("essai", author: fixture.clerk, today: fixture.today)
        let before = try await snapshot(fixture, draft: "essai")
        let order = "Article 1er\nL'article 5 est abrogé.\nAu premier alinéa de l'article 3, le mot : « introuvable » est supprimé.\n"
        await #expect(throws: PublishingError.self) {
            let applied = try await fixture.publisher.applyOrder(order, toDraft: "essai")
            _ = try await fixture.publisher.commit(applied, order: order, author: fixture.clerk)
        }
        #expect(try await snapshot(fixture, draft: "essai") == before)
    }

    @Test("an order whose result does not validate (two articles 4) is refused by the draft commit path; nothing is left behind")
    func invalidResultRefused() async throws {
        let fixture = try await RegisterFixture()
        _ = try await fixture.register.startDraft("essai", author: fixture.clerk, today: fixture.today)
        let before = try await snapshot(fixture, draft: "essai")
        let order = "Après l'article 3, il est inséré un article 4 ainsi rédigé :\n« Art. 4. – Un article de trop. »\n"
        let applied = try await fixture.publisher.applyOrder(order, toDraft: "essai")
        await #expect(throws: PublishingError.self) {
            _ = try await fixture.publisher.commit(applied, order: order, author: fixture.clerk)
        }
        #expect(try await snapshot(fixture, draft: "essai") == before)
    }

    @Test("a working copy with edits not committed is refused before anything is applied")
    func uncommittedWorkingCopy() async throws {
        let fixture = try await RegisterFixture()
        _ = try await fixture.register.startDraft("essai", author: fixture.clerk, today: fixture.today)
        let file = fixture.register.workingCopy(ofDraft: "essai").appendingPathComponent("AFSP1638149A.xml")
        let edited = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "principalement", with: "surtout")
        try edited.write(to: file, atomically: true, encoding: .utf8)
        let before = try await snapshot(fixture, draft: "essai")
        await #expect(throws: PublishingError.register(.uncommittedEdits(draft: "essai"))) {
            _ = try await fixture.publisher.applyOrder("L'article 5 est abrogé.", toDraft: "essai")
        }
        #expect(try await snapshot(fixture, draft: "essai") == before)
    }
}

/// The 2027 revision done by a drafter through two doors: the amending order applied, or the XML edited by hand
/// (identifiers copied from neighbours, numbers left as they were) then renumbered.
@Suite("drafting session: the amending-order door and the hand-edit door end in the same commit content")
struct DraftingDoorsTests {
    static let order = """
        Article 1er
        L'arrêté du 5 janvier 2017 susvisé est ainsi modifié :
        1° Au troisième alinéa de l'article 3, le mot : « principalement » est supprimé ;
        2° L'article 3 est complété par un alinéa ainsi rédigé :
        « Il est tenu compte des ruptures de traitement. » ;
        3° Les articles 4 à 7 deviennent les articles 5 à 8 ;
        4° Après l'article 3, il est inséré un article 4 ainsi rédigé :
        « Art. 4. – Le médecin apprécie l'accessibilité effective du traitement. » ;
        5° L'article 8 est abrogé ;
        6° L'annexe II est complétée par une section D ainsi rédigée :
        « D. – Références nouvelles
        « Le médecin s'appuie sur les synthèses de la direction générale de la santé. ».

        Article 2
        Le directeur général de la santé est chargé de l'exécution du présent arrêté.
        """

    /// The same revision as a drafter edits the XML: pasted clauses keep their neighbours' identifiers and numbers.
    static func handEdited(_ document: LegalDocument) throws -> LegalDocument {
        var document = document
        let three = try #require(document.body.firstIndex { $0.eId == "art_3" })
        let third = try #require(document.body[three].children.firstIndex { $0.eId == "art_3__para_3" })
        let text = document.body[three].children[third].content[0].plainText
        document.body[three].children[third].content[0] = Block(text: text.replacingOccurrences(of: "compte principalement de", with: "compte de"))
        var added = try #require(document.body[three].children.last)
        added.content = [Block(text: "Il est tenu compte des ruptures de traitement.")]
        document.body[three].children.append(added)
        document.body.removeAll { $0.eId == "art_7" }
        var article = document.body[three + 1]
        article.children = [Clause(kind: .paragraph, eId: "art_4__para_1", wId: "art_4__para_1",
                                   content: [Block(text: "Le médecin apprécie l'accessibilité effective du traitement.")])]
        document.body.insert(article, at: three + 1)
        let annex = try #require(document.annexes.firstIndex { $0.eId == "annex_2" })
        var section = try #require(document.annexes[annex].clauses.last)
        section.heading = [.text("Références nouvelles")]
        section.children = [Clause(kind: .paragraph, eId: "annex_2__sec_C__para_1", wId: "annex_2__sec_C__para_1",
                                   content: [Block(text: "Le médecin s'appuie sur les synthèses de la direction générale de la santé.")])]
        document.annexes[annex].clauses.append(section)
        return document
    }

    @Test("reword, add an alinéa, insert an article before 4 (5–7 renumbered), delete one, add a section to Annexe II: same commit content")
    func twoDoors() async throws {
        let fixture = try await RegisterFixture()
        let register = fixture.register
        _ = try await register.startDraft("ordre", author: fixture.clerk, today: fixture.today)
        _ = try await register.startDraft("main", author: fixture.clerk, today: fixture.today)
        let base = try await register.draftText("ordre").document

        let applied = try await fixture.publisher.applyOrder(Self.order, toDraft: "ordre")
        let byOrder = try await register.document(at: try #require(try await fixture.publisher.commit(applied, order: Self.order, author: fixture.clerk)))

        let file = register.workingCopy(ofDraft: "main").appendingPathComponent("AFSP1638149A.xml")
        try CanonicalWriter.data(try Self.handEdited(try LegalTextReader.read(contentsOf: file.path).document)).write(to: file)
        let renumbering = try await register.renumberDraft("main")
        let byHand = try await register.document(at: try #require(try await register.commit(renumbering, message: "2027", author: fixture.clerk)))

        #expect(byOrder.body == byHand.body, "\(NormativeContent(byOrder).differences(from: NormativeContent(byHand)))")
        #expect(byOrder.annexes == byHand.annexes)
        #expect(byOrder.body.map(\.num) == ["Article 1er", "Article 2", "Article 3", "Article 4", "Article 5", "Article 6", "Article 7"])
        #expect(byOrder.clause(eId: "annex_2__sec_D")?.heading?.plainText == "Références nouvelles")
        // History unbroken: every clause of the base but the repealed article keeps its wId.
        let repealed = Set(try #require(base.body.first { $0.eId == "art_7" }).flattened.map(\.wId))
        let kept = base.allWIds.subtracting(repealed)
        #expect(kept.isSubset(of: byOrder.allWIds), "\(kept.subtracting(byOrder.allWIds).sorted())")
        // No identifier typed: the new clauses' wIds are computed (eId, or eId-year when the eId was a wId).
        #expect(byOrder.clause(eId: "art_4")?.wId == "art_4-2026")
        #expect(byOrder.clause(eId: "art_3__para_6")?.wId == "art_3__para_6")
    }
}

@Suite("draft renumeroter: a hand-edited working copy gets its numbers and identifiers computed")
struct DraftRenumberTests {
    @Test("an article pasted by hand before article 4 (copied eId, wId and number): renumbered 4, 5–8 follow, new wIds, old ones kept")
    func pastedArticle() async throws {
        let fixture = try await RegisterFixture()
        let register = fixture.register
        _ = try await register.startDraft("essai", author: fixture.clerk, today: fixture.today)
        let file = register.workingCopy(ofDraft: "essai").appendingPathComponent("AFSP1638149A.xml")
        var document = try LegalTextReader.read(contentsOf: file.path).document
        let four = try #require(document.body.firstIndex { $0.eId == "art_4" })
        var copy = document.body[four]
        copy.children = [Clause(kind: .paragraph, eId: "art_4__para_1", wId: "art_4__para_1",
                                content: [Block(text: "Un article inséré à la main.")])]
        document.body.insert(copy, at: four)
        try CanonicalWriter.data(document).write(to: file)
        // What `draft commit` says of it today: refused (two art_4).
        await #expect(throws: RegisterError.self) { _ = try await register.commitDraft("essai", message: "à la main", author: fixture.clerk) }

        let renumbering = try await register.renumberDraft("essai")
        let after = renumbering.after
        #expect(after.body.map(\.num) == ["Article 1er", "Article 2", "Article 3", "Article 4", "Article 5", "Article 6", "Article 7", "Article 8"])
        #expect(after.body.map(\.wId) == ["art_1", "art_2", "art_3", "art_4-2026", "art_4", "art_5", "art_6", "art_7"])
        #expect(after.clause(eId: "art_4__para_1")?.wId == "art_4__para_1-2026")
        #expect(after.clause(eId: "art_5__para_3")?.wId == "art_4__para_3")
        #expect(renumbering.changes.contains { $0.field == .num && $0.old == "Article 7" && $0.new == "Article 8" })
        // Dry run by default: nothing written.
        #expect(try LegalTextReader.read(contentsOf: file.path).document == document)
        let commit = try #require(try await register.commit(renumbering, message: "Article 4 inséré", author: fixture.clerk))
        let committed = try await register.document(at: commit)
        #expect(committed.body.map(\.wId) == after.body.map(\.wId))
        #expect(try await register.hasUncommittedEdits(draft: "essai") == false)
    }

    @Test("a working copy already in order: nothing to change")
    func nothingToDo() async throws {
        let fixture = try await RegisterFixture()
        _ = try await fixture.register.startDraft("essai", author: fixture.clerk, today: fixture.today)
        let renumbering = try await fixture.register.renumberDraft("essai")
        #expect(renumbering.changes.isEmpty)
        #expect(renumbering.after == renumbering.before)
    }
}
