import Foundation
import LegalText
import Testing
import SuiviTestSupport

extension EndToEnd {
/// `suivi import` (folder, LEGI, Akoma Ntoso) and `suivi export akn`, end to end.
@Suite("suivi import / export akn, end to end")
struct ImportExportCommandTests {
    static let author = "Import officiel <import@suivi.invalid>"
    static let corpus = ShippedFixture.corpus.path
    static let legiFixture = CLI.fixtures.appendingPathComponent("legi/LEGITEXT000099000001").path
    static let otherToolAct = CLI.fixtures.appendingPathComponent("akn/other-tool-act.xml").path
    static let schema = SharedMaterials.path("schemas/akomantoso30.xsd")

    // MARK: Helpers

    private func newRegister(_ folder: TemporaryFolder) throws -> String {
        let repo = folder.path("registre")
        let created = try CLI.run("init", repo)
        try #require(created.exitCode == 0, "\(created)")
        return repo
    }

    /// `xmllint --noout --schema` against the OASIS Akoma Ntoso 3.0 schema.
    private func schemaCheck(_ file: String) throws -> ProcessResult {
        let xmllint = try ExternalTool.require("xmllint", package: "libxml2-utils")
        try #require(FileManager.default.fileExists(atPath: Self.schema), "the OASIS schema is expected at \(Self.schema)")
        return try ProcessRunner.run(xmllint, ["--noout", "--nonet", "--schema", Self.schema, file])
    }

    private func tags(_ repo: String) throws -> [String] {
        let log = try CLI.run("log", "--repo", repo, "--format", "json")
        #expect(log.exitCode == 0, "\(log)")
        guard let data = log.stdout.data(using: .utf8),
              let versions = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["versions"] as? [[String: Any]] else { return [] }
        return versions.compactMap { $0["name"] as? String }
    }

    // MARK: import <folder>, as before

    @Test("`suivi import corpus` still imports a folder of versions; `suivi import dossier corpus` too")
    func folderImport() throws {
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let repo = try newRegister(folder)
        let imported = try CLI.run("import", Self.corpus, "--repo", repo, "--as", Self.author)
        #expect(imported.exitCode == 0, "\(imported)")
        #expect(imported.stdout.contains("AFSP1638149A/v2017-01-05 : importée"))
        #expect(imported.stdout.contains("draft/2026-projet : importée"))
        let again = try CLI.run("import", "dossier", Self.corpus, "--repo", repo, "--as", Self.author)
        #expect(again.exitCode == 0, "\(again)")
        #expect(again.stdout.contains("AFSP1638149A/v2017-01-05 : déjà présente"))
    }

    // MARK: import legi

    @Test("`suivi import legi` makes one tagged version per consolidation date; show --in-force reads between them")
    func legiImport() throws {
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let repo = try newRegister(folder)
        let imported = try CLI.run("import", "legi", Self.legiFixture, "--repo", repo, "--as", Self.author)
        #expect(imported.exitCode == 0, "\(imported)")
        #expect(imported.stdout.split(separator: "\n").map { String($0.prefix(34)) }
                == ["TEST1800001A/v2018-03-10 : importé", "TEST1800001A/v2020-06-01 : importé", "TEST1800001A/v2022-01-01 : importé"])

        let before = try CLI.run("show", "--repo", repo, "--in-force", "2021-02-01", "--eid", "art_2")
        #expect(before.exitCode == 0, "\(before)")
        #expect(before.stdout.contains("agent de contrôle"))
        let modified = try CLI.run("show", "--repo", repo, "--in-force", "2021-02-01", "--eid", "art_1")
        #expect(modified.stdout.contains("nom de la personne"))
        let older = try CLI.run("show", "--repo", repo, "--in-force", "2019-02-01", "--eid", "art_1")
        #expect(older.exitCode == 0 && !older.stdout.contains("nom de la personne"), "\(older)")
        let after = try CLI.run("show", "--repo", repo, "--in-force", "2023-02-01", "--eid", "art_2")
        #expect(after.exitCode == 1, "\(after)")
    }

    @Test("malformed LEGI is reported with file and element, and nothing is committed")
    func legiRefused() throws {
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let repo = try newRegister(folder)
        let extract = folder.url.appendingPathComponent("extrait")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Self.legiFixture), to: extract)
        let article = extract.appendingPathComponent("article/LEGI/ARTI/00/00/99/00/00/LEGIARTI000099000012.xml")
        let text = try String(contentsOf: article, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "<ETAT>VIGUEUR</ETAT>", with: "<ETAT>INCONNU</ETAT>").utf8).write(to: article)

        let refused = try CLI.run("import", "legi", extract.path, "--repo", repo, "--as", Self.author)
        #expect(refused.exitCode == 1, "\(refused)")
        #expect(refused.stderr.contains(article.path + ":14"))
        #expect(refused.stderr.contains("<ETAT>"))
        #expect(refused.stderr.contains("INCONNU"))
        #expect(try tags(repo).isEmpty)
    }

    // MARK: import akn, export akn

    @Test("an Akoma Ntoso act from another tool goes in and comes out with its eIds and hierarchy (round trip)", .tags(.externalTool),
          .enabled(if: ExternalTool.runs("xmllint"), ExternalTool.reason("xmllint", package: "libxml2-utils")),
          .enabled(if: !TestSelection.fastOnly && (SharedMaterials.available || ExternalTool.inCI),
                   "needs ../shared (OASIS schema, real examples): set SUIVI_SHARED (required under CI=true)"))
    func aknRoundTrip() throws {
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let repo = try newRegister(folder)
        let imported = try CLI.run("import", "akn", Self.otherToolAct, "--repo", repo, "--as", Self.author)
        #expect(imported.exitCode == 0, "\(imported)")
        #expect(imported.stdout.contains("v2019-04-01 : importée"))

        let output = folder.path("export.xml")
        let exported = try CLI.run("export", "akn", "--at", "v2019-04-01", "--output", output, "--repo", repo)
        #expect(exported.exitCode == 0, "\(exported)")
        let original = try LegalTextReader.read(contentsOf: Self.otherToolAct).document
        let back = try LegalTextReader.read(contentsOf: output).document
        #expect(back == original)
        #expect(back.body.map(\.eId) == ["chp_1", "chp_2"])
        #expect(back.clause(eId: "art_1__para_2__list_1__point_2")?.num == "2°")
        let check = try schemaCheck(output)
        #expect(check.exitCode == 0, "\(check)")

        // The export imported into another register gives the same text.
        let otherFolder = try TemporaryFolder()
        defer { withExtendedLifetime(otherFolder) {} }
        let other = try newRegister(otherFolder)
        let reimported = try CLI.run("import", "akn", output, "--repo", other, "--as", Self.author)
        #expect(reimported.exitCode == 0, "\(reimported)")
        let again = try CLI.run("export", "akn", "--repo", other)
        #expect(again.stdout == (try String(contentsOfFile: output, encoding: .utf8)))
    }

    @Test("`import akn` of a draft goes to draft/<--brouillon>, on top of the adopted version")
    func aknDraft() throws {
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let repo = try newRegister(folder)
        let adopted = try CLI.run("import", "akn", Self.corpus + "/2017-01-05/AFSP1638149A.xml", "--repo", repo, "--as", Self.author)
        #expect(adopted.exitCode == 0, "\(adopted)")
        #expect(adopted.stdout.hasPrefix("AFSP1638149A/v2017-01-05 : importée"))
        let draft = try CLI.run("import", "akn", Self.corpus + "/2026-projet/AFSP1638149A.xml", "--brouillon", "revision-essai",
                                "--repo", repo, "--as", Self.author)
        #expect(draft.exitCode == 0, "\(draft)")
        #expect(draft.stdout.hasPrefix("draft/revision-essai : importée"))
        let exported = try CLI.run("export", "akn", "--at", "draft/revision-essai", "--repo", repo)
        #expect(exported.stdout == (try String(contentsOfFile: Self.corpus + "/2026-projet/AFSP1638149A.xml", encoding: .utf8)))
    }

    @Test("every export of the corpus and of the imported LEGI versions validates against the OASIS schema", .tags(.externalTool),
          .enabled(if: ExternalTool.runs("xmllint"), ExternalTool.reason("xmllint", package: "libxml2-utils")),
          .enabled(if: !TestSelection.fastOnly && (SharedMaterials.available || ExternalTool.inCI),
                   "needs ../shared (OASIS schema, real examples): set SUIVI_SHARED (required under CI=true)"))
    func exportsValidate() throws {
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let repo = try newRegister(folder)
        #expect(try CLI.run("import", Self.corpus, "--repo", repo, "--as", Self.author).exitCode == 0)
        #expect(try CLI.run("import", "legi", Self.legiFixture, "--repo", repo, "--as", Self.author).exitCode == 0)
        let revisions: [(String, [String])] = [
            ("v2017-01-05", ["--at", "v2017-01-05"]),
            ("projet-2026", ["--at", "draft/2026-projet"]),
            ("vigueur-2020", ["--in-force", "2020-06-01", "--texte", "AFSP1638149A"]),
            ("legi-2018", ["--at", "v2018-03-10", "--texte", "TEST1800001A"]),
            ("legi-2020", ["--at", "v2020-06-01", "--texte", "TEST1800001A"]),
            ("legi-2022", ["--at", "v2022-01-01", "--texte", "TEST1800001A"]),
        ]
        for (name, arguments) in revisions {
            let output = folder.path("\(name).xml")
            let exported = try CLI.run(["export", "akn", "--repo", repo, "--output", output] + arguments)
            #expect(exported.exitCode == 0, "\(name): \(exported)")
            let check = try schemaCheck(output)
            #expect(check.exitCode == 0, "\(name): \(check)")
        }
        // The corpus's adopted version comes out as it went in (canonical form).
        let corpusFile = ShippedFixture.corpus.appendingPathComponent("2017-01-05/AFSP1638149A.xml").path
        #expect(try String(contentsOfFile: folder.path("v2017-01-05.xml"), encoding: .utf8)
                == (try String(contentsOfFile: corpusFile, encoding: .utf8)))
    }

    @Test("a document that claims the suivi profile but leaves it is refused with the elements named, nothing committed")
    func profileClaimRefused() throws {
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let repo = try newRegister(folder)
        let path = CLI.fixtures.appendingPathComponent("hostile/unknown-element-in-article.xml").path
        let refused = try CLI.run("import", "akn", path, "--repo", repo, "--as", Self.author)
        #expect(refused.exitCode == 1, "\(refused)")
        #expect(refused.stderr.contains(path + ":79"), "\(refused.stderr)")
        #expect(refused.stderr.contains("non pris en charge"), "\(refused.stderr)")
        #expect(refused.stderr.contains("Éléments hors du sous-ensemble"), "\(refused.stderr)")
        #expect(try tags(repo).isEmpty)
    }

    @Test("export akn: --at and --in-force together is a usage error; an unknown version fails with a message")
    func exportErrors() throws {
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let repo = try newRegister(folder)
        let both = try CLI.run("export", "akn", "--at", "v2017-01-05", "--in-force", "2020-01-01", "--repo", repo)
        #expect(both.exitCode == 64, "\(both)")
        let unknown = try CLI.run("export", "akn", "--at", "v1999-01-01", "--repo", repo)
        #expect(unknown.exitCode == 1, "\(unknown)")
        #expect(!unknown.stderr.isEmpty)
    }
}
}
