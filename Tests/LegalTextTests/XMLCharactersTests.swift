import Foundation
import LegalText
import Testing

/// The XML 1.0 character rule (``XMLCharacters``): what the reader names, what scanning finds, what removal leaves.
@Suite("XML characters")
struct XMLCharactersTests {
    @Test("the reader names a character XML cannot hold with its line and column, raw or as a reference")
    func readerNamesCharacter() throws {
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <record xmlns="urn:x">
              <a>Avant\u{0B}après</a>
            </record>

            """
        for (variant, expected) in [(document, "U+000B"), (document.replacingOccurrences(of: "\u{0B}", with: "&#xFFFE;"), "U+FFFE")] {
            do {
                _ = try XMLTreeReader.read(Data(variant.utf8), file: "r.xml", limits: XMLParserLimits(maxBytes: 1 << 20, maxDepth: 8))
                Issue.record("read")
            } catch {
                guard case .malformed("r.xml", 3, 11, .forbiddenCharacter, let detail) = error else {
                    Issue.record("\(error)")
                    continue
                }
                #expect(detail.hasPrefix(expected))
            }
        }
    }

    @Test("scanning a file finds raw characters and references, not references inside comments or CDATA; removing keeps the rest")
    func scanAndRemove() {
        let text = "<a x=\"1&#9;2&#x0b;\">é\u{1}&#0;<!-- &#11; --><![CDATA[&#12;]]>\u{FFFF}\nz\u{0}&#1114112;</a>"
        let findings = XMLCharacters.scan(Data(text.utf8))
        #expect(findings.map(\.code) == [0x0B, 0x01, 0x00, 0xFFFF, 0x00, 0x11_0000])
        #expect(findings.map(\.line) == [1, 1, 1, 1, 2, 2])
        #expect(findings.map(\.column) == [13, 22, 23, 58, 2, 3])
        #expect(findings.map(\.isReference) == [true, false, true, false, false, true])
        let (clean, removed) = XMLCharacters.removingDisallowed(from: Data(text.utf8))
        #expect(removed.count == 6)
        #expect(String(decoding: clean, as: UTF8.self) == "<a x=\"1&#9;2\">é<!-- &#11; --><![CDATA[&#12;]]>\nz</a>")
        #expect(XMLCharacters.scan(clean).isEmpty)
    }

    @Test("removal leaves no character XML cannot hold, even where removing one makes another (seeded)")
    func removalProperty() {
        var state: UInt64 = UInt64(ProcessInfo.processInfo.environment["SUIVI_SEED"] ?? "") ?? 0x0008_C0DE
        let seed = state
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let pieces: [[UInt8]] = [
            Array("&#".utf8), Array("11;".utf8), Array("x0B;".utf8), Array("<!--".utf8), Array("-->".utf8), Array("<![CDATA[".utf8),
            Array("]]>".utf8), Array("<?".utf8), Array("?>".utf8), [0x0B], [0x00], [0x09], [0x0A], [0xEF, 0xBF, 0xBE], [0xED, 0xA0, 0x80],
            Array("é".utf8), Array("a".utf8), Array("&amp;".utf8), Array("&#65535;".utf8), Array("&#1114112;".utf8),
        ]
        // Removing the vertical tab of "&#<VT>11;" makes "&#11;", which goes too.
        let nested = XMLCharacters.removingDisallowed(from: Data("a&#\u{0B}11;b".utf8))
        #expect(String(decoding: nested.data, as: UTF8.self) == "ab" && nested.removed.map(\.code) == [0x0B, 0x0B])
        for round in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(next() % 16) { bytes += pieces[Int(next() % UInt64(pieces.count))] }
            let (clean, removed) = XMLCharacters.removingDisallowed(from: Data(bytes))
            #expect(XMLCharacters.scan(clean).isEmpty, "seed \(seed), round \(round): \(bytes)")
            #expect(removed.isEmpty == (clean == Data(bytes)), "seed \(seed), round \(round): \(bytes)")
        }
    }

    @Test("a text's first character XML cannot hold is found with its position in characters and what comes before it")
    func firstInText() throws {
        #expect(XMLCharacters.firstDisallowed(in: "Tout va bien\t\r\n, même « ceci ».") == nil)
        let found = try #require(XMLCharacters.firstDisallowed(in: "Un texte collé depuis un diaporama\u{0B}suite"))
        #expect(found.code == 0x0B && found.position == 35 && found.before == " depuis un diaporama")
        #expect(XMLCharacters.firstDisallowed(in: "\u{FFFF}")?.position == 1)
        #expect(XMLCharacters.removingDisallowed(from: "a\u{0}b\u{FFFE}c\td") == "abc\td")
        #expect(XMLCharacters.label(code: 0x0B) == "U+000B (tabulation verticale)")
    }
}
