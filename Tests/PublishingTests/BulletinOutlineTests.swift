import Foundation
import LegalText
import Register
import Testing
@testable import Publishing

/// The bulletin as a document: its headings form an outline without skipped levels (title, sections,
/// topics, items, and nothing from the quoted clauses), and every link into the text reaches a clause
/// that exists there.
@Suite("Bulletin outline and links")
struct BulletinOutlineTests {
    /// A review whose draft is the 2026 project with `art_2__para_4` deleted (besides the project's own
    /// insertions, among them whole articles).
    func bulletinWithDeletion() async throws -> (Bulletin, LegalDocument) {
        let fixture = try await RegisterFixture()
        try await fixture.review(upTo: .drafting)
        let file = fixture.register.workingCopy(ofDraft: "periodique-2020").appendingPathComponent("AFSP1638149A.xml")
        var xml = try String(contentsOf: file, encoding: .utf8)
        let deleted = try #require(xml.range(of: #"\s*<paragraph eId="art_2__para_4"[\s\S]*?</paragraph>"#, options: .regularExpression))
        xml.removeSubrange(deleted)
        try xml.write(to: file, atomically: true, encoding: .utf8)
        _ = try await fixture.register.commitDraft("periodique-2020", message: "Suppression d'un alinéa", author: fixture.clerk)
        let new = try LegalTextReader.read(contentsOf: file.path).document
        #expect(new.clause(eId: "art_2__para_4") == nil)
        let bulletin = try await fixture.publisher.bulletin(review: "periodique-2020")
        return (bulletin, new)
    }

    /// The outline the bulletin's headings must follow: title, two sections, then each topic and its items.
    func outline(_ bulletin: Bulletin) -> [Int] {
        // …then the documentary updates (references, syntheses, news: issue 17), one h2.
        [1, 2, 2] + bulletin.topics.flatMap { [3] + Array(repeating: 4, count: $0.items.count) } + [2]
    }

    func matches(_ pattern: String, in text: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    func checkNesting(_ levels: [Int]) {
        #expect(levels.first == 1)
        #expect(levels.filter { $0 == 1 }.count == 1, "one h1 only: \(levels)")
        for (previous, level) in zip(levels, levels.dropFirst()) {
            #expect(level <= previous + 1, "h\(previous) followed by h\(level): \(levels)")
        }
    }

    @Test("the HTML and Markdown bulletins' headings nest h1, h2, h3, h4 without a skip, and quoted clauses add no heading")
    func headingsNest() async throws {
        let (bulletin, _) = try await bulletinWithDeletion()
        try #require(bulletin.topics.contains { $0.title == "Article 6-1" })
        let html = BulletinRenderer.html(bulletin, textURL: "consolide.html")
        let htmlLevels = try matches(#"<h([1-6])[\s>]"#, in: html).compactMap { Int($0) }
        checkNesting(htmlLevels)
        #expect(htmlLevels == outline(bulletin))
        let markdown = BulletinRenderer.markdown(bulletin, textURL: "consolide.html")
        let markdownLevels = try matches(#"^(#{1,6}) "#, in: markdown).map(\.count)
        checkNesting(markdownLevels)
        #expect(markdownLevels == outline(bulletin))
    }

    @Test("every link of the bulletin into the text reaches an anchor of that text; a deleted clause is named, not linked")
    func linksReachTheText() async throws {
        let (bulletin, new) = try await bulletinWithDeletion()
        let deletedItem = try #require(bulletin.topics.flatMap(\.items).first { $0.eId == "art_2__para_4" })
        #expect(deletedItem.what.contains("supprimé"))
        // The anchors of the text linked to, as its HTML export writes them.
        let target = HTMLFlowRenderer.render(DocumentFlow.paragraphs(new))
        let anchors = Set(try matches(#"id="([^"]+)""#, in: target))
        try #require(anchors.contains("art_2__para_3"))
        let html = BulletinRenderer.html(bulletin, textURL: "consolide.html")
        let htmlTargets = try matches(#"href="consolide\.html#([^"]*)""#, in: html)
        let markdown = BulletinRenderer.markdown(bulletin, textURL: "consolide.html")
        let markdownTargets = try matches(#"\]\(consolide\.html#([^)]*)\)"#, in: markdown)
        for (format, targets) in [("html", htmlTargets), ("md", markdownTargets)] {
            #expect(!targets.isEmpty)
            for eId in targets { #expect(anchors.contains(eId), "\(format): lien vers #\(eId), absent du texte") }
        }
        #expect(html.contains("ne figure plus dans la version"))
        // No link of the bulletin points inside itself to a missing anchor either.
        let own = Set(try matches(#"id="([^"]+)""#, in: html))
        for eId in try matches(##"href="#([^"]*)""##, in: html) { #expect(own.contains(eId)) }
    }
}
