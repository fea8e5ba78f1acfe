import Committee
import Foundation
import HummingbirdTesting
import Register
import Testing
@testable import SuiviWeb

/// A refusal names the form's fields by their labels: a browser user never reads a CLI option (issue 19).
@Suite("Web: refusals name the form's fields, not the CLI's options")
struct ErrorWordingPagesTests {
    static let review = "/revisions/\(WebFixture.review)"

    @Test("a position recorded without a reason names the « Motif » field, not --motif; nothing is written")
    func positionWithoutReason() async throws {
        let fixture = try await WebFixture()
        let before = try await fixture.refs()
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("ofii-medecins")
            try await browser.get(Self.review)
            let response = try await browser.post(Self.review + "/position", [("avis", "defavorable"), ("motif", "  ")])
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("Une position indique son motif (champ « Motif »)."), "\(response.text)")
            #expect(!response.text.contains("--motif"), "\(response.text)")
        }
        #expect(try await fixture.refs() == before)
    }

    @Test("an unknown review sends to the site's list of reviews, not to a CLI command")
    func unknownReview() async throws {
        let fixture = try await WebFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("ofii-medecins")
            let response = try await browser.get("/revisions/inconnue")
            #expect(response.status == .notFound)
            #expect(response.text.contains("voyez la page « Révisions du comité »"), "\(response.text)")
            #expect(!response.text.contains("suivi review"), "\(response.text)")
        }
    }

    @Test("the chair's refusals name the form's fields and boxes: a closing without reason, a far signature, an unconfirmed adoption")
    func chairForms() async throws {
        let fixture = try await WebFixture()
        let before = try await fixture.refs()
        try await fixture.application().test(.router) { client in
            var chair = Browser(client)
            try await chair.login("dgs")
            try await chair.get(Self.review)
            let closing = try await chair.postConfirmed(Self.review + "/etape", [("vers", "close-sans-modification"), ("motif", "")])
            #expect(closing.status == .unprocessableContent)
            #expect(closing.text.contains("indique sa raison (champ « Motif »)"), "\(closing.text)")
            let far = try await chair.postConfirmed(Self.review + "/etape", [("vers", "adoptee"), ("confirmer", "oui"), ("signature", "2027-06-01"),
                                                                    ("entree_en_vigueur", "2027-06-02")])
            #expect(far.status == .unprocessableContent)
            #expect(far.text.contains("confirmez-la explicitement (case « Date de signature future confirmée »)"), "\(far.text)")
            let unconfirmed = try await chair.postConfirmed(Self.review + "/etape", [("vers", "adoptee"), ("signature", "2026-11-20"),
                                                                            ("entree_en_vigueur", "2026-12-01")])
            #expect(unconfirmed.status == .unprocessableContent)
            #expect(unconfirmed.text.contains("case « Adopter malgré … »"), "\(unconfirmed.text)")
            for page in [closing, far, unconfirmed] {
                #expect(!page.text.contains("--confirmer") && !page.text.contains("--motif") && !page.text.contains("--date-future"))
            }
        }
        #expect(try await fixture.refs() == before)
    }
}
