import Foundation
import HummingbirdTesting
import Publishing
import Testing
@testable import SuiviWeb

@Suite("Bulletin and Atom feed")
struct PublicationPagesTests {
    @Test("the bulletin shows what the review's draft changes and why, each item linked to the clause in the draft")
    func bulletin() async throws {
        let fixture = try await WebFixture()
        let expected = HTMLFlowRenderer.render(BulletinRenderer.paragraphs(
            try await Publisher(register: fixture.register).bulletin(review: WebFixture.review),
            textURL: "/texte?version=draft%2Fperiodique-2020"))
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            let response = try await browser.get("/bulletin")
            #expect(response.status == .ok)
            #expect(response.text.contains(expected))
            #expect(response.text.contains("href=\"/texte?version=draft%2Fperiodique-2020#"))
            #expect(try await browser.get("/bulletin?revision=periodique-2020").text.contains(expected))
            #expect(try await browser.get("/bulletin?revision=inconnue").status == .notFound)
        }
    }

    @Test("without any draft yet, the bulletin page says so")
    func noBulletin() async throws {
        let fixture = try await WebFixture(stage: .opened)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            let response = try await browser.get("/bulletin")
            #expect(response.status == .ok)
            #expect(response.text.contains("Aucun bulletin pour l’instant"))
        }
    }

    @Test("the Atom feed lists the adopted versions with links that lead to their text")
    func feed() async throws {
        let fixture = try await WebFixture(stage: .opened)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            let response = try await browser.get("/flux.atom")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/atom+xml; charset=utf-8")
            #expect(response.text.contains("xmlns=\"http://www.w3.org/2005/Atom\""))
            #expect(response.text.contains("/versions/AFSP1638149A/v2017-01-05"))
            let link = try await browser.get("/versions/AFSP1638149A/v2017-01-05")
            #expect(link.status == .seeOther)
            #expect(link.location == "/texte?version=AFSP1638149A%2Fv2017-01-05")
            // Links made before tags were per text still lead to the text: the short name resolves.
            let old = try await browser.get("/versions/v2017-01-05")
            #expect(old.location == "/texte?version=v2017-01-05")
            let page = try await browser.get("/texte?version=v2017-01-05")
            #expect(page.status == .ok && page.text.contains("Version v2017-01-05."))
            #expect(try await browser.get("/").text.contains("<link rel=\"alternate\" type=\"application/atom+xml\""))
        }
    }

    @Test("the feeds' links never follow the request's Host: the public address given, else the listening address")
    func feedLinksIgnoreHost() async throws {
        let fixture = try await WebFixture(stage: .opened)
        for address in [nil, "https://suivi.sante.gouv.fr"] {
            // The router test framework sends every request with the authority `localhost`: a visitor's Host.
            try await fixture.application(publicAddress: address).test(.router) { client in
                for uri in ["/flux.atom", "/actualites.atom"] {
                    let response = try await client.execute(uri: uri, method: .get)
                    #expect(response.status == .ok)
                    let text = String(buffer: response.body)
                    #expect(!text.contains("//localhost"), "\(uri): \(text.prefix(800))")
                    #expect(text.contains(address ?? "http://127.0.0.1:8080"), "\(uri): \(text.prefix(800))")
                }
            }
        }
    }
}
