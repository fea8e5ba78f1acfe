import Foundation
import Testing

/// End to end: `suivi web --distant <forge> --periode-synchro <s>` keeps its register in step with the forge by itself,
/// and stops cleanly (exit 0) when asked to (SIGTERM), its sync included.
extension EndToEnd {
@Suite("suivi web --distant, --periode-synchro")
struct ServeSyncCommandTests {
    @Test("a sync period out of range is refused before anything is served")
    func periodOutOfRange() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        for period in ["0", "-5", "9", "100000"] {
            let result = try CLI.run(["web", "--repo", repo, "--port", "0", "--periode-synchro=" + period])
            #expect(result.exitCode == 78, "\(period): \(result)")
            #expect(result.stderr.contains("--periode-synchro"), "\(period): \(result.stderr)")
        }
    }

    @Test("the server pulls, every period, what a member pushed to the forge from a clone; SIGTERM stops it cleanly")
    func periodicPull() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let forge = folder.path("forge")
        try #require(try CLI.run(["init", forge]).exitCode == 0)
        try CLI.ok(["envoyer", forge], repo: repo)
        let member = folder.path("membre")
        let cloned = try CLI.run(["clone", forge, member])
        try #require(cloned.exitCode == 0, "\(cloned)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(CLI.executable))
        process.arguments = ["web", "--repo", repo, "--port", "0", "--distant", forge, "--periode-synchro", "10"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate(); process.waitUntilExit() } }
        // The member pushes once the server runs: the pull at start may or may not see it, a periodic one must.
        try CLI.ok(["evenement", "ajouter", "alerte-forge", "--date", "2026-11-01", "--nature", "sanitaire", "--resume", "Alerte",
                    "--source", "Bulletin", "--siege", "ofii-medecins", "--auteur", CLI.clerk], repo: member)
        try CLI.ok(["envoyer"], repo: member)
        let wanted = try StockGit.run(["-C", member + "/register.git", "rev-parse", "main"]).stdout

        // Bounded polling: one pull every 10 s (the shortest period); give up after 60 s.
        var current = ""
        for _ in 0..<120 {
            current = try StockGit.run(["-C", repo + "/register.git", "rev-parse", "main"]).stdout
            if current == wanted { break }
            Thread.sleep(forTimeInterval: 0.5)
        }
        process.terminate()
        process.waitUntilExit()
        #expect(current == wanted, "the server's main never reached the member's push")
        #expect(process.terminationReason == .exit && process.terminationStatus == 0,
                "SIGTERM: \(process.terminationReason == .exit ? "exit \(process.terminationStatus)" : "killed by a signal")")
    }
}
}
