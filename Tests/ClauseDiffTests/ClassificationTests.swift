import Testing
import LegalText
@testable import ClauseDiff

/// How a matched pair is classified when only the cut of its text into blocks differs.
@Suite("Classification of a matched clause")
struct ClassificationTests {
    /// The fixture with the text of its first leaf alinéa replaced by `blocks`, and that alinéa's wId.
    private func variant(_ blocks: [String]) throws -> (LegalDocument, String) {
        var document = try fixture("renumbering-v1")
        let article = try #require(document.body.firstIndex { $0.children.contains { $0.children.isEmpty } })
        let paragraph = try #require(document.body[article].children.firstIndex { $0.children.isEmpty })
        document.body[article].children[paragraph].content = blocks.map { Block(text: $0) }
        return (document, document.body[article].children[paragraph].wId)
    }

    @Test("blocks cut differently but reading the same (joined by a newline) leave the alinéa unchanged")
    func sameTextOtherBlocks() throws {
        let (oneBlock, _) = try variant(["Premier membre.\nSecond membre."])
        let (twoBlocks, wId) = try variant(["Premier membre.", "Second membre."])
        let diff = ClauseDiffer().compare(oneBlock, twoBlocks, oldLabel: "a", newLabel: "b")
        #expect(diff.isEmpty)
        #expect(diff.changes.first { $0.wId == wId }?.textDiff == nil)
    }

    @Test("different blocks with different words are modified, with a word diff")
    func otherWords() throws {
        let (old, _) = try variant(["Premier membre.", "Second membre."])
        let (new, wId) = try variant(["Premier membre.", "Autre membre."])
        let change = try #require(ClauseDiffer().compare(old, new, oldLabel: "a", newLabel: "b").changes.first { $0.wId == wId })
        #expect(change.change == .modified)
        #expect(change.textDiff?.segments.contains(WordDiff.Segment(.inserted, "Autre")) == true)
    }
}
