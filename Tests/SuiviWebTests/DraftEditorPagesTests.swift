import Committee
import Foundation
import HummingbirdTesting
import LegalText
import Publishing
import Register
import Testing
@testable import SuiviWeb

/// The draft editor (`/revisions/:id/rediger`) and the draft's amending order (`/revisions/:id/modificatif`).
@Suite("Draft editor: the drafting seat edits clause by clause, each save one commit, stale saves refused")
struct DraftEditorPagesTests {
    static let editor = "/revisions/\(WebFixture.review)/rediger"
    static let order = "/revisions/\(WebFixture.review)/modificatif"
    static let draft = WebFixture.review

    /// The draft commit the page shows (hidden field `tete`).
    static func head(in html: String) -> String? {
        guard let range = html.range(of: "name=\"tete\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    func tip(_ fixture: WebFixture) async throws -> ObjectID { try await fixture.register.draftTip(Self.draft) }

    func text(_ fixture: WebFixture) async throws -> LegalDocument { try await fixture.register.document(at: try await tip(fixture)) }

    @Test("a visitor who is not logged in is sent to the login page; a save without login is refused")
    func anonymous() async throws {
        let fixture = try await WebFixture(stage: .drafting)
        let before = try await fixture.refs()
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            for path in [Self.editor, Self.order] {
                let response = try await browser.get(path)
                #expect(response.status == .seeOther)
                #expect(response.location?.hasPrefix("/connexion?retour=") == true)
            }
            try await browser.get("/connexion")
            let save = try await browser.post(Self.editor, [("operation", "supprimer"), ("cible", "art_2"), ("tete", String(repeating: "0", count: 40))])
            #expect(save.status == .unauthorized)
        }
        #expect(try await fixture.refs() == before)
    }

    @Test("a seat that does not draft gets a French 403 page, for the editor and for a save; nothing is written")
    func otherSeat() async throws {
        let fixture = try await WebFixture(stage: .drafting)
        let before = try await fixture.refs()
        let head = try await tip(fixture).hex
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("ofii-medecins")
            let page = try await browser.get(Self.editor)
            #expect(page.status == .forbidden)
            #expect(page.text.contains("Rédiger le projet : réservé au siège de la présidence"))
            let save = try await browser.post(Self.editor, [("operation", "supprimer"), ("cible", "art_2"), ("tete", head)])
            #expect(save.status == .forbidden)
            // The amending order is for every member to read.
            let order = try await browser.get(Self.order)
            #expect(order.status == .ok)
            #expect(!order.text.contains("/rediger\""))
        }
        #expect(try await fixture.refs() == before)
    }

    @Test("each operation of the form gives the expected document, in one commit authored by the logged-in member")
    func operations() async throws {
        let fixture = try await WebFixture(stage: .drafting)
        let before = try await text(fixture)
        let third = try #require(before.clause(eId: "art_3__para_3").flatMap(DraftEdit.editableText))
        let reworded = third.replacingOccurrences(of: "compte principalement de", with: "compte de")
        let cases: [(fields: [(String, String)], check: @Sendable (LegalDocument, LegalDocument) -> Bool)] = [
            ([("operation", "reformuler"), ("cible", "art_3__para_3"), ("texte", reworded)],
             { old, new in new.clause(eId: "art_3__para_3")?.content.map(\.plainText) == [reworded] && new.body == DraftEditTestsSupport.withText(old, reworded) }),
            ([("operation", "inserer-point"), ("cible", "art_3__para_6__list_1__point_2"), ("texte", "Point inséré.")],
             { old, new in new.clause(eId: "art_3__para_6__list_1__point_3")?.content.map(\.plainText) == ["Point inséré."]
                 && new.clause(eId: "art_3__para_6__list_1__point_3")?.num == old.clause(eId: "art_3__para_6__list_1__point_3")?.num
                 && new.clause(eId: "art_3__para_6__list_1__point_4")?.wId == "art_3__para_6__list_1__point_3" }),
            ([("operation", "inserer-alinea"), ("cible", "art_3__para_2"), ("texte", "Alinéa inséré par le web.")],
             { old, new in new.clause(eId: "art_3__para_3")?.content.map(\.plainText) == ["Alinéa inséré par le web."]
                 && new.clause(eId: "art_3__para_4")?.wId == old.clause(eId: "art_3__para_3")?.wId }),
            ([("operation", "descendre"), ("cible", "art_3__para_2")],
             { _, new in new.clause(eId: "art_3__para_3")?.wId == "art_3__para_2" }),
            ([("operation", "monter"), ("cible", "art_3__para_3")],
             { _, new in new.clause(eId: "art_3__para_3")?.wId == "art_3__para_3" && new.clause(eId: "art_3__para_4")?.wId == "art_3__para_2" }),
            ([("operation", "supprimer"), ("cible", "art_3__para_2")],
             { old, new in new.allClauses.count == old.allClauses.count - 1 && !new.allWIds.contains("art_3__para_2") }),
            ([("operation", "inserer-article"), ("cible", "art_3"), ("intitule", ""), ("texte", "Article inséré par le web.")],
             { old, new in new.body.count == old.body.count + 1 && new.body[3].textBlocks.map(\.plainText) == ["Article inséré par le web."]
                 && new.body[3].num != nil && new.body[4].wId == old.body[3].wId }),
            ([("operation", "inserer-section"), ("annexe", "annex_2"), ("intitule", "Références nouvelles"), ("texte", "Section ajoutée.")],
             { _, new in new.clause(eId: "annex_2__sec_D")?.headingText == "Références nouvelles"
                 && new.clause(eId: "annex_2__sec_D__para_1")?.content.map(\.plainText) == ["Section ajoutée."] }),
        ]
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("dgs")
            for (fields, check) in cases {
                let page = try await browser.get(Self.editor)
                #expect(page.status == .ok)
                let head = try #require(Self.head(in: page.text))
                let old = try await text(fixture)
                let response = try await browser.post(Self.editor, fields + [("tete", head)])
                #expect(response.status == .seeOther, "\(fields): \(response.status) \(response.text.prefix(600))")
                #expect(response.location == Self.editor + "?ok=enregistre#modifications")
                let tip = try await tip(fixture)
                let info = try await fixture.register.commitInfo(tip)
                #expect(info.parents.map(\.hex) == [head], "one commit on the page's head")
                #expect(info.author.email == "presidence@example.org")
                let new = try await text(fixture)
                #expect(check(old, new), "\(fields)")
                #expect(try LegalTextValidator.validateAsStored(new, file: "AFSP1638149A.xml").isEmpty)
            }
            // After a save, the page shows the diff against the base and links to the amending order, which follows.
            let page = try await browser.get(Self.editor + "?ok=enregistre")
            #expect(page.text.contains("Modification enregistrée"))
            #expect(page.text.contains("Section ajoutée."))
            #expect(page.text.contains("href=\"/revisions/\(WebFixture.review)/modificatif\""))
            let order = try await browser.get(Self.order)
            #expect(order.status == .ok)
            #expect(order.text.contains("Section ajoutée."))
            #expect(order.text.contains("Article inséré par le web."))
        }
    }

    @Test("a save made on a stale page is refused with a French 409 page showing what changed in between; nothing is written")
    func staleSave() async throws {
        let fixture = try await WebFixture(stage: .drafting)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("dgs")
            let page = try await browser.get(Self.editor)
            let stale = try #require(Self.head(in: page.text))
            // Someone else saves first (the same page, opened in another tab).
            let first = try await browser.post(Self.editor, [("operation", "inserer-alinea"), ("cible", "art_2__para_1"),
                                                             ("texte", "Ajout de l’autre rédacteur."), ("tete", stale)])
            #expect(first.status == .seeOther)
            let before = try await fixture.refs()
            let second = try await browser.post(Self.editor, [("operation", "reformuler"), ("cible", "art_2__para_1"),
                                                              ("texte", "Ma version."), ("tete", stale)])
            #expect(second.status == .conflict)
            #expect(second.text.contains("Enregistrement refusé : le projet a changé entre-temps"))
            #expect(second.text.contains("Ajout de l’autre rédacteur."))
            #expect(second.text.contains("Ma version."))
            #expect(try await fixture.refs() == before)
        }
    }

    @Test("bad input is refused with a French message and nothing committed", arguments: [
        ("", 422, "est vide"), ("Texte\u{0B}caché", 422, "U+000B"), ("Texte\u{1B}échappé", 422, "U+001B"),
        (String(repeating: "x", count: 70_000), 413, "Formulaire trop long"),
    ] as [(String, Int, String)])
    func badInput(_ text: String, _ status: Int, _ phrase: String) async throws {
        let fixture = try await WebFixture(stage: .drafting)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("dgs")
            let page = try await browser.get(Self.editor)
            let head = try #require(Self.head(in: page.text))
            let before = try await fixture.refs()
            let response = try await browser.post(Self.editor, [("operation", "reformuler"), ("cible", "art_3__para_3"), ("texte", text), ("tete", head)])
            #expect(response.status.code == status)
            #expect(response.text.contains(phrase), "\(response.text.prefix(800))")
            #expect(try await fixture.refs() == before)
            // A form without the page's head, or naming an unknown operation, is refused too.
            let noHead = try await browser.post(Self.editor, [("operation", "supprimer"), ("cible", "art_2")])
            #expect(noHead.status == .badRequest)
            let unknown = try await browser.post(Self.editor, [("operation", "effacer-tout"), ("tete", head)])
            #expect(unknown.status == .badRequest)
            #expect(try await fixture.refs() == before)
        }
    }

    @Test("in consultation the draft is frozen: the editor is refused with the reason")
    func consultation() async throws {
        let fixture = try await WebFixture(stage: .consultation)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("dgs")
            let page = try await browser.get(Self.editor)
            #expect(page.status == .conflict)
            #expect(page.text.contains("figé pendant la consultation"))
        }
    }
}

enum DraftEditTestsSupport {
    /// The body of `document` with article 3's third alinéa reworded to `text`, nothing else changed.
    static func withText(_ document: LegalDocument, _ text: String) -> [Clause] {
        var body = document.body
        guard let article = body.firstIndex(where: { $0.eId == "art_3" }),
              let alinea = body[article].children.firstIndex(where: { $0.eId == "art_3__para_3" }) else { return [] }
        body[article].children[alinea].content[0].inlines = [.text(text)]
        return body
    }
}
