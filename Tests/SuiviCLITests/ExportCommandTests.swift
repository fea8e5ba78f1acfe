import Foundation
import Testing
import SuiviTestSupport

extension EndToEnd {
@Suite("suivi export, end to end")
struct ExportCommandTests {
    @Test("consolidated: HTML on stdout, ODT only with --output, a folder refused, JSON parses")
    func consolidated() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder, committee: false, author: "Test <test@suivi.invalid>")
        let html = try CLI.run("export", "consolidated", "--at", "draft/2026-projet", "--repo", repo)
        #expect(html.exitCode == 0)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(html.stdout.contains("Article 6-1"))
        let odt = try CLI.run("export", "consolidated", "--at", "draft/2026-projet", "--to", "odt", "--repo", repo)
        #expect(odt.exitCode == 64)
        #expect(odt.stderr.contains("--sortie"))
        let file = folder.path("consolide.odt")
        #expect(try CLI.run("export", "consolidated", "--at", "draft/2026-projet", "--to", "odt", "--output", file, "--repo", repo).exitCode == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)).count > 5_000)
        let directory = try CLI.run("export", "consolidated", "--at", "draft/2026-projet", "--output", folder.url.path, "--repo", repo)
        #expect(directory.exitCode == 1)
        #expect(directory.stderr.contains("est un dossier"))
        let json = try CLI.run("export", "consolidated", "--at", "v2017-01-05", "--format", "json", "--repo", repo)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "adopte")
        let akn = try CLI.run("export", "consolidated", "--at", "draft/2026-projet", "--to", "akn", "--repo", repo)
        #expect(akn.stdout == (try String(contentsOfFile: ShippedFixture.corpus.appendingPathComponent("2026-projet/AFSP1638149A.xml").path, encoding: .utf8)))
    }

    @Test("comparison and amending order on the corpus pair; the amending order's JSON says it round-trips")
    func comparisonAndAmending() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder, committee: false, author: "Test <test@suivi.invalid>")
        let table = try CLI.run("export", "comparison", "v2017-01-05", "draft/2026-projet", "--repo", repo)
        #expect(table.exitCode == 0)
        #expect(table.stdout.contains("<details>"))
        let order = try CLI.run("export", "amending", "v2017-01-05", "draft/2026-projet", "--repo", repo)
        #expect(order.exitCode == 0)
        #expect(order.stdout.contains("les mots : « du 11° de l'article L. 313-11 » sont remplacés par les mots : « de l'article L. 425-9 »"))
        // The recodified articles the draft newly cites are in the order's own visas, before the order amended.
        let visa = "Vu le code de l'entrée et du séjour des étrangers et du droit d'asile, notamment ses articles L. 425-9 et R. 425-11"
        let visaAt = try #require(order.stdout.range(of: visa), "\(order.stdout.prefix(1500))")
        let amendedAt = try #require(order.stdout.range(of: "Vu l'arrêté du 5 janvier 2017"))
        #expect(visaAt.lowerBound < amendedAt.lowerBound)
        let json = try CLI.run("export", "amending", "v2017-01-05", "draft/2026-projet", "--to", "json", "--repo", repo)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["roundTripExact"] as? Bool == true)
    }

    @Test("bulletin of a review without draft: a clear error; the feed lists the adopted version")
    func bulletinAndFeed() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder, committee: false, author: "Test <test@suivi.invalid>")
        #expect(try CLI.run("committee", "import", ShippedFixture.committee.path, "--repo", repo,
                            "--auteur", "Test <test@suivi.invalid>").exitCode == 0)
        let bulletin = try CLI.run("export", "bulletin", "--review", "periodique-2020", "--repo", repo)
        #expect(bulletin.exitCode == 1)
        #expect(bulletin.stderr.contains("n'a pas encore de projet"))
        let feed = try CLI.run("export", "feed", "--repo", repo, "--output", folder.path("flux.xml"))
        #expect(feed.exitCode == 0)
        let xml = try String(contentsOfFile: folder.path("flux.xml"), encoding: .utf8)
        #expect(xml.contains("<feed xml:lang=\"fr\" xmlns=\"http://www.w3.org/2005/Atom\">"))
        #expect(xml.contains("urn:suivi:version:AFSP1638149A:v2017-01-05"))
    }
}
}
