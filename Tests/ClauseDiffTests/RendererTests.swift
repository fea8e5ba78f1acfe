import Foundation
import Testing
import LegalText
@testable import ClauseDiff

@Suite("Renderers show the same comparison in four forms")
struct RendererTests {
    let diff: DocumentDiff

    init() throws {
        diff = ClauseDiffer().compare(try fixture("renumbering-v1"), try fixture("renumbering-v2"),
                                      oldLabel: "v1", newLabel: "v2")
    }

    @Test("plain terminal output marks word changes and has no escape codes")
    func plainTerminal() {
        let text = TerminalDiffRenderer(colour: false).render(diff)
        #expect(!text.contains("\u{1B}["))
        #expect(text.contains("{+ et de sa continuité+}"))
        #expect(text.contains("> art_3 (ex art_2) [renuméroté] Article 2 → Article 3"))
        // art_4 now names old article 3: the deleted article 4 is "ex art_4", never the same label.
        #expect(text.contains("- ex art_4 [supprimé] Article 4"))
        #expect(!text.contains("art_1__para_1"))
    }

    @Test("colour terminal output uses ANSI colours")
    func colourTerminal() {
        let text = TerminalDiffRenderer(colour: true).render(diff)
        #expect(text.contains("\u{1B}[32;4m et de sa continuité\u{1B}[0m"))
    }

    @Test("--stat counts changes per class and per article")
    func stat() {
        let text = TerminalDiffRenderer(colour: false).renderStat(diff)
        #expect(text.contains("2 insérés, 2 supprimés"))
        #expect(text.contains("art_5"))
        #expect(text.split(separator: "\n").count < 25)
    }

    @Test("HTML is standalone, accessible and escapes the text")
    func html() throws {
        var hostile = try fixture("renumbering-v2")
        hostile.body[0].children[0].content = [Block(text: "<script>alert('x')</script> & co")]
        let page = HTMLDiffRenderer().render(ClauseDiffer().compare(try fixture("renumbering-v1"), hostile,
                                                                    oldLabel: "v1", newLabel: "<b>v2</b>"))
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        #expect(!page.contains("<script>"))
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"))
        #expect(page.contains("&lt;b&gt;v2&lt;/b&gt;"))
        #expect(page.contains("<ins>") && page.contains("<del>"))
        #expect(page.contains("Légende"))
        #expect(!page.contains("src=") && !page.contains("href=\"http"))
        #expect(page.contains("id=\"art_3__para_2\""))
    }

    @Test("Markdown strikes deletions and bolds insertions")
    func markdown() {
        let text = MarkdownDiffRenderer().render(diff)
        #expect(text.contains("**et de sa continuité**"))
        #expect(text.contains("## ex `art_4` — supprimé"))
    }

    @Test("JSON follows schema suivi-diff v1 and rebuilds old and new texts")
    func json() throws {
        let data = Data(try JSONDiffDocument(diff).encoded().utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["schema"] as? String == "suivi-diff")
        #expect(object["schemaVersion"] as? Int == 1)
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.count == diff.changes.count)
        let modified = try #require(changes.first { $0["wId"] as? String == "art_2__para_2" })
        #expect(modified["class"] as? String == "renumbered+modified")
        let segments = try #require(modified["textDiff"] as? [[String: String]])
        let newText = segments.filter { $0["op"] != "deleted" }.compactMap { $0["text"] }.joined()
        #expect(newText == "Ils tiennent compte de l'offre de soins et de sa continuité.")
        let match = try #require(modified["matchedBy"] as? [String: Any])
        #expect(match["method"] as? String == "wId")
    }
}
