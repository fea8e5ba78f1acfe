import Foundation
import LegalText
import Testing
import SuiviTestSupport

/// Listing every element of a document that the subset does not know, for documents from other tools.
@Suite("Subset scan")
struct SubsetScanTests {
    @Test("a document of the subset has nothing outside it")
    func minimalAct() throws {
        #expect(try SubsetScan.unsupportedElements(in: Fixture.minimalData(), file: "minimal-act.xml").isEmpty)
        let other = try Data(contentsOf: try Fixture.url("other-tool-act.xml", in: "Fixtures/akn"))
        #expect(try SubsetScan.unsupportedElements(in: other, file: "other-tool-act.xml").isEmpty)
    }

    @Test("a Scottish act lists each element outside the subset once, with its count and first line", .tags(.externalTool),
          .enabled(if: !TestSelection.fastOnly && (SharedMaterials.available || ExternalTool.inCI),
                   "needs ../shared (OASIS schema, real examples): set SUIVI_SHARED (required under CI=true)"))
    func foreignAct() throws {
        let path = SharedMaterials.path("examples/akn/asp-2017-1-enacted-data.akn.xml")
        try #require(FileManager.default.fileExists(atPath: path))
        let findings = try SubsetScan.unsupportedElements(in: Data(contentsOf: URL(fileURLWithPath: path)), file: path)
        #expect(findings.first?.element == "FRBRprescriptive")
        #expect(findings.first?.firstLine == 13)
        let hcontainer = try #require(findings.first { $0.element == "hcontainer" })
        #expect(hcontainer.count == 8 && hcontainer.firstParent == "part")
        #expect(findings.contains { $0.element == "table" })
        #expect(Set(findings.map(\.element)).count == findings.count)
    }

    @Test("elements of another namespace are named with it")
    func otherNamespace() throws {
        let text = try Fixture.minimalText().replacingOccurrences(
            of: "<preface>", with: "<preface><x:extra xmlns:x=\"urn:example\"/>")
        let findings = try SubsetScan.unsupportedElements(in: Data(text.utf8), file: "t.xml")
        #expect(findings.map(\.element) == ["{urn:example}extra"])
    }
}
