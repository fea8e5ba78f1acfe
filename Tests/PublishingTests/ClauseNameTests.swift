import Foundation
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
              // An unnumbered subsection is named by its heading.
              ("annex_2__sec_C__subsec_1", "Annexe II, C, « [Infection par le VIH] »"),
              ("annex_2__sec_C__subsec_1__para_2", "Annexe II, C, « [Infection par le VIH] », deuxième alinéa"),
              ("annex_2__sec_C__subsec_2__para_1", "Annexe II, C, « [Hépatites virales] », premier alinéa"),
              // A list of points is named after its alinéa.
              ("art_3__para_6__list_1", "Article 3, sixième alinéa (énumération)"),
              ("art_6-2__para_2__list_1", "Article 6-2, deuxième alinéa (énumération)"),
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
            for clause in document.allClauses {
                let name = try #require(names[clause.eId], "\(version): \(clause.eId) has no name")
                #expect(!name.contains("_"), "\(version): \(clause.eId) → \(name)")
            }
        }
    }

    /// The 2026 draft with the heading of Annex II, C's second subsection replaced by `heading` (nil: removed).
    static func draft(secondSubsectionHeading heading: String?) throws -> LegalDocument {
        let url = Corpus.folder.appendingPathComponent("2026-projet/AFSP1638149A.xml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let original = "<heading><span class=\"note-editoriale\">[Hépatites virales]</span></heading>"
        try #require(text.components(separatedBy: original).count == 2)
        let changed = text.replacingOccurrences(of: original, with: heading.map { "<heading>\($0)</heading>" } ?? "")
        return try LegalTextReader.read(data: Data(changed.utf8), file: "AFSP1638149A.xml").document
    }

    @Test("an unnumbered subsection without a heading is named by its position; its neighbour keeps its heading")
    func positionWithoutHeading() throws {
        let names = Designation.names(in: try Self.draft(secondSubsectionHeading: nil))
        #expect(names["annex_2__sec_C__subsec_2__para_1"] == "Annexe II, C, deuxième sous-section, premier alinéa")
        #expect(names["annex_2__sec_C__subsec_1"] == "Annexe II, C, « [Infection par le VIH] »")
    }

    @Test("two unnumbered subsections with the same heading are named by their positions, never the same name")
    func positionForSharedHeadings() throws {
        let names = Designation.names(in: try Self.draft(secondSubsectionHeading: "<span class=\"note-editoriale\">[Infection par le VIH]</span>"))
        #expect(names["annex_2__sec_C__subsec_1"] == "Annexe II, C, première sous-section")
        #expect(names["annex_2__sec_C__subsec_2"] == "Annexe II, C, deuxième sous-section")
    }

    @Test("no two clauses of the corpus texts share a name")
    func namesAreDistinct() throws {
        for version in ["2017-01-05", "2026-projet"] {
            let names = Designation.names(in: try Corpus.read(version))
            var byName: [String: [String]] = [:]
            for (eId, name) in names { byName[name, default: []].append(eId) }
            for (name, eIds) in byName where eIds.count > 1 { Issue.record("\(version): « \(name) » names \(eIds.sorted())") }
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
