import Foundation
import Testing
import SuiviTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// End to end: `suivi cloner`, `envoyer`, `recuperer` against authenticated remotes, identifiers taken from the
/// `suivi` process's environment (never its command line): a loopback forge requiring a password, and an sshd on
/// loopback reached through an SSH agent.
extension EndToEnd {
@Suite("suivi cloner, envoyer, recuperer with authenticated remotes", .tags(.externalTool),
       .enabled(if: ExternalTool.runs("git", "python3"), ExternalTool.reason("git, python3", package: "git python3")))
struct AuthenticatedSyncCommandTests {
    /// Runs `suivi arguments…` with `variables` added to its environment (HOME an empty folder unless given).
    static func suivi(_ arguments: [String], _ variables: [String: String], home: String) throws -> ProcessResult {
        let suivi = try #require(CLI.executable)
        let assignments = (["HOME": home].merging(variables) { $1 }).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        // `env -u` clears what the test process may hold, so only the variables given are sources.
        let cleared = ["SUIVI_GIT_JETON", "SUIVI_GIT_UTILISATEUR", "SUIVI_GIT_MOT_DE_PASSE", "SUIVI_CLE_SSH_DISTANT",
                       "SSH_AUTH_SOCK", "SUIVI_KNOWN_HOSTS"].flatMap { ["-u", $0] }
        return try ProcessRunner.run("/usr/bin/env", cleared + assignments + [suivi] + arguments)
    }

    @Test("a password from the environment pushes and clones; a wrong one and none are refused in French, exit 1, nothing created")
    func https() async throws {
        let forge = try await LoopbackForge.start(user: "membre", password: "mot-de-passe-9")
        defer { forge.stop() }
        try forge.createBareRepository(named: "registre")
        let folder = try TemporaryFolder()
        let origin = folder.path("origin")
        try SyncCommandTests.consultationRegister(at: origin)
        let home = folder.path("maison")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let url = forge.url(repository: "registre")
        let right = ["SUIVI_GIT_UTILISATEUR": "membre", "SUIVI_GIT_MOT_DE_PASSE": "mot-de-passe-9"]

        let pushed = try Self.suivi(["envoyer", url, "--registre", origin], right, home: home)
        #expect(pushed.exitCode == 0 && pushed.stdout.contains("Envoyé vers \(url)"), "\(pushed)")
        let cloned = try Self.suivi(["cloner", url, folder.path("copie")], right, home: home)
        #expect(cloned.exitCode == 0, "\(cloned)")
        let pulled = try Self.suivi(["recuperer", "--registre", folder.path("copie")], right, home: home)
        #expect(pulled.exitCode == 0 && pulled.stdout.contains("Déjà à jour"), "\(pulled)")

        let wrong = try Self.suivi(["cloner", url, folder.path("refus")], ["SUIVI_GIT_UTILISATEUR": "membre", "SUIVI_GIT_MOT_DE_PASSE": "faux"],
                                   home: home)
        #expect(wrong.exitCode == 1 && wrong.stderr.contains("Identifiants refusés par 127.0.0.1:\(forge.port)"), "\(wrong)")
        #expect(!wrong.output.contains("faux"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("refus")))
        let none = try Self.suivi(["recuperer", "--registre", folder.path("copie")], [:], home: home)
        #expect(none.exitCode == 1 && none.stderr.contains("demande des identifiants et aucun n'est disponible"), "\(none)")
    }

    @Test("over SSH, the key loaded in an ssh-agent (SSH_AUTH_SOCK) clones and pushes; known_hosts from SUIVI_KNOWN_HOSTS",
          .enabled(if: LoopbackSSHD.runs && ExternalTool.runs("ssh-agent", "ssh-add"),
                   ExternalTool.reason("sshd, ssh-agent", package: "openssh-server openssh-client")))
    func sshAgent() async throws {
        let sshd = try await LoopbackSSHD.start()
        defer { sshd.stop() }
        let folder = try TemporaryFolder()
        let origin = folder.path("origin")
        try SyncCommandTests.consultationRegister(at: origin)
        let shared = folder.path("partage.git")
        try #require(try StockGit.run(["init", "--quiet", "--bare", "--initial-branch=main", shared]).exitCode == 0)
        let home = folder.path("maison")  // no ~/.ssh key: the agent is the only source
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)

        let socket = folder.path("agent.sock")
        let agent = try ChildProcess.spawn(try ExternalTool.require("ssh-agent", package: "openssh-client"), ["-D", "-a", socket])
        defer { ChildProcess.stop(agent) }
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: socket) { try await Task.sleep(for: .milliseconds(25)) }
        var environment = ProcessInfo.processInfo.environment
        environment["SSH_AUTH_SOCK"] = socket
        try ChildProcess.run(try ExternalTool.require("ssh-add", package: "openssh-client"), ["-q", sshd.userKey.path],
                             environment: environment)

        let variables = ["SSH_AUTH_SOCK": socket, "SUIVI_KNOWN_HOSTS": sshd.knownHosts.path]
        let url = sshd.url(repository: URL(fileURLWithPath: shared))
        let pushed = try Self.suivi(["envoyer", url, "--registre", origin], variables, home: home)
        #expect(pushed.exitCode == 0, "\(pushed)\n\(sshd.log)")
        let cloned = try Self.suivi(["cloner", url, folder.path("copie")], variables, home: home)
        #expect(cloned.exitCode == 0 && cloned.stdout.contains("main : créée"), "\(cloned)")
        #expect(try SyncCommandTests.refs(folder.path("copie") + "/register.git") == SyncCommandTests.refs(shared))

        // Without the agent nor a key, the same clone is refused and says what to set.
        let refused = try Self.suivi(["cloner", url, folder.path("sans-cle")], ["SUIVI_KNOWN_HOSTS": sshd.knownHosts.path], home: home)
        #expect(refused.exitCode == 1 && refused.stderr.contains("demande une clé SSH"), "\(refused)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("sans-cle")))
    }

    @Test("cloner, recuperer and envoyer explain authentication in their help", arguments: ["cloner", "recuperer", "envoyer"])
    func help(command: String) throws {
        let help = try CLI.run(command, "--help")
        for word in ["SUIVI_GIT_JETON", "SUIVI_GIT_MOT_DE_PASSE", "credential.helper", "SSH_AUTH_SOCK", "SUIVI_CLE_SSH_DISTANT",
                     "known_hosts", "SUIVI_KNOWN_HOSTS"] {
            #expect(help.stdout.contains(word), "\(command) --help: \(word)\n\(help.stdout)")
        }
    }
}
}
