import Foundation
#if canImport(Glibc)
import Glibc
#endif
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

    @Test("a forge that accepts the connection and never answers does not hold the server: SIGTERM still stops it, exit 0")
    func hangingForgeShutdown() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        // A listener whose connections the kernel accepts and nobody ever reads: libgit2 waits on it for good.
        let listener = Process()
        listener.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        listener.arguments = ["python3", "-c", "import socket, time\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.listen(16)\n"
                                + "print(s.getsockname()[1], flush=True)\ntime.sleep(600)"]
        let portPipe = Pipe()
        listener.standardOutput = portPipe
        try listener.run()
        // SIGKILL: a child of the test process may inherit SIGTERM ignored (python then never exits).
        defer { kill(listener.processIdentifier, SIGKILL); listener.waitUntilExit() }
        let portLine = String(decoding: portPipe.fileHandleForReading.availableData, as: UTF8.self)
        let port = try #require(Int(portLine.trimmingCharacters(in: .whitespacesAndNewlines)), "listener port: \(portLine)")

        let server = Process()
        server.executableURL = URL(fileURLWithPath: try #require(CLI.executable))
        server.arguments = ["web", "--repo", repo, "--port", "0", "--distant", "http://127.0.0.1:\(port)/registre.git",
                            "--periode-synchro", "10"]
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL); server.waitUntilExit() } }
        // The listening line comes once the server runs; its sync at start is then stuck on the forge.
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        #expect(line.contains("Interface web du registre"), "\(line)")
        Thread.sleep(forTimeInterval: 1)
        server.terminate()
        // Bounded: a server stuck on the forge never exits; give it 60 s before calling it stuck.
        for _ in 0..<600 where server.isRunning { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!server.isRunning, "SIGTERM did not stop a server whose forge hangs")
        if !server.isRunning {
            #expect(server.terminationReason == .exit && server.terminationStatus == 0, "exit \(server.terminationStatus)")
        }
    }

    @Test("a server that cannot start — no register, a port already taken, an address that is not this machine's — exits 78 in French")
    func startFailuresAreConfigurationErrors() throws {
        let folder = try TemporaryFolder()
        let empty = folder.path("vide")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let noRegister = try CLI.run(["web", "--repo", empty, "--port", "0"])
        #expect(noRegister.exitCode == 78, "\(noRegister)")

        let repo = try CLI.shippedRegister(in: folder)
        // A port some other program listens on.
        let listener = Process()
        listener.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        listener.arguments = ["python3", "-c", "import socket, time\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.listen(16)\n"
                                + "print(s.getsockname()[1], flush=True)\ntime.sleep(600)"]
        let portPipe = Pipe()
        listener.standardOutput = portPipe
        try listener.run()
        defer { kill(listener.processIdentifier, SIGKILL); listener.waitUntilExit() }
        let portLine = String(decoding: portPipe.fileHandleForReading.availableData, as: UTF8.self)
        let port = try #require(Int(portLine.trimmingCharacters(in: .whitespacesAndNewlines)), "listener port: \(portLine)")
        let taken = try CLI.run(["web", "--repo", repo, "--port", "\(port)"])
        #expect(taken.exitCode == 78 && taken.stderr.contains("déjà utilisé") && !taken.stderr.contains("errno"), "\(taken)")

        let unknownHost = try CLI.run(["web", "--repo", repo, "--port", "0", "--hote", "999.1.1.1"])
        #expect(unknownHost.exitCode == 78 && unknownHost.stderr.contains("--hote") && !unknownHost.stderr.contains("SocketAddressError"),
                "\(unknownHost)")
    }
}
}
