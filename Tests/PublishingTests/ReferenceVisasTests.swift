import Foundation
import LegalText
import Testing
@testable import Publishing

@Suite("Amending order: the references the new version newly cites are in the order's own visas")
struct ReferenceVisasTests {
    let date = day("2026-11-24")

    func ref(_ href: String, _ label: String) -> Inline { .element(name: "ref", attributes: ["href": href], children: [.text(label)]) }

    func visas(_ order: AmendingOrder) -> [String] {
        order.document.citations.map { $0.content.map(\.plainText).joined() }
    }

    @Test("new references are grouped per text, codes first then decrees then orders, consecutive articles as a range, before the act amended")
    func grouped() throws {
        let old = try ModelAct.read()
        var new = old
        let one = try ModelAct.article(new, "art_1")
        let ceseda = "/akn/fr/act/code/ceseda/!main#art_"
        new.body[one].children[0].content = [Block([
            .text("Par application de l'"), ref("/eli/arrete/2016/12/27/INTV1637914A/jo/texte", "arrêté du 27 décembre 2016"),
            .text(", du "), ref("/eli/decret/2020/05/04/PRMX2000001D/jo/texte", "décret du 4 mai 2020"),
            .text(", des articles "), ref(ceseda + "R425-13", "R. 425-13"), .text(", "), ref(ceseda + "R425-11", "R. 425-11"),
            .text(", "), ref(ceseda + "R425-12", "R. 425-12"), .text(" et "), ref(ceseda + "L425-9", "L. 425-9"),
            .text(" du code de l'entrée et du séjour des étrangers et du droit d'asile, de l'article "),
            ref("/akn/fr/act/code/essais/!main#art_L2", "L. 2"), .text(" et de l'article "),
            ref("/akn/fr/act/code/essais/!main#art_L1", "L. 1"), .text(" du code des essais, voir aussi "),
            ref("https://www.who.int/", "l'OMS"), .text(" et l'"), ref("#art_2", "article 2"), .text("."),
        ])]
        let order = AmendingOrderGenerator().order(from: old, to: new, date: date)
        #expect(order.unexpressed.isEmpty && order.roundTripExact, "\(order.unexpressed)")
        #expect(NormativeContent(try ModelAct.roundTrip(order, from: old)) == NormativeContent(new))
        #expect(visas(order) == [
            // The code of A's visas keeps the name they give it; L. 1 is already cited by A.
            "Vu le code de l'entrée et du séjour des étrangers et du droit d'asile, notamment ses articles L. 425-9 et R. 425-11 à R. 425-13 ;",
            "Vu le code des essais, notamment son article L. 2 ;",
            "Vu le décret du 4 mai 2020 ;",
            "Vu l'arrêté du 27 décembre 2016 ;",
            "Vu l'arrêté du 4 mars 2019 relatif à un registre d'essai des fiches de suivi,",
        ], "\(visas(order))")
        // The visas read back: the order as Akoma Ntoso keeps them.
        let reread = try LegalTextReader.read(data: Data(CanonicalWriter.string(order.document).utf8), file: "ordre.xml").document
        #expect(reread.citations.count == 5)
    }

    @Test("a reference the amended version already cites, or only an internal or web link, adds no visa")
    func nothingNew() throws {
        let old = try ModelAct.read()
        var new = old
        let one = try ModelAct.article(new, "art_1")
        new.body[one].children[0].content = [Block([
            .text("Selon l'article "), ref("/akn/fr/act/code/essais/!main#art_L1", "L. 1"), .text(" du code des essais, l'"),
            ref("#art_2", "article 2"), .text(" et "), ref("https://example.org/", "le site"), .text("."),
        ])]
        let order = AmendingOrderGenerator().order(from: old, to: new, date: date)
        #expect(order.roundTripExact)
        #expect(visas(order) == ["Vu l'arrêté du 4 mars 2019 relatif à un registre d'essai des fiches de suivi,"], "\(visas(order))")
    }

    @Test("the 2026 project: the order's visas name the recodified CESEDA articles, before the order of 5 January 2017; the round trip stays exact")
    func corpus() throws {
        let old = try Corpus.read("2017-01-05"), new = try Corpus.read("2026-projet")
        let order = AmendingOrderGenerator().order(from: old, to: new)
        #expect(order.roundTripExact && order.unexpressed.isEmpty, "\(order.unexpressed)")
        let visas = visas(order)
        let ceseda = try #require(visas.first { $0.hasPrefix("Vu le code de l'entrée et du séjour des étrangers et du droit d'asile, notamment ses articles") },
                                  "\(visas)")
        for article in ["L. 425-9", "R. 425-11"] { #expect(ceseda.contains(article), "\(ceseda)") }
        // The former articles, cited by the 2017 visas, are not visaed again.
        #expect(!ceseda.contains("313"), "\(ceseda)")
        #expect(visas.last?.hasPrefix("Vu l'arrêté du 5 janvier 2017") == true, "\(visas)")
        #expect(visas.firstIndex(of: ceseda)! < visas.count - 1)
    }
}
