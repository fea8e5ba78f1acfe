import Committee
import Foundation
import HummingbirdTesting
import LegalText
import Register
import Testing
@testable import SuiviWeb

/// Issue 14, item 1, through the web: the chair cannot adopt a draft overtaken by another adoption.
@Suite("Adoption of an out-of-date draft on the web")
struct OutOfDateAdoptionTests {
    static let article5 = "[Contenu de l'article 5 à compléter d'après le texte officiel.]"

    @Test("the chair's adoption of a draft whose base is no longer in force is a 409 naming suivi draft update, nothing written")
    func refused() async throws {
        let fixture = try await WebFixture()
        let register = fixture.register
        _ = try await register.startDraft("urgence", author: fixture.clerk, today: WebFixture.today)
        let file = register.workingCopy(ofDraft: "urgence").appendingPathComponent("AFSP1638149A.xml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: Self.article5, with: "Article 5 adopté en urgence.").utf8).write(to: file)
        let tip = try #require(try await register.commitDraft("urgence", message: "Article 5", author: fixture.clerk))
        let main = try #require(try await register.gitStore.tip())
        _ = try await register.adoptDraft(at: tip, work: "AFSP1638149A",
                                          dates: AdoptionDates(signature: day("2026-11-30"), entryIntoForce: day("2026-12-01")),
                                          message: "Urgence", author: fixture.clerk, expectedMain: main)
        let before = try await fixture.refs()
        try await fixture.application().test(.router) { client in
            var chair = Browser(client)
            try await chair.login("dgs")
            let response = try await chair.postConfirmed("/revisions/\(WebFixture.review)/etape",
                                                 [("vers", "adoptee"), ("signature", "2026-12-15"), ("entree_en_vigueur", "2027-01-01")])
            #expect(response.status == .conflict)
            #expect(response.text.contains("mettez le projet \(WebFixture.review) à jour avec le texte en vigueur"), "\(response.text)")
        }
        #expect(try await fixture.refs() == before)
    }
}
