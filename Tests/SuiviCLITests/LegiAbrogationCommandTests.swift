import Foundation
import Testing
import SuiviTestSupport

/// `suivi import legi` on the real LEGI example (read in place): an abrogation is a version, unknown
/// dates stay unknown, commit dates are never made up.
@Suite("import legi: abrogation and dates", .tags(.endToEnd), .enabled(if: !TestSelection.fastOnly, TestSelection.fastOnlyReason))
struct LegiAbrogationCommandTests {
    static let author = "Import LEGI <legi@example.org>"

    @Test("the shared LEGI example: two versions (1952, abrogation of 2001), not in force in 2005, no invented signature, no 1970 commit", .tags(.externalTool),
          .enabled(if: !TestSelection.fastOnly && (SharedMaterials.available || ExternalTool.inCI),
                   "needs ../shared (real LEGI example): set SUIVI_SHARED"))
    func sharedExample() throws {
        let example = SharedMaterials.path("examples/legi")
        try #require(FileManager.default.fileExists(atPath: example), "the shared LEGI example is expected in \(example) (CI needs it)")
        let folder = try TemporaryFolder()
        let repo = folder.path("registre")
        try #require(try CLI.run("init", repo).exitCode == 0)
        let imported = try CLI.run("import", "legi", example, "--repo", repo, "--as", Self.author)
        #expect(imported.exitCode == 0, "\(imported)")
        #expect(imported.stdout.contains("LEGITEXT000006070666/v1952-06-29 : importée"), "\(imported)")
        #expect(imported.stdout.contains("LEGITEXT000006070666/v2001-01-01 : importée"), "\(imported)")

        let in2005 = try CLI.run("show", "--repo", repo, "--in-force", "2005-01-01")
        #expect(in2005.exitCode == 1, "\(in2005)")
        #expect(in2005.stderr.contains("abrogé à compter du 1er janvier 2001"), "\(in2005)")
        let in2000 = try CLI.run("show", "--repo", repo, "--in-force", "2000-06-01", "--eid", "art_1")
        #expect(in2000.exitCode == 0 && in2000.stdout.contains("régie administrative"), "\(in2000)")

        let log = try CLI.run("log", "--repo", repo)
        #expect(!log.stdout.contains("signée le 29 juin 1952") && log.stdout.contains("date de signature inconnue"), "the signature date is unknown in LEGI: \(log)")
        let tag = try StockGit.run(["-C", repo + "/register.git", "tag", "-l", "-n20", "LEGITEXT000006070666/v1952-06-29"])
        #expect(!tag.stdout.contains("signée le"), "\(tag)")
        let dates = try StockGit.run(["-C", repo + "/register.git", "log", "--format=%ad %s", "--date=short", "main"])
        #expect(!dates.stdout.contains("1970-01-0"), "\(dates)")
        #expect(dates.stdout.contains("2001-01-01 Abrogation au 1er janvier 2001"), "\(dates)")
        let first = try StockGit.run(["-C", repo + "/register.git", "log", "--format=%B", "LEGITEXT000006070666/v1952-06-29", "-1"])
        #expect(first.stdout.contains("Date légale : 29 juin 1952"), "\(first)")
    }
}
