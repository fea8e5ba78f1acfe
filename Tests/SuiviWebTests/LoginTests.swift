import Foundation
import HummingbirdTesting
import Testing
@testable import SuiviWeb

@Suite("Login and sessions")
struct LoginTests {
    @Test("the login page opens a session whose cookie is HttpOnly and SameSite=Strict, and its form carries a CSRF token")
    func loginPage() async throws {
        let fixture = try await WebFixture(stage: .opened)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            let response = try await browser.get("/connexion")
            #expect(response.status == .ok)
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("suivi_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(cookie.contains("Path=/"))
            #expect(browser.csrf?.count == 64)
            #expect(response.text.contains("<label for=\"mot_de_passe\">"))
        }
    }

    @Test("a good password logs in with a new session; a wrong one is refused with 401")
    func login() async throws {
        let fixture = try await WebFixture(stage: .opened)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.get("/connexion")
            let anonymous = browser.cookie
            let wrong = try await browser.post("/connexion", [("identifiant", "dgs"), ("mot_de_passe", "pas-le-bon-mot")])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("Identifiant ou mot de passe incorrect."))
            #expect(try await browser.get("/revisions").status == .seeOther)
            let unknown = try await browser.post("/connexion", [("identifiant", "personne"), ("mot_de_passe", "quelconque-123")])
            #expect(unknown.status == .unauthorized)

            let good = try await browser.post("/connexion", [("identifiant", "dgs"), ("mot_de_passe", WebFixture.passwords["dgs"]!),
                                                             ("retour", "/revisions")])
            #expect(good.status == .seeOther)
            #expect(good.location == "/revisions")
            #expect(browser.cookie != anonymous)
            let page = try await browser.get("/revisions")
            #expect(page.status == .ok)
            #expect(page.text.contains("Connecté : <strong>Présidence</strong>"))
        }
    }

    @Test("the login form refuses a missing or wrong CSRF token, and a login never redirects off the site")
    func loginCSRF() async throws {
        let fixture = try await WebFixture(stage: .opened)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.get("/connexion")
            let fields = [("identifiant", "dgs"), ("mot_de_passe", WebFixture.passwords["dgs"]!)]
            #expect(try await browser.post("/connexion", fields, withToken: false).status == .forbidden)
            #expect(try await browser.post("/connexion", fields, token: String(repeating: "0", count: 64)).status == .forbidden)
            var stranger = Browser(client)
            #expect(try await stranger.post("/connexion", fields, token: browser.csrf).status == .forbidden)
            let response = try await browser.post("/connexion", fields + [("retour", "//ailleurs.example/piege")])
            #expect(response.location == "/revisions")
        }
    }

    @Test("logging out ends the session")
    func logout() async throws {
        let fixture = try await WebFixture(stage: .opened)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("dgs")
            let session = browser.cookie
            let response = try await browser.post("/deconnexion", [])
            #expect(response.status == .seeOther)
            browser.cookie = session  // even replaying the old cookie
            let after = try await browser.get("/revisions")
            #expect(after.status == .seeOther)
            #expect(after.location?.hasPrefix("/connexion") == true)
        }
    }
}
