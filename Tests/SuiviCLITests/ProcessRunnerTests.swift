import Foundation
import Testing

/// The runner the end-to-end tests rely on: if it measured wrong, their limits would mean nothing.
extension EndToEnd {
@Suite("Process runner")
struct ProcessRunnerTests {
    @Test("the exit code and both output streams are captured")
    func captures() throws {
        let shell = try #require(ProcessRunner.systemTool("sh"))
        let result = try ProcessRunner.run(shell, ["-c", "echo sortie; echo erreur >&2; exit 3"])
        #expect(result.exitCode == 3)
        #expect(result.signal == nil)
        #expect(result.stdout == "sortie\n")
        #expect(result.stderr == "erreur\n")
        #expect(!result.timedOut)
    }

    @Test("a child that outlives the watchdog is killed")
    func watchdog() throws {
        let sleep = try #require(ProcessRunner.systemTool("sleep"))
        let result = try ProcessRunner.run(sleep, ["30"], watchdog: .milliseconds(300))
        #expect(result.timedOut)
        #expect(result.signal == SIGKILL)
        #expect(result.exitCode == nil)
        #expect(result.wallSeconds >= 0.3)
        #expect(result.wallSeconds < 5)
    }

    @Test("the wall time of a child is measured")
    func wallTime() throws {
        let sleep = try #require(ProcessRunner.systemTool("sleep"))
        let result = try ProcessRunner.run(sleep, ["0.2"])
        #expect(result.exitCode == 0)
        #expect(result.wallSeconds >= 0.2)
        #expect(result.wallSeconds < 2)
    }

    @Test("a child's peak memory is seen in its max RSS")
    func maxRSS() throws {
        // dd fills a 200 MiB buffer: its resident set passes 200 MiB, whatever the parent's.
        let dd = try #require(ProcessRunner.systemTool("dd"))
        let result = try ProcessRunner.run(dd, ["if=/dev/zero", "of=/dev/null", "bs=200M", "count=1"])
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.maxRSSKiB >= 200 * 1024, "\(result)")
    }
    @Test("a child's peak memory is its own, not the parent's at spawn")
    func maxRSSIsTheChildsOwn() throws {
        // The parent first holds 300 MiB, every page touched; a child that fills 60 MiB must report about
        // 60 MiB (its buffer plus the program), not the parent's 300.
        let parentBytes = 300 * 1024 * 1024
        let ballast = UnsafeMutableRawPointer.allocate(byteCount: parentBytes, alignment: 4096)
        defer { ballast.deallocate() }
        memset(ballast, 1, parentBytes)
        #expect(ProcessRunner.residentKiB() >= 300 * 1024)
        let dd = try #require(ProcessRunner.systemTool("dd"))
        let result = try ProcessRunner.run(dd, ["if=/dev/zero", "of=/dev/null", "bs=60M", "count=1"])
        withExtendedLifetime(ballast) {}
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.maxRSSKiB >= 60 * 1024, "\(result)")
        #expect(result.maxRSSKiB < 80 * 1024, "\(result)")
    }
}
}
