import Committee
import Foundation
import Hummingbird
import HummingbirdTesting
import LegalText
import Register
import Testing
@testable import SuiviWeb

/// One pasted control character must not take the committee offline (issue 14, item 8).
@Suite("Web: characters XML cannot hold")
struct ForbiddenCharacterPagesTests {
    static let review = "/revisions/\(WebFixture.review)"

    /// The pages that used to fail once a record held such a character: the review, the bulletin, the login.
    func expectPagesWork(_ client: any TestClientProtocol, login: String = "ofii-medecins") async throws {
        var visitor = Browser(client)
        #expect(try await visitor.get("/connexion").status == .ok)
        #expect(try await visitor.get("/bulletin").status == .ok)
        #expect(try await visitor.get("/").status == .ok)
        var member = Browser(client)
        let logged = try await member.login(login)
        #expect(logged.status == .seeOther)
        #expect(try await member.get("/revisions").status == .ok)
        #expect(try await member.get(Self.review).status == .ok)
    }

    @Test("a comment or a position with U+000B is refused with the field, the character and its position; the pages keep working",
          arguments: ["\u{0B}", "\u{0}", "\u{FFFE}"])
    func refusedFromForm(character: String) async throws {
        let fixture = try await WebFixture()
        let before = try await fixture.refs()
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("ofii-medecins")
            try await browser.get(Self.review)
            let comment = try await browser.post(Self.review + "/commentaires",
                                                 [("eid", "art_3__para_3"), ("texte", "Collé depuis un diaporama\(character)ici.")])
            #expect(comment.status == .unprocessableContent)
            let code = XMLCharacters.label(code: try #require(character.unicodeScalars.first).value)
            #expect(comment.text.contains("champ « texte »"), "\(comment.text)")
            #expect(comment.text.contains(code), "\(comment.text)")
            #expect(comment.text.contains("en position 26"), "\(comment.text)")
            try await browser.get(Self.review)
            let position = try await browser.post(Self.review + "/position", [("avis", "favorable"), ("motif", "Bi\(character)en")])
            #expect(position.status == .unprocessableContent)
            #expect(position.text.contains("champ « motif »"), "\(position.text)")
            try await expectPagesWork(client)
        }
        #expect(try await fixture.refs() == before)
    }

    @Test("a comment whose form field decodes to a lone surrogate (%ED%A0%80) is refused and writes nothing")
    func loneSurrogate() async throws {
        let fixture = try await WebFixture()
        let before = try await fixture.refs()
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("ofii-medecins")
            try await browser.get(Self.review)
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            headers[.cookie] = "suivi_session=\(try #require(browser.cookie))"
            let body = "eid=art_3__para_3&texte=Avant%ED%A0%80apr%C3%A8s&csrf=\(try #require(browser.csrf))"
            let response = try await client.execute(uri: Self.review + "/commentaires", method: .post, headers: headers,
                                                    body: ByteBuffer(string: body))
            #expect(response.status == .unprocessableContent)
            try await expectPagesWork(client)
        }
        #expect(try await fixture.refs() == before)
    }

    @Test("a register already holding a record with a control character still serves every page; the other comments show")
    func damagedRegister() async throws {
        let fixture = try await WebFixture()
        try await fixture.committee.addComment(review: WebFixture.review, eId: "art_3__para_3", text: "Commentaire intact.",
                                               acting: Acting(seat: "ofii-medecins", person: Identity(name: "Médecin OFII", email: "medecin@example.org")),
                                               today: WebFixture.today)
        // A comment and the roster written by another tool, with raw control characters.
        let store = fixture.register.gitStore
        let tip = try #require(try await store.tip())
        let roster = String(decoding: try #require(try await store.readFile(path: CommitteeState.rosterPath, at: tip)), as: UTF8.self)
        let damagedRoster = roster.replacingOccurrences(of: "Association (exemple)", with: "Association\u{0B} (exemple)")
        #expect(damagedRoster != roster)
        let comment = """
            <?xml version="1.0" encoding="UTF-8"?>
            <commentaire xmlns="urn:suivi:comite:1" commit="\(tip.description)" date="2026-11-24" eId="art_3__para_3" id="c-abime" par="Autre outil &lt;x@example.org&gt;" revision="\(WebFixture.review)" siege="ofii-medecins" texte="AFSP1638149A" wId="art_3__para_3">
              <corps>Collé\u{0B}depuis un diaporama\u{0}.</corps>
            </commentaire>

            """
        _ = try await store.commit(changes: [CommitteeState.rosterPath: Data(damagedRoster.utf8),
                                             "committee/comments/\(WebFixture.review)/c-abime.xml": Data(comment.utf8)],
                                   message: "écrit par un autre outil", author: fixture.clerk, date: Date(), expectedParent: tip, signer: nil)
        try await fixture.application().test(.router) { client in
            try await expectPagesWork(client, login: "asso@example.org")
            var browser = Browser(client)
            try await browser.login("ofii-medecins")
            let page = try await browser.get(Self.review).text
            #expect(page.contains("Commentaire intact."))
            #expect(page.contains("Collédepuis un diaporama."))
            let list = try await browser.get("/revisions").text
            #expect(list.contains("Enregistrements à réparer"))
            #expect(list.contains("committee/comments/\(WebFixture.review)/c-abime.xml, ligne 3, colonne 15 : U+000B (tabulation verticale)"), "\(list)")
            #expect(list.contains("committee/members.xml"))
        }
    }
}
