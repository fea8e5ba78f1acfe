import LegalText
import Testing
@testable import Publishing

/// Issue 20: the interface names clauses as a lawyer does (« Article 3, deuxième alinéa », « Annexe II, C, 4° »),
/// never by their eId.
@Suite("Clause names, as a lawyer names them")
struct ClauseNameTests {
    @Test("a clause is named from the outside in: articles by number, alinéas counted in words, points by their number",
          arguments: [
              ("art_1", "Article 1er"),
              ("art_1__para_1", "Article 1er, premier alinéa"),
              ("art_3__para_2", "Article 3, deuxième alinéa"),
              ("art_3__para_6__list_1__point_2", "Article 3, sixième alinéa, 2°"),
              ("art_6-1", "Article 6-1"),
              ("art_6-1__para_1__list_1__point_1", "Article 6-1, premier alinéa, 1°"),
              ("art_6-2__para_2__list_1__point_5", "Article 6-2, deuxième alinéa, 5°"),
              ("cit_2", "Deuxième visa"),
              ("annex_2", "Annexe II"),
              ("annex_2__sec_C", "Annexe II, C"),
              ("annex_2__sec_A__para_11", "Annexe II, A, onzième alinéa"),
              // An unnumbered subsection is counted in words.
              ("annex_2__sec_C__subsec_1__para_2", "Annexe II, C, première sous-section, deuxième alinéa"),
          ])
    func names(eId: String, expected: String) throws {
        let names = Designation.names(in: try Corpus.read("2026-projet"))
        #expect(names[eId] == expected)
    }

    @Test("no name is an eId, and every clause of the corpus texts has one")
    func everyClauseNamed() throws {
        for version in ["2017-01-05", "2026-projet"] {
            let document = try Corpus.read(version)
            let names = Designation.names(in: document)
            for clause in document.allClauses where clause.kind != .list {
                let name = try #require(names[clause.eId], "\(version): \(clause.eId) has no name")
                #expect(!name.contains("_"), "\(version): \(clause.eId) → \(name)")
            }
        }
    }

    @Test("the name is built from the designation's steps, the same the amending order writes from the inside out")
    func sameStepsAsTheOrder() {
        let designation = Designation([.annex("II"), .division(.section, "C"), .point("4°")])
        #expect(designation.name == "Annexe II, C, 4°")
        #expect(designation.french == "le 4° de la section C de l'annexe II")
        #expect(Designation([.division(.section, "2"), .alinea(1)]).name == "Section 2, premier alinéa")
        #expect(Designation([.article("4-1")]).name == "Article 4-1")
        #expect(Designation([.divisionAt(.section, 2), .alinea(21)]).name == "Deuxième section, 21e alinéa")
    }
}
