import Committee
import Foundation
import HummingbirdTesting
import Register
import Testing
@testable import SuiviWeb

@Suite("Chair's actions")
struct ChairActionsTests {
    static let review = "/revisions/\(WebFixture.review)"
    static let adoption = [("vers", "adoptee"), ("signature", "2026-12-15"), ("entree_en_vigueur", "2027-01-01"), ("confirmer", "oui")]

    @Test("only the chair's seat sees the chair's forms")
    func chairForms() async throws {
        let fixture = try await WebFixture()
        try await fixture.application().test(.router) { client in
            var chair = Browser(client)
            try await chair.login("dgs")
            let page = try await chair.get(Self.review).text
            #expect(page.contains("Actions de la présidence"))
            #expect(page.contains("<input type=\"hidden\" name=\"vers\" value=\"adoptee\">"))
            #expect(page.contains("<input type=\"hidden\" name=\"vers\" value=\"close-sans-modification\">"))
            #expect(try await chair.get("/revisions").text.contains("Ouvrir une révision"))
        }
    }

    @Test("another seat cannot adopt, move or open a review: 403 and nothing written")
    func nonChairRefused() async throws {
        let fixture = try await WebFixture()
        let before = try await fixture.refs()
        try await fixture.application().test(.router) { client in
            var member = Browser(client)
            try await member.login("ofii-medecins")
            let adopt = try await member.post(Self.review + "/etape", Self.adoption)
            #expect(adopt.status == .forbidden)
            #expect(adopt.text.contains("réservé au siège de la présidence"))
            #expect(try await member.post(Self.review + "/etape", [("vers", "close-sans-modification"), ("motif", "Non.")]).status == .forbidden)
            #expect(try await member.post("/revisions", [("id", "pirate"), ("type", "periodique")]).status == .forbidden)
        }
        #expect(try await fixture.refs() == before)
    }

    @Test("the chair adopts the consulted draft: a new tagged version, authored by the chair")
    func adopt() async throws {
        let fixture = try await WebFixture()
        try await fixture.application().test(.router) { client in
            var chair = Browser(client)
            try await chair.login("dgs")
            let response = try await chair.postConfirmed(Self.review + "/etape", Self.adoption)
            #expect(response.status == .seeOther)
            #expect(response.location == Self.review + "?ok=etape")
            #expect(try await fixture.committee.state().reviews[WebFixture.review]?.status == .adopted)
            #expect(try await fixture.refs()["refs/tags/AFSP1638149A/v2026-12-15"] != nil)
            #expect(try await fixture.lastCommit().author.email == "presidence@example.org")
            let versions = try await chair.get("/versions").text
            #expect(versions.contains("<code>AFSP1638149A/v2026-12-15</code>"))
            // The adopted draft's branch is no longer shown as a draft in progress.
            #expect(versions.contains("<code>draft/\(WebFixture.review)</code></th><td>projet adopté (AFSP1638149A/v2026-12-15)</td>"), "\(versions)")
        }
    }

    @Test("adopting needs its dates, closing needs its reason, and a step out of order is refused with 409")
    func refusals() async throws {
        let fixture = try await WebFixture()
        let before = try await fixture.refs()
        try await fixture.application().test(.router) { client in
            var chair = Browser(client)
            try await chair.login("dgs")
            #expect(try await chair.postConfirmed(Self.review + "/etape", [("vers", "adoptee")]).status == .unprocessableContent)
            #expect(try await chair.postConfirmed(Self.review + "/etape", [("vers", "adoptee"), ("signature", "15/12/2026"),
                                                                  ("entree_en_vigueur", "2027-01-01")]).status == .badRequest)
            #expect(try await chair.postConfirmed(Self.review + "/etape", [("vers", "close-sans-modification")]).status == .unprocessableContent)
            #expect(try await chair.postConfirmed(Self.review + "/etape", [("vers", "diffusee")]).status == .conflict)
            #expect(try await chair.postConfirmed(Self.review + "/etape", [("vers", "inconnue")]).status == .badRequest)
        }
        #expect(try await fixture.refs() == before)
    }

    @Test("the chair opens the consultation, closes a review without change, and opens a review")
    func lifecycle() async throws {
        let fixture = try await WebFixture(stage: .drafting)
        try await fixture.application().test(.router) { client in
            var chair = Browser(client)
            try await chair.login("dgs")
            #expect(try await chair.postConfirmed(Self.review + "/etape", [("vers", "consultation")]).status == .seeOther)
            #expect(try await fixture.committee.state().reviews[WebFixture.review]?.status == .consultation)
            try await chair.get(Self.review)
            #expect(try await chair.postConfirmed(Self.review + "/etape", [("vers", "close-sans-modification"), ("motif", "Texte à jour.")]).status == .seeOther)
            #expect(try await fixture.committee.state().reviews[WebFixture.review]?.status == .closedWithoutChange)
            try await chair.get("/revisions")
            let opened = try await chair.post("/revisions", [("id", "periodique-2029"), ("type", "periodique")])
            #expect(opened.status == .seeOther)
            #expect(opened.location == "/revisions/periodique-2029?ok=ouverte")
            #expect(try await chair.get("/revisions/periodique-2029?ok=ouverte").text.contains("Révision ouverte."))
            #expect(try await fixture.committee.state().reviews["periodique-2029"]?.status == .opened)
        }
    }
}
