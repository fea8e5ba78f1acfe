import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// An OpenSSH server on 127.0.0.1 for tests, as the current user (root in CI): a fresh host key and user key made
/// with ssh-keygen in a temporary folder, `sshd -D` on a free port accepting only that user key, and a
/// known_hosts file recording the host key for `[127.0.0.1]:<port>`. Needs openssh-server and openssh-client
/// (`.tags(.externalTool)`, `ExternalTool.runs("sshd", "ssh-keygen")`; `sshd` is looked for in /usr/sbin too).
///
/// ```swift
/// let sshd = try await LoopbackSSHD.start()
/// defer { sshd.stop() }
/// let url = sshd.url(repository: bare)        // ssh://root@127.0.0.1:<port>/chemin/du/depot.git
/// ```
public final class LoopbackSSHD: @unchecked Sendable {  // `stopped` is guarded by `lock`; everything else is `let`
    public let port: Int
    /// The temporary folder holding the keys, the configuration and the files below.
    public let folder: URL
    /// The user's private key (ed25519, no passphrase); its public key is `<path>.pub`.
    public let userKey: URL
    /// The server's public host key line (`ssh-ed25519 AAAA…`).
    public let hostPublicKey: String
    /// A known_hosts file holding the host key for `[127.0.0.1]:<port>`.
    public let knownHosts: URL
    /// The user the server logs in (the current one).
    public let user: String
    private let pid: pid_t
    private let lock = NSLock()
    private var stopped = false

    private init(port: Int, folder: URL, userKey: URL, hostPublicKey: String, knownHosts: URL, user: String, pid: pid_t) {
        self.port = port
        self.folder = folder
        self.userKey = userKey
        self.hostPublicKey = hostPublicKey
        self.knownHosts = knownHosts
        self.user = user
        self.pid = pid
    }

    deinit { stop() }

    /// The sshd program (/usr/sbin/sshd, or on the PATH).
    public static var sshdPath: String? {
        ["/usr/sbin/sshd", "/usr/local/sbin/sshd"].first { FileManager.default.isExecutableFile(atPath: $0) }
            ?? ExternalTool.path("sshd")
    }

    /// Whether the tests needing it run (sshd and ssh-keygen present, or CI).
    public static var runs: Bool { ExternalTool.runs("ssh-keygen") && (ExternalTool.inCI || sshdPath != nil) }

    /// Makes an ed25519 key pair at `path` (no passphrase); returns the public key line (`ssh-ed25519 AAAA…`).
    @discardableResult
    public static func generateKey(at path: URL, comment: String = "suivi-tests") throws -> String {
        let keygen = try ExternalTool.require("ssh-keygen", package: "openssh-client")
        try ChildProcess.run(keygen, ["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", path.path])
        let line = try String(contentsOf: URL(fileURLWithPath: path.path + ".pub"), encoding: .utf8)
        return line.split(separator: " ").prefix(2).joined(separator: " ")
    }

    /// Starts the server and waits until it listens.
    public static func start() async throws -> LoopbackSSHD {
        guard let sshd = sshdPath else {
            throw ChildProcess.Failure(description: "sshd introuvable : installez openssh-server (.ci/run l'installe)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-sshd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let hostKey = folder.appendingPathComponent("hote_ed25519")
        let hostPublicKey = try generateKey(at: hostKey, comment: "hote")
        let userKey = folder.appendingPathComponent("utilisateur_ed25519")
        try generateKey(at: userKey, comment: "utilisateur")
        try FileManager.default.copyItem(atPath: userKey.path + ".pub", toPath: folder.appendingPathComponent("authorized_keys").path)
        // sshd refuses to start without its privilege separation folder (made by the package's service, not by sshd).
        if getuid() == 0 { try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true) }
        let port = try ChildProcess.freePort()
        let config = folder.appendingPathComponent("sshd_config")
        try Data("""
            ListenAddress 127.0.0.1
            HostKey \(hostKey.path)
            PidFile \(folder.appendingPathComponent("sshd.pid").path)
            AuthorizedKeysFile \(folder.appendingPathComponent("authorized_keys").path)
            PermitRootLogin prohibit-password
            StrictModes no
            UsePAM no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            LogLevel VERBOSE

            """.utf8).write(to: config)
        let knownHosts = folder.appendingPathComponent("known_hosts")
        try Data("[127.0.0.1]:\(port) \(hostPublicKey)\n".utf8).write(to: knownHosts)
        let log = folder.appendingPathComponent("sshd.log").path
        let pid = try ChildProcess.spawn(sshd, ["-D", "-e", "-f", config.path, "-p", "\(port)"], stdout: log, stderr: log)
        try await ChildProcess.waitUntilListening(pid, port: port, name: "sshd", log: log)
        let user = String(cString: getpwuid(getuid()).pointee.pw_name)
        return LoopbackSSHD(port: port, folder: folder, userKey: userKey, hostPublicKey: hostPublicKey,
                            knownHosts: knownHosts, user: user, pid: pid)
    }

    /// `ssh://<user>@127.0.0.1:<port><absolute path>`.
    public func url(repository: URL) -> String {
        "ssh://\(user)@127.0.0.1:\(port)\(repository.standardizedFileURL.path)"
    }

    /// What sshd logged (for a failure's message).
    public var log: String {
        (try? String(contentsOf: folder.appendingPathComponent("sshd.log"), encoding: .utf8)) ?? ""
    }

    /// Kills the server and removes its folder. Safe to call twice.
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        ChildProcess.stop(pid)
        try? FileManager.default.removeItem(at: folder)
    }
}
