import Committee
import Foundation
import HummingbirdTesting
import Register
import Testing
@testable import SuiviWeb

@Suite("Member pages: reviews, comments, positions")
struct ReviewPagesTests {
    static let review = "/revisions/\(WebFixture.review)"

    @Test("member pages send a visitor who is not logged in to the login page")
    func noLogin() async throws {
        let fixture = try await WebFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            for path in ["/revisions", Self.review] {
                let response = try await browser.get(path)
                #expect(response.status == .seeOther)
                #expect(response.location?.hasPrefix("/connexion?retour=") == true)
            }
        }
    }

    @Test("member forms are refused without a login, even with the session's CSRF token")
    func noLoginWrites() async throws {
        let fixture = try await WebFixture()
        let before = try await fixture.refs()
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.get("/connexion")
            let comment = try await browser.post(Self.review + "/commentaires", [("eid", "art_3"), ("texte", "Anonyme")])
            #expect(comment.status == .unauthorized)
            let position = try await browser.post(Self.review + "/position", [("avis", "favorable"), ("motif", "Anonyme")])
            #expect(position.status == .unauthorized)
            #expect(try await browser.post("/revisions", [("id", "anonyme")]).status == .unauthorized)
        }
        #expect(try await fixture.refs() == before)
    }

    @Test("the review page shows the draft compared to the version it was built on, with a comment form beside each changed clause")
    func reviewPage() async throws {
        let fixture = try await WebFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("ofii-medecins")
            let response = try await browser.get(Self.review)
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("Projet draft/periodique-2020 comparé à sa version de base (AFSP1638149A/v2017-01-05)"))
            #expect(html.contains("id=\"ligne-art_3__para_4\""))
            #expect(html.contains("<input type=\"hidden\" name=\"eid\" value=\"art_3__para_4\">"))
            #expect(html.contains("id=\"form-position\""))
            #expect(!html.contains("Actions de la présidence"))
            let list = try await browser.get("/revisions")
            #expect(list.text.contains("href=\"/revisions/periodique-2020\""))
            #expect(!list.text.contains("Ouvrir une révision"))
            #expect(try await browser.get("/revisions/inconnue").status == .notFound)
        }
    }

    @Test("the comment form's clause selector names clauses as a lawyer does, not by their ids")
    func clauseSelectorLabels() async throws {
        let fixture = try await WebFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("ofii-medecins")
            let html = try await browser.get(Self.review).text
            #expect(html.contains("<option value=\"art_1__para_1\">Article 1er, premier alinéa</option>"))
            #expect(html.contains("<option value=\"art_3__para_6__list_1__point_2\">Article 3, sixième alinéa, 2°</option>"))
            #expect(html.contains("<option value=\"annex_2__sec_A__para_2\">Annexe II, A, deuxième alinéa</option>"))
            #expect(!html.contains("art_1__para_1 — art_1__para_1"))
        }
    }

    @Test("a comment is a commit authored by the member, shown beside its clause; a reply goes under it")
    func comment() async throws {
        let fixture = try await WebFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("asso@example.org")
            let response = try await browser.post(Self.review + "/commentaires", [("eid", "art_3__para_3"), ("texte", "Préciser la durée.")])
            #expect(response.status == .seeOther)
            #expect(response.location?.hasPrefix(Self.review + "?ok=commentaire#c-") == true)
            let commit = try await fixture.lastCommit()
            #expect(commit.author.name == "Camille Association")
            #expect(commit.author.email == "asso@example.org")

            let page = try await browser.get(Self.review + "?ok=commentaire")
            #expect(page.text.contains("Commentaire enregistré."))
            let row = try #require(page.text.range(of: "id=\"ligne-art_3__para_3\""))
            let rest = page.text[row.upperBound...]
            let end = rest.range(of: "class=\"clause-row\"")?.lowerBound ?? rest.endIndex
            #expect(rest[..<end].contains("Préciser la durée."))
            #expect(rest[..<end].contains("<strong>assoc-medicale</strong>"))

            let comments = try await fixture.committee.comments(review: WebFixture.review)
            let parent = try #require(comments.first)
            try await browser.get(Self.review)
            let reply = try await browser.post(Self.review + "/commentaires", [("reponse_a", parent.comment.id), ("texte", "Six mois ?")])
            #expect(reply.status == .seeOther)
            let replies = try await fixture.committee.comments(review: WebFixture.review).first?.replies ?? []
            #expect(replies.map(\.text) == ["Six mois ?"])
            #expect(try await browser.get(Self.review).text.contains("<div class=\"body\"><p>Six mois ?</p></div>"))
        }
    }

    @Test("a comment on an unchanged clause is shown with that clause's text; an unknown clause is refused")
    func commentOnUnchangedClause() async throws {
        let fixture = try await WebFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("ofii-medecins")
            #expect(try await browser.post(Self.review + "/commentaires", [("eid", "art_4"), ("texte", "Rien à redire.")]).status == .seeOther)
            let page = try await browser.get(Self.review).text
            #expect(page.contains("id=\"ligne-art_4\""))
            #expect(page.contains("Rien à redire."))
            try await browser.get(Self.review)
            let unknown = try await browser.post(Self.review + "/commentaires", [("eid", "art_99"), ("texte", "?")])
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.text.contains("art_99"))
            let empty = try await browser.post(Self.review + "/commentaires", [("eid", "art_4"), ("texte", "   ")])
            #expect(empty.status == .unprocessableContent)
        }
    }

    @Test("script in a comment is shown escaped, never as markup")
    func scriptInjection() async throws {
        let fixture = try await WebFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("ofii-medecins")
            let attack = "<script>alert('x')</script><img src=x onerror=alert(1)> \"citation\" & co"
            #expect(try await browser.post(Self.review + "/commentaires", [("eid", "art_3"), ("texte", attack)]).status == .seeOther)
            let html = try await browser.get(Self.review).text
            #expect(!html.contains("<script>"))
            #expect(!html.contains("<img src=x"))
            #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &quot;citation&quot; &amp; co"))
        }
    }

    @Test("comment and position forms are refused without the CSRF token or with another one")
    func csrf() async throws {
        let fixture = try await WebFixture()
        let before = try await fixture.refs()
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("ofii-medecins")
            let missing = try await browser.post(Self.review + "/commentaires", [("eid", "art_3"), ("texte", "x")], withToken: false)
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains("Jeton de sécurité"))
            var other = Browser(client)
            try await other.login("dgs")
            let wrong = try await browser.post(Self.review + "/position", [("avis", "favorable"), ("motif", "x")], token: other.csrf)
            #expect(wrong.status == .forbidden)
        }
        #expect(try await fixture.refs() == before)
    }

    @Test("a position is recorded for the member's own seat, whatever the form says, and can be changed with a reason")
    func position() async throws {
        let fixture = try await WebFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("ofii-medecins")
            let response = try await browser.post(Self.review + "/position",
                                                  [("avis", "reserves"), ("motif", "Délais trop courts."), ("siege", "dgs")])
            #expect(response.status == .seeOther)
            var positions = try await fixture.committee.state().positions[WebFixture.review] ?? [:]
            #expect(positions["ofii-medecins"]?.opinion == .reserves)
            #expect(positions["dgs"] == nil)
            #expect(try await fixture.lastCommit().author.email == "medecin@example.org")
            let page = try await browser.get(Self.review).text
            #expect(page.contains("<tr class=\"mine\"><th scope=\"row\"><code>ofii-medecins</code></th><td>favorable avec réserves</td><td>Délais trop courts.</td>"))
            #expect(page.contains("Modifier la position"))

            #expect(try await browser.post(Self.review + "/position", [("avis", "favorable"), ("motif", "Délais revus.")]).status == .seeOther)
            positions = try await fixture.committee.state().positions[WebFixture.review] ?? [:]
            #expect(positions["ofii-medecins"]?.opinion == .favorable)
            #expect(positions["ofii-medecins"]?.reason == "Délais revus.")

            try await browser.get(Self.review)
            #expect(try await browser.post(Self.review + "/position", [("avis", "peut-etre")]).status == .badRequest)
            #expect(try await browser.post(Self.review + "/position", [("avis", "defavorable"), ("motif", "")]).status == .unprocessableContent)
        }
    }

    @Test("positions are refused before the consultation")
    func positionOutOfStage() async throws {
        let fixture = try await WebFixture(stage: .drafting)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("ofii-medecins")
            #expect(!(try await browser.get(Self.review).text.contains("id=\"form-position\"")))
            let response = try await browser.post(Self.review + "/position", [("avis", "favorable"), ("motif", "Tôt.")])
            #expect(response.status == .conflict)
            #expect(response.text.contains("consultation"))
        }
    }

    @Test("a member no longer in office can neither act for the seat nor log in again")
    func formerMember() async throws {
        let fixture = try await WebFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("asso@example.org")
            try await fixture.committee.removeMember(email: "asso@example.org", fromSeat: "assoc-medicale", on: day("2026-11-01"),
                                                     author: fixture.clerk)
            let before = try await fixture.refs()
            let response = try await browser.post(Self.review + "/commentaires", [("eid", "art_3"), ("texte", "Toujours là ?")])
            #expect(response.status == .forbidden)
            #expect(response.text.contains("n&#39;est pas membre en fonction"))
            #expect(try await fixture.refs() == before)
            var again = Browser(client)
            #expect(try await again.login("asso@example.org").status == .forbidden)
        }
    }
}
