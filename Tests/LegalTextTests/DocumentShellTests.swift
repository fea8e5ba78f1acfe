import Foundation
import Testing
@testable import LegalText

@Suite("A document splits into a shell and one part per top-level clause, and back")
struct DocumentShellTests {
    private func minimal() throws -> LegalDocument {
        let url = try #require(Bundle.module.url(forResource: "minimal-act", withExtension: "xml", subdirectory: "Fixtures"))
        return try LegalTextReader.read(contentsOf: url.path).document
    }

    private func path(_ clause: Clause, _ annex: Annex?) -> String {
        annex.map { "annexes/\($0.wId)/\(clause.wId).xml" } ?? "articles/\(clause.wId).xml"
    }

    @Test("split, write, read and assemble gives the same document")
    func roundTrip() throws {
        let document = try minimal()
        let (shell, parts) = DocumentShell.split(document, source: path)
        #expect(shell.header.body.isEmpty)
        #expect(shell.bodySources == ["articles/art_1.xml", "articles/art_2.xml", "articles/art_3.xml"])
        #expect(shell.annexSources["annex_1"] == ["annexes/annex_1/annex_1__para_1.xml", "annexes/annex_1/annex_1__sec_A.xml"])

        let shellText = CanonicalWriter.shell(shell)
        #expect(shellText.contains(#"<componentRef src="articles/art_2.xml"/>"#))
        #expect(!shellText.contains("<article"))
        let readShell = try LegalTextReader.readShell(data: Data(shellText.utf8), file: "text.xml")
        #expect(readShell == shell)

        var stored: [String: Data] = [:]
        for part in parts { stored[part.source] = Data(CanonicalWriter.fragment(part.clause).utf8) }
        let assembled = try readShell.assemble { source in
            try LegalTextReader.readFragment(data: try #require(stored[source]), file: source)
        }
        #expect(assembled == document)
    }

    @Test("a part file is a standalone Akoma Ntoso element, written canonically")
    func fragment() throws {
        let document = try minimal()
        let article = try #require(document.clause(eId: "art_2"))
        let text = CanonicalWriter.fragment(article)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article eId=\"art_2\" wId=\"art_2\" xmlns="))
        let again = try LegalTextReader.readFragment(data: Data(text.utf8), file: "art_2.xml")
        #expect(again == article)
        #expect(CanonicalWriter.fragment(again) == text)
    }

    @Test("a shell refuses a clause written inline where a reference is expected")
    func shellRefusesInlineClauses() throws {
        let document = try minimal()
        let full = CanonicalWriter.string(document)
        #expect(throws: LegalTextError.self) {
            try LegalTextReader.readShell(data: Data(full.utf8), file: "text.xml")
        }
    }

    @Test("a fragment whose root is not a clause is refused")
    func fragmentRoot() {
        let text = #"<?xml version="1.0"?><p xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">x</p>"#
        #expect(throws: LegalTextError.self) {
            try LegalTextReader.readFragment(data: Data(text.utf8), file: "x.xml")
        }
    }
}
