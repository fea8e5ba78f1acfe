import Foundation
import LegalText
@testable import Register
import SuiviTestSupport
import Testing

/// SSH remotes, in process, against an sshd on loopback started by each test: a key file, the host key checked
/// against known_hosts (plain and hashed), refusals with nothing written.
@Suite("SSH remotes: key files and known_hosts",
       .tags(.externalTool), .enabled(if: LoopbackSSHD.runs && ExternalTool.runs("git"),
                                      ExternalTool.reason("sshd, ssh-keygen, git", package: "openssh-server openssh-client git")))
struct SSHRemoteTests {
    static let member = Identity(name: "Membre", email: "membre@example.org")

    /// A register holding the small act's history, an empty bare repository beside it, and a running sshd.
    func withServer(_ body: (TextRegister, URL, URL, LoopbackSSHD) async throws -> Void) async throws {
        let sshd = try await LoopbackSSHD.start()
        defer { sshd.stop() }
        try await withTextRegister { register, root in
            _ = try await register.importVersions(from: try SmallAct.writeHistory(into: root).path, author: Self.member)
            let bare = root.appendingPathComponent("partage.git")
            let run = try runGit(["init", "--quiet", "--bare", bare.path], in: root)
            try #require(run.status == 0, "\(run.errors)")
            try await body(register, root, bare, sshd)
        }
    }

    /// Identifiers: the key file, the known_hosts file given, no agent, an empty home folder.
    func credentials(key: URL?, knownHosts: URL, root: URL) throws -> RemoteCredentials {
        let home = root.appendingPathComponent("maison")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        var variables = ["PATH": "/usr/bin:/bin", "HOME": home.path, "SUIVI_KNOWN_HOSTS": knownHosts.path]
        if let key { variables["SUIVI_CLE_SSH_DISTANT"] = key.path }
        return RemoteCredentials(environment: variables, home: home)
    }

    func bareRefs(_ bare: URL) throws -> String {
        try runGit(["for-each-ref"], in: bare).output
    }

    func registerError(_ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async -> RegisterError? {
        do {
            try await body()
            Issue.record("no error thrown", sourceLocation: sourceLocation)
        } catch let error as RegisterError {
            return error
        } catch {
            Issue.record("not a RegisterError: \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    /// The SHA256 fingerprint ssh-keygen prints for a public key file.
    func fingerprint(ofPublicKey line: String, root: URL) throws -> String {
        let file = root.appendingPathComponent("empreinte-\(UUID().uuidString).pub")
        try Data((line + "\n").utf8).write(to: file)
        let output = try ChildProcess.run(try ExternalTool.require("ssh-keygen", package: "openssh-client"), ["-l", "-E", "sha256", "-f", file.path])
        return String(try #require(output.split(separator: " ").dropFirst().first))
    }

    @Test("with a key file and a known_hosts recording the server, push and clone over SSH work")
    func keyFile() async throws {
        try await withServer { register, root, bare, sshd in
            let access = try credentials(key: sshd.userKey, knownHosts: sshd.knownHosts, root: root)
            let url = sshd.url(repository: bare)
            let pushed = try await register.push(to: url, credentials: access)
            #expect(pushed.updates.count == 5, "\(pushed.updates) \(sshd.log)")
            let (clone, _) = try await TextRegister.clone(from: url, to: root.appendingPathComponent("copie"), credentials: access)
            #expect(try await clone.refs() == (try await register.refs()))
            #expect(try await clone.gitStore.remoteURL() == url)
        }
    }

    @Test("a hashed known_hosts entry (ssh-keygen -H) is recognised")
    func hashedKnownHosts() async throws {
        try await withServer { register, root, bare, sshd in
            let hashed = root.appendingPathComponent("known_hosts_hache")
            try FileManager.default.copyItem(at: sshd.knownHosts, to: hashed)
            try ChildProcess.run(try ExternalTool.require("ssh-keygen", package: "openssh-client"), ["-q", "-H", "-f", hashed.path])
            let text = try String(contentsOf: hashed, encoding: .utf8)
            try #require(text.hasPrefix("|1|"), "ssh-keygen -H hashed the names: \(text)")
            let access = try credentials(key: sshd.userKey, knownHosts: hashed, root: root)
            _ = try await register.push(to: sshd.url(repository: bare), credentials: access)
            #expect(!(try bareRefs(bare)).isEmpty)
        }
    }

    @Test("an unknown host (empty known_hosts) is refused, naming its SHA256 fingerprint and how to add it; nothing written")
    func unknownHost() async throws {
        try await withServer { register, root, bare, sshd in
            let empty = root.appendingPathComponent("known_hosts_vide")
            try Data().write(to: empty)
            let access = try credentials(key: sshd.userKey, knownHosts: empty, root: root)
            let error = await registerError { _ = try await register.push(to: sshd.url(repository: bare), credentials: access) }
            let expected = try fingerprint(ofPublicKey: sshd.hostPublicKey, root: root)
            guard case .hostKeyRefused(_, let name, let type, let print, _, let problem) = error else {
                Issue.record("expected hostKeyRefused, got \(String(describing: error))")
                return
            }
            #expect(name == "[127.0.0.1]:\(sshd.port)" && type == "ssh-ed25519" && problem == .unknown)
            #expect(print == expected)
            let message = error?.description ?? ""
            #expect(message.contains(expected) && message.contains("ssh-keyscan -t ed25519 -p \(sshd.port) 127.0.0.1"), "\(message)")
            #expect(try bareRefs(bare).isEmpty)
            let copy = root.appendingPathComponent("copie")
            _ = await registerError { _ = try await TextRegister.clone(from: sshd.url(repository: bare), to: copy, credentials: access) }
            #expect(!FileManager.default.fileExists(atPath: copy.path))
        }
    }

    @Test("a changed host key (another ed25519 key recorded for the host) is refused loudly; nothing written")
    func changedHostKey() async throws {
        try await withServer { register, root, bare, sshd in
            let other = try LoopbackSSHD.generateKey(at: root.appendingPathComponent("autre_hote"))
            let knownHosts = root.appendingPathComponent("known_hosts_change")
            try Data("[127.0.0.1]:\(sshd.port) \(other)\n".utf8).write(to: knownHosts)
            let access = try credentials(key: sshd.userKey, knownHosts: knownHosts, root: root)
            let error = await registerError { _ = try await register.push(to: sshd.url(repository: bare), credentials: access) }
            guard case .hostKeyRefused(_, _, _, _, _, let problem) = error else {
                Issue.record("expected hostKeyRefused, got \(String(describing: error))")
                return
            }
            #expect(problem == .changed)
            #expect(error?.description.hasPrefix("ATTENTION : la clé d'hôte du serveur SSH 127.0.0.1:\(sshd.port) a changé") == true)
            #expect(try bareRefs(bare).isEmpty)
            // The same key recorded for another port does not vouch for this one.
            try Data("[127.0.0.1]:\(sshd.port + 1) \(sshd.hostPublicKey)\n".utf8).write(to: knownHosts)
            let elsewhere = await registerError { _ = try await register.push(to: sshd.url(repository: bare), credentials: access) }
            guard case .hostKeyRefused(_, _, _, _, _, .unknown) = elsewhere else {
                Issue.record("expected an unknown host, got \(String(describing: elsewhere))")
                return
            }
        }
    }

    @Test("a key the server does not accept: credentialsRefused over SSH, each source once; nothing written")
    func refusedKey() async throws {
        try await withServer { register, root, bare, sshd in
            let stranger = root.appendingPathComponent("inconnue_ed25519")
            try LoopbackSSHD.generateKey(at: stranger)
            let access = try credentials(key: stranger, knownHosts: sshd.knownHosts, root: root)
            let error = await registerError { _ = try await register.push(to: sshd.url(repository: bare), credentials: access) }
            #expect(error == .credentialsRefused(host: "127.0.0.1:\(sshd.port)", transport: .ssh, tried: ["la clé \(stranger.path)"]))
            #expect(error?.description.contains("SUIVI_CLE_SSH_DISTANT") == true)
            #expect(try bareRefs(bare).isEmpty)
            // A key file that does not exist is named.
            let absent = root.appendingPathComponent("absente_ed25519")
            let missingFile = await registerError {
                _ = try await register.push(to: sshd.url(repository: bare),
                                            credentials: try credentials(key: absent, knownHosts: sshd.knownHosts, root: root))
            }
            guard case .invalidKey(let source, _)? = missingFile, source == absent.path else {
                Issue.record("expected invalidKey for the absent file, got \(String(describing: missingFile))")
                return
            }
            // No key at all.
            let none = try credentials(key: nil, knownHosts: sshd.knownHosts, root: root)
            let missing = await registerError { _ = try await register.push(to: sshd.url(repository: bare), credentials: none) }
            #expect(missing == .noCredentials(host: "127.0.0.1:\(sshd.port)", transport: .ssh))
        }
    }

    @Test("a key file protected by a passphrase: read with SUIVI_CLE_SSH_PHRASE; without it, refused saying so")
    func passphrase() async throws {
        try await withServer { register, root, bare, sshd in
            let keygen = try ExternalTool.require("ssh-keygen", package: "openssh-client")
            let key = root.appendingPathComponent("protegee_ed25519")
            try ChildProcess.run(keygen, ["-q", "-t", "ed25519", "-N", "phrase de passe", "-C", "protegee", "-f", key.path])
            try Data(String(contentsOf: URL(fileURLWithPath: key.path + ".pub"), encoding: .utf8).utf8)
                .write(to: sshd.folder.appendingPathComponent("authorized_keys"))
            let without = try credentials(key: key, knownHosts: sshd.knownHosts, root: root)
            let error = await registerError { _ = try await register.push(to: sshd.url(repository: bare), credentials: without) }
            // libssh2 reports an unreadable key as a refused one (or, for some formats, as unreadable).
            switch error {
            case .credentialsRefused(_, .ssh, let tried)?: #expect(tried == ["la clé \(key.path)"])
            case .invalidKey(let source, _)?: #expect(source == key.path)
            default: Issue.record("expected a refused or unreadable key, got \(String(describing: error))")
            }
            #expect(error?.description.contains("SUIVI_CLE_SSH_PHRASE") == true)
            #expect(try bareRefs(bare).isEmpty)
            let with = RemoteCredentials(environment: without.environment.merging(["SUIVI_CLE_SSH_PHRASE": "phrase de passe"]) { $1 },
                                         home: without.home)
            _ = try await register.push(to: sshd.url(repository: bare), credentials: with)
            #expect(!(try bareRefs(bare)).isEmpty)
        }
    }

    @Test("an SSH port nobody listens on: « Forge injoignable »")
    func unreachableSSH() async throws {
        try await withTemporaryDirectory { root in
            let port = try ChildProcess.freePort()
            let access = try credentials(key: nil, knownHosts: root.appendingPathComponent("kh"), root: root)
            let error = await registerError {
                _ = try await TextRegister.clone(from: "ssh://git@127.0.0.1:\(port)/registre.git", to: root.appendingPathComponent("c"),
                                                 credentials: access)
            }
            guard case .remoteUnreachable = error else {
                Issue.record("expected remoteUnreachable, got \(String(describing: error))")
                return
            }
        }
    }
}

/// known_hosts reading and remote addresses, without a server.
@Suite("Remote addresses and known_hosts")
struct RemoteAddressTests {
    @Test("addresses: scheme, host, port, user, password; scp-like SSH; a folder")
    func addresses() {
        let https = RemoteAddress("https://nom:secret@forge.example:8443/groupe/registre.git")
        #expect(https.transport == .https && https.host == "forge.example" && https.port == 8443 && https.user == "nom")
        #expect(https.hasPassword && https.redacted == "https://forge.example:8443/groupe/registre.git")
        let scp = RemoteAddress("git@forge.example:groupe/registre.git")
        #expect(scp.transport == .ssh && scp.user == "git" && scp.host == "forge.example" && scp.port == nil && !scp.hasPassword)
        #expect(scp.knownHostsName == "forge.example")
        let ssh = RemoteAddress("ssh://git@[::1]:2222/registre.git")
        #expect(ssh.host == "::1" && ssh.port == 2222 && ssh.knownHostsName == "[::1]:2222")
        let folder = RemoteAddress("/partage/registre.git")
        #expect(folder.transport == .local && !folder.isNetwork)
        #expect(!RemoteAddress("https://jeton@forge.example/r.git").hasPassword)
        #expect(TextRegister.resolveRemote("git@forge.example:groupe/registre.git") == "git@forge.example:groupe/registre.git")
    }

    @Test("identifiers printed in a log or a failure show the variables' names, never their values")
    func credentialsNeverPrinted() {
        let credentials = RemoteCredentials(environment: ["SUIVI_GIT_JETON": "jeton-tres-secret", "HOME": "/maison"])
        for text in [String(describing: credentials), String(reflecting: credentials), "\(credentials)", "\([credentials])"] {
            #expect(!text.contains("jeton-tres-secret") && text.contains("SUIVI_GIT_JETON"), "\(text)")
        }
        let offer = PasswordCredential(user: "membre", password: "mot-secret", source: "la variable SUIVI_GIT_MOT_DE_PASSE")
        #expect(!String(reflecting: offer).contains("mot-secret") && !"\([offer])".contains("mot-secret"))
    }

    @Test("known_hosts: plain, wildcard, negated and port patterns; another key of the same type is a change; @revoked")
    func knownHosts() {
        let key = Data("cle-a".utf8)
        func blob(_ type: String, _ key: String) -> Data {
            var writer = SSHWireWriter()
            writer.string(type)
            writer.string(Data(key.utf8))
            return writer.data
        }
        let a = blob("ssh-ed25519", "a"), b = blob("ssh-ed25519", "b"), rsa = blob("ssh-rsa", "r")
        let file = KnownHosts(text: """
            # commentaire
            forge.example,autre.example \(KnownHosts.keyType(of: a)) \(a.base64EncodedString())
            *.interne,!exclu.interne ssh-ed25519 \(b.base64EncodedString())
            [127.0.0.1]:2222 ssh-rsa \(rsa.base64EncodedString())
            @revoked vieux.example ssh-ed25519 \(a.base64EncodedString())
            @cert-authority *.example ssh-ed25519 \(b.base64EncodedString())
            """)
        _ = key
        #expect(file.verdict(name: "forge.example", key: a) == .trusted)
        #expect(file.verdict(name: "FORGE.example", key: a) == .trusted)
        #expect(file.verdict(name: "forge.example", key: b) == .changed)
        #expect(file.verdict(name: "forge.example", key: rsa) == .otherTypeKnown(recorded: ["ssh-ed25519"]))
        #expect(file.verdict(name: "git.interne", key: b) == .trusted)
        #expect(file.verdict(name: "exclu.interne", key: b) == .unknown)
        #expect(file.verdict(name: "[127.0.0.1]:2222", key: rsa) == .trusted)
        #expect(file.verdict(name: "127.0.0.1", key: rsa) == .unknown)
        #expect(file.verdict(name: "vieux.example", key: a) == .revoked)
        #expect(file.verdict(name: "inconnu.example", key: a) == .unknown, "a @cert-authority line vouches for no key")
    }

    @Test("without SUIVI_KNOWN_HOSTS, the user's known_hosts and the system's are read; with it, that file alone")
    func knownHostsFiles() throws {
        let home = URL(fileURLWithPath: "/maison/membre")
        let usual = RemoteCredentials(environment: ["HOME": home.path])
        #expect(usual.knownHostsFiles.map(\.path) == ["/maison/membre/.ssh/known_hosts", "/etc/ssh/ssh_known_hosts"])
        let chosen = RemoteCredentials(environment: ["HOME": home.path, "SUIVI_KNOWN_HOSTS": "/tmp/kh"])
        #expect(chosen.knownHostsFiles.map(\.path) == ["/tmp/kh"])
        // Two files read as one: a key recorded in either is trusted.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-kh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var writer = SSHWireWriter()
        writer.string("ssh-ed25519")
        writer.string(Data("cle".utf8))
        let first = folder.appendingPathComponent("a"), second = folder.appendingPathComponent("b")
        try Data("autre.example ssh-ed25519 \(writer.data.base64EncodedString())".utf8).write(to: first)
        try Data("forge.example ssh-ed25519 \(writer.data.base64EncodedString())\n".utf8).write(to: second)
        let both = KnownHosts(files: [first, second, folder.appendingPathComponent("absent")])
        #expect(both.verdict(name: "forge.example", key: writer.data) == .trusted)
        #expect(both.verdict(name: "autre.example", key: writer.data) == .trusted)
    }
}
