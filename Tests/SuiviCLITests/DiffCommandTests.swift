import Foundation
import Testing
import SuiviTestSupport

extension EndToEnd {
@Suite("suivi diff, end to end")
struct DiffCommandTests {
    private var old: String { ShippedFixture.corpus.appendingPathComponent("2017-01-05/AFSP1638149A.xml").path }
    private var new: String { ShippedFixture.corpus.appendingPathComponent("2026-projet/AFSP1638149A.xml").path }

    @Test("the corpus pair: new articles inserted, pushed-down alinéas renumbered, no escape code when piped")
    func corpusPair() throws {
        let result = try CLI.run("diff", old, new)
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("+ art_6-1 [inséré] Article 6-1"))
        #expect(result.stdout.contains("> art_3__para_5 (ex art_3__para_4) [renuméroté]"))
        #expect(result.stdout.contains("[-L. 313-11-]"), "\(result)")
        #expect(!result.stdout.contains("\u{1B}["))
    }

    @Test("--stat fits on one screen and counts per article")
    func stat() throws {
        let result = try CLI.run("diff", old, new, "--stat")
        #expect(result.exitCode == 0)
        #expect(result.stdout.split(separator: "\n").count <= 25)
        #expect(result.stdout.contains("art_6-2"))
    }

    @Test("--format json parses and names schema suivi-diff v1; --eid restricts it")
    func json() throws {
        let result = try CLI.run("diff", old, new, "--format", "json", "--eid", "annex_2", "--only-changed")
        #expect(result.exitCode == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "suivi-diff")
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(!changes.isEmpty)
        #expect(changes.allSatisfy { ($0["eId"] as? String)?.hasPrefix("annex_2") ?? false })
        #expect(changes.allSatisfy { $0["class"] as? String != "unchanged" })
    }

    @Test("--format html is a standalone French page")
    func html() throws {
        let result = try CLI.run("diff", old, new, "--format", "html")
        #expect(result.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        #expect(result.stdout.contains("<ins>"))
    }

    @Test("a file compared with itself: no difference")
    func itself() throws {
        let result = try CLI.run("diff", old, old)
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("Aucune différence."))
    }

    @Test("two files are read at once, yet a bad old file is the one reported, then a bad new file")
    func unreadableFiles() throws {
        let folder = try TemporaryFolder()
        let brokenOld = try folder.write("<akomaNtoso><act>", to: "ancien.xml")
        let brokenNew = try folder.write("<akomaNtoso></act>", to: "nouveau.xml")
        let both = try CLI.run("diff", brokenOld, brokenNew)
        #expect(both.exitCode == 1)
        #expect(both.stderr.contains("ancien.xml"))
        #expect(!both.stderr.contains("nouveau.xml"))
        let newOnly = try CLI.run("diff", old, brokenNew)
        #expect(newOnly.exitCode == 1)
        #expect(newOnly.stderr.contains("nouveau.xml"))
        #expect(newOnly.stdout.isEmpty)
    }

    @Test("versions of the register, by tag, draft and date, give the same changes as the files")
    func register() throws {
        let folder = try TemporaryFolder()
        let repo = folder.path("registre")
        #expect(try CLI.run("init", repo).exitCode == 0)
        let imported = try CLI.run("import", ShippedFixture.corpus.path, "--repo", repo,
                                   "--as", "Test <test@suivi.invalid>")
        #expect(imported.exitCode == 0, "\(imported)")
        let byTag = try CLI.run("diff", "v2017-01-05", "draft/2026-projet", "--repo", repo, "--stat")
        let byDate = try CLI.run("diff", "2020-06-01", "draft/2026-projet", "--repo", repo, "--stat")
        let byFile = try CLI.run("diff", old, new, "--stat")
        #expect(byTag.exitCode == 0 && byDate.exitCode == 0)
        let summary = { (text: String) in text.split(separator: "\n").dropFirst().first.map(String.init) ?? "" }
        #expect(summary(byTag.stdout) == summary(byDate.stdout))
        // The register reads only changed parts: its count of unchanged clauses is smaller, the rest is equal.
        #expect(byTag.stdout.split(separator: "\n").dropFirst(2) == byFile.stdout.split(separator: "\n").dropFirst(2))
        #expect(byTag.stderr.contains("non relues"))
    }

    @Test("an unknown revision or a date before the first version exits 1 with a French message")
    func errors() throws {
        let folder = try TemporaryFolder()
        let repo = folder.path("registre")
        _ = try CLI.run("init", repo)
        _ = try CLI.run("import", ShippedFixture.corpus.path, "--repo", repo, "--as", "T <t@s.invalid>")
        let unknown = try CLI.run("diff", "v1999-01-01", "draft/2026-projet", "--repo", repo)
        #expect(unknown.exitCode == 1)
        #expect(unknown.stderr.contains("introuvable"))
        let early = try CLI.run("diff", "2010-01-01", "draft/2026-projet", "--repo", repo)
        #expect(early.exitCode == 1)
        #expect(early.stderr.contains("23 janvier 2017"))
    }
}
}
