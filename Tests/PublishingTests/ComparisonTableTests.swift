import ClauseDiff
import Foundation
import Testing
@testable import Publishing

@Suite("Comparison table: text in force and proposed text, clause by clause")
struct ComparisonTableTests {
    @Test("rows in the new order, word changes marked, unchanged clauses folded in <details>")
    func corpusPair() async throws {
        let fixture = try await RegisterFixture()
        let table = try await fixture.publisher.comparison(from: "v2017-01-05", to: "draft/2026-projet")
        #expect(table.rows.first { $0.eId == "cit_1" }?.change == .unchanged)
        let article = try #require(table.rows.first { $0.eId == "art_1__para_1" })
        #expect(article.change == .modified)
        #expect(article.old.flatMap(\.spans).contains(.deleted("L. 313-11")))
        #expect(article.new.flatMap(\.spans).contains(.inserted("L. 425-9")))
        let renumbered = try #require(table.rows.first { $0.eId == "art_3__para_5" })
        #expect(renumbered.change == .renumbered)
        #expect(renumbered.oldEId == "art_3__para_4")
        #expect(table.rows.first { $0.eId == "art_6-1" }?.change == .inserted)
        #expect(table.rows.firstIndex { $0.eId == "art_6-1" }! > table.rows.firstIndex { $0.eId == "art_6__para_1" }!)
        let html = ComparisonRenderer.html(table)
        #expect(html.contains("<details><summary>"))
        #expect(html.contains("<th scope=\"col\">Texte en vigueur (v2017-01-05)</th><th scope=\"col\">Texte proposé (draft/2026-projet)</th>"))
        #expect(html.contains("<del>L. 313-11</del>"))
        #expect(html.contains("<ins>L. 425-9</ins>"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try ComparisonRenderer.json(table).utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "suivi-tableau-comparatif")
    }

    @Test("its summary counts clauses as `suivi diff` does, not rows (a list with no text of its own has no row)")
    func countsAgreeWithTheDiff() async throws {
        let fixture = try await RegisterFixture()
        let table = try await fixture.publisher.comparison(from: "v2017-01-05", to: "draft/2026-projet")
        let old = try await fixture.register.document(at: "v2017-01-05")
        let new = try await fixture.register.document(at: "draft/2026-projet")
        let diff = ClauseDiffer().compare(old, new, oldLabel: "a", newLabel: "b")
        let expected = diff.changes.reduce(into: [ChangeClass: Int]()) { $0[$1.change, default: 0] += 1 }
        #expect(table.counts == expected)
        #expect(table.counts[.inserted] == 38 && table.counts[.unchanged] == 46)
        #expect(table.rows.count < diff.changes.count)
        #expect(ComparisonRenderer.summary(table).contains("38 insérés"))
    }

    @Test("the ODT table has two columns and the changes as styled spans")
    func odt() async throws {
        let fixture = try await RegisterFixture()
        let table = try await fixture.publisher.comparison(from: "v2017-01-05", to: "draft/2026-projet")
        let content = ODTXML.content(ODTDocument(title: table.title, items: [.table(ODTDocument.Table(headers: ["a", "b"], rows: [
            [[FlowParagraph(.body, [.deleted("x")])], [FlowParagraph(.body, [.inserted("y")])]],
        ]))]))
        #expect(content.contains("table:number-columns-repeated=\"2\""))
        #expect(content.contains("<text:span text:style-name=\"Suppression\">x</text:span>"))
        #expect(try ComparisonRenderer.odt(table).count > 5_000)
    }
}
