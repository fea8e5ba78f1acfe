import Foundation
import HummingbirdTesting
import Testing
@testable import SuiviWeb

/// Issue 20, « Clauses are named as a lawyer names them everywhere »: the comparison and the review pages name every
/// changed clause, lists of points included, never by its eId (kept as the anchor and in the tooltip).
@Suite("Clause names on the pages")
struct ClauseNamePagesTests {
    /// The eIds shown as a clause's name (`<code>art_…</code>`: a clause the renderer found no name for).
    static func unnamed(_ html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let range = rest.range(of: "<code>") {
            rest = rest[range.upperBound...]
            let text = String(rest.prefix { $0 != "<" })
            if text.hasPrefix("art_") || text.hasPrefix("annex_") || text.hasPrefix("cit_") || text.contains("__") { result.append(text) }
        }
        return result
    }

    @Test("the comparison page names the list of points of an alinéa after it, and no clause by its eId")
    func comparisonPage() async throws {
        let fixture = try await WebFixture(stage: .drafting)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            let page = try await browser.get("/diff?de=v2017-01-05&a=draft%2Fperiodique-2020").text
            #expect(page.contains("title=\"Identifiant : art_3__para_6__list_1\">Article 3, sixième alinéa (énumération)</span>"))
            #expect(Self.unnamed(page) == [], "\(Self.unnamed(page))")
        }
    }

    @Test("the review page names every row and comment by the clause's name")
    func reviewPage() async throws {
        let fixture = try await WebFixture()
        try await fixture.application().test(.router) { client in
            var member = Browser(client)
            try await member.login("ofii-medecins")
            let page = try await member.get("/revisions/\(WebFixture.review)").text
            #expect(Self.unnamed(page) == [], "\(Self.unnamed(page))")
            #expect(!page.contains(">art_3__para_6__list_1<"))
        }
    }
}
