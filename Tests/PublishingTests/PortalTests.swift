import ClauseDiff
import Committee
import Foundation
import LegalText
import Register
import Testing
@testable import Publishing
import SuiviSynthetic
import SuiviTestSupport

/// The documentary portal's rules (R5.1): filters, statuses, citing clauses, search, synthesis diffs, the documentary
/// updates of the bulletin and the Atom feed of news and updates.
@Suite("Documentary portal")
struct PortalTests {
    static let writer = Identity(name: "Rédaction DGS", email: "redaction@example.org")

    /// The register of ``RegisterFixture`` with the shipped references, one of them checked and found gone, one synthesis
    /// in two versions and one news item.
    static func fixture(review: ReviewStatus? = nil) async throws -> RegisterFixture {
        let fixture = try await RegisterFixture()
        if let review { try await fixture.review(upTo: review) }
        let committee = fixture.publisher.committee
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
            id: "rupture-arv", date: day("2026-11-23"), publisher: .dgs, seat: "", person: "", title: "Rupture d'antirétroviraux",
            text: "Rupture signalée.", pathologies: ["VIH"], countries: ["Côte d'Ivoire"], references: ["onusida-aidsinfo"]),
            acting: fixture.chair, today: fixture.today)
        return fixture
    }

    @Test("references filter by pathology and country without regard to case or accents, and by kind; stale ones stay listed as such")
    func filters() async throws {
        let fixture = try await Self.fixture()
        let portal = try await fixture.publisher.portal(today: fixture.today)
        #expect(portal.references.count == 11)
        let hiv = portal.references(matching: PortalFilter(pathology: "vih")).map(\.reference.id)
        #expect(hiv.contains("onusida-aidsinfo"))
        #expect(hiv.allSatisfy { id in portal.reference(id)?.reference.pathologies.contains("VIH") == true })
        let databases = portal.references(matching: PortalFilter(kind: .database))
        #expect(!databases.isEmpty && databases.allSatisfy { $0.reference.kind == .database })
        #expect(portal.references(matching: PortalFilter(pathology: "inexistante")).isEmpty)
        let unicef = try #require(portal.reference("unicef"))
        #expect(unicef.isStale && unicef.status == "disparue" && unicef.statusLabel.contains("disparue"))
        let pnud = try #require(portal.reference("pnud"))
        #expect(!pnud.isStale && pnud.status == "a-jour")
        #expect(portal.reference("ocde")?.status == "jamais-verifiee")
        #expect(portal.updated == LegalDate.today(in: .paris))
        #expect(portal.countries.contains("Côte d'Ivoire"))
    }

    @Test("a reference's citing clauses are named as a lawyer names them, with their eId in the text in force")
    func citations() async throws {
        let fixture = try await Self.fixture()
        let portal = try await fixture.publisher.portal(today: fixture.today)
        let unicef = try #require(portal.reference("unicef")?.citations.first)
        #expect(unicef.eId == "annex_2__sec_A__para_4")
        #expect(unicef.name.hasPrefix("Annexe II") && unicef.name.contains("alinéa"), "\(unicef.name)")
        // Cited only by the 2026 draft: absent from the text in force, said so.
        let unaids = try #require(portal.reference("onusida-aidsinfo")?.citations.first)
        #expect(unaids.eId == nil && unaids.name.contains("absente du texte en vigueur"))
    }

    @Test("renumbering Annexe II keeps the citations: once the renumbered version is in force, a reference's clause is found under its new eId")
    func citationsFollowRenumbering() async throws {
        let fixture = try await RegisterFixture()
        let committee = fixture.publisher.committee
        _ = try await committee.importRecords(from: ShippedFixture.committee.path, author: fixture.clerk)
        let before = try #require(try await fixture.publisher.portal(today: fixture.today).reference("unicef")?.citations.first)
        #expect(before.eId == "annex_2__sec_A__para_4")
        // A version that inserts an alinéa after the first of section A: the cited alinéa becomes the fifth.
        let info = try await fixture.register.startDraft("renumerotation", author: fixture.clerk, today: fixture.today)
        let draft = try await fixture.register.document(at: info.tip)
        let edited = try DraftEdit.applying([.insertAlinea(after: "annex_2__sec_A__para_1", text: "Un alinéa inséré en tête.")],
                                            to: draft, known: [], year: 2026)
        let tip = try #require(try await fixture.register.commitDraft("renumerotation", document: edited, expectedTip: info.tip,
                                                                     message: "Annexe II renumérotée", author: fixture.clerk))
        let main = try #require(try await fixture.register.gitStore.tip())
        _ = try await fixture.register.adoptDraft(at: tip, work: "AFSP1638149A",
                                                  dates: AdoptionDates(signature: day("2026-01-10"), entryIntoForce: day("2026-02-01")),
                                                  message: "Adoption", author: fixture.clerk, expectedMain: main)
        let after = try #require(try await fixture.publisher.portal(today: fixture.today).reference("unicef")?.citations.first)
        #expect(after.wId == before.wId)
        #expect(after.eId == "annex_2__sec_A__para_5", "\(after)")
        #expect(after.name.contains("cinquième") || after.name.contains("alinéa 5"), "\(after.name)")
        let stale = try await committee.status(today: fixture.today).staleReferences.first { $0.id == "unicef" }
        #expect(stale?.clauses.map(\.eId) == ["annex_2__sec_A__para_5"])
    }

    @Test("search finds references, syntheses and news without regard to case or accents, every word required")
    func search() async throws {
        let fixture = try await Self.fixture()
        let portal = try await fixture.publisher.portal(today: fixture.today)
        let found = portal.search("COTE D'IVOIRE antiretroviraux")
        #expect(found.syntheses.map(\.id) == ["vih-cote-ivoire"])
        #expect(found.news.map(\.id) == ["rupture-arv"])
        #expect(portal.search("onusida").references.map(\.reference.id) == ["onusida-aidsinfo"])
        #expect(portal.search("   ").isEmpty)
        #expect(portal.search("zzzz introuvable").isEmpty)
    }

    @Test("two versions of a synthesis compare word by word with ClauseDiff's French diff")
    func comparison() async throws {
        let fixture = try await Self.fixture()
        let comparison = try #require(try await fixture.publisher.synthesisComparison("vih-cote-ivoire"))
        #expect(comparison.old.number == 1 && comparison.new.number == 2)
        #expect(comparison.title.isUnchanged)
        #expect(comparison.paragraphs.count == 2)
        let first = comparison.paragraphs[0]
        #expect(first.contains { $0.kind == .deleted && $0.text.contains("sont disponibles") })
        #expect(first.contains { $0.kind == .inserted && $0.text.contains("de première ligne manquent") })
        #expect(comparison.paragraphs[1].allSatisfy { $0.kind == .equal })
        #expect(comparison.fieldChanges == ["date : 22 novembre 2026 → 23 novembre 2026"])
        #expect(comparison.text.contains("[-sont disponibles-]") || comparison.text.contains("[-sont disponibles"))
        await #expect(throws: PublishingError.self) { try await fixture.publisher.synthesisComparison("vih-cote-ivoire", from: 1, to: 3) }
    }

    @Test("random bodies: the diff of two versions rebuilds the words of the old and the new body, in order", arguments: [UInt64(7), 20261206])
    func diffRebuilds(seed: UInt64) {
        print("PortalTests.diffRebuilds seed \(seed)")
        var random = SplitMix64(seed: seed)
        let words = ["soins", "l'hôpital", "« gratuit »", "accès", "rupture", "coût", "région", "traitement"]
        func body() -> [String] {
            (0..<(1 + random.below(4))).map { _ in (0..<(1 + random.below(7))).map { _ in random.pick(words) }.joined(separator: " ") + "." }
        }
        for _ in 0..<50 {
            let (a, b) = (body(), body())
            func version(_ n: Int, _ p: [String]) -> SynthesisVersion {
                SynthesisVersion(number: n, commit: "c\(n)", author: "A", summary: "", synthesis: Synthesis(
                    id: "s", title: "T", pathologies: ["VIH"], countries: [], paragraphs: p, authors: ["A"], references: [],
                    date: day("2026-01-01"), reviewBy: day("2027-01-01")))
            }
            let comparison = SynthesisComparison(old: version(1, a), new: version(2, b))
            func spaced(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            let newText = spaced(comparison.paragraphs.map { $0.filter { $0.kind != .deleted }.map(\.text).joined() }.joined(separator: " "))
            let oldText = spaced(comparison.paragraphs.map { $0.filter { $0.kind != .inserted }.map(\.text).joined() }.joined(separator: " "))
            #expect(newText == spaced(b.joined(separator: " ")), "seed \(seed): \(a) → \(b)")
            #expect(oldText == spaced(a.joined(separator: " ")), "seed \(seed): \(a) → \(b)")
        }
    }

    @Test("the bulletin lists the checks, syntheses and news since the version it compares with, and nothing older")
    func bulletin() async throws {
        let fixture = try await Self.fixture(review: .consultation)
        let bulletin = try await fixture.publisher.bulletin(review: "periodique-2020")
        #expect(bulletin.documentary.since == day("2017-01-05"))
        let kinds = bulletin.documentary.items.map { "\($0.kind):\($0.id)" }
        #expect(kinds == ["synthese:vih-cote-ivoire", "actualite:rupture-arv", "reference:pnud", "reference:unicef"])
        #expect(bulletin.documentary.items[0].text.contains("mise à jour"))
        let markdown = BulletinRenderer.markdown(bulletin)
        #expect(markdown.contains("Références, synthèses et actualités depuis le 5 janvier 2017"))
        #expect(markdown.contains("Rupture d'antirétroviraux") && markdown.contains("disparue"))
        let later = DocumentaryUpdates(state: try await fixture.publisher.committee.state(), since: day("2026-11-22"))
        #expect(later.items.map(\.id) == ["vih-cote-ivoire", "rupture-arv"])
    }

    @Test("the Atom feed of news and updates is valid Atom 1.0 for feedparser, one entry per update, newest first", .tags(.externalTool),
          .enabled(if: ExternalTool.runs("python3"), ExternalTool.reason("python3", package: "python3")))
    func feed() async throws {
        let fixture = try await Self.fixture()
        let feed = try await fixture.publisher.portalFeed(baseURL: "https://exemple.invalid/suivi/")
        #expect(Set(feed.entries.map(\.id)).count == feed.entries.count)
        // Each entry is titled by what it is about, not only by its kind and date.
        #expect(feed.entries.map(\.title) == ["Synthèse : VIH en Côte d'Ivoire", "Actualité : Rupture d'antirétroviraux",
                                              "Référence documentaire : \(feed.entries[2].title.dropFirst(25))",
                                              "Référence documentaire : \(feed.entries[3].title.dropFirst(25))"])
        #expect(!feed.entries[2].title.hasSuffix(": "))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-portal-feed-\(UUID().uuidString).xml")
        try feed.xml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try Self.parseFeed(file)
        #expect(output == "urn:suivi:flux:portail-documentaire\n"
                + "urn:suivi:synthese:vih-cote-ivoire:2026-11-23 https://exemple.invalid/suivi/syntheses/vih-cote-ivoire|"
                + "urn:suivi:actualite:rupture-arv:2026-11-23 https://exemple.invalid/suivi/actualites#rupture-arv|"
                + "urn:suivi:reference:pnud:2026-11-21 https://exemple.invalid/suivi/references/pnud|"
                + "urn:suivi:reference:unicef:2026-11-20 https://exemple.invalid/suivi/references/unicef")
    }

    /// The feed's id and its entries (`id link|…`) as feedparser reads them (xml.etree outside CI without feedparser).
    static func parseFeed(_ file: URL) throws -> String {
        let script = """
        import sys
        try:
            import feedparser
        except ImportError:
            import xml.etree.ElementTree as ET
            a = "{http://www.w3.org/2005/Atom}"
            root = ET.parse(sys.argv[1]).getroot()
            print(root.find(a + "id").text)
            print("|".join(e.find(a + "id").text + " " + e.find(a + "link").get("href") for e in root.findall(a + "entry")))
            sys.exit(0)
        d = feedparser.parse(sys.argv[1])
        assert not d.bozo, d.get("bozo_exception")
        assert d.version == "atom10", d.version
        assert d.feed.updated_parsed is not None and d.feed.author
        assert all(e.updated_parsed is not None and e.summary for e in d.entries)
        print(d.feed.id)
        print("|".join(e.id + " " + e.link for e in d.entries))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
