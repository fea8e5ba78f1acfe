import Foundation
import LegalText
import Testing
@testable import Publishing

/// The small act of the fixtures (fictional wording): four articles, a list, an editorial note, an annex
/// with a title and two sections.
enum ModelAct {
    static func read() throws -> LegalDocument {
        let url = try #require(Bundle.module.url(forResource: "acte-modele", withExtension: "xml", subdirectory: "Fixtures"))
        return try LegalTextReader.read(contentsOf: url.path).document
    }

    /// Writes the order as Akoma Ntoso, reads it back, parses it and applies it to `old`.
    static func roundTrip(_ order: AmendingOrder, from old: LegalDocument) throws -> LegalDocument {
        let xml = CanonicalWriter.string(order.document)
        let reread = try LegalTextReader.read(data: Data(xml.utf8), file: "arrete-modificatif.xml").document
        let operations = try AmendingOrderParser.operations(in: reread)
        return try AmendingOrderApplier().apply(operations, to: old, year: order.date.year)
    }

    static func article(_ document: LegalDocument, _ eId: String) throws -> Int {
        try #require(document.body.firstIndex { $0.eId == eId })
    }
}

@Suite("Amending order: every normative difference is expressed, or the clause is reported")
struct AmendingOrderCompletenessTests {
    let date = day("2026-11-24")

    /// The order from `old` to `new`: it must be complete, and give `new`'s normative content back
    /// once written, read back and applied.
    func completeOrder(_ old: LegalDocument, _ new: LegalDocument) throws -> (order: AmendingOrder, text: String) {
        let order = AmendingOrderGenerator().order(from: old, to: new, date: date)
        #expect(order.unexpressed.isEmpty, "\(order.unexpressed)")
        #expect(order.roundTripExact)
        let result = try ModelAct.roundTrip(order, from: old)
        #expect(NormativeContent(result) == NormativeContent(new))
        return (order, PlainTextRenderer().render(order.document))
    }

    @Test("two alinéas that change places are rewritten: « Les deuxième et troisième alinéas … sont ainsi rédigés : »")
    func swappedAlineas() throws {
        let old = try ModelAct.read()
        var new = old
        let article = try ModelAct.article(new, "art_1")
        new.body[article].children.swapAt(1, 2)
        new = IdentifierAssignment.assignEIds(new)
        let (order, text) = try completeOrder(old, new)
        #expect(!order.operations.isEmpty)
        #expect(text.contains("° Les deuxième et troisième alinéas de l'article 1er sont ainsi rédigés :"), "\(text)")
    }

    @Test("two articles that change places, numbering kept in order, are rewritten: « Les articles 3 et 4 … sont ainsi rédigés : »")
    func swappedArticles() throws {
        let old = try ModelAct.read()
        var new = old
        let three = try ModelAct.article(new, "art_3"), four = try ModelAct.article(new, "art_4")
        new.body.swapAt(three, four)
        new.body[three].num = "Article 3"
        new.body[four].num = "Article 4"
        new = IdentifierAssignment.assignEIds(new)
        let (_, text) = try completeOrder(old, new)
        #expect(text.contains("° Les articles 3 et 4 sont ainsi rédigés :"), "\(text)")
    }

    @Test("a new title is written « L'intitulé est ainsi rédigé : « … » » under « L'arrêté du … susvisé est ainsi modifié : »")
    func title() throws {
        let old = try ModelAct.read()
        var new = old
        new.preface = [.longTitle([Block(text: "Arrêté du 4 mars 2019 relatif au registre des fiches de suivi")])]
        let (_, text) = try completeOrder(old, new)
        #expect(text.contains("1° L'intitulé est ainsi rédigé : « Arrêté du 4 mars 2019 relatif au registre des fiches de suivi »."), "\(text)")
    }

    @Test("an annex's title and a section heading are amended: « L'intitulé de l'annexe I … est ainsi rédigé »")
    func annexHeadings() throws {
        let old = try ModelAct.read()
        var new = old
        new.annexes[0].preface[1] = Block([.element(name: "docTitle", attributes: [:], children: [.text("MODÈLE DE FICHE")])],
                                          attributes: ["class": "title"])
        new.annexes[0].clauses[1].heading = [.text("Rubriques à remplir")]
        let (_, text) = try completeOrder(old, new)
        #expect(text.contains("° L'intitulé de l'annexe I est ainsi rédigé : « MODÈLE DE FICHE »"), "\(text)")
        #expect(text.contains("° L'intitulé de la section A de l'annexe I est ainsi rédigé : « Rubriques à remplir »"), "\(text)")
    }

    @Test("a new alinéa whose wId ends in the revision year round-trips although the draft kept the adopted version's dates")
    func revisionYearWId() throws {
        let old = try ModelAct.read()
        var new = old  // same lifecycle: signature 2019, as `draft start` leaves it
        let article = try ModelAct.article(new, "art_1")
        new.body[article].children.insert(Clause(kind: .paragraph, eId: "", wId: "", content: [Block(text: "Le registre est tenu sous forme électronique.")]), at: 1)
        new = IdentifierAssignment.assignEIds(new)
        new = IdentifierAssignment.assignNewWIds(new, previous: old.allWIds, year: 2026)
        #expect(new.clause(eId: "art_1__para_2")?.wId == "art_1__para_2-2026")
        let order = AmendingOrderGenerator().order(from: old, to: new)
        #expect(order.unexpressed.isEmpty, "\(order.unexpressed)")
        #expect(order.roundTripExact)
    }

    @Test("a change of an editorial note alone gives no operation, and no editorial note is quoted")
    func editorialNotes() throws {
        let old = try ModelAct.read()
        var new = old
        let four = try ModelAct.article(new, "art_4")
        new.body[four].children[1].content[1] = Block(text: "[Suite de l'alinéa à vérifier.]", className: Block.editorialNoteClass)
        let unchanged = AmendingOrderGenerator().order(from: old, to: new, date: date)
        #expect(unchanged.operations.isEmpty, "\(unchanged.operations)")
        #expect(unchanged.roundTripExact && unchanged.unexpressed.isEmpty)
        // A rewritten alinéa carrying a note: the note is not quoted.
        new.body[four].children[1].content[0] = Block(text: "La consultation se fait sur demande écrite ou électronique adressée au responsable.")
        new.body[four].children.append(Clause(kind: .paragraph, eId: "", wId: "", content: [
            Block(text: "Le responsable répond dans le mois."), Block(text: "[Délai à confirmer.]", className: Block.editorialNoteClass),
        ]))
        new = IdentifierAssignment.assignNewWIds(IdentifierAssignment.assignEIds(new), previous: old.allWIds, year: 2026)
        let (_, text) = try completeOrder(old, new)
        #expect(!text.contains("[Délai") && !text.contains("[Suite"), "\(text)")
        #expect(text.contains("Le responsable répond dans le mois."))
    }

    @Test("the order's articles follow the text amended: a change to article 1er comes before the repeal of article 4")
    func textOrder() throws {
        let old = try ModelAct.read()
        var new = old
        new.body.remove(at: try ModelAct.article(new, "art_4"))
        let one = try ModelAct.article(new, "art_1")
        new.body[one].children[2].content = [Block(text: "Une fiche close est conservée pendant dix ans.")]
        let (order, _) = try completeOrder(old, new)
        let items = try #require(order.document.body.first).children.map { $0.textBlocks.map(\.plainText).joined(separator: " ") }
        let first = try #require(items.firstIndex { $0.contains("article 1er") })
        let repeal = try #require(items.firstIndex { $0.contains("L'article 4 est abrogé") })
        #expect(first < repeal, "\(items)")
    }

    @Test("a repealed article and the next renumbered: repeal first, then « L'article 4 … devient l'article 3 »")
    func repealAndRenumber() throws {
        let old = try ModelAct.read()
        var new = old
        new.body.remove(at: try ModelAct.article(new, "art_3"))
        new.body[try ModelAct.article(new, "art_4")].num = "Article 3"
        new = IdentifierAssignment.assignEIds(new)
        let (_, text) = try completeOrder(old, new)
        let repeal = try #require(text.range(of: "1° L'article 3 est abrogé ;"))
        let renumber = try #require(text.range(of: "2° L'article 4 devient l'article 3."))
        #expect(repeal.lowerBound < renumber.lowerBound)
    }

    @Test("a new last annex is added (« Il est ajouté une annexe II ainsi rédigée : »), an annex removed is repealed")
    func annexes() throws {
        let old = try ModelAct.read()
        var new = old
        new.annexes.append(Annex(eId: "annex_2", preface: [
            Block([.element(name: "docNumber", attributes: [:], children: [.text("Annexe II")])], attributes: ["class": "num"]),
            Block([.element(name: "docTitle", attributes: [:], children: [.text("DONNÉES ANNUELLES")])], attributes: ["class": "title"]),
        ], clauses: [
            Clause(kind: .paragraph, eId: "annex_2__para_1", content: [Block(text: "Le bilan annuel suit le modèle ci-après.")]),
            Clause(kind: .paragraph, eId: "annex_2__para_2", content: [Block(text: "[Modèle à compléter.]", className: Block.editorialNoteClass)]),
        ]))
        let (_, added) = try completeOrder(old, new)
        #expect(added.contains("° Il est ajouté une annexe II ainsi rédigée :"), "\(added)")
        #expect(added.contains("« Annexe II") && added.contains("« DONNÉES ANNUELLES") && !added.contains("[Modèle"), "\(added)")
        let (_, removed) = try completeOrder(new, old)
        #expect(removed.contains("° L'annexe II est abrogée."), "\(removed)")
    }

    @Test("what the formulas cannot write is reported clause by clause with the reason, never left out in silence")
    func unexpressible() throws {
        let old = try ModelAct.read()
        var new = old
        // A 4° holding its own enumeration (a), b)): quoted lines cannot carry points inside a point.
        let two = try ModelAct.article(new, "art_2")
        var list = new.body[two].children[0].children[0]
        let inner = Clause(kind: .list, eId: "", wId: "", intro: [Block(text: "les pièces jointes, à savoir :")], children: [
            Clause(kind: .point, eId: "", wId: "", num: "a)", content: [Block(text: "la demande ;")]),
            Clause(kind: .point, eId: "", wId: "", num: "b)", content: [Block(text: "la réponse.")]),
        ])
        list.children[2].content = [Block(text: "la date de sa clôture ;")]
        list.children.append(Clause(kind: .point, eId: "", wId: "", num: "4°", children: [inner]))
        new.body[two].children[0].children[0] = list
        new = IdentifierAssignment.assignNewWIds(IdentifierAssignment.assignEIds(new), previous: old.allWIds, year: 2026)
        let order = AmendingOrderGenerator().order(from: old, to: new, date: date)
        #expect(!order.roundTripExact)
        let problem = try #require(order.unexpressed.first)
        #expect(problem.place.contains("Article 2"), "\(order.unexpressed)")
        #expect(!problem.reason.isEmpty)
        #expect(order.document.notes.contains { $0.blocks.contains { $0.plainText.hasPrefix("Projet partiel") && $0.plainText.contains(problem.place) } })
        // The rest of the order still applies: the 3° got its new wording.
        let result = try ModelAct.roundTrip(order, from: old)
        #expect(result.clause(eId: "art_2__para_1__list_1__point_3")?.content.first?.plainText == "la date de sa clôture ;")
    }
}
