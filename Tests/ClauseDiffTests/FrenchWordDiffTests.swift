import Testing
@testable import ClauseDiff

@Suite("French tokenisation keeps legal units whole")
struct FrenchTokenizerTests {
    private func texts(_ text: String) -> [String] {
        FrenchTokenizer.tokenize(text).filter { $0.kind != .space }.map(\.text)
    }

    @Test("an elided article is its own token, with either apostrophe")
    func elision() {
        #expect(texts("l'accès aux soins") == ["l'", "accès", "aux", "soins"])
        #expect(texts("d\u{2019}une exceptionnelle gravité") == ["d\u{2019}", "une", "exceptionnelle", "gravité"])
        #expect(texts("jusqu'au terme") == ["jusqu'", "au", "terme"])
    }

    @Test("numbers with spaced thousands, any kind of space, are one token")
    func numbers() {
        #expect(texts("soit 25 000 personnes") == ["soit", "25 000", "personnes"])
        #expect(texts("soit 25\u{00A0}000 personnes") == ["soit", "25\u{00A0}000", "personnes"])
        #expect(texts("environ 22\u{202F}600 titulaires") == ["environ", "22\u{202F}600", "titulaires"])
        #expect(texts("en 2017 123 demandes").contains("2017"))
        #expect(texts("le 1er alinéa et le 11° de l'article") == ["le", "1er", "alinéa", "et", "le", "11°", "de", "l'", "article"])
    }

    @Test("dates written out are one token")
    func dates() {
        #expect(texts("arrêté du 5 janvier 2017 modifié") == ["arrêté", "du", "5 janvier 2017", "modifié"])
        #expect(texts("depuis le 1er mai 2021") == ["depuis", "le", "1er mai 2021"])
        #expect(FrenchTokenizer.tokenize("5 janvier 2017").first?.kind == .date)
    }

    @Test("code references are one token")
    func codeReferences() {
        #expect(texts("l'article L. 425-9 du code") == ["l'", "article", "L. 425-9", "du", "code"])
        #expect(texts("articles R. 313-22 et R.425-11") == ["articles", "R. 313-22", "et", "R.425-11"])
        #expect(texts("L 425-9-1") == ["L 425-9-1"])
    }

    @Test("guillemets and punctuation are tokens; the text is rebuilt exactly")
    func guillemets() {
        let text = "les mots : « traitement approprié » ; puis, l'accès."
        let tokens = FrenchTokenizer.tokenize(text)
        #expect(tokens.map(\.text).joined() == text)
        #expect(tokens.filter { $0.kind == .punctuation }.map(\.text) == [":", "«", "»", ";", ",", "."])
    }
}

@Suite("Word diffs inside a modified clause")
struct WordDiffTests {
    @Test("a replaced word shows as one deletion and one insertion, the rest kept")
    func replacement() {
        let diff = WordDiff(old: "Le collège se prononce dans un délai de trois mois.",
                            new: "Le collège se prononce dans un délai de deux mois.")
        #expect(diff.segments.filter { $0.kind == .deleted }.map(\.text) == ["trois"])
        #expect(diff.segments.filter { $0.kind == .inserted }.map(\.text) == ["deux"])
        #expect(diff.oldText == "Le collège se prononce dans un délai de trois mois.")
        #expect(diff.newText == "Le collège se prononce dans un délai de deux mois.")
    }

    @Test("a changed article number in a code reference is one unit")
    func codeReference() {
        let diff = WordDiff(old: "prévues à l'article L. 313-11 du code", new: "prévues à l'article L. 425-9 du code")
        #expect(diff.segments.filter { $0.kind == .deleted }.map(\.text) == ["L. 313-11"])
        #expect(diff.segments.filter { $0.kind == .inserted }.map(\.text) == ["L. 425-9"])
    }

    @Test("an elided article does not drag its noun into the change")
    func elision() {
        let diff = WordDiff(old: "apprécier l'accès aux soins", new: "apprécier l'offre de soins")
        let deleted = diff.segments.filter { $0.kind == .deleted }.map(\.text).joined()
        #expect(!deleted.contains("l'"))
        #expect(deleted.contains("accès"))
    }

    @Test("a non-breaking space where a space was is not a change of wording")
    func spaces() {
        #expect(WordDiff(old: "soit 25 000 euros", new: "soit 25\u{00A0}000 euros").isUnchanged)
        #expect(!WordDiff(old: "soit 25 000 euros", new: "soit 26 000 euros").isUnchanged)
        #expect(WordDiff(old: "les mots : « x »", new: "les mots\u{00A0}: «\u{202F}x\u{202F}»").isUnchanged)
    }

    @Test("identical texts give a single kept segment")
    func identical() {
        let diff = WordDiff(old: "Texte identique.", new: "Texte identique.")
        #expect(diff.isUnchanged)
        #expect(diff.segments.count == 1)
    }

    @Test("old and new texts are always rebuilt exactly", arguments: [
        ("", "Un texte nouveau."),
        ("Un texte supprimé.", ""),
        ("a b c d e", "a x c y e"),
        ("Vu le code de la santé publique ;", "Vu le code de l'entrée et du séjour des étrangers ;"),
    ])
    func rebuild(old: String, new: String) {
        let diff = WordDiff(old: old, new: new)
        #expect(diff.oldText == old)
        #expect(diff.newText == new)
    }
}

@Suite("Myers diff")
struct MyersDiffTests {
    @Test("the edit script is minimal and rebuilds both sides", arguments: [
        ("abcabba", "cbabac"), ("", "abc"), ("abc", ""), ("abc", "abc"), ("kitten", "sitting"),
    ])
    func script(old: String, new: String) {
        let a = Array(old), b = Array(new)
        let operations = MyersDiff.diff(a, b)
        var rebuiltOld: [Character] = [], rebuiltNew: [Character] = []
        var edits = 0
        for operation in operations {
            switch operation {
            case .equal(let o, let n): rebuiltOld += a[o]; rebuiltNew += b[n]
            case .delete(let o): rebuiltOld += a[o]; edits += o.count
            case .insert(let n): rebuiltNew += b[n]; edits += n.count
            }
        }
        #expect(rebuiltOld == a && rebuiltNew == b)
        let lcs = MyersDiff.commonLength(a, b)
        #expect(edits == a.count + b.count - 2 * lcs)
        if old == "abcabba" { #expect(edits == 5) }
    }
}
