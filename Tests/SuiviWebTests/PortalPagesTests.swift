import Committee
import Foundation
import Hummingbird
import HummingbirdTesting
import LegalText
import Register
import Testing
@testable import SuiviWeb
import SuiviTestSupport

/// The public documentary portal's pages (R5.1): references by pathology, country and kind with their status (stale
/// ones shown as such), a reference's page and its citing clauses, syntheses with history and diff, news, search, the
/// Atom feed of news and updates, and the cache.
@Suite("Documentary portal pages")
struct PortalPagesTests {
    static let writer = Identity(name: "Rédaction DGS", email: "redaction@example.org")

    /// The web fixture with the shipped references (one found gone, one reachable), a synthesis in two versions and a
    /// news item.
    static func fixture() async throws -> WebFixture {
        let fixture = try await WebFixture(stage: .opened)
        let committee = fixture.committee
        _ = try await committee.importRecords(from: ShippedFixture.committee.path, author: fixture.clerk)
        try await committee.recordCheck(reference: "unicef", outcome: .gone, note: "Page introuvable.", author: fixture.clerk, today: day("2026-11-20"))
        try await committee.recordCheck(reference: "pnud", outcome: .reachable, note: "", author: fixture.clerk, today: day("2026-11-21"))
        try await committee.addSynthesis(Synthesis(
            id: "vih-cote-ivoire", title: "VIH en Côte d'Ivoire", pathologies: ["VIH"], countries: ["Côte d'Ivoire"],
            paragraphs: ["Les antirétroviraux sont disponibles dans les centres agréés.", "Le dépistage est gratuit."],
            authors: [], references: ["onusida-aidsinfo", "unicef"], date: day("2026-11-22"), reviewBy: day("2027-11-22")), author: writer)
        try await committee.modifySynthesis("vih-cote-ivoire", SynthesisChange(
            paragraphs: ["Les antirétroviraux de première ligne manquent dans les centres agréés.", "Le dépistage est gratuit."]),
            author: writer, today: day("2026-11-23"))
        try await committee.publishNews(NewsItem(
            id: "rupture-arv", date: day("2026-11-23"), publisher: .dgs, seat: "", person: "", title: "Rupture d'antirétroviraux <b>",
            text: "Rupture signalée.", pathologies: ["VIH"], countries: ["Côte d'Ivoire"], references: ["onusida-aidsinfo"],
            event: "crise-financement-vih-2025"), acting: fixture.chair, today: WebFixture.today)
        return fixture
    }

    static func application(_ fixture: WebFixture, cache: PageCache = PageCache()) throws -> some ApplicationProtocol {
        let configuration = WebConfiguration(registerRoot: fixture.folder, today: { WebFixture.today })
        return Application(router: try buildRouter(configuration, passwordCost: 10, pageCache: cache))
    }

    /// The `<li class="reference…">` items of a page, by id.
    static func referenceItems(_ html: String) -> [String: String] {
        var result: [String: String] = [:]
        for part in html.components(separatedBy: "<li class=\"reference").dropFirst() {
            guard let range = part.range(of: "id=\"ref-") else { continue }
            let id = String(part[range.upperBound...].prefix { $0 != "\"" })
            result[id] = String(part.prefix { $0 != "\u{0}" }.components(separatedBy: "</li>")[0])
        }
        return result
    }

    @Test("the references page lists every reference with its last check; stale and gone ones are shown as such, never hidden")
    func references() async throws {
        let fixture = try await Self.fixture()
        try await Self.application(fixture).test(.router) { client in
            var browser = Browser(client)
            let page = try await browser.get("/references")
            #expect(page.status == .ok)
            let items = Self.referenceItems(page.text)
            #expect(items.count == 11)
            #expect(items["unicef"]?.contains("à vérifier : disparue lors de la dernière vérification") == true)
            #expect(items["unicef"]?.contains("class=\"reference stale\"") == true || page.text.contains("<li class=\"reference stale\" id=\"ref-unicef\""))
            #expect(items["pnud"]?.contains("à jour") == true && items["pnud"]?.contains("dernière vérification le 21 novembre 2026") == true)
            #expect(items["ocde"]?.contains("jamais vérifiée") == true)
            #expect(page.text.contains("Mis à jour le "))
            #expect(page.text.contains("11 références sur 11, dont 10 à vérifier."))
            #expect(page.text.contains("href=\"/references\">Portail documentaire</a>"))
        }
    }

    @Test("the filters by pathology (any case or accents), country and kind are plain GET parameters")
    func filters() async throws {
        let fixture = try await Self.fixture()
        try await Self.application(fixture).test(.router) { client in
            var browser = Browser(client)
            let hiv = Self.referenceItems(try await browser.get("/references?pathologie=vih").text)
            #expect(Set(hiv.keys) == ["onusida-aidsinfo"])
            let reports = Self.referenceItems(try await browser.get("/references?nature=rapport").text)
            #expect(Set(reports.keys) == ["oit-rapport-protection-sociale", "rapport-iga-igas-2013"])
            let country = try await browser.get("/references?pays=C%C3%B4te%20d%27Ivoire")
            #expect(country.status == .ok && Self.referenceItems(country.text).isEmpty)
            #expect(country.text.contains("Aucune référence ne correspond"))
            #expect(try await browser.get("/references?nature=blog").status == .badRequest)
            #expect(try await browser.get("/references?pathologie=" + String(repeating: "x", count: 300)).status == .badRequest)
            let form = try await browser.get("/references?pathologie=VIH").text
            #expect(form.contains("<option value=\"VIH\" selected>VIH</option>"))
        }
    }

    @Test("a reference's page names the clauses citing it as a lawyer does, anchored by their eId, and lists its checks")
    func reference() async throws {
        let fixture = try await Self.fixture()
        try await Self.application(fixture).test(.router) { client in
            var browser = Browser(client)
            let page = try await browser.get("/references/unicef")
            #expect(page.status == .ok)
            #expect(page.text.contains("<a href=\"/texte#annex_2__sec_A__para_4\">Annexe II"))
            #expect(page.text.contains("Page introuvable.") && page.text.contains("disparue"))
            #expect(page.text.contains("/syntheses/vih-cote-ivoire"))
            let unaids = try await browser.get("/references/onusida-aidsinfo").text
            #expect(unaids.contains("clause absente du texte en vigueur"))
            #expect(unaids.contains("/actualites#rupture-arv"))
            #expect(try await browser.get("/references/inexistante").status == .notFound)
        }
    }

    @Test("a synthesis page shows its current version, its history, an older version and the word diff between two versions")
    func synthesis() async throws {
        let fixture = try await Self.fixture()
        try await Self.application(fixture).test(.router) { client in
            var browser = Browser(client)
            let list = try await browser.get("/syntheses?pathologie=VIH")
            #expect(list.text.contains("href=\"/syntheses/vih-cote-ivoire\""))
            #expect(!(try await browser.get("/syntheses?pays=Mali")).text.contains("href=\"/syntheses/vih-cote-ivoire\""))
            let page = try await browser.get("/syntheses/vih-cote-ivoire")
            #expect(page.status == .ok)
            #expect(page.text.contains("Version 2 sur 2"))
            #expect(page.text.contains("de première ligne manquent"))
            #expect(page.text.contains("?de=1&amp;a=2#comparaison"))
            #expect(page.text.contains("disparue"), "a stale reference of the synthesis is shown as such")
            let old = try await browser.get("/syntheses/vih-cote-ivoire?version=1")
            #expect(old.text.contains("Version 1 sur 2") && old.text.contains("sont disponibles"))
            let diff = try await browser.get("/syntheses/vih-cote-ivoire?de=1&a=2")
            #expect(diff.text.contains("<del>sont disponibles</del>") || diff.text.contains("<del>sont disponibles "))
            #expect(diff.text.contains("<ins>de première ligne manquent"))
            #expect(try await browser.get("/syntheses/vih-cote-ivoire?version=9").status == .notFound)
            #expect(try await browser.get("/syntheses/vih-cote-ivoire?de=x").status == .badRequest)
            #expect(try await browser.get("/syntheses/absente").status == .notFound)
        }
    }

    @Test("the news page and the search, without regard to case or accents, escape what they show")
    func newsAndSearch() async throws {
        let fixture = try await Self.fixture()
        try await Self.application(fixture).test(.router) { client in
            var browser = Browser(client)
            let news = try await browser.get("/actualites")
            #expect(news.text.contains("id=\"rupture-arv\""))
            #expect(news.text.contains("Rupture d&#39;antirétroviraux &lt;b&gt;") || news.text.contains("Rupture d’antirétroviraux &lt;b&gt;")
                    || news.text.contains("&lt;b&gt;"))
            #expect(!news.text.contains("antirétroviraux <b>"))
            let found = try await browser.get("/recherche?q=COTE+D%27IVOIRE").text
            #expect(found.contains("/syntheses/vih-cote-ivoire") && found.contains("id=\"rupture-arv\""))
            let none = try await browser.get("/recherche?q=introuvable").text
            #expect(none.contains("Aucun résultat pour « introuvable »"))
            let empty = try await browser.get("/recherche")
            #expect(empty.status == .ok && empty.text.contains("Mis à jour le"))
        }
    }

    @Test("the Atom feed of news and updates is served beside the feed of versions and is valid Atom for feedparser",
          .tags(.externalTool), .enabled(if: ExternalTool.runs("python3"), ExternalTool.reason("python3", package: "python3")))
    func feed() async throws {
        let fixture = try await Self.fixture()
        try await Self.application(fixture).test(.router) { client in
            let response = try await client.execute(uri: "/actualites.atom", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/atom+xml; charset=utf-8")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-portal-feed-\(UUID().uuidString).xml")
            try response.text.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", """
                import sys
                try:
                    import feedparser
                except ImportError:
                    import xml.etree.ElementTree as ET
                    a = "{http://www.w3.org/2005/Atom}"
                    print(len(ET.parse(sys.argv[1]).getroot().findall(a + "entry")))
                    sys.exit(0)
                d = feedparser.parse(sys.argv[1])
                assert not d.bozo, d.get("bozo_exception")
                assert d.version == "atom10"
                print(len(d.entries))
                """, file.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            process.waitUntilExit()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(process.terminationStatus == 0)
            #expect(output == "4")
            #expect(try await client.execute(uri: "/flux.atom", method: .get).status == .ok)
        }
    }

    @Test("a portal page asked again comes from the cache, and a new synthesis or check shows at once")
    func cache() async throws {
        let fixture = try await Self.fixture()
        let cache = PageCache()
        try await Self.application(fixture, cache: cache).test(.router) { client in
            var browser = Browser(client)
            for uri in ["/references", "/syntheses", "/actualites", "/recherche?q=vih", "/references/ocde", "/syntheses/vih-cote-ivoire"] {
                let first = try await browser.get(uri).text
                let renders = await cache.renders
                #expect(try await browser.get(uri).text == first, "\(uri)")
                #expect(await cache.renders == renders, "\(uri) served from the cache")
            }
            try await fixture.committee.recordCheck(reference: "ocde", outcome: .reachable, note: "", author: fixture.clerk, today: WebFixture.today)
            try await fixture.committee.addSynthesis(Synthesis(
                id: "tuberculose-mali", title: "Tuberculose au Mali", pathologies: ["tuberculose"], countries: ["Mali"],
                paragraphs: ["Texte."], authors: [], references: ["ocde"], date: WebFixture.today, reviewBy: day("2027-11-24")), author: Self.writer)
            let ocde = Self.referenceItems(try await browser.get("/references").text)["ocde"]
            #expect(ocde?.contains("dernière vérification le 24 novembre 2026") == true)
            #expect(try await browser.get("/syntheses").text.contains("Tuberculose au Mali"))
            #expect(try await browser.get("/references/ocde").text.contains("Tuberculose au Mali"))
        }
    }
}
