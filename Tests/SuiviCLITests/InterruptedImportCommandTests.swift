import Foundation
import LegalText
import SuiviSynthetic
import Testing
import SuiviTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C (SIGINT) and SIGTERM during an import: the import is all or nothing, and says which.
@Suite("Interrupted imports", .tags(.endToEnd, .externalTool), .enabled(if: ExternalTool.runs("git"), ExternalTool.reason("git", package: "git")), .serialized)
struct InterruptedImportCommandTests {
    static let clerk = "Greffe <greffe@example.org>"

    /// Runs `suivi` and sends it `signal` after `delay` milliseconds.
    private func runInterrupted(_ arguments: [String], after delay: Int, signal: Int32) throws -> ProcessResult {
        let suivi = try #require(CLI.executable)
        let folder = try TemporaryFolder()
        let stdout = folder.path("stdout"), stderr = folder.path("stderr")
        let clock = ContinuousClock()
        let start = clock.now
        let pid = try ProcessRunner.spawn(suivi, arguments, stdout: stdout, stderr: stderr)
        usleep(UInt32(delay) * 1000)
        kill(pid, signal)
        var status: Int32 = 0
        var timedOut = false
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped == -1 && errno != EINTR { break }
            if !timedOut && clock.now - start > .seconds(120) {
                kill(pid, SIGKILL)
                timedOut = true
            }
            usleep(1_000)
        }
        let elapsed = clock.now - start
        let low = status & 0x7F
        func read(_ path: String) -> String {
            (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        return ProcessResult(exitCode: low == 0 ? (status >> 8) & 0xFF : nil, signal: low == 0 ? nil : low,
                             stdout: read(stdout), stderr: read(stderr),
                             wallSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                             maxRSSKiB: 0, parentRSSKiB: 0, timedOut: timedOut)
    }

    /// The tags of a register and whether `main` exists, read with stock git.
    private func state(_ repo: String) throws -> (tags: [String], main: Bool) {
        let tags = try StockGit.run(["-C", repo + "/register.git", "tag", "-l"])
        let main = try StockGit.run(["-C", repo + "/register.git", "rev-parse", "--verify", "--quiet", "refs/heads/main"])
        return (tags.stdout.split(separator: "\n").map(String.init), main.exitCode == 0)
    }

    /// The registers a round leaves must be sound, and the import must then go through.
    private func checkSound(_ repo: String, _ context: String) throws {
        let verified = try CLI.run("verify", "--repo", repo)
        #expect(verified.exitCode == 0, "\(context): \(verified)")
        let fsck = try StockGit.fsck(repo)
        #expect(fsck.exitCode == 0, "\(context): \(fsck.stderr.prefix(2000))")
    }

    @Test("SIGINT at a random instant of `import legi` (60 versions): afterwards no version or all of them, and stderr says which; exit 130")
    func interruptedLegiImport() throws {
        let folder = try TemporaryFolder()
        let extract = folder.url.appendingPathComponent("extrait")
        _ = try SyntheticLegi(articles: 10, consolidations: 60).write(to: extract)
        let versions = try LegiImporter.timeline(from: extract.path).versions.count
        try #require(versions == 60)

        // The undisturbed import, timed once.
        let scratch = folder.path("chrono")
        try #require(try CLI.run("init", scratch).exitCode == 0)
        let timed = try CLI.run("import", "legi", extract.path, "--repo", scratch, "--as", Self.clerk)
        try #require(timed.exitCode == 0, "\(timed)")
        try #require(try state(scratch).tags.count == versions)
        let duration = max(20, Int(timed.wallSeconds * 1000))

        let seed = UInt64.random(in: 1...UInt64.max)
        print("interrupted imports: seed \(seed), undisturbed import \(duration) ms")
        var generator = SplitMix64(seed: seed)
        var nothing = 0, everything = 0, finishedFirst = 0, beforeHandler = 0
        var delays: [Int] = []
        var low = 0, high = duration
        for round in 0..<4 {
            let repo = folder.path("registre-\(round)")
            try #require(try CLI.run("init", repo).exitCode == 0)
            let delay = low + Int(generator.next() % UInt64(max(1, high - low)))
            delays.append(delay)
            let signal = round % 3 == 2 ? SIGTERM : SIGINT
            let result = try runInterrupted(["import", "legi", extract.path, "--repo", repo, "--as", Self.clerk],
                                            after: delay, signal: signal)
            let after = try state(repo)
            let context = "round \(round), seed \(seed), signal at \(delay) ms: \(result)"
            #expect(!result.timedOut, "\(context)")
            if result.exitCode == 130 {
                #expect(result.stderr.contains(signal == SIGTERM ? "SIGTERM" : "SIGINT"), "\(context)")
                if result.stderr.contains("rien n'a été enregistré") {
                    nothing += 1
                    #expect(after.tags.isEmpty && !after.main, "\(context): \(after)")
                } else {
                    everything += 1
                    #expect(result.stderr.contains("toutes celles de l'import sont dans le registre"), "\(context)")
                    #expect(after.tags.count == versions && after.main, "\(context): \(after.tags.count) tags")
                }
                low = max(0, delay / 2)
            } else if result.exitCode == 0 {
                // Done before the signal came.
                finishedFirst += 1
                #expect(after.tags.count == versions, "\(context)")
                high = max(low + 2, delay)
            } else {
                // Killed by the signal before the command installed its handler: nothing was written yet.
                beforeHandler += 1
                #expect(result.signal == signal, "\(context)")
                #expect(after.tags.isEmpty && !after.main, "\(context): \(after)")
                low = delay + 1
                high = max(high, low + 2)
            }
            try checkSound(repo, context)
            // Whatever the interruption left, running the import again brings every version.
            let again = try CLI.run("import", "legi", extract.path, "--repo", repo, "--as", Self.clerk)
            #expect(again.exitCode == 0, "\(context): \(again)")
            #expect(try state(repo).tags.count == versions, "\(context)")
        }
        print("interrupted imports: signals at \(delays) ms; \(nothing) stopped with nothing written, "
              + "\(everything) finished their last step, \(finishedFirst) done before the signal, "
              + "\(beforeHandler) killed before the handler")
        #expect(nothing + everything > 0, "no round was interrupted while importing (seed \(seed), delays \(delays))")
    }

    @Test("SIGINT during `import` of a folder of versions: nothing or everything (tags, draft branch), and stderr says which")
    func interruptedCorpusImport() throws {
        let folder = try TemporaryFolder()
        let corpus = ShippedFixture.corpus.path
        let scratch = folder.path("chrono")
        try #require(try CLI.run("init", scratch).exitCode == 0)
        let timed = try CLI.run("import", corpus, "--repo", scratch, "--as", Self.clerk)
        try #require(timed.exitCode == 0, "\(timed)")
        let expected = try StockGit.refs(scratch).split(separator: "\n").count
        let duration = max(20, Int(timed.wallSeconds * 1000))
        let seed = UInt64.random(in: 1...UInt64.max)
        var generator = SplitMix64(seed: seed)
        for round in 0..<3 {
            let repo = folder.path("registre-\(round)")
            try #require(try CLI.run("init", repo).exitCode == 0)
            let delay = Int(generator.next() % UInt64(duration))
            let result = try runInterrupted(["import", corpus, "--repo", repo, "--as", Self.clerk], after: delay, signal: SIGINT)
            let refs = try StockGit.refs(repo).split(separator: "\n").count
            let context = "round \(round), seed \(seed), SIGINT at \(delay) ms: \(result)"
            if result.exitCode == 130 && result.stderr.contains("rien n'a été enregistré") || result.signal == SIGINT {
                #expect(refs == 0, "\(context)")
            } else if result.exitCode == 130 {
                // The signal came during the final write: the import went to its end and says so.
                #expect(result.stderr.contains("l'import est allé à son terme"), "\(context)")
                #expect(refs == expected, "\(context)")
            } else {
                // The signal came after the import ended.
                #expect(result.exitCode == 0, "\(context)")
                #expect(refs == expected, "\(context)")
            }
            try checkSound(repo, context)
        }
    }
}

