import Committee
import Foundation
import Hummingbird
import HummingbirdTesting
import LegalText
import Register
import Testing
@testable import SuiviWeb

/// Issue 20, « Speed »: the members' review page is kept in the ``PageCache`` by register fingerprint, seat and day.
/// What belongs to one session (its form token, the text a member typed before their session ended) never goes into
/// the cache and never shows on another member's page.
@Suite("Review page cache")
struct ReviewPageCacheTests {
    static let uri = "/revisions/\(WebFixture.review)"

    private static func application(_ fixture: WebFixture, cache: PageCache) throws -> some ApplicationProtocol {
        let configuration = WebConfiguration(registerRoot: fixture.folder, today: { WebFixture.today })
        return Application(router: try buildRouter(configuration, passwordCost: 10, pageCache: cache))
    }

    /// Every form token of a page (the layout's logout form and each form of the review).
    static func tokens(_ html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let range = rest.range(of: "name=\"csrf\" value=\"") {
            rest = rest[range.upperBound...]
            result.append(String(rest.prefix { $0 != "\"" }))
        }
        return result
    }

    @Test("a member's review page asked again is served from the cache, identical, with the session's own token in every form")
    func secondRequestFromCache() async throws {
        let fixture = try await WebFixture()
        let cache = PageCache()
        try await Self.application(fixture, cache: cache).test(.router) { client in
            var member = Browser(client)
            try await member.login("ofii-medecins")
            let first = try await member.get(Self.uri)
            #expect(first.status == .ok)
            #expect(await cache.renders == 1)
            let second = try await member.get(Self.uri)
            #expect(second.status == .ok)
            #expect(second.text == first.text)
            #expect(await cache.renders == 1, "not rendered again")
            #expect(await cache.hits == 1, "served from the cache")
            let tokens = Self.tokens(second.text)
            #expect(tokens.count > 3, "the logout form, the position form and the comment forms")
            #expect(Set(tokens) == [try #require(member.csrf)])
            #expect(!second.text.contains(ReviewController.tokenPlaceholder))
            // The token served from the cache is the session's: the form it is in is accepted.
            let sent = try await member.post(Self.uri + "/position", [("avis", "favorable"), ("motif", "Projet clair.")])
            #expect(sent.status == .seeOther, "\(sent.text.prefix(300))")
        }
    }

    @Test("two sessions of one seat share the cached page, each with its own token and never the other's")
    func tokenPerSession() async throws {
        let fixture = try await WebFixture()
        let cache = PageCache()
        try await Self.application(fixture, cache: cache).test(.router) { client in
            var first = Browser(client), second = Browser(client)
            try await first.login("ofii-medecins")
            try await second.login("ofii-medecins")
            let firstPage = try await first.get(Self.uri).text
            let secondPage = try await second.get(Self.uri).text
            #expect(await cache.renders == 1)
            #expect(await cache.hits == 1)
            let firstToken = try #require(first.csrf), secondToken = try #require(second.csrf)
            #expect(firstToken != secondToken)
            #expect(Set(Self.tokens(firstPage)) == [firstToken])
            #expect(Set(Self.tokens(secondPage)) == [secondToken])
            #expect(!secondPage.contains(firstToken) && !firstPage.contains(secondToken))
            // The second member's page works for them.
            #expect(try await second.post(Self.uri + "/commentaires", [("eid", "art_3__para_4"), ("texte", "Relu.")]).status == .seeOther)
        }
    }

    @Test("two seats get their own pages: the chair's forms only on the chair's, each seat's own position form")
    func pagePerSeat() async throws {
        let fixture = try await WebFixture()
        let cache = PageCache()
        try await Self.application(fixture, cache: cache).test(.router) { client in
            var chair = Browser(client), member = Browser(client)
            try await chair.login("dgs")
            try await member.login("ofii-medecins")
            let chairPage = try await chair.get(Self.uri).text
            let memberPage = try await member.get(Self.uri).text
            #expect(await cache.renders == 2)
            #expect(chairPage.contains("Actions de la présidence") && chairPage.contains("Position du siège <code>dgs</code>"))
            #expect(!memberPage.contains("Actions de la présidence"))
            #expect(memberPage.contains("Position du siège <code>ofii-medecins</code>") && !memberPage.contains("Position du siège <code>dgs</code>"))
            // Asked again, each seat gets its own page back from the cache.
            let memberAgain = try await member.get(Self.uri).text
            let chairAgain = try await chair.get(Self.uri).text
            #expect(await cache.renders == 2)
            #expect(await cache.hits == 2)
            #expect(memberAgain == memberPage && chairAgain == chairPage)
        }
    }

    @Test("a comment written through the server or in the register is on the next page: the cached page is not served after a write")
    func writeInvalidates() async throws {
        let fixture = try await WebFixture()
        let cache = PageCache()
        try await Self.application(fixture, cache: cache).test(.router) { client in
            var member = Browser(client)
            try await member.login("ofii-medecins")
            let before = try await member.get(Self.uri).text
            #expect(!before.contains("Délai de trois mois à préciser."))
            #expect(try await member.post(Self.uri + "/commentaires", [("eid", "art_3__para_4"), ("texte", "Délai de trois mois à préciser.")])
                .status == .seeOther)
            let after = try await member.get(Self.uri).text
            #expect(after.contains("Délai de trois mois à préciser."))
            #expect(await cache.renders == 2)
            // A write the server did not make (another clone pulled, the CLI) changes the register's fingerprint.
            _ = try await fixture.committee.addComment(review: WebFixture.review, eId: "art_3__para_4", text: "Écrit en ligne de commande.",
                                                       replyTo: nil, acting: fixture.chair, today: WebFixture.today)
            let later = try await member.get(Self.uri).text
            #expect(later.contains("Écrit en ligne de commande."))
            #expect(await cache.renders == 3)
        }
    }

    @Test("the text a member typed before their session ended is on their page alone, and never cached")
    func keptTextNotShared() async throws {
        let fixture = try await WebFixture()
        let cache = PageCache()
        try await Self.application(fixture, cache: cache).test(.router) { client in
            var other = Browser(client)
            try await other.login("ofii-medecins")
            _ = try await other.get(Self.uri)
            #expect(await cache.renders == 1)

            var member = Browser(client)
            member.cookie = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"  // a session that no longer exists
            let login = try await member.post(Self.uri + "/position", [("avis", "reserves"), ("motif", "Motif saisi avant la reconnexion.")])
            #expect(login.status == .unauthorized)
            member.csrf = Browser.csrf(in: login.text)
            let kept = MemberWorkflowTests.hiddenFields(login.text, prefix: "garde_")
            #expect(try await member.post("/connexion", [("identifiant", "ofii-medecins"), ("mot_de_passe", WebFixture.passwords["ofii-medecins"]!),
                                                         ("retour", "/revisions")] + kept).status == .seeOther)
            let keptPage = try await member.get(Self.uri).text
            #expect(keptPage.contains(">Motif saisi avant la reconnexion.</textarea>"))
            #expect(Set(Self.tokens(keptPage)) == [try #require(member.csrf)])
            let otherPage = try await other.get(Self.uri).text
            #expect(!otherPage.contains("Motif saisi avant la reconnexion."))
            #expect(!otherPage.contains(try #require(member.csrf)))
            // Given once: the member's next visit is the seat's page, from the cache.
            let next = try await member.get(Self.uri).text
            #expect(!next.contains("Motif saisi avant la reconnexion."))
            #expect(await cache.renders == 1, "the page with the kept text was not stored")
            #expect(await cache.hits == 2)
        }
    }
}
