import Foundation
import LegalText
import Testing
@testable import Publishing

@Suite("Amending order as a document: what a real arrêté modificatif has, quoted words as the Guide de légistique wants them")
struct AmendingOrderDocumentTests {
    let date = day("2026-11-24")

    func text(_ old: LegalDocument, _ new: LegalDocument) throws -> String {
        let order = AmendingOrderGenerator().order(from: old, to: new, date: date)
        #expect(order.unexpressed.isEmpty && order.roundTripExact, "\(order.unexpressed)")
        #expect(NormativeContent(try ModelAct.roundTrip(order, from: old)) == NormativeContent(new))
        return PlainTextRenderer().render(order.document)
    }

    func editing(_ eId: String, _ change: (inout Block) -> Void) throws -> (LegalDocument, LegalDocument) {
        let old = try ModelAct.read()
        var new = old
        for article in new.body.indices {
            for paragraph in new.body[article].children.indices where new.body[article].children[paragraph].eId == eId {
                change(&new.body[article].children[paragraph].content[0])
            }
        }
        #expect(new != old)
        return (old, new)
    }

    @Test("title with the date to come, NOR, its own visas ending with the act amended, « Arrête : », one article with items 1°, 2° and a), b), the execution article, the signature to complete")
    func structure() throws {
        let old = try ModelAct.read()
        var new = old
        new.preface = [.longTitle([Block(text: "Arrêté du 4 mars 2019 relatif au registre des fiches de suivi")])]
        let one = try ModelAct.article(new, "art_1")
        new.body[one].children[0].content = [Block(text: "Le registre d'essai recense les fiches de suivi établies par les services de l'État.")]
        new.body[one].children[2].content = [Block(text: "Une fiche close est conservée pendant dix ans.")]
        new.body.remove(at: try ModelAct.article(new, "art_4"))
        // A new visa: it goes into the order's own visas, it is not an amendment.
        new.preamble = new.preamble.map { item in
            guard case .citations(let visas) = item else { return item }
            return .citations(visas + [Clause(kind: .citation, eId: "cit_2", content: [Block(text: "Vu le code des archives ;")])])
        }
        let order = AmendingOrderGenerator().order(from: old, to: new, date: date)
        #expect(order.unexpressed.isEmpty && order.roundTripExact, "\(order.unexpressed)")
        let document = order.document
        #expect(document.title == "Arrêté du … modifiant l'arrêté du 4 mars 2019 relatif à un registre d'essai des fiches de suivi")
        #expect(document.preface.contains(.block(Block(text: "NOR : …", className: "nor"))))
        let visas = document.citations.map { $0.content.map(\.plainText).joined() }
        #expect(visas == ["Vu le code des archives ;", "Vu l'arrêté du 4 mars 2019 relatif à un registre d'essai des fiches de suivi,"], "\(visas)")
        #expect(document.preamble.contains(.formula(name: "enactingFormula", blocks: [Block(text: "Arrête :")])))
        #expect(document.body.count == 2)
        let items = document.body[0].children.map { $0.content.first?.plainText ?? "" }
        #expect(items.first == "L'arrêté du 4 mars 2019 susvisé est ainsi modifié :", "\(items)")
        #expect(items.contains { $0.hasPrefix("1° L'intitulé est ainsi rédigé : « Arrêté du 4 mars 2019 relatif au registre des fiches de suivi » ;") }, "\(items)")
        #expect(items.contains("2° L'article 1er est ainsi modifié :"), "\(items)")
        #expect(items.contains { $0.hasPrefix("a) Au premier alinéa, ") && $0.hasSuffix(" ;") }, "\(items)")
        #expect(items.contains { $0.hasPrefix("b) Au troisième alinéa, le mot : « cinq » est remplacé par le mot : « dix » ;") }, "\(items)")
        #expect(items.last == "3° L'article 4 est abrogé.", "\(items)")
        #expect(!items.joined().contains("visa"), "\(items)")
        #expect(document.body[1].children.first?.content.first?.plainText.contains("chargé de l'exécution du présent arrêté") == true)
        #expect(document.conclusions.first?.plainText == "Fait le …")
        #expect(document.conclusions.contains { $0.isEditorialNote && $0.plainText.contains("Signature") })
        // The document reads back into the same operations.
        let reread = try LegalTextReader.read(data: Data(CanonicalWriter.string(document).utf8), file: "ordre.xml").document
        #expect(try AmendingOrderParser.operations(in: reread).count == order.operations.count)
        // ODT: a zip package.
        let odt = try order.odt()
        #expect(odt.count > 2_000 && odt.prefix(2) == Data("PK".utf8))
    }

    @Test("the order as plain text (as exported with --to text) reads back and gives the same text")
    func plainTextRoundTrip() throws {
        let old = try ModelAct.read()
        var new = old
        let one = try ModelAct.article(new, "art_1")
        new.body[one].children[0].content = [Block(text: "Le registre d'essai recense les fiches de suivi établies par les services de l'État.")]
        new.body[one].children.swapAt(1, 2)
        new.body.remove(at: try ModelAct.article(new, "art_3"))
        new.body[try ModelAct.article(new, "art_4")].num = "Article 3"
        new.annexes[0].clauses[1].heading = [.text("Rubriques à remplir")]
        new = IdentifierAssignment.assignEIds(new)
        let order = AmendingOrderGenerator().order(from: old, to: new, date: date)
        let text = PlainTextRenderer().render(order.document)
        let operations = try AmendingOrderParser.operations(inText: text)
        #expect(operations.count == order.operations.count, "\(text)")
        let result = try AmendingOrderApplier().apply(operations, to: old, year: 2026)
        #expect(NormativeContent(result) == NormativeContent(new), "\(text)")
    }

    @Test("quoted words carry no punctuation that is not replaced: « bilan » for « bilan. »")
    func punctuation() throws {
        let (old, new) = try editing("art_3__para_1") { $0 = Block(text: "Le responsable du registre en publie chaque année un rapport.") }
        let text = try text(old, new)
        #expect(text.contains("le mot : « bilan » est remplacé par le mot : « rapport »"), "\(text)")
    }

    @Test("words added inside an alinéa: « après le mot : « unique », sont insérés les mots : « et permanent » »")
    func insertedWords() throws {
        let (old, new) = try editing("art_1__para_2") { $0 = Block(text: "Chaque fiche porte un numéro unique et permanent attribué à sa création.") }
        let text = try text(old, new)
        #expect(text.contains("après le mot : « unique », sont insérés les mots : « et permanent »"), "\(text)")
    }

    @Test("words added at the end of a sentence, before its full stop: « après le mot : « ans », sont insérés les mots : « au moins » »")
    func insertedBeforeFullStop() throws {
        let (old, new) = try editing("art_1__para_3") { $0 = Block(text: "Une fiche close est conservée pendant cinq ans au moins.") }
        let text = try text(old, new)
        #expect(text.contains("après le mot : « ans », sont insérés les mots : « au moins »"), "\(text)")
    }

    @Test("words removed after words that stay: only the removed words are quoted")
    func removedWords() throws {
        let (old, new) = try editing("art_1__para_2") { $0 = Block(text: "Chaque fiche porte un numéro unique.") }
        let text = try text(old, new)
        #expect(text.contains("les mots : « attribué à sa création » sont supprimés"), "\(text)")
    }
}
