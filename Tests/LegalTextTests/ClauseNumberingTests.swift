import LegalText
import Testing

/// How a printed number becomes the component of an eId (docs/FORMAT.md, Identifiers).
@Suite("Clause numbering")
struct ClauseNumberingTests {
    @Test("a printed clause number gives its eId component", arguments: zip(
        ["Article 1er", "Article 6-1", "1°", "a)", "A.", "Article 12", "Article premier", "12°", "II."],
        ["1", "6-1", "1", "a", "A", "12", "1", "12", "II"]))
    func component(printed: String, expected: String) {
        #expect(ClauseNumbering.component(of: printed) == expected)
    }

    @Test("the sole article of an act is number 1")
    func uniqueArticle() {
        #expect(ClauseNumbering.component(of: "Article unique", kind: .article) == "1")
    }

    @Test("an annex number in Roman or Arabic numerals gives an integer component", arguments: zip(
        ["Annexe I", "Annexe II", "Annexe III", "Annexe IV", "Annexe IX", "Annexe XIV", "Annexe 3", "ANNEXE II"],
        ["1", "2", "3", "4", "9", "14", "3", "2"]))
    func annexComponent(printed: String, expected: String) {
        #expect(ClauseNumbering.annexComponent(of: printed) == expected)
    }

    @Test("a printed number that means nothing gives no component",
          arguments: ["", "   ", "n'importe quoi", "§ 3", "Article ?", "Article 3 (abrogé)", "1°/2°", "a) et b)"])
    func nonsense(printed: String) {
        #expect(ClauseNumbering.component(of: printed) == nil)
    }

    @Test("an annex number that is not a numeral gives no component",
          arguments: ["", "Annexe", "Annexe ZZ", "Annexe A-B", "Annexe ?", "Annexe II bis !"])
    func annexNonsense(printed: String) {
        #expect(ClauseNumbering.annexComponent(of: printed) == nil)
    }
}
