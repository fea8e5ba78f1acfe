import Foundation
import HummingbirdTesting
import Testing
@testable import SuiviWeb
import SuiviSynthetic

@Suite("Where a login sends the browser back")
struct ReturnPathTests {
    /// What a browser would do with a `Location` header: it must stay on this site.
    static func staysOnSite(_ location: String) -> Bool {
        guard location.hasPrefix("/"), !location.dropFirst().hasPrefix("/") else { return false }
        // Printable ASCII only: no control character a browser would drop, no backslash it would read as `/`.
        guard location.utf8.allSatisfy({ (0x21...0x7E).contains($0) && $0 != UInt8(ascii: "\\") }) else { return false }
        let base = URL(string: "https://suivi.example/connexion")!
        guard let resolved = URL(string: location, relativeTo: base)?.absoluteURL else { return false }
        return resolved.host == "suivi.example" && resolved.scheme == "https"
    }

    static let hostile = [
        "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "//evil.example", "///evil.example", "/\\evil.example",
        "\\\\evil.example", "https://evil.example/", "javascript:alert(1)", "/ /evil.example", "/\u{0}/evil.example",
        "/\u{7F}/evil.example", "/\u{85}/evil.example", "/\u{2028}/evil.example", "/\u{200B}/evil.example", "/\u{FEFF}/evil.example",
        "/./evil.example", "/.//evil.example", "/../evil.example", "/..//evil.example", "evil.example", "", " /revisions",
        "/%2F/evil.example", String(repeating: "/a", count: 5_000),
    ]

    @Test("a hostile retour never gives a Location off the site or with a control character: seeded random values over hostile pieces")
    func property() {
        let seed = UInt64.random(in: 0...UInt64.max)
        print("ReturnPathTests.property seed: \(seed)")
        var random = SplitMix64(seed: seed)
        let pieces = ["/", "//", "\\", "\t", "\n", "\r", "%09", "%2F", "%5C", "%", "evil.example", "http:", "javascript:", ".", "..",
                      "@", " ", "\u{0}", "\u{7F}", "\u{85}", "\u{2028}", "\u{200B}", "\u{FEFF}", "?", "#", "&", "é", ":", "revisions", "a"]
        var values = Self.hostile
        for _ in 0..<3_000 {
            var value = Bool.random(using: &random) ? "/" : ""
            for _ in 0..<Int.random(in: 1...8, using: &random) { value += pieces.randomElement(using: &random)! }
            values.append(value)
            // As the form would deliver it once percent-decoded.
            if let decoded = value.removingPercentEncoding { values.append(decoded) }
        }
        for value in values {
            let location = AuthController.safeBack(value)
            #expect(Self.staysOnSite(location), "retour \(value.debugDescription) gave \(location.debugDescription) (seed \(seed))")
        }
        for value in Self.hostile where !value.hasPrefix("/%2F") && !value.hasPrefix("/./") && !value.hasPrefix("/../") {
            #expect(AuthController.safeBack(value) == "/revisions", "retour \(value.debugDescription)")
        }
    }

    @Test("a path of the site is kept, normalised")
    func kept() {
        #expect(AuthController.safeBack("/revisions/periodique-2020") == "/revisions/periodique-2020")
        #expect(AuthController.safeBack("/texte?version=draft%2F2026-projet") == "/texte?version=draft%2F2026-projet")
        #expect(AuthController.safeBack("/revisions/./x/../periodique-2020") == "/revisions/periodique-2020")
        #expect(AuthController.safeBack("/%2F/evil.example") == "/%2F/evil.example")
        #expect(AuthController.safeBack("/revisions#commentaires") == "/revisions")
        #expect(AuthController.safeBack(nil) == "/revisions")
    }

    @Test("retour=/%09/evil after a login redirects to the members' page, not to /<tab>/evil")
    func tabAfterLogin() async throws {
        let fixture = try await WebFixture(stage: .opened)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            let form = try await browser.get("/connexion?retour=/%09/evil.example")
            #expect(!form.text.contains("/\t/evil"))
            let response = try await browser.post("/connexion", [("identifiant", "dgs"), ("mot_de_passe", WebFixture.passwords["dgs"]!),
                                                                 ("retour", "/\t/evil.example")])
            #expect(response.status == .seeOther)
            #expect(response.location == "/revisions")
        }
    }
}
