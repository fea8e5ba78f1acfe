import Committee
import Foundation
import HummingbirdTesting
import LegalText
import Register
import Testing
@testable import SuiviWeb

/// Issue 20, « What doctors and members see »: the chair confirms irreversible steps on a page that shows what they do,
/// internal notes stay out of the bulletin, a member whose session ended keeps what they typed, and messages name
/// stages as readers do.
@Suite("Members' and chair's workflow")
struct MemberWorkflowTests {
    static let review = "/revisions/\(WebFixture.review)"
    static let dates = [("vers", "adoptee"), ("signature", "2026-11-20"), ("entree_en_vigueur", "2026-12-01"), ("confirmer", "oui")]

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Every hidden field of a page whose name starts with `prefix`.
    static func hiddenFields(_ html: String, prefix: String) -> [(String, String)] {
        var result: [(String, String)] = []
        var rest = html[...]
        while let range = rest.range(of: "<input type=\"hidden\" name=\"\(prefix)") {
            let after = rest[range.lowerBound...]
            guard let nameStart = after.range(of: "name=\""), let valueStart = after.range(of: "value=\"") else { break }
            let name = after[nameStart.upperBound...].prefix { $0 != "\"" }
            let value = after[valueStart.upperBound...].prefix { $0 != "\"" }
            result.append((String(name), unescape(String(value))))
            rest = after[valueStart.upperBound...]
        }
        return result
    }

    @Test("adopting shows a confirmation page (consulted commit, open comments, seats without position) and writes nothing until confirmed")
    func adoptionConfirmation() async throws {
        let fixture = try await WebFixture()
        try await fixture.application().test(.router) { client in
            var member = Browser(client)
            try await member.login("ofii-medecins")
            try await member.get(Self.review)
            #expect(try await member.post(Self.review + "/commentaires", [("eid", "art_3__para_4"), ("texte", "Délai à préciser.")]).status == .seeOther)
        }
        let before = try await fixture.refs()
        let consulted = try #require(try await fixture.committee.state().reviews[WebFixture.review]?.consultedCommit)
        try await fixture.application().test(.router) { client in
            var chair = Browser(client)
            try await chair.login("dgs")
            try await chair.get(Self.review)
            let page = try await chair.post(Self.review + "/etape", Self.dates)
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("Action définitive"))
            #expect(html.contains(String(consulted.prefix(10))), "the consulted commit is shown")
            #expect(html.contains("Délai à préciser.") && html.contains("Article 3, quatrième alinéa"), "the open comment, its clause named")
            #expect(html.contains("assoc-medicale"), "the seats without position")
            #expect(html.contains("Confirmer l’adoption"))
            #expect(try await fixture.refs() == before, "nothing written before the confirmation")
            // A confirmation given on another state of the review is asked again.
            let stale = try await chair.post(Self.review + "/etape", Self.dates + [("confirme", "consultation.0000000.1")])
            #expect(stale.status == .ok && stale.text.contains("La révision a changé"))
            #expect(try await fixture.refs() == before)
            let key = try #require(Browser.field("confirme", in: html))
            let confirmed = try await chair.post(Self.review + "/etape", Self.hiddenFields(html, prefix: "") .filter { $0.0 != "csrf" })
            #expect(confirmed.status == .seeOther, "\(confirmed.text.prefix(500))")
            #expect(!key.isEmpty)
        }
        #expect(try await fixture.committee.state().reviews[WebFixture.review]?.status == .adopted)
    }

    @Test("closing without change is confirmed on its page too")
    func closingConfirmation() async throws {
        let fixture = try await WebFixture()
        let before = try await fixture.refs()
        try await fixture.application().test(.router) { client in
            var chair = Browser(client)
            try await chair.login("dgs")
            try await chair.get(Self.review)
            let page = try await chair.post(Self.review + "/etape", [("vers", "close-sans-modification"), ("motif", "Texte à jour.")])
            #expect(page.status == .ok && page.text.contains("Confirmer la clôture sans modification"))
            #expect(try await fixture.refs() == before)
            #expect(try await chair.postConfirmed(Self.review + "/etape", [("vers", "close-sans-modification"), ("motif", "Texte à jour.")]).status == .seeOther)
        }
        #expect(try await fixture.committee.state().reviews[WebFixture.review]?.status == .closedWithoutChange)
    }

    @Test("a chair's note is published in the bulletin only when marked public")
    func internalNotes() async throws {
        let fixture = try await WebFixture()
        try await fixture.application().test(.router) { client in
            var chair = Browser(client)
            try await chair.login("dgs")
            try await chair.get(Self.review)
            #expect(try await chair.post(Self.review + "/etape", [("vers", "redaction"), ("motif", "Le DGEF hésite encore.")]).status == .seeOther)
            try await chair.get(Self.review)
            #expect(try await chair.post(Self.review + "/etape", [("vers", "consultation"), ("motif", "Projet revu avec le CNS."),
                                                                   ("note_publique", "oui")]).status == .seeOther)
            let bulletin = try await chair.get("/bulletin").text
            #expect(!bulletin.contains("Le DGEF hésite encore."), "an internal note is not published")
            #expect(bulletin.contains("Projet revu avec le CNS."))
            let page = try await chair.get(Self.review).text
            #expect(page.contains("Le DGEF hésite encore. <span class=\"tag\">note interne</span>"))
        }
    }

    @Test("a comment sent after a server restart leads to the login page, then back to the review with the text kept, not written")
    func commentKeptThroughLogin() async throws {
        let fixture = try await WebFixture()
        let text = "Préciser « sans interruption » & l'accès aux soins"
        let (cookie, csrf) = try await fixture.application().test(.router) { client in
            var member = Browser(client)
            try await member.login("ofii-medecins")
            try await member.get(Self.review)
            return (member.cookie, member.csrf)
        }
        let before = try await fixture.refs()
        // A new server: the sessions it had are gone.
        try await fixture.application().test(.router) { client in
            var member = Browser(client)
            (member.cookie, member.csrf) = (cookie, csrf)
            let login = try await member.post(Self.review + "/commentaires", [("eid", "art_3__para_4"), ("texte", text)])
            #expect(login.status == .unauthorized)
            #expect(login.text.contains("Reconnectez-vous") && login.text.contains("action=\"/connexion\""))
            let kept = Self.hiddenFields(login.text, prefix: "garde_")
            #expect(kept.contains { $0 == ("garde_texte", text) }, "\(kept)")
            #expect(try await fixture.refs() == before, "nothing written")
            member.csrf = Browser.csrf(in: login.text)
            let back = try await member.post("/connexion", [("identifiant", "ofii-medecins"), ("mot_de_passe", WebFixture.passwords["ofii-medecins"]!),
                                                            ("retour", "/revisions")] + kept)
            #expect(back.status == .seeOther)
            #expect(back.location == Self.review)
            let page = try await member.get(Self.review).text
            #expect(page.contains("le texte que vous aviez saisi est repris"))
            #expect(page.contains("<details class=\"comment-form\" open><summary>Commenter : Article 3, quatrième alinéa</summary>"))
            #expect(page.contains(">Préciser « sans interruption » &amp; l&#39;accès aux soins</textarea>") ||
                    page.contains(">Préciser « sans interruption » &amp; l'accès aux soins</textarea>"), "the text is in its form")
            #expect(try await fixture.refs() == before, "still nothing written: the member sends it")
            // Given once: the next visit shows the empty form.
            #expect(!(try await member.get(Self.review).text.contains("l&#39;accès aux soins</textarea>")))
        }
    }

    @Test("a position sent with an expired session keeps its opinion and reason through the login")
    func positionKeptThroughLogin() async throws {
        let fixture = try await WebFixture()
        try await fixture.application().test(.router) { client in
            var member = Browser(client)
            member.cookie = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"  // a session that no longer exists
            let login = try await member.post(Self.review + "/position", [("avis", "reserves"), ("motif", "Sous réserve des délais.")])
            #expect(login.status == .unauthorized)
            member.csrf = Browser.csrf(in: login.text)
            let kept = Self.hiddenFields(login.text, prefix: "garde_")
            #expect(try await member.post("/connexion", [("identifiant", "ofii-medecins"), ("mot_de_passe", WebFixture.passwords["ofii-medecins"]!),
                                                         ("retour", "/revisions")] + kept).status == .seeOther)
            let page = try await member.get(Self.review).text
            #expect(page.contains("id=\"avis-reserves\" value=\"reserves\" checked"))
            #expect(page.contains(">Sous réserve des délais.</textarea>"))
        }
    }

    @Test("a refused step names stages as readers do (« en rédaction »), never by their identifiers")
    func stageLabels() async throws {
        let fixture = try await WebFixture(stage: .drafting)
        try await fixture.application().test(.router) { client in
            var chair = Browser(client)
            try await chair.login("dgs")
            let refused = try await chair.post(Self.review + "/etape", Self.dates)
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("« en rédaction »"), "\(refused.text)")
            #expect(!refused.text.contains("« redaction »") && !refused.text.contains("« adoptee »"))
        }
    }
}
