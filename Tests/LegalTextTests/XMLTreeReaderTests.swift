import Foundation
import LegalText
import Testing

@Suite("Small XML records are read as value trees under the same policy as legal texts")
struct XMLTreeReaderTests {
    private let limits = XMLParserLimits(maxBytes: 4096, maxDepth: 4)

    @Test("elements, attributes, trimmed text and lines are copied")
    func tree() throws {
        let text = "<r xmlns=\"urn:x\" a=\"1\">\n  <c>  texte  </c>\n  <c/>\n</r>"
        let root = try XMLTreeReader.read(Data(text.utf8), file: "r.xml", limits: limits)
        #expect(root.name == "r" && root.namespace == "urn:x" && root.attributes == ["a": "1"])
        #expect(root.all("c").count == 2)
        #expect(root.first("c")?.text == "texte")
        #expect(root.first("c")?.line == 2)
    }

    @Test("a DOCTYPE, a too deep tree and an oversize file are refused", arguments: [
        "<!DOCTYPE r [<!ENTITY e \"x\">]><r>&e;</r>",
        "<a><b><c><d><e/></d></c></b></a>",
        "<r>" + String(repeating: "x", count: 5000) + "</r>",
    ])
    func refused(text: String) {
        #expect(throws: LegalTextError.self) { try XMLTreeReader.read(Data(text.utf8), file: "r.xml", limits: limits) }
    }
}
