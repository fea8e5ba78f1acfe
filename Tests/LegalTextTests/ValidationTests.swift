import Foundation
import LegalText
import Testing
import SuiviSynthetic

/// The rules of the subset that the validator checks: each invalid variant is the minimal act with
/// one thing changed, and must be reported under its rule, at the right eId, in French.
@Suite("Validation rules")
struct ValidationTests {
    let minimal: SourceDocument

    init() throws {
        minimal = try Fixture.minimal()
    }

    /// The problems of a variant of the minimal act, located with the fixture's lines.
    private func problems(_ change: (inout LegalDocument) -> Void) -> [ValidationProblem] {
        var document = minimal.document
        change(&document)
        return LegalTextValidator.validate(SourceDocument(file: "variante.xml", document: document, lines: minimal.lines))
    }

    /// Expects exactly one problem, under `rule`, at `eId` (and its source line), whose message contains `fragment`.
    private func expectSingle(_ problems: [ValidationProblem], _ rule: ValidationRule, eId: String?, saying fragment: String,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(problems.map(\.rule) == [rule], "problems: \(problems)", sourceLocation: sourceLocation)
        guard let problem = problems.first else { return }
        #expect(problem.eId == eId, sourceLocation: sourceLocation)
        #expect(problem.file == "variante.xml", sourceLocation: sourceLocation)
        #expect(problem.line == eId.flatMap { minimal.lines[$0] }, sourceLocation: sourceLocation)
        #expect(problem.message.contains(fragment), "message: \(problem.message)", sourceLocation: sourceLocation)
        #expect(problem.description.hasPrefix(problem.line.map { "variante.xml:\($0) : " } ?? "variante.xml : "),
                sourceLocation: sourceLocation)
    }

    @Test("the minimal act breaks no rule")
    func minimalIsValid() {
        #expect(LegalTextValidator.validate(minimal) == [])
    }

    @Test("a generated act of 50 articles breaks no rule")
    func syntheticIsValid() throws {
        let document = SyntheticAct(articles: 50).document()
        #expect(LegalTextValidator.validate(SourceDocument(file: "synthetique.xml", document: document)) == [])
    }

    // MARK: Identifiers

    @Test("an eId held twice is reported at its second holder")
    func duplicateEId() {
        let found = problems { document in
            document.notes[0].eId = "art_1"
        }
        expectSingle(found, .duplicateEId, eId: "art_1", saying: "l'eId art_1 de l'article « Article 1er » est déjà porté par")
    }

    @Test("a repeated article is reported as duplicate eIds and wIds, down to its alinéas")
    func repeatedArticle() {
        let found = problems { document in
            document.body.append(document.body[2])
        }
        #expect(found.map(\.rule) == [.duplicateEId, .duplicateWId, .duplicateEId, .duplicateWId])
        #expect(found.map(\.eId) == ["art_3", "art_3", "art_3__para_1", "art_3__para_1"])
        #expect(found.allSatisfy { $0.message.contains("déjà") })
    }

    @Test("a wId held twice is reported, even when the eIds differ")
    func duplicateWId() {
        let found = problems { document in
            document.modifyClause("art_3") { $0.wId = "art_1" }
        }
        expectSingle(found, .duplicateWId, eId: "art_3", saying: "le wId art_1 (élément art_3) est déjà utilisé")
    }

    @Test("a wId with a character outside A-Z a-z 0-9 _ - is refused",
          arguments: ["art 3", "art/3", "art_3é", "art.3", "art:3", "../art_3", ""])
    func invalidWId(wId: String) {
        let found = problems { document in
            document.modifyClause("art_3") { $0.wId = wId }
        }
        expectSingle(found, .invalidWId, eId: "art_3", saying: "contient des caractères interdits")
        #expect(!LegalTextValidator.isValidWId(wId))
    }

    @Test("wIds of letters, digits, underscores and hyphens are accepted",
          arguments: ["art_3", "art_6-1", "annex_2__sec_C__para_4", "A-Z_a-z_0-9"])
    func validWId(wId: String) {
        #expect(LegalTextValidator.isValidWId(wId))
    }

    @Test("an article without a number is reported", arguments: [nil, ""] as [String?])
    func articleWithoutNumber(num: String?) {
        let found = problems { document in
            document.modifyClause("art_3") { $0.num = num }
        }
        expectSingle(found, .articleWithoutNumber, eId: "art_3", saying: "n'a pas de numéro (<num>)")
    }

    @Test("an article whose eId does not follow its number is reported, with the expected eId")
    func articleEIdMismatch() {
        let found = problems { document in
            document.modifyClause("art_3") { $0.num = "Article 4" }
        }
        expectSingle(found, .eIdMismatch, eId: "art_3", saying: "l'article « Article 4 » a l'eId art_3 ; attendu art_4")
    }

    @Test("an alinéa whose eId does not follow its position is reported")
    func paragraphPosition() {
        let found = problems { document in
            document.modifyClause("art_1__para_1") { $0.eId = "art_1__para_2" }
        }
        #expect(found.map(\.rule) == [.eIdMismatch])
        #expect(found.first?.eId == "art_1__para_2")
        #expect(found.first?.message.contains("attendu art_1__para_1") == true)
    }

    @Test("two alinéas in swapped order are both reported")
    func swappedParagraphs() {
        let found = problems { document in
            document.modifyClause("art_2") { $0.children.swapAt(0, 1) }
        }
        #expect(found.map(\.rule) == [.eIdMismatch, .eIdMismatch])
        #expect(found.map(\.eId) == ["art_2__para_2", "art_2__para_1"])
        #expect(found.map(\.line) == [minimal.lines["art_2__para_2"], minimal.lines["art_2__para_1"]])
        #expect(found.first?.message.contains("attendu art_2__para_1") == true)
    }

    @Test("an alinéa whose eId names another parent is reported")
    func paragraphParent() {
        let found = problems { document in
            document.modifyClause("art_3__para_1") { $0.eId = "art_4__para_1" }
        }
        #expect(found.map(\.rule) == [.eIdMismatch])
        #expect(found.first?.eId == "art_4__para_1")
        #expect(found.first?.message.contains("attendu art_3__para_1") == true)
    }

    @Test("a point whose eId does not follow its number is reported")
    func pointMismatch() {
        let found = problems { document in
            document.modifyClause("art_2__para_2__list_1__point_2") { $0.num = "3°" }
        }
        expectSingle(found, .eIdMismatch, eId: "art_2__para_2__list_1__point_2",
                     saying: "le point « 3° » a l'eId art_2__para_2__list_1__point_2 ; attendu art_2__para_2__list_1__point_3")
    }

    @Test("a section of an annex whose eId does not follow its letter is reported")
    func sectionMismatch() {
        let found = problems { document in
            document.modifyClause("annex_1__sec_A") { $0.num = "B." }
        }
        #expect(found.map(\.rule) == [.eIdMismatch])
        #expect(found.first?.eId == "annex_1__sec_A")
        #expect(found.first?.message.contains("attendu annex_1__sec_B") == true)
    }

    @Test("an annex whose eId does not follow its number « Annexe II » is reported")
    func annexMismatch() {
        let found = problems { document in
            document.annexes[0].preface[0] = Block([.element(name: "docNumber", attributes: [:], children: [.text("Annexe II")])],
                                                   attributes: ["class": "num"])
        }
        expectSingle(found, .eIdMismatch, eId: "annex_1", saying: "l'annexe « Annexe II » a l'eId annex_1 ; attendu annex_2")
    }

    @Test("a visa out of sequence is reported")
    func citationMismatch() {
        let found = problems { document in
            document.modifyClause("cit_2") { $0.eId = "cit_3" }
        }
        #expect(found.map(\.rule) == [.eIdMismatch])
        #expect(found.first?.eId == "cit_3")
        #expect(found.first?.message.contains("attendu cit_2") == true)
    }

    // MARK: Metadata and dates

    @Test("a missing work URI is reported", arguments: ["", "eli/arrete/2020/3/2/TEST2000001A/jo/texte"])
    func missingWorkURI(uri: String) {
        let found = problems { document in
            document.identification.work.uri = uri
        }
        expectSingle(found, .missingMetadata, eId: nil, saying: "l'URI de l'œuvre (FRBRWork/FRBRuri) est absente")
    }

    @Test("a missing long title is reported")
    func missingTitle() {
        let found = problems { document in
            document.preface.removeAll { if case .longTitle = $0 { return true } else { return false } }
        }
        expectSingle(found, .missingTitle, eId: nil, saying: "le titre du texte (preface/longTitle) est absent")
    }

    @Test("a signed version without an entry-into-force date is reported")
    func signedWithoutEntryIntoForce() {
        let found = problems { document in
            document.lifecycle.removeAll { $0.kind == .entryIntoForce }
        }
        expectSingle(found, .missingMetadata, eId: nil, saying: "la date d'entrée en vigueur (#entreeEnVigueur) manque")
    }

    @Test("a version with neither signature nor draft date is reported")
    func neitherSignedNorDraft() {
        let found = problems { document in
            document.lifecycle.removeAll { $0.kind == .signature }
        }
        expectSingle(found, .missingMetadata, eId: nil, saying: "aucune date de signature (#signature) ni de projet (#projet)")
    }

    @Test("a draft dated #projet needs no signature nor entry into force")
    func draftIsValid() {
        let found = problems { document in
            document.lifecycle = [LifecycleEvent(eId: "evt_projet", date: LegalDate(year: 2026, month: 1, day: 15)!,
                                                 refersTo: LegalEventKind.draft.rawValue)]
            document.publication = nil
        }
        #expect(found == [])
    }

    @Test("an entry into force before the signature is reported")
    func entryBeforeSignature() {
        let found = problems { document in
            document.modifyEvent(.entryIntoForce) { $0.date = LegalDate(year: 2020, month: 3, day: 1)! }
        }
        #expect(found.allSatisfy { $0.rule == .inconsistentDates })
        #expect(found.contains { $0.message.contains("l'entrée en vigueur (1er mars 2020) précède la signature (2 mars 2020)") },
                "problems: \(found)")
    }

    @Test("a publication before the signature is reported")
    func publicationBeforeSignature() {
        let found = problems { document in
            document.modifyEvent(.publication) { $0.date = LegalDate(year: 2020, month: 2, day: 28)! }
        }
        expectSingle(found, .inconsistentDates, eId: nil, saying: "la publication (28 février 2020) précède la signature (2 mars 2020)")
    }

    @Test("an entry into force the day of the signature is consistent")
    func sameDay() {
        let found = problems { document in
            document.modifyEvent(.entryIntoForce) { $0.date = LegalDate(year: 2020, month: 3, day: 5)! }
        }
        #expect(found == [])
    }

    // MARK: Content

    @Test("an empty alinéa is reported", arguments: [[], [Block(text: "")], [Block([])]] as [[Block]])
    func emptyParagraph(content: [Block]) {
        let found = problems { document in
            document.modifyClause("art_1__para_1") { $0.content = content }
        }
        expectSingle(found, .emptyClause, eId: "art_1__para_1", saying: "l'alinéa n° 1 (art_1__para_1) n'a aucun texte")
    }

    @Test("an empty visa is reported")
    func emptyCitation() {
        let found = problems { document in
            document.modifyClause("cit_2") { $0.content = [Block(text: "")] }
        }
        expectSingle(found, .emptyClause, eId: "cit_2", saying: "le visa cit_2 est vide")
    }

    @Test("an enumeration without points is reported")
    func listWithoutPoints() {
        let found = problems { document in
            document.modifyClause("art_2__para_2__list_1") { list in
                list.children = [Clause(kind: .paragraph, eId: "art_2__para_2__list_1__para_1", content: [Block(text: "Texte.")])]
            }
        }
        #expect(found.map(\.rule) == [.emptyClause])
        #expect(found.first?.eId == "art_2__para_2__list_1")
        #expect(found.first?.message.contains("ne contient aucun point") == true)
    }

    @Test("an empty body is reported")
    func emptyBody() {
        let found = problems { document in
            document.body = []
        }
        expectSingle(found, .emptyBody, eId: nil, saying: "le corps du texte (body) ne contient aucun article")
    }

    // MARK: All problems at once

    @Test("a document with three different problems reports all three")
    func threeProblems() {
        let found = problems { document in
            document.identification.work.uri = ""
            document.modifyClause("art_3") { $0.num = "Article 4" }
            document.modifyClause("art_2__para_1") { $0.wId = "art 2 alinéa 1" }
        }
        #expect(Set(found.map(\.rule)) == [.missingMetadata, .eIdMismatch, .invalidWId])
        #expect(found.count == 3, "problems: \(found)")
        #expect(found.first { $0.rule == .eIdMismatch }?.eId == "art_3")
        #expect(found.first { $0.rule == .invalidWId }?.eId == "art_2__para_1")
    }

    @Test("a problem read from a file points at the line of the offending element")
    func lineFromFile() throws {
        var document = minimal.document
        document.modifyClause("art_3") { $0.num = "Article 4" }
        let text = CanonicalWriter.string(document)
        let directory = try TemporaryDirectory()
        let path = try directory.write(text, to: "decale.xml")
        let check = FileCheck.check(file: path)
        #expect(check.document == document)
        #expect(check.problems.map(\.rule) == [.eIdMismatch])
        #expect(check.problems.first?.line == Fixture.line(ofEId: "art_3", in: text))
        #expect(check.problems.first?.description.hasPrefix("\(path):\(Fixture.line(ofEId: "art_3", in: text) ?? 0) : ") == true)
    }

    @Test("every French message is a sentence, not a code", arguments: ValidationRule.allCases.filter { $0 != .unreadable })
    func frenchMessages(rule: ValidationRule) throws {
        let variants: [ValidationRule: (inout LegalDocument) -> Void] = [
            .missingMetadata: { $0.identification.expression.language = "" },
            .inconsistentDates: { $0.modifyEvent(.publication) { $0.date = LegalDate(year: 2019, month: 1, day: 1)! } },
            .missingTitle: { $0.preface = [] },
            .duplicateEId: { $0.lifecycle[0].eId = "cit_1" },
            .duplicateWId: { $0.modifyClause("art_2") { $0.wId = "art_1" } },
            .invalidWId: { $0.modifyClause("art_2") { $0.wId = "art#2" } },
            .articleWithoutNumber: { $0.modifyClause("art_2") { $0.num = nil } },
            .eIdMismatch: { $0.modifyClause("art_2") { $0.num = "Article 6-1" } },
            .emptyClause: { $0.modifyClause("art_3__para_1") { $0.content = [] } },
            .emptyBody: { $0.body = [] },
            .eliMismatch: { $0.identification.expression.uri = $0.identification.work.uri + "/2020-03-02/fra" },
        ]
        let variant = try #require(variants[rule], "no variant for \(rule)")
        let found = problems(variant)
        let problem = try #require(found.first { $0.rule == rule }, "rule \(rule) did not fire: \(found)")
        let frenchWords = [" le ", " la ", " les ", " l'", " d'", " de ", " du ", " est ", " n'", " ne "]
        #expect(frenchWords.contains { (" " + problem.message).contains($0) }, "not French: \(problem.message)")
        #expect(problem.message.count > 20)
    }

    @Test("rule codes are stable, since JSON reports carry them", arguments: zip(
        ValidationRule.allCases,
        ["metadonnee-manquante", "dates-incoherentes", "titre-manquant", "eid-en-double", "wid-en-double", "wid-invalide",
         "article-sans-numero", "eid-incoherent", "element-vide", "corps-vide", "lecture-impossible", "eli-incoherent"]))
    func ruleCodes(rule: ValidationRule, code: String) {
        #expect(rule.rawValue == code)
    }
}
