import Committee
import Foundation
import HummingbirdTesting
import LegalText
import Register
import Testing
@testable import SuiviWeb

/// Issue 20, « What doctors and members see »: a text not in force says so at the top, the home page announces a
/// version still to come into force, and clauses are named as a lawyer names them, not by eId.
@Suite("What readers are told and how clauses are named")
struct ReaderNoticesTests {
    static let consulted = "Projet soumis à la consultation du comité — non en vigueur"

    /// The notice comes before the page's first heading.
    static func noticeOnTop(_ html: String, _ notice: String) -> Bool {
        guard let main = html.range(of: "<main"), let noticeAt = html.range(of: notice, range: main.upperBound..<html.endIndex),
              let heading = html.range(of: "<h1", range: main.upperBound..<html.endIndex) else { return false }
        return noticeAt.lowerBound < heading.lowerBound
    }

    @Test("the draft under consultation, its comparison and its bulletin say at the top that it is not in force; the text in force does not")
    func draftNotice() async throws {
        let fixture = try await WebFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            let draft = try await browser.get("/texte?version=draft%2F\(WebFixture.review)").text
            #expect(Self.noticeOnTop(draft, Self.consulted), "\(draft.prefix(3000))")
            let diff = try await browser.get("/diff?de=v2017-01-05&a=draft%2F\(WebFixture.review)").text
            #expect(Self.noticeOnTop(diff, Self.consulted))
            let bulletin = try await browser.get("/bulletin").text
            #expect(bulletin.contains(Self.consulted))
            let home = try await browser.get("/").text
            #expect(!home.contains("non en vigueur"))
            #expect(!home.contains("bandeau-vigueur"))
        }
    }

    @Test("an adopted version entering into force later is announced on the home page with its date, and its own page says it is not yet in force")
    func upcomingVersion() async throws {
        let fixture = try await WebFixture()
        try await fixture.committee.advance(
            review: WebFixture.review,
            AdvanceRequest(to: .adopted, adoption: AdoptionDates(signature: day("2026-11-20"), entryIntoForce: day("2027-01-01")),
                           confirmOutstanding: true),
            acting: fixture.chair, today: WebFixture.today)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            let home = try await browser.get("/").text
            #expect(home.contains("Nouvelle version adoptée"), "\(home.prefix(2500))")
            #expect(home.contains("entrera en vigueur le 1er janvier 2027"))
            #expect(home.contains("version AFSP1638149A/v2017-01-05"), "the text shown is still the one in force")
            let adopted = try await browser.get("/texte?version=AFSP1638149A%2Fv2026-11-20").text
            #expect(Self.noticeOnTop(adopted, "pas encore en vigueur"), "\(adopted.prefix(2500))")
            let old = try await browser.get("/texte?version=AFSP1638149A%2Fv2017-01-05").text
            #expect(!old.contains("bandeau-vigueur"), "the 2017 version is still the one in force")
        }
    }

    @Test("clauses are named as a lawyer names them on the text, review and comparison pages; the eId stays as anchor and tooltip")
    func clauseNames() async throws {
        let fixture = try await WebFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            let text = try await browser.get("/").text
            #expect(text.contains("<a class=\"anchor\" href=\"#art_3__para_2\" title=\"Identifiant : art_3__para_2\">Article 3, deuxième alinéa</a>"))
            #expect(!text.contains("<code>art_3__para_2</code>"))
            let diff = try await browser.get("/diff?de=v2017-01-05&a=draft%2F\(WebFixture.review)").text
            #expect(diff.contains("title=\"Identifiant : art_3__para_4\">Article 3, quatrième alinéa</span>"), "\(diff.prefix(4000))")
            #expect(!diff.contains("<code>art_3__para_4</code>"))
            try await browser.login("ofii-medecins")
            let review = try await browser.get("/revisions/\(WebFixture.review)").text
            #expect(review.contains("id=\"art_3__para_4\""))
            #expect(review.contains("Commenter : Article 3, quatrième alinéa</summary>"))
            #expect(review.contains("Votre commentaire sur Article 3, quatrième alinéa</label>"))
            #expect(!review.contains("<code>art_3__para_4</code>"))
        }
    }
}
