import Foundation
import LegalText
import Register
import Testing
@testable import Publishing

@Suite("Consolidated draft: the whole text after adoption, with its review, commit and status")
struct ConsolidatedDraftTests {
    @Test("a draft of no review: status « projet », the commit, the annexes, every clause anchored")
    func draftOfNoReview() async throws {
        let fixture = try await RegisterFixture()
        let draft = try await fixture.publisher.consolidated(at: "draft/2026-projet")
        #expect(draft.status == .draft)
        #expect(draft.review == nil)
        let commit = try await fixture.register.resolve("draft/2026-projet")
        #expect(draft.commit == commit.hex)
        let html = ConsolidatedRenderer.html(draft)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        #expect(html.contains("statut-projet"))
        #expect(html.contains(commit.hex))
        #expect(html.contains("id=\"art_6-1\""))
        #expect(html.contains("id=\"annex_2__sec_C__subsec_1__para_4\""))
        #expect(html.contains("Annexe II"))
        #expect(html.contains("@media print"))
        #expect(html.contains("@page{size:A4"))
        // French typography: a no-break space before the colon.
        #expect(html.contains("comprennent notamment\u{00A0}:"))
    }

    @Test("the draft a review is consulted on is « consulté », with the review in the header")
    func consulted() async throws {
        let fixture = try await RegisterFixture()
        try await fixture.review(upTo: .consultation)
        let draft = try await fixture.publisher.consolidated(at: "periodique-2020")
        #expect(draft.status == .consulted)
        #expect(draft.review?.id == "periodique-2020")
        #expect(ConsolidatedRenderer.markdown(draft).contains("**Révision** : periodique-2020"))
    }

    @Test("an adopted version is « adopté », with its tag")
    func adopted() async throws {
        let fixture = try await RegisterFixture()
        try await fixture.review(upTo: .adopted)
        let draft = try await fixture.publisher.consolidated(at: "v2026-12-15")
        #expect(draft.status == .adopted)
        #expect(draft.tag == "AFSP1638149A/v2026-12-15")
        #expect(draft.review?.id == "periodique-2020")
    }

    @Test("--to akn is the canonical XML of the consolidated text; JSON lists its clauses")
    func aknAndJSON() async throws {
        let fixture = try await RegisterFixture()
        let draft = try await fixture.publisher.consolidated(at: "draft/2026-projet")
        let xml = ConsolidatedRenderer.akomaNtoso(draft)
        let reread = try LegalTextReader.read(data: Data(xml.utf8), file: "x.xml").document
        #expect(CanonicalWriter.string(reread) == xml)
        #expect(reread == draft.document)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try ConsolidatedRenderer.json(draft).utf8)) as? [String: Any])
        #expect(json["status"] as? String == "projet")
        #expect((json["clauses"] as? [[String: Any]])?.contains { $0["eId"] as? String == "art_6-2__para_3" } == true)
    }

    @Test("the text in force on a date can be exported too")
    func byDate() async throws {
        let fixture = try await RegisterFixture()
        let draft = try await fixture.publisher.consolidated(at: "2020-06-01")
        #expect(draft.status == .adopted)
        #expect(draft.tag == "AFSP1638149A/v2017-01-05")
    }
}
