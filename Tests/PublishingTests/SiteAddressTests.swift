import Testing
@testable import Publishing

@Suite("Site address: the base of the feeds' links is an http(s) address given by whoever runs suivi")
struct SiteAddressTests {
    @Test("http and https addresses are kept, without their trailing slash")
    func accepted() throws {
        #expect(try SiteAddress(parsing: "https://suivi.sante.gouv.fr/").description == "https://suivi.sante.gouv.fr")
        #expect(try SiteAddress(parsing: "http://127.0.0.1:8080/suivi").description == "http://127.0.0.1:8080/suivi")
        #expect(try SiteAddress(parsing: "HTTPS://Example.org").description == "HTTPS://Example.org")
    }

    @Test("another scheme, credentials, a query, a fragment, spaces or control characters are refused, in French",
          arguments: ["javascript:alert(1)", "ftp://x.example", "file:///etc/passwd", "data:text/html,x", "//x.example",
                      "https://user:pw@x.example", "https://x.example/?a=1", "https://x.example/#top", "https://x example",
                      "https://x.example/\u{7}", "suivi.sante.gouv.fr", "https://"])
    func refused(_ text: String) {
        #expect(throws: SiteAddress.Refusal.self) { try SiteAddress(parsing: text) }
        do { _ = try SiteAddress(parsing: text) } catch { #expect(error.description.hasPrefix("adresse « ")) }
    }
}
