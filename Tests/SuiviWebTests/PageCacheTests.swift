import Committee
import Foundation
import Hummingbird
import HummingbirdTesting
import LegalText
import Register
import Synchronization
import Testing
@testable import SuiviWeb
import SuiviSynthetic

/// The day the server believes it is, changed by the test.
private final class ServerDay: Sendable {
    let day: Mutex<LegalDate>
    init(_ start: LegalDate) { day = Mutex(start) }
    func set(_ value: LegalDate) { day.withLock { $0 = value } }
    func today() -> LegalDate { day.withLock { $0 } }
}

/// The cache of rendered public pages (issue 20, « Speed of the public pages »): a page asked again is served
/// from it, a write of the register is seen at once, parameters do not collide, the bounds hold.
@Suite("Page cache")
struct PageCacheTests {
    static let publicPages = ["/", "/texte?date=2020-06-01", "/texte?version=draft%2Fperiodique-2020", "/versions",
                              "/historique/art_3", "/bulletin", "/flux.atom"]

    private static func application(_ fixture: WebFixture, cache: PageCache,
                                    today: @escaping @Sendable () -> LegalDate = { WebFixture.today }) throws -> some ApplicationProtocol {
        let configuration = WebConfiguration(registerRoot: fixture.folder, today: today)
        return Application(router: try buildRouter(configuration, passwordCost: 10, pageCache: cache))
    }

    @Test("every public page asked a second time is served from the cache, identical")
    func secondRequestFromCache() async throws {
        let fixture = try await WebFixture()
        let cache = PageCache()
        try await Self.application(fixture, cache: cache).test(.router) { client in
            var browser = Browser(client)
            for (index, uri) in Self.publicPages.enumerated() {
                let first = try await browser.get(uri)
                #expect(first.status == .ok, "\(uri)")
                #expect(await cache.renders == index + 1, "\(uri) rendered once")
                let second = try await browser.get(uri)
                #expect(second.status == .ok)
                #expect(second.text == first.text, "\(uri)")
                #expect(second.headers[.contentType] == first.headers[.contentType])
                #expect(await cache.renders == index + 1, "\(uri) not rendered again")
                #expect(await cache.hits == index + 1, "\(uri) served from the cache")
            }
        }
    }

    @Test("the text in force changes at once when the committee adopts a version in force, though the home page was cached")
    func adoptionSeenAtOnce() async throws {
        let fixture = try await WebFixture(stage: .opened)
        let cache = PageCache()
        try await Self.application(fixture, cache: cache).test(.router) { client in
            var browser = Browser(client)
            let before = try await browser.get("/").text
            #expect(before.contains("version AFSP1638149A/v2017-01-05"))
            #expect(try await browser.get("/").text == before)
            #expect(await cache.hits == 1)
            // An event review changes one sentence and is adopted, in force since the 21st (today is the 24th).
            let committee = fixture.committee
            let event = CommitteeEvent(id: "vih", date: day("2025-12-18"), kind: .economic, summary: "Crise du financement",
                                       source: "Avis du CNS", works: [], deadline: day("2026-06-18"))
            try await committee.addEvent(event, acting: fixture.chair, today: WebFixture.today)
            try await committee.openReview(id: "e1", kind: .event, work: nil, event: "vih", subject: nil, acting: fixture.chair,
                                           today: WebFixture.today)
            try await committee.advance(review: "e1", AdvanceRequest(to: .drafting), acting: fixture.chair, today: WebFixture.today)
            let target = fixture.register.workingCopy(ofDraft: "e1").appendingPathComponent("AFSP1638149A.xml")
            let text = try String(contentsOf: target, encoding: .utf8)
            try #require(text.contains("L'avis transmis au préfet ne comporte"))
            try text.replacingOccurrences(of: "L'avis transmis au préfet ne comporte", with: "L'avis transmis au préfet ne contient")
                .write(to: target, atomically: true, encoding: .utf8)
            _ = try await fixture.register.commitDraft("e1", message: "Modification", author: fixture.clerk)
            try await committee.advance(review: "e1", AdvanceRequest(to: .consultation), acting: fixture.chair, today: WebFixture.today)
            try await committee.advance(review: "e1", AdvanceRequest(to: .adopted, adoption: AdoptionDates(
                signature: day("2026-11-20"), entryIntoForce: day("2026-11-21")), confirmOutstanding: true),
                acting: fixture.chair, today: WebFixture.today)

            let after = try await browser.get("/").text
            #expect(after.contains("version AFSP1638149A/v2026-11-20"), "\(after.prefix(3000))")
            #expect(after.contains("ne contient ni information"))
            #expect(!after.contains("ne comporte ni information"))
            #expect(try await browser.get("/versions").text.contains("<code>AFSP1638149A/v2026-11-20</code>"))
            #expect(try await browser.get("/flux.atom").text.contains("v2026-11-20"))
        }
    }

    @Test("a draft committed through the register shows on the next request of the draft's text")
    func draftCommitSeenAtOnce() async throws {
        let fixture = try await WebFixture(stage: .drafting)
        let cache = PageCache()
        try await Self.application(fixture, cache: cache).test(.router) { client in
            var browser = Browser(client)
            let uri = "/texte?version=draft%2F" + WebFixture.review
            let before = try await browser.get(uri).text
            #expect(before.contains("ne comporte ni information"))
            #expect(try await browser.get(uri).text == before)
            #expect(await cache.hits == 1)

            let target = fixture.register.workingCopy(ofDraft: WebFixture.review).appendingPathComponent("AFSP1638149A.xml")
            let text = try String(contentsOf: target, encoding: .utf8)
            try text.replacingOccurrences(of: "L'avis transmis au préfet ne comporte", with: "L'avis transmis au préfet ne contient")
                .write(to: target, atomically: true, encoding: .utf8)
            _ = try await fixture.register.commitDraft(WebFixture.review, message: "Reformulation", author: fixture.clerk)

            let after = try await browser.get(uri).text
            #expect(after.contains("ne contient ni information"))
            #expect(!after.contains("ne comporte ni information"))
        }
    }

    @Test("the text in force without a date follows the day: the next day is another page")
    func todayIsPartOfTheKey() async throws {
        let fixture = try await WebFixture(stage: .opened)
        let cache = PageCache()
        let calendar = ServerDay(day("2026-11-24"))
        try await Self.application(fixture, cache: cache, today: { calendar.today() }).test(.router) { client in
            var browser = Browser(client)
            #expect(try await browser.get("/").text.contains("Texte en vigueur le 24 novembre 2026"))
            calendar.set(day("2026-11-25"))
            let next = try await browser.get("/").text
            #expect(next.contains("Texte en vigueur le 25 novembre 2026"))
            #expect(!next.contains("24 novembre 2026"))
            #expect(await cache.renders == 2)
        }
    }

    @Test("distinct parameters are distinct pages: dates, versions and clauses do not collide")
    func distinctParameters() async throws {
        let fixture = try await WebFixture()
        let cache = PageCache()
        try await Self.application(fixture, cache: cache).test(.router) { client in
            var browser = Browser(client)
            let onDate = try await browser.get("/texte?date=2020-06-01").text
            let otherDate = try await browser.get("/texte?date=2021-03-04").text
            #expect(onDate.contains("Texte en vigueur le 1er juin 2020"))
            #expect(otherDate.contains("Texte en vigueur le 4 mars 2021"))
            let atVersion = try await browser.get("/texte?version=AFSP1638149A%2Fv2017-01-05").text
            #expect(atVersion.contains("Version AFSP1638149A/v2017-01-05."))
            #expect(!atVersion.contains("Texte en vigueur le 1er juin 2020") && !atVersion.contains("4 mars 2021"))
            let article3 = try await browser.get("/historique/art_3").text
            let article4 = try await browser.get("/historique/art_4").text
            #expect(article3.contains("<title>Historique : Article 3 —") && article4.contains("<title>Historique : Article 4 —"))
            #expect(await cache.renders == 5)
            #expect(await cache.hits == 0)
        }
    }

    @Test("a cached page shows each reader their own layout: a member's login line never reaches a visitor")
    func layoutIsPerReader() async throws {
        let fixture = try await WebFixture()
        let cache = PageCache()
        try await Self.application(fixture, cache: cache).test(.router) { client in
            var member = Browser(client)
            try await member.login("ofii-medecins")
            let memberPage = try await member.get("/versions").text
            #expect(memberPage.contains("Connecté :"))
            var visitor = Browser(client)
            let visitorPage = try await visitor.get("/versions").text
            #expect(await cache.hits == 1)
            #expect(!visitorPage.contains("Connecté :"))
            #expect(!visitorPage.contains(try #require(member.csrf)))
        }
    }

    @Test("errors are not cached, and HEAD on a cached page answers its length without a body")
    func errorsAndHead() async throws {
        let fixture = try await WebFixture()
        let cache = PageCache()
        try await Self.application(fixture, cache: cache).test(.router) { client in
            #expect(try await client.execute(uri: "/texte?date=2016-01-01", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/texte?version=v1999-01-01", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/bulletin?revision=inconnue", method: .get).status.code >= 400)
            #expect(await cache.count == 0)
            let get = try await client.execute(uri: "/", method: .get)
            let head = try await client.execute(uri: "/", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentLength] == String(get.body.readableBytes))
            #expect(await cache.hits == 1)
        }
    }

    @Test("the cache keeps at most its number of pages and its bytes, dropping the least recently used")
    func bounds() async throws {
        let fixture = try await WebFixture()
        let cache = PageCache(maximumPages: 2)
        try await Self.application(fixture, cache: cache).test(.router) { client in
            var browser = Browser(client)
            _ = try await browser.get("/versions")
            _ = try await browser.get("/texte?date=2020-06-01")
            _ = try await browser.get("/versions")  // now the most recent
            _ = try await browser.get("/bulletin")  // drops the text on a date
            #expect(await cache.count == 2)
            #expect(await cache.evictions == 1)
            _ = try await browser.get("/versions")
            #expect(await cache.hits == 2)
            _ = try await browser.get("/texte?date=2020-06-01")
            #expect(await cache.renders == 4, "the dropped page is rendered again")
        }
        let small = PageCache(maximumPages: 100, maximumBytes: 20_000)
        try await Self.application(fixture, cache: small).test(.router) { client in
            var browser = Browser(client)
            let text = try await browser.get("/texte?date=2020-06-01")
            #expect(text.body.readableBytes > 20_000, "the text is larger than the bound")
            _ = try await browser.get("/versions")
            #expect(await small.count == 1, "a page heavier than the bound is not kept")
            #expect(await small.bytes <= 20_000)
        }
    }

    @Test("a member's form that succeeds drops the cached pages; a refused one does not")
    func serverWritesDropTheCache() async throws {
        let fixture = try await WebFixture()
        let cache = PageCache()
        try await Self.application(fixture, cache: cache).test(.router) { client in
            var browser = Browser(client)
            try await browser.login("asso@example.org")
            _ = try await browser.get("/versions")
            _ = try await browser.get("/bulletin")
            #expect(await cache.count == 2)
            let review = "/revisions/" + WebFixture.review
            let refused = try await browser.post(review + "/commentaires", [("eid", "art_99"), ("texte", "?")])
            #expect(refused.status.code >= 400)
            #expect(await cache.count == 2)
            let comment = try await browser.post(review + "/commentaires", [("eid", "art_3__para_3"), ("texte", "Préciser la durée.")])
            #expect(comment.status == .seeOther)
            #expect(await cache.count == 0)
        }
    }

    @Test("bounded LRU against a model: random stores and reads keep the bounds and drop the least recently used")
    func boundedLRUModel() {
        let seed = UInt64.random(in: 0 ... .max)
        print("BoundedLRU model seed: \(seed)")
        var generator = SplitMix64(seed: seed)
        for _ in 0..<50 {
            let maximumCount = Int(generator.next() % 6)
            let maximumCost = Int(generator.next() % 40) + 1
            var cache = BoundedLRU<Int, Int>(maximumCount: maximumCount, maximumCost: maximumCost)
            // The model: entries from least to most recently used.
            var model: [(key: Int, value: Int, cost: Int)] = []
            for step in 0..<200 {
                let key = Int(generator.next() % 10)
                if generator.next() % 2 == 0 {
                    let cost = Int(generator.next() % 15)
                    cache.store(step, for: key, cost: cost)
                    model.removeAll { $0.key == key }
                    if cost <= maximumCost, maximumCount > 0 {
                        model.append((key, step, cost))
                        while model.count > maximumCount || model.reduce(0, { $0 + $1.cost }) > maximumCost { model.removeFirst() }
                    }
                } else {
                    let expected = model.firstIndex { $0.key == key }.map { model.remove(at: $0) }
                    if let expected { model.append(expected) }
                    #expect(cache.value(for: key) == expected?.value, "seed \(seed)")
                }
                #expect(cache.count == model.count, "seed \(seed)")
                #expect(cache.totalCost == model.reduce(0) { $0 + $1.cost }, "seed \(seed)")
                #expect(cache.count <= maximumCount && cache.totalCost <= maximumCost, "seed \(seed)")
            }
        }
    }
}
