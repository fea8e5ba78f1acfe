import Foundation
import LegalText
import SuiviSynthetic
import Testing
@testable import Publishing

/// The web editor's operations (``DraftEdit``) on the 2017 text: each gives the document a drafter expects, with
/// numbers, eIds and new wIds computed and existing wIds kept.
@Suite("draft edits: each operation gives the expected document, identifiers computed")
struct DraftEditTests {
    static func text() throws -> LegalDocument { try Corpus.read("2017-01-05") }

    static func valid(_ document: LegalDocument) throws -> [ValidationProblem] {
        try LegalTextValidator.validateAsStored(document, file: "AFSP1638149A.xml")
    }

    @Test("rewording an alinéa changes its text only; its wId and eId stay")
    func reword() throws {
        let before = try Self.text()
        let old = try #require(before.clause(eId: "art_3__para_3").flatMap(DraftEdit.editableText))
        let new = old.replacingOccurrences(of: "compte principalement de", with: "compte de")
        let after = try DraftEdit.reword(wId: "art_3__para_3", text: new).applied(to: before, known: [], year: 2027)
        #expect(after.clause(eId: "art_3__para_3")?.content.map(\.plainText) == [new])
        #expect(after.clause(eId: "art_3__para_3")?.wId == "art_3__para_3")
        var expected = before
        expected.body[2].children[2].content[0] = Block(text: new)
        #expect(after == expected)
        #expect(try Self.valid(after).isEmpty)
    }

    @Test("rewording keeps the markup of a reference outside the changed words")
    func rewordKeepsMarkup() throws {
        let inlines: [Inline] = [.text("Vu l'"), .element(name: "ref", attributes: ["href": "/x"], children: [.text("article L. 425-9")]),
                                 .text(" du code, principalement.")]
        let result = DraftEdit.reworded(inlines, to: "Vu l'article L. 425-9 du code, surtout.")
        #expect(result == [.text("Vu l'"), .element(name: "ref", attributes: ["href": "/x"], children: [.text("article L. 425-9")]),
                           .text(" du code, surtout.")])
        // A change inside the reference's words: the reference becomes plain text (its words changed).
        #expect(DraftEdit.reworded(inlines, to: "Vu l'article L. 425-10 du code, principalement.").plainText
            == "Vu l'article L. 425-10 du code, principalement.")
    }

    @Test("an alinéa inserted after the second of article 3 is the third; the next ones are renumbered, keep their wIds")
    func insertAlinea() throws {
        let before = try Self.text()
        let after = try DraftEdit.insertAlinea(after: "art_3__para_2", text: "Nouvel alinéa.").applied(to: before, known: [], year: 2027)
        let article = try #require(after.clause(eId: "art_3"))
        #expect(article.children.map(\.eId) == (1...6).map { "art_3__para_\($0)" })
        #expect(article.children.map(\.wId) == ["art_3__para_1", "art_3__para_2", "art_3__para_3-2027", "art_3__para_3", "art_3__para_4",
                                                "art_3__para_5"])
        #expect(article.children[2].content.map(\.plainText) == ["Nouvel alinéa."])
        #expect(try Self.valid(after).isEmpty)
    }

    @Test("an article inserted after article 3 is article 4; articles 4 to 7 become 5 to 8 with their wIds")
    func insertArticle() throws {
        let before = try Self.text()
        let after = try DraftEdit.insertArticle(after: "art_3", heading: nil, text: "Texte.").applied(to: before, known: [], year: 2027)
        #expect(after.body.map(\.num) == ["Article 1er", "Article 2", "Article 3", "Article 4", "Article 5", "Article 6", "Article 7", "Article 8"])
        #expect(after.body.map(\.eId) == (1...8).map { "art_\($0)" })
        #expect(after.body.map(\.wId) == ["art_1", "art_2", "art_3", "art_4-2027", "art_4", "art_5", "art_6", "art_7"])
        #expect(after.clause(eId: "art_4__para_1")?.wId == "art_4__para_1-2027")
        #expect(after.clause(eId: "art_5__para_1")?.wId == "art_4__para_1")
        #expect(try Self.valid(after).isEmpty)
        let first = try DraftEdit.insertArticle(after: nil, heading: "Objet", text: "Premier.").applied(to: before, known: [], year: 2027)
        #expect(first.body.first?.num == "Article 1er")
        #expect(first.body.first?.headingText == "Objet")
        #expect(first.body.dropFirst().first?.num == "Article 2")
        #expect(try Self.valid(first).isEmpty)
    }

    @Test("a deleted article leaves its number free, as an abrogation does; a new article then fills the gap only")
    func deleteArticle() throws {
        let before = try Self.text()
        let after = try DraftEdit.delete(wId: "art_5").applied(to: before, known: [], year: 2027)
        #expect(after.body.map(\.num) == ["Article 1er", "Article 2", "Article 3", "Article 4", "Article 6", "Article 7"])
        #expect(after.clause(eId: "art_6")?.wId == "art_6")
        let filled = try DraftEdit.insertArticle(after: "art_4", heading: nil, text: "Nouveau.").applied(to: after, known: before.allWIds, year: 2027)
        #expect(filled.body.map(\.num) == ["Article 1er", "Article 2", "Article 3", "Article 4", "Article 5", "Article 6", "Article 7"])
        // art_5 was the deleted article's wId: a new clause never takes it.
        #expect(filled.clause(eId: "art_5")?.wId == "art_5-2027")
        #expect(try Self.valid(filled).isEmpty)
    }

    @Test("moving an article down exchanges the numbers; moving the first up is refused")
    func move() throws {
        let before = try Self.text()
        let after = try DraftEdit.moveDown(wId: "art_2").applied(to: before, known: [], year: 2027)
        #expect(after.body.map(\.wId).prefix(3) == ["art_1", "art_3", "art_2"])
        #expect(after.body.map(\.num).prefix(3) == ["Article 1er", "Article 2", "Article 3"])
        #expect(after.clause(eId: "art_2__para_1")?.wId == "art_3__para_1")
        #expect(throws: PublishingError.self) { try DraftEdit.moveUp(wId: "art_1").applied(to: before, known: [], year: 2027) }
        let para = try DraftEdit.moveUp(wId: "art_3__para_2").applied(to: before, known: [], year: 2027)
        #expect(para.clause(eId: "art_3")?.children.map(\.wId).prefix(2) == ["art_3__para_2", "art_3__para_1"])
        #expect(try Self.valid(para).isEmpty)
    }

    @Test("a section added at the end of Annexe II is lettered D with its heading and alinéa")
    func insertSection() throws {
        let before = try Self.text()
        let after = try DraftEdit.insertSection(annex: "annex_2", after: nil, heading: "Références nouvelles", text: "Texte.")
            .applied(to: before, known: [], year: 2027)
        let section = try #require(after.clause(eId: "annex_2__sec_D"))
        #expect(section.num == "D.")
        #expect(section.headingText == "Références nouvelles")
        #expect(section.wId == "annex_2__sec_D")
        #expect(section.children.map(\.eId) == ["annex_2__sec_D__para_1"])
        #expect(try Self.valid(after).isEmpty)
        let between = try DraftEdit.insertSection(annex: "annex_2", after: "annex_2__sec_A", heading: nil, text: "Texte.")
            .applied(to: before, known: [], year: 2027)
        #expect(between.annexes[1].clauses.filter { $0.kind == .section }.map(\.num) == ["A.", "B.", "C.", "D."])
        #expect(between.clause(eId: "annex_2__sec_B")?.wId == "annex_2__sec_B-2027")
        #expect(between.clause(eId: "annex_2__sec_C")?.wId == "annex_2__sec_B")
        #expect(try Self.valid(between).isEmpty)
    }

    @Test("bad text is refused with a French reason: empty, a control character, too long", arguments: [
        "", "   \n ", "Texte\u{0B}invisible", "Texte\u{07}cloche", "Texte\u{85}NEL", String(repeating: "a", count: DraftEdit.maximumTextLength + 1),
    ])
    func badText(_ text: String) throws {
        let before = try Self.text()
        #expect {
            _ = try DraftEdit.reword(wId: "art_1__para_1", text: text).applied(to: before, known: [], year: 2027)
        } throws: { error in
            guard case PublishingError.editRefused(let reason) = error else { return false }
            return reason.contains("champ « texte »")
        }
    }

    @Test("line breaks typed in a form become spaces")
    func lineBreaks() throws {
        #expect(try DraftEdit.checked("  Un\r\nalinéa\t en  deux lignes ", field: "texte") == "Un alinéa en deux lignes")
    }

    @Test("deleting the only alinéa of an article is refused, with what to do")
    func lastAlinea() throws {
        let before = try Self.text()
        #expect(throws: PublishingError.self) { try DraftEdit.delete(wId: "art_1__para_1").applied(to: before, known: [], year: 2027) }
    }
}

/// Random sequences of edits checked against a model of the body: a list of articles (number, wId) each holding a
/// list of alinéas (text, wId).
@Suite("draft edits against a model (random sequences)")
struct DraftEditModelTests {
    /// An alinéa's own text (``DraftEdit/editableText(of:)``: editorial notes apart; empty when it holds only a note).
    struct Alinea: Equatable { var text: String; var wId: String? }
    struct Article: Equatable { var number: Int; var wId: String?; var alineas: [Alinea] }

    static func model(of document: LegalDocument) -> [Article] {
        document.body.map { article in
            Article(number: Int(ClauseNumbering.component(of: article.num ?? "", kind: .article)?.replacingOccurrences(of: "er", with: "") ?? "") ?? 0, wId: article.wId,
                    alineas: article.children.map { Alinea(text: DraftEdit.editableText(of: $0) ?? "", wId: $0.wId) })
        }
    }

    @Test("after each step the text validates, eIds follow the numbering, wIds are kept and new ones unique", arguments: [1, 2, 3, 2027] as [UInt64])
    func randomSequences(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var document = try Corpus.read("2017-01-05")
        var model = Self.model(of: document)
        var everSeen = document.allWIds
        for step in 0..<40 {
            let where_ = "graine \(seed), étape \(step)"
            let a = random.below(model.count)
            let p = random.below(model[a].alineas.count)
            let alineaWId = try #require(model[a].alineas[p].wId)
            let articleWId = try #require(model[a].wId)
            let text = "Texte \(seed)-\(step) « essai » d'édition."
            let edit: DraftEdit
            var expectRefusal = false
            switch random.below(8) {
            case 0:
                edit = .reword(wId: alineaWId, text: text)
                // An alinéa holding only an editorial note has no text of its own to reword.
                if model[a].alineas[p].text.isEmpty { expectRefusal = true } else { model[a].alineas[p].text = text }
            case 1:
                edit = .insertAlinea(after: alineaWId, text: text)
                model[a].alineas.insert(Alinea(text: text, wId: nil), at: p + 1)
            case 2:
                edit = .delete(wId: alineaWId)
                if model[a].alineas.count == 1 { expectRefusal = true } else { model[a].alineas.remove(at: p) }
            case 3:
                edit = .moveUp(wId: alineaWId)
                if p == 0 { expectRefusal = true } else { model[a].alineas.swapAt(p, p - 1) }
            case 4:
                edit = .moveDown(wId: alineaWId)
                if p == model[a].alineas.count - 1 { expectRefusal = true } else { model[a].alineas.swapAt(p, p + 1) }
            case 5:
                edit = .insertArticle(after: articleWId, heading: nil, text: text)
                var current = model[a].number + 1
                model.insert(Article(number: current, wId: nil, alineas: [Alinea(text: text, wId: nil)]), at: a + 1)
                for index in (a + 2)..<model.count {
                    guard model[index].number <= current else { break }
                    current += 1
                    model[index].number = current
                }
            case 6:
                edit = .delete(wId: articleWId)
                if model.count == 1 { expectRefusal = true } else { model.remove(at: a) }
            default:
                let down = random.below(2) == 0
                edit = down ? .moveDown(wId: articleWId) : .moveUp(wId: articleWId)
                let other = down ? a + 1 : a - 1
                if model.indices.contains(other) {
                    (model[a].number, model[other].number) = (model[other].number, model[a].number)
                    model.swapAt(a, other)
                } else {
                    expectRefusal = true
                }
            }
            let previous = document
            do {
                document = try edit.applied(to: document, known: everSeen, year: 2027)
                #expect(!expectRefusal, "\(where_) : \(edit) aurait dû être refusée")
            } catch {
                #expect(expectRefusal, "\(where_) : \(edit) refusée à tort : \(error)")
                #expect(document == previous)
                continue
            }
            // The document validates in the suivi profile.
            let problems = try LegalTextValidator.validateAsStored(document, file: "AFSP1638149A.xml")
            #expect(problems.isEmpty, "\(where_) : \(problems.map(\.message))")
            // Texts and numbers as the model says; eIds from the numbers and positions (docs/FORMAT.md).
            let actual = Self.model(of: document)
            #expect(actual.map(\.number) == model.map(\.number), "\(where_)")
            #expect(actual.map { $0.alineas.map(\.text) } == model.map { $0.alineas.map(\.text) }, "\(where_)")
            for article in document.body {
                let number = try #require(article.num.flatMap { ClauseNumbering.component(of: $0, kind: .article) })
                #expect(article.eId == "art_\(number)", "\(where_)")
                #expect(article.num == (number == "1" ? "Article 1er" : "Article \(number)"), "\(where_)")
                #expect(article.children.map(\.eId) == article.children.indices.map { "art_\(number)__para_\($0 + 1)" }, "\(where_)")
            }
            // Existing wIds kept, new ones unique and never a wId the text used before.
            for (expected, found) in zip(model, actual) {
                if let wId = expected.wId { #expect(found.wId == wId, "\(where_)") }
                for (alinea, foundAlinea) in zip(expected.alineas, found.alineas) {
                    if let wId = alinea.wId { #expect(foundAlinea.wId == wId, "\(where_)") }
                }
            }
            let all = document.allClauses.map(\.wId) + document.annexes.map(\.wId)
            #expect(Set(all).count == all.count, "\(where_) : wId en double")
            let fresh = Set(all).subtracting(previous.allWIds)
            #expect(fresh.isDisjoint(with: everSeen), "\(where_) : wId réutilisé \(fresh.intersection(everSeen).sorted())")
            everSeen.formUnion(fresh)
            model = actual
        }
    }
}
