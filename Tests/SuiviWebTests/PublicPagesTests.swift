import ClauseDiff
import Foundation
import HummingbirdTesting
import Publishing
import Register
import Testing
@testable import SuiviWeb

@Suite("Public pages")
struct PublicPagesTests {
    @Test("the home page is the text in force, in French, with its table of contents and clause anchors")
    func textInForce() async throws {
        let fixture = try await WebFixture(stage: .opened)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            let response = try await browser.get("/")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let html = response.text
            #expect(html.contains("<html lang=\"fr\">"))
            #expect(html.contains("id=\"art_3__para_2\""))
            #expect(html.contains("<a href=\"#art_3\">Article 3</a>"))
            #expect(html.contains("version AFSP1638149A/v2017-01-05"))
            #expect(html.contains("href=\"/historique/art_3?version=AFSP1638149A%2Fv2017-01-05\""))
        }
    }

    @Test("the text on a date is the version in force that day; before any version, a French 404")
    func textOnADate() async throws {
        let fixture = try await WebFixture(stage: .opened)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            let later = try await browser.get("/texte?date=2020-06-01")
            #expect(later.status == .ok)
            #expect(later.text.contains("Texte en vigueur le 1er juin 2020"), "\(later.text.prefix(2000))")
            let before = try await browser.get("/texte?date=2016-01-01")
            #expect(before.status == .notFound)
            #expect(before.text.contains("role=\"alert\""))
            let garbled = try await browser.get("/texte?date=demain")
            #expect(garbled.status == .badRequest)
            #expect(garbled.text.contains("AAAA-MM-JJ"))
        }
    }

    @Test("a version can be read by its name, a draft included")
    func textAtAVersion() async throws {
        let fixture = try await WebFixture(stage: .drafting)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            let draft = try await browser.get("/texte?version=draft%2Fperiodique-2020")
            #expect(draft.status == .ok)
            #expect(draft.text.contains("Projet draft/periodique-2020"))
            #expect(try await browser.get("/texte?version=v1999-01-01").status == .notFound)
        }
    }

    @Test("the versions page lists adopted versions and drafts, with links to read and compare")
    func versions() async throws {
        let fixture = try await WebFixture(stage: .drafting)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            let html = try await browser.get("/versions").text
            #expect(html.contains("<code>AFSP1638149A/v2017-01-05</code>"))
            #expect(html.contains("<code>draft/periodique-2020</code>"))
            #expect(html.contains("/diff?de=AFSP1638149A%2Fv2017-01-05&amp;a=draft%2Fperiodique-2020"))
        }
    }

    @Test("a new draft shows in the versions at once, though the list is cached")
    func versionsFollowRefs() async throws {
        let fixture = try await WebFixture(stage: .opened)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            #expect(!(try await browser.get("/versions").text.contains("draft/nouveau")))
            _ = try await fixture.register.startDraft("nouveau")
            #expect(try await browser.get("/versions").text.contains("<code>draft/nouveau</code>"))
        }
    }

    @Test("the history of a clause lists the versions where it changed")
    func history() async throws {
        let fixture = try await WebFixture(stage: .opened)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            let response = try await browser.get("/historique/art_3__para_2")
            #expect(response.status == .ok)
            #expect(response.text.contains("Historique : <span title=\"Identifiant : art_3__para_2\">Article 3, deuxième alinéa</span>"))
            #expect(response.text.contains("<code>AFSP1638149A/v2017-01-05</code>"))
            #expect(try await browser.get("/historique/art_99").status == .notFound)
        }
    }

    @Test("a clause's history link reads its eId as the page's version numbers it: renumbered clauses are not confused")
    func historyOfRenumberedClause() async throws {
        let fixture = try await WebFixture(stage: .opened)
        // A draft that inserts an article at the top: the 2017 article 3 is the draft's art_4.
        let info = try await fixture.register.startDraft("renumerote")
        let draft = try await fixture.register.document(at: info.tip)
        let edited = try DraftEdit.applying([.insertArticle(after: nil, heading: nil, text: "Un article nouveau en tête.")],
                                            to: draft, known: [], year: 2026)
        _ = try await fixture.register.commitDraft("renumerote", document: edited, expectedTip: info.tip,
                                                  message: "Article inséré en tête", author: fixture.clerk)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            let page = try await browser.get("/texte?version=draft%2Frenumerote").text
            #expect(page.contains("href=\"/historique/art_4?version=draft%2Frenumerote\""), "\(page.prefix(3000))")
            // Read in the draft's numbering, art_4 is the 2017 article 3, which was art_3 before.
            let inDraft = try await browser.get("/historique/art_4?version=draft%2Frenumerote")
            #expect(inDraft.status == .ok)
            #expect(inDraft.text.contains("Identifiant précédent : <code>art_3</code>"), "\(inDraft.text)")
            // Read in the text in force, art_4 is the 2017 article 4: never renumbered from art_3.
            let inForce = try await browser.get("/historique/art_4?version=AFSP1638149A%2Fv2017-01-05").text
            #expect(!inForce.contains("<code>art_3</code>"))
            // An eId the version does not have: a French 404, not another clause's history.
            #expect(try await browser.get("/historique/art_99?version=draft%2Frenumerote").status == .notFound)
        }
    }

    @Test("the diff page shows what `suivi diff --format html` shows, from the same renderer")
    func diff() async throws {
        let fixture = try await WebFixture(stage: .drafting)
        let old = try await fixture.register.resolve("v2017-01-05")
        let new = try await fixture.register.resolve("draft/periodique-2020")
        // Clauses named as a lawyer names them, in both texts (the new one's names first), as the server does.
        let names = Designation.names(in: try await fixture.register.document(at: old))
            .merging(Designation.names(in: try await fixture.register.document(at: new))) { _, new in new }
        let expected = HTMLDiffRenderer(names: names).renderFragment(
            try await RegisterComparison().compare(in: fixture.register, from: old, to: new, work: nil, oldLabel: "v2017-01-05",
                                                   newLabel: "draft/periodique-2020").diff)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            let response = try await browser.get("/diff?de=v2017-01-05&a=draft%2Fperiodique-2020")
            #expect(response.status == .ok)
            #expect(response.text.contains(expected))
            #expect(response.text.contains("<ins>"))
            // Served again from the cache: the same page.
            #expect(try await browser.get("/diff?de=v2017-01-05&a=draft%2Fperiodique-2020").text.contains(expected))
            // A date names the version in force that day.
            #expect(try await browser.get("/diff?de=2020-01-01&a=draft%2Fperiodique-2020").text.contains("<ins>"))
            #expect(try await browser.get("/diff?de=v2017-01-05&a=nulle-part").status == .notFound)
        }
    }

    @Test("the stylesheet is served; an unknown page is a French 404 page; pages carry protective headers")
    func assetsAndHeaders() async throws {
        let fixture = try await WebFixture(stage: .opened)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            let css = try await browser.get("/style.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            let missing = try await browser.get("/nulle-part")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("Page introuvable."))
            let home = try await browser.get("/")
            #expect(home.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
            #expect(home.headers[.xContentTypeOptions] == "nosniff")
        }
    }
}
