import Foundation
import LegalText
import Testing
@testable import Publishing
import SuiviSynthetic

@Suite("Amending order: generated formulas, read back and applied, give exactly the new version")
struct AmendingOrderTests {
    /// Writes the order as Akoma Ntoso, reads it back with the safe reader, parses and applies it.
    func roundTrip(_ order: AmendingOrder, from old: LegalDocument) throws -> LegalDocument {
        let xml = CanonicalWriter.string(order.document)
        let reread = try LegalTextReader.read(data: Data(xml.utf8), file: "arrete-modificatif.xml").document
        let operations = try AmendingOrderParser.operations(in: reread)
        return try AmendingOrderApplier().apply(operations, to: old, year: order.date.year)
    }

    @Test("the corpus pair (2017 → 2026 draft) round-trips exactly, canonical XML compared")
    func corpusPair() throws {
        let old = try Corpus.read("2017-01-05"), new = try Corpus.read("2026-projet")
        let order = AmendingOrderGenerator().order(from: old, to: new)
        #expect(order.roundTripExact)
        let result = try roundTrip(order, from: old)
        #expect(AmendingOrder.normativeText(result, like: new) == AmendingOrder.normativeText(new, like: new))
    }

    @Test("an order amending a later adopted version still names the act by its own date (« l'arrêté du 5 janvier 2017 susvisé »)")
    func laterVersionNamedByWorkDate() throws {
        var old = try Corpus.read("2017-01-05")
        // As a version adopted on 1 December 2026 carries it: a signature of its own, the work's date unchanged.
        old.lifecycle = old.lifecycle.map { event in
            var event = event
            if event.kind == .signature { event.date = LegalDate(iso: "2026-12-01")! }
            return event
        }
        let order = AmendingOrderGenerator().order(from: old, to: try Corpus.read("2026-projet"))
        let text = PlainTextRenderer().render(order.document)
        #expect(text.contains("L'arrêté du 5 janvier 2017 susvisé est ainsi modifié :"))
        #expect(!text.contains("1er décembre 2026 susvisé"))
    }

    @Test("the corpus order uses fine formulas: words in articles, inserted alinéas, new articles, an annex section's alinéa")
    func corpusFormulas() throws {
        let order = AmendingOrderGenerator().order(from: try Corpus.read("2017-01-05"), to: try Corpus.read("2026-projet"))
        let text = PlainTextRenderer().render(order.document)
        #expect(text.contains("L'arrêté du 5 janvier 2017 susvisé est ainsi modifié :"))
        #expect(text.contains("° Au premier alinéa de l'article 1er, les mots : « du 11° de l'article L. 313-11 » sont remplacés par les mots : « de l'article L. 425-9 »"))
        #expect(text.contains("° Après l'article 6, sont insérées les dispositions suivantes :"))
        #expect(text.contains("« Art. 6-1."))
        #expect(text.contains("° L'article 3 est ainsi modifié :"))
        #expect(text.contains(") Après le troisième alinéa, sont insérées les dispositions suivantes :"))
        #expect(text.contains("° L'annexe II est ainsi modifiée :"))
        #expect(text.contains("chargé de l'exécution du présent arrêté"))
    }

    @Test("a new alinéa pushing an older one down takes wId <eId>-<year>, the older one keeps its wId")
    func newWIds() throws {
        let old = try Corpus.read("2017-01-05"), new = try Corpus.read("2026-projet")
        let result = try AmendingOrderGenerator().order(from: old, to: new).consolidate(old)
        #expect(result.clause(eId: "art_3__para_4")?.wId == "art_3__para_4-2026")
        #expect(result.clause(eId: "art_3__para_5")?.wId == "art_3__para_4")
    }

    @Test("two alinéas of an annex section that change places are rewritten together (« … sont ainsi rédigés : »)")
    func annexSection() throws {
        let old = try Corpus.read("2017-01-05")
        var new = old
        let index = try #require(new.annexes.firstIndex { $0.eId == "annex_2" })
        let section = try #require(new.annexes[index].clauses.firstIndex { $0.eId == "annex_2__sec_A" })
        try #require(new.annexes[index].clauses[section].children.count >= 2)
        new.annexes[index].clauses[section].children.swapAt(0, 1)
        new = IdentifierAssignment.assignEIds(new)
        let order = AmendingOrderGenerator().order(from: old, to: new, date: day("2026-11-24"))
        let text = PlainTextRenderer().render(order.document)
        #expect(text.contains("° Les premier et deuxième alinéas de la section A de l'annexe II sont ainsi rédigés :"), "\(text)")
        #expect(order.roundTripExact && order.unexpressed.isEmpty)
        let result = try roundTrip(order, from: old)
        #expect(NormativeContent(result) == NormativeContent(new))
    }

    @Test("words inside nested guillemets and inside a point, a deleted point with the next ones renumbered")
    func pointsAndGuillemets() throws {
        let old = try Corpus.read("2026-projet")
        var new = old
        // A word inside « … » of Annexe II, section A.
        let annex = try #require(new.annexes.firstIndex { $0.eId == "annex_2" })
        let sectionA = try #require(new.annexes[annex].clauses.firstIndex { $0.eId == "annex_2__sec_A" })
        let last = new.annexes[annex].clauses[sectionA].children.count - 1
        let text = new.annexes[annex].clauses[sectionA].children[last].content[0].plainText
        new.annexes[annex].clauses[sectionA].children[last].content[0] = Block(text: text.replacingOccurrences(of: "« L'admission au séjour", with: "« L'accueil et le séjour"))
        // Article 6-2: a word of the 5° changes, the 3° goes and 4° to 9° become 3° to 8°.
        let article = try #require(new.body.firstIndex { $0.eId == "art_6-2" })
        var list = new.body[article].children[1].children[0]
        list.children[4].content = [Block(text: "un représentant du Défenseur des droits ou son délégué ;")]
        list.children.remove(at: 2)
        for index in 2..<list.children.count { list.children[index].num = "\(index + 1)°" }
        new.body[article].children[1].children[0] = list
        new = IdentifierAssignment.assignEIds(new)
        let order = AmendingOrderGenerator().order(from: old, to: new, date: day("2026-11-24"))
        let rendered = PlainTextRenderer().render(order.document)
        #expect(rendered.contains("les mots : « L'admission au » sont remplacés par les mots : « L'accueil et le »"))
        #expect(rendered.contains("deviennent respectivement les 3°, 4°, 5°, 6°, 7° et 8°"))
        #expect(order.roundTripExact)
        let result = try roundTrip(order, from: old)
        #expect(AmendingOrder.normativeText(result, like: new) == AmendingOrder.normativeText(new, like: new))
    }

    @Test("a hand-written order in plain text (fixture) is parsed and applied")
    func plainTextFixture() throws {
        let old = try Corpus.read("2017-01-05")
        let operations = try AmendingOrderParser.operations(inText: try fixtureText("ordre-simple", "txt"))
        #expect(operations.count == 5)
        let result = try AmendingOrderApplier().apply(operations, to: old, year: 2026)
        #expect(result.clause(eId: "art_3__para_3")?.content.first?.plainText.contains("principalement") == false)
        #expect(result.body.count == 6)  // article 5 repealed, 6 and 7 renumbered 5 and 6
        #expect(result.body.last?.num == "Article 6")
        #expect(result.clause(eId: "art_5__para_2")?.content.first?.plainText == "Elle veille à la diffusion de ces informations auprès des médecins de l'Office.")
        #expect(result.clause(eId: "art_5__para_2")?.wId == "art_5__para_2")
        #expect(result.clause(eId: "annex_2__sec_A__para_6")?.content.first?.plainText == "Banque mondiale et banques régionales de développement.")
    }

    @Test("a formula the parser does not know is refused with the article and the sentence")
    func unknownFormula() throws {
        #expect(throws: PublishingError.self) {
            try AmendingOrderParser.operations(inText: "Article 1er\nL'article 3 est joliment reformulé.")
        }
        #expect(throws: PublishingError.self) {
            try AmendingOrderApplier().apply(try AmendingOrderParser.operations(inText:
                "Article 1er\nAu premier alinéa de l'article 3 de l'arrêté susvisé, les mots : « introuvables » sont supprimés."),
                to: try Corpus.read("2017-01-05"), year: 2026)
        }
    }

    static let generatedCases = 200

    @Test("random edits of generated acts (words, alinéas, articles, renumbering) round-trip exactly")
    func generatedCases() throws {
        var exact = 0
        var failures: [String] = []
        for seed in 0..<UInt64(Self.generatedCases) {
            let old = SyntheticAct(articles: 3 + Int(seed % 5), paragraphsPerArticle: 2 + Int(seed % 3), seed: seed).document()
            var edits = SyntheticRevision(seed: seed &* 7919 &+ 1)
            let (new, log) = edits.apply(to: old, count: 1 + Int(seed % 5), year: 2026)
            let order = AmendingOrderGenerator().order(from: old, to: new, date: day("2026-11-24"))
            let result = try roundTrip(order, from: old)
            if AmendingOrder.normativeText(result, like: new) == AmendingOrder.normativeText(new, like: new) && order.roundTripExact {
                exact += 1
            } else if failures.count < 5 {
                failures.append("graine \(seed) : \(log.joined(separator: ", "))")
            }
        }
        #expect(exact == Self.generatedCases, "\(exact)/\(Self.generatedCases) exacts ; \(failures)")
    }
}
