import Foundation
import LegalText
import Testing
import SuiviSynthetic
import SuiviTestSupport

/// The canonical form of docs/FORMAT.md: what `suivi` writes, so that `git diff` of two versions
/// shows only real changes.
@Suite("Canonical form")
struct CanonicalFormTests {
    let minimal: LegalDocument

    init() throws {
        minimal = try Fixture.minimal().document
    }

    private func read(_ text: String, file: String = "canonique.xml") throws -> LegalDocument {
        try LegalTextReader.read(data: Data(text.utf8), file: file).document
    }

    @Test("reading what was written gives the same document")
    func roundTrip() throws {
        let written = CanonicalWriter.string(minimal)
        let read = try read(written)
        #expect(read == minimal)
    }

    @Test("writing is idempotent byte for byte")
    func idempotent() throws {
        let first = CanonicalWriter.data(minimal)
        let second = CanonicalWriter.data(try LegalTextReader.read(data: first, file: "une-fois.xml").document)
        #expect(second == first)
        #expect(CanonicalWriter.data(minimal) == first, "writing twice the same value differs")
    }

    @Test("the minimal fixture is itself in canonical form")
    func fixtureIsCanonical() throws {
        let text = try Fixture.minimalText()
        let written = CanonicalWriter.string(minimal)
        #expect(written == text)
        if written != text {
            let writtenLines = written.split(separator: "\n", omittingEmptySubsequences: false)
            let fixtureLines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(writtenLines.count == fixtureLines.count)
            for (index, (writtenLine, fixtureLine)) in zip(writtenLines, fixtureLines).enumerated().filter({ $0.element.0 != $0.element.1 }).prefix(5) {
                Issue.record("line \(index + 1): written «\(writtenLine)», fixture «\(fixtureLine)»")
            }
        }
    }

    @Test("the canonical form is UTF-8 with an XML declaration, two-space indentation and no comment or DTD")
    func shape() throws {
        let written = CanonicalWriter.string(minimal)
        #expect(written.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"# + "\n<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n"))
        #expect(written.hasSuffix("</akomaNtoso>\n"))
        #expect(!written.contains("<!--"))
        #expect(!written.contains("<!DOCTYPE"))
        #expect(!written.contains("\t"))
        #expect(!written.contains("\r"))
        for line in written.split(separator: "\n").dropFirst() {
            let indent = line.prefix { $0 == " " }.count
            #expect(indent % 2 == 0, "odd indentation: \(line)")
            #expect(line.dropFirst(indent).hasPrefix("<"), "a line that is not an element: \(line)")
        }
        #expect(written.contains("\n      <longTitle>\n        <p>Arrêté du 2 mars 2020 fixant des règles d'essai</p>\n"))
    }

    @Test("attributes come out in alphabetical order")
    func attributeOrder() throws {
        var document = minimal
        document.modifyClause("art_3") { $0.attributes = ["refersTo": "#x", "class": "abroge", "status": "removed"] }
        let written = CanonicalWriter.string(document)
        #expect(written.contains(##"<article class="abroge" eId="art_3" refersTo="#x" status="removed" wId="art_3">"##))
        let tag = try Regex(#"<([A-Za-z]+)((?:\s+[A-Za-z:]+="[^"]*")+)\s*/?>"#)
        let attributeName = try Regex(#"([A-Za-z:]+)="#)
        var checked = 0
        for match in written.matches(of: tag) {
            guard let attributes = match.output[2].substring else { continue }
            let names = attributes.matches(of: attributeName).compactMap { $0.output[1].substring.map(String.init) }
            #expect(names == names.sorted(), "unsorted attributes: \(match.output[0].substring ?? "")")
            checked += 1
        }
        #expect(checked > 50)
    }

    @Test("formatting differences vanish on reading", arguments: FormattingVariant.allCases)
    func formatting(variant: FormattingVariant) throws {
        let reformatted = variant.apply(to: try Fixture.minimalText())
        let original = try Fixture.minimalText()
        #expect(reformatted != original, "the variant changed nothing")
        let document = try read(reformatted, file: "\(variant).xml")
        #expect(document == minimal)
        #expect(CanonicalWriter.string(document) == CanonicalWriter.string(minimal))
    }

    @Test("non-breaking and narrow no-break spaces are kept as they are")
    func noBreakSpaces() throws {
        let text = "Article\u{00A0}3 : 25\u{202F}000 €, soit « \u{00A0}moins\u{00A0} » et \u{202F} fin."
        var document = minimal
        document.modifyClause("art_1__para_1") { $0.content = [Block(text: text)] }
        let written = CanonicalWriter.string(document)
        #expect(written.contains("<p>\(text)</p>"))
        #expect(Array(written.utf8).firstRange(of: [0xC2, 0xA0]) != nil)
        #expect(Array(written.utf8).firstRange(of: [0xE2, 0x80, 0xAF]) != nil)
        let read = try read(written)
        #expect(read.clause(eId: "art_1__para_1")?.content.first?.plainText == text)
        #expect(read == document)
    }

    @Test("XML whitespace around no-break spaces collapses, the no-break spaces stay")
    func collapseAroundNoBreakSpaces() throws {
        let fixture = try Fixture.minimalText()
        let variant = fixture.replacingOccurrences(
            of: "<p>Le présent arrêté fixe des règles d'essai.</p>",
            with: "<p>\n   Le  présent \u{00A0}\t arrêté\n\u{202F}fixe   des règles d'essai.  </p>")
        let document = try read(variant)
        #expect(document.clause(eId: "art_1__para_1")?.content.first?.plainText
                == "Le présent \u{00A0} arrêté \u{202F}fixe des règles d'essai.")
    }

    @Test("&, < and > in text and \" in attributes survive a round trip")
    func escaping() throws {
        var document = minimal
        let text = "Si a < b && c > d, alors « x » & 'y'."
        let href = #"https://exemple.fr/?a=1&b="2"<3>"#
        document.modifyClause("art_1__para_1") { clause in
            clause.content = [Block([.text(text), .element(name: "ref", attributes: ["href": href], children: [.text("<lien & co>")])],
                                    attributes: ["class": #"cité "ici""#])]
        }
        document.notes[0].blocks = [Block(text: "Note : 1 < 2 & 3 > 2.")]
        let written = CanonicalWriter.string(document)
        #expect(written.contains("Si a &lt; b &amp;&amp; c &gt; d"))
        #expect(written.contains(#"href="https://exemple.fr/?a=1&amp;b=&quot;2&quot;&lt;3&gt;""#))
        #expect(written.contains(#"class="cité &quot;ici&quot;""#))
        let read = try read(written)
        #expect(read == document)
        #expect(CanonicalWriter.string(read) == written)
    }

    @Test("a generated act of 50 articles round-trips and validates")
    func syntheticAct() throws {
        let document = SyntheticAct(articles: 50).document()
        #expect(document.body.count == 50)
        let written = CanonicalWriter.data(document)
        let source = try LegalTextReader.read(data: written, file: "synthetique.xml")
        #expect(source.document == document)
        #expect(LegalTextValidator.validate(source) == [])
        #expect(CanonicalWriter.data(source.document) == written)
        #expect(source.lines.count == document.allClauses.count + document.annexes.count)
    }

    @Test("generated acts are reproducible from their seed")
    func syntheticSeed() {
        #expect(SyntheticAct(articles: 7, seed: 42).document() == SyntheticAct(articles: 7, seed: 42).document())
        #expect(SyntheticAct(articles: 7, seed: 42).document() != SyntheticAct(articles: 7, seed: 43).document())
    }
}

/// Copies of the minimal act that differ from it only in formatting.
enum FormattingVariant: String, CaseIterable, Sendable {
    case reindentedWithTabs, fourSpaceIndentation, paragraphOverSeveralLines, crlfLineEnds, attributesReordered,
         singleQuotedAttributes, commentsBetweenElements, noDeclaration, selfClosingEmptyWhitespace

    func apply(to text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        switch self {
        case .reindentedWithTabs:
            return lines.map { line in
                let indent = line.prefix { $0 == " " }.count
                return String(repeating: "\t", count: indent / 2) + line.dropFirst(indent)
            }.joined(separator: "\n")
        case .fourSpaceIndentation:
            return lines.map { line in
                let indent = line.prefix { $0 == " " }.count
                return String(repeating: " ", count: indent * 2) + line.dropFirst(indent)
            }.joined(separator: "\n")
        case .paragraphOverSeveralLines:
            return text.replacingOccurrences(
                of: "<p>Le directeur général de la santé est chargé de l'exécution du présent arrêté, qui sera publié au <i>Journal officiel</i> de la République française.</p>",
                with: "<p>\n   Le directeur général  de la santé est chargé\n      de l'exécution du présent arrêté,   qui sera publié au\n <i>Journal\n officiel</i>   de la République française.\n            </p>")
                .replacingOccurrences(of: "<num>Article 2</num>", with: "<num>\n  Article   2\n</num>")
                .replacingOccurrences(of: "<heading>Objet</heading>", with: "<heading>  Objet </heading>")
        case .crlfLineEnds:
            return text.replacingOccurrences(of: "\n", with: "\r\n")
        case .attributesReordered:
            return text.replacingOccurrences(of: #"<article eId="art_2" wId="art_2">"#, with: #"<article wId="art_2" eId="art_2">"#)
                .replacingOccurrences(
                    of: ##"<eventRef date="2020-03-02" eId="evt_signature" refersTo="#signature" source="#suivi" type="generation"/>"##,
                    with: ##"<eventRef type="generation" source="#suivi" refersTo="#signature" date="2020-03-02" eId="evt_signature"/>"##)
        case .singleQuotedAttributes:
            return text.replacingOccurrences(of: #"<paragraph eId="art_1__para_1" wId="art_1__para_1">"#,
                                             with: #"<paragraph eId='art_1__para_1' wId = 'art_1__para_1' >"#)
        case .commentsBetweenElements:
            return text.replacingOccurrences(of: "<body>", with: "<body>\n<!-- corps du texte -->")
                .replacingOccurrences(of: "</article>", with: "</article><!-- fin d'article -->")
                .replacingOccurrences(of: "<p>Le présent arrêté fixe", with: "<p>Le présent <!-- note -->arrêté fixe")
                .replacingOccurrences(of: "arrêté fixe des", with: "arrêté<?pi instruction?> fixe des")
        case .noDeclaration:
            return String(text.drop { $0 != "\n" }.dropFirst())
        case .selfClosingEmptyWhitespace:
            return text.replacingOccurrences(of: "<FRBRcountry value=\"fr\"/>", with: "<FRBRcountry value=\"fr\"></FRBRcountry>")
                .replacingOccurrences(of: "</body>", with: "</body   >")
        }
    }
}

/// Every file of the shipped corpus: valid, and already in canonical form.
@Suite("The shipped corpus")
struct CorpusTests {
    /// The live corpus folder (the subject of this suite is the shipped data, not a frozen copy).
    static let folder = ShippedFixture.Live.corpus

    /// The corpus files, relative to the corpus folder, in a stable order.
    static let files: [String] = {
        let all = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        return all.filter { $0.hasSuffix(".xml") }.sorted()
    }()

    static let hasFiles = !files.isEmpty

    private func path(_ file: String) -> String { Self.folder.appendingPathComponent(file).path }

    @Test("a corpus file validates with no problem",
          .enabled(if: CorpusTests.hasFiles, "corpus/ holds no .xml file yet"), arguments: CorpusTests.files)
    func validates(file: String) {
        let check = FileCheck.check(file: path(file))
        #expect(check.problems == [], "\(check.problems.map(\.description).joined(separator: "\n"))")
    }

    @Test("a corpus file reads back equal after writing, and writing is idempotent",
          .enabled(if: CorpusTests.hasFiles, "corpus/ holds no .xml file yet"), arguments: CorpusTests.files)
    func roundTrips(file: String) throws {
        let document = try LegalTextReader.read(contentsOf: path(file)).document
        let written = CanonicalWriter.data(document)
        let again = try LegalTextReader.read(data: written, file: file).document
        #expect(again == document)
        #expect(CanonicalWriter.data(again) == written)
    }

    @Test("a corpus file is in canonical form byte for byte",
          .enabled(if: CorpusTests.hasFiles, "corpus/ holds no .xml file yet"), arguments: CorpusTests.files)
    func isCanonical(file: String) throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path(file)))
        let document = try LegalTextReader.read(data: bytes, file: file).document
        #expect(CanonicalWriter.data(document) == bytes)
    }

    @Test("a corpus file says it is a working transcription",
          .enabled(if: CorpusTests.hasFiles, "corpus/ holds no .xml file yet"), arguments: CorpusTests.files)
    func isWorkingTranscription(file: String) throws {
        let document = try LegalTextReader.read(contentsOf: path(file)).document
        #expect(document.isWorkingTranscription)
    }
}
