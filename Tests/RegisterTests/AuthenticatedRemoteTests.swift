import Foundation
import LegalText
@testable import Register
import SuiviTestSupport
import Testing

/// Authenticated remotes, in process: a loopback forge requiring HTTP basic authentication in front of
/// `git-http-backend`, and an sshd on loopback with a test key. Identifiers come from a ``RemoteCredentials``
/// built for each test (its own environment and home folder), never from the test process's environment.
@Suite("Authenticated remotes: HTTPS credentials, SSH keys and host keys",
       .tags(.externalTool), .enabled(if: ExternalTool.runs("python3", "git"), ExternalTool.reason("python3, git", package: "python3 git")))
struct AuthenticatedRemoteTests {
    static let member = Identity(name: "Membre", email: "membre@example.org")

    /// A register holding the small act's history (three tagged versions and a draft).
    func withRegister(_ body: (TextRegister, URL) async throws -> Void) async throws {
        try await withTextRegister { register, root in
            _ = try await register.importVersions(from: try SmallAct.writeHistory(into: root).path, author: Self.member)
            try await body(register, root)
        }
    }

    /// Identifiers from `variables` only, with `root/maison` as home folder (empty unless the test fills it).
    func credentials(_ variables: [String: String], root: URL) throws -> RemoteCredentials {
        let home = root.appendingPathComponent("maison")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        return RemoteCredentials(environment: variables.merging(["PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1",
                                                                 "HOME": home.path]) { mine, _ in mine },
                                 home: home)
    }

    /// The references a bare repository holds, read with stock git (name → id).
    func bareRefs(_ bare: URL) throws -> [String: String] {
        let run = try runGit(["for-each-ref", "--format=%(refname) %(objectname)"], in: bare)
        #expect(run.status == 0, "\(run.errors)")
        var refs: [String: String] = [:]
        for line in run.output.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count == 2 { refs[String(fields[0])] = String(fields[1]) }
        }
        return refs
    }

    /// Runs `body` and returns the RegisterError it throws (a failure if it throws none or another error).
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

    // MARK: HTTPS

    @Test("with the password from SUIVI_GIT_UTILISATEUR and SUIVI_GIT_MOT_DE_PASSE, push, clone and pull through the forge work")
    func httpsWithPassword() async throws {
        let forge = try await LoopbackForge.start(user: "membre", password: "s3cret-é")
        defer { forge.stop() }
        let bare = try forge.createBareRepository(named: "registre")
        try await withRegister { register, root in
            let access = try credentials(["SUIVI_GIT_UTILISATEUR": "membre", "SUIVI_GIT_MOT_DE_PASSE": "s3cret-é"], root: root)
            let url = forge.url(repository: "registre")
            let pushed = try await register.push(to: url, credentials: access)
            #expect(pushed.updates.count == 5, "main, the draft and three tags: \(pushed.updates)")
            #expect(try bareRefs(bare).count == 5)
            let (clone, report) = try await TextRegister.clone(from: url, to: root.appendingPathComponent("copie"), credentials: access)
            #expect(report.updates.count == 5)
            #expect(try await clone.refs() == (try await register.refs()))
            // A write on the clone goes to the forge and comes back to the first register.
            _ = try await clone.gitStore.commitApplying(changes: ["committee/a.xml": Data("<a/>".utf8)], message: "a",
                                                         author: Self.member, date: Date(), signer: nil)
            _ = try await clone.push(credentials: access)
            let pulled = try await register.pull(from: url, author: Self.member, credentials: access)
            #expect(pulled.updates.map(\.change) == [.fastForward])
            #expect(try await clone.refs() == (try await register.refs()))
            #expect(forge.requests.contains { !$0.authorized }, "the forge did ask for credentials")
        }
    }

    @Test("a token in SUIVI_GIT_JETON is sent as the password")
    func httpsWithToken() async throws {
        let forge = try await LoopbackForge.start(user: "oauth2", password: "jeton-123")
        defer { forge.stop() }
        let bare = try forge.createBareRepository(named: "registre")
        try await withRegister { register, root in
            let access = try credentials(["SUIVI_GIT_JETON": "jeton-123"], root: root)
            _ = try await register.push(to: forge.url(repository: "registre"), credentials: access)
            #expect(try bareRefs(bare).count == 5)
        }
    }

    @Test("a wrong password: credentialsRefused in French naming the host and the source, nothing moved, a bounded number of requests")
    func httpsWrongPassword() async throws {
        let forge = try await LoopbackForge.start(user: "membre", password: "bon")
        defer { forge.stop() }
        let bare = try forge.createBareRepository(named: "registre")
        try await withRegister { register, root in
            let access = try credentials(["SUIVI_GIT_UTILISATEUR": "membre", "SUIVI_GIT_MOT_DE_PASSE": "mauvais",
                                          "SUIVI_GIT_JETON": "faux-jeton"], root: root)
            let url = forge.url(repository: "registre")
            let error = await registerError { _ = try await register.push(to: url, credentials: access) }
            guard case .credentialsRefused(let host, let transport, let tried) = error else {
                Issue.record("expected credentialsRefused, got \(String(describing: error))")
                return
            }
            #expect(host == "127.0.0.1:\(forge.port)" && transport == .http)
            #expect(tried.count == 2, "the token, then the user and password, each once: \(tried)")
            let message = error?.description ?? ""
            #expect(message.contains("Identifiants refusés par 127.0.0.1:\(forge.port)"))
            #expect(message.contains("SUIVI_GIT_JETON") && message.contains("assistant d'identification git"))
            #expect(!message.contains("mauvais") && !message.contains("faux-jeton"), "a secret is never shown: \(message)")
            #expect(try bareRefs(bare).isEmpty, "nothing reached the forge")
            #expect(forge.requests.count == 3, "the first request, then one per source, and no loop: \(forge.requests)")
            #expect(forge.requests.allSatisfy { !$0.authorized })

            // A clone with wrong credentials leaves no folder behind, and a pull moves nothing.
            let copy = root.appendingPathComponent("copie")
            _ = await registerError { _ = try await TextRegister.clone(from: url, to: copy, credentials: access) }
            #expect(!FileManager.default.fileExists(atPath: copy.path))
            let before = try await register.refs()
            _ = await registerError { _ = try await register.pull(from: url, author: Self.member, credentials: access) }
            #expect(try await register.refs() == before)
        }
    }

    @Test("a member who may read but not write (403 on push): credentialsRefused saying the token may lack write access; nothing moved")
    func httpsForbiddenPush() async throws {
        let forge = try await LoopbackForge.start(user: "redaction", password: "ecrit", readers: ["lecteur": "lit"])
        defer { forge.stop() }
        let bare = try forge.createBareRepository(named: "registre")
        try await withRegister { register, root in
            let writer = try credentials(["SUIVI_GIT_UTILISATEUR": "redaction", "SUIVI_GIT_MOT_DE_PASSE": "ecrit"], root: root)
            let url = forge.url(repository: "registre")
            _ = try await register.push(to: url, credentials: writer)
            let pushed = try bareRefs(bare)
            let reader = try credentials(["SUIVI_GIT_UTILISATEUR": "lecteur", "SUIVI_GIT_MOT_DE_PASSE": "lit"], root: root)
            let (clone, _) = try await TextRegister.clone(from: url, to: root.appendingPathComponent("copie"), credentials: reader)
            _ = try await clone.gitStore.commitApplying(changes: ["committee/a.xml": Data("<a/>".utf8)], message: "a",
                                                         author: Self.member, date: Date(), signer: nil)
            let error = await registerError { _ = try await clone.push(credentials: reader) }
            guard case .credentialsRefused(let host, .http, _) = error else {
                Issue.record("expected credentialsRefused, got \(String(describing: error))")
                return
            }
            #expect(host == "127.0.0.1:\(forge.port)")
            #expect(error?.description.contains("sans droit d'écriture") == true)
            #expect(try bareRefs(bare) == pushed)
        }
    }

    @Test("no credentials at all: noCredentials saying which variables or helper to set; nothing created")
    func httpsNoCredentials() async throws {
        let forge = try await LoopbackForge.start(user: "membre", password: "bon")
        defer { forge.stop() }
        try forge.createBareRepository(named: "registre")
        try await withTemporaryDirectory { root in
            let access = try credentials([:], root: root)
            let copy = root.appendingPathComponent("copie")
            let error = await registerError {
                _ = try await TextRegister.clone(from: forge.url(repository: "registre"), to: copy, credentials: access)
            }
            #expect(error == .noCredentials(host: "127.0.0.1:\(forge.port)", transport: .http))
            #expect(error?.description.contains("SUIVI_GIT_JETON") == true)
            #expect(!FileManager.default.fileExists(atPath: copy.path))
            #expect(forge.requests.count == 1, "\(forge.requests)")
        }
    }

    @Test("a git credential helper named in the home folder's .gitconfig gives the token; it is told the protocol and host")
    func httpsCredentialHelper() async throws {
        let forge = try await LoopbackForge.start(user: "membre", password: "jeton-du-trousseau")
        defer { forge.stop() }
        let bare = try forge.createBareRepository(named: "registre")
        try await withRegister { register, root in
            let access = try credentials([:], root: root)
            let asked = root.appendingPathComponent("demande.txt")
            let helper = root.appendingPathComponent("assistant.sh")
            try Data("""
                #!/bin/sh
                test "$1" = get || exit 0
                cat > \(asked.path)
                echo username=membre
                echo password=jeton-du-trousseau

                """.utf8).write(to: helper)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: helper.path)
            // An unrelated host's helper first (never asked), then the general one.
            try Data("""
                [credential "https://ailleurs.example"]
                \thelper = /bin/false
                [credential]
                \thelper = \(helper.path)

                """.utf8).write(to: access.home.appendingPathComponent(".gitconfig"))
            let url = forge.url(repository: "registre")
            _ = try await register.push(to: url, credentials: access)
            #expect(try bareRefs(bare).count == 5)
            let request = try String(contentsOf: asked, encoding: .utf8)
            #expect(request.contains("protocol=http\n") && request.contains("host=127.0.0.1:\(forge.port)\n"), "\(request)")
            let (clone, _) = try await TextRegister.clone(from: url, to: root.appendingPathComponent("copie"), credentials: access)
            #expect(try await clone.refs() == (try await register.refs()))
        }
    }

    @Test("a credential helper named in the register's own configuration (register.git/config) is asked too")
    func repositoryCredentialHelper() async throws {
        let forge = try await LoopbackForge.start(user: "membre", password: "jeton-local")
        defer { forge.stop() }
        let bare = try forge.createBareRepository(named: "registre")
        try await withRegister { register, root in
            let helper = root.appendingPathComponent("assistant-local.sh")
            try Data("#!/bin/sh\ncat > /dev/null\necho username=membre\necho password=jeton-local\n".utf8).write(to: helper)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: helper.path)
            let configured = try runGit(["config", "credential.helper", helper.path], in: TextRegister.gitDirectory(of: register.root))
            try #require(configured.status == 0, "\(configured.errors)")
            _ = try await register.push(to: forge.url(repository: "registre"), credentials: try credentials([:], root: root))
            #expect(try bareRefs(bare).count == 5)
        }
    }

    @Test("an address holding a password is refused before any connection and never written in the register's configuration")
    func passwordInAddress() async throws {
        let forge = try await LoopbackForge.start(user: "membre", password: "secret-dans-l-adresse")
        defer { forge.stop() }
        try forge.createBareRepository(named: "registre")
        try await withRegister { register, root in
            let access = try credentials([:], root: root)
            let url = "http://membre:secret-dans-l-adresse@127.0.0.1:\(forge.port)/registre.git"
            let copy = root.appendingPathComponent("copie")
            let error = await registerError { _ = try await TextRegister.clone(from: url, to: copy, credentials: access) }
            #expect(error == .passwordInAddress(url: forge.url(repository: "registre")))
            #expect(error?.description.contains("SUIVI_GIT_JETON") == true)
            #expect(error?.description.contains("secret-dans-l-adresse") == false)
            #expect(!FileManager.default.fileExists(atPath: copy.path))
            let pushError = await registerError { _ = try await register.push(to: url, credentials: access) }
            #expect(pushError == .passwordInAddress(url: forge.url(repository: "registre")))
            #expect(forge.requests.isEmpty, "no request left: \(forge.requests)")
            // The store never records such an address; one written by hand as origin is refused too, by pull and push.
            await #expect(throws: RegisterError.passwordInAddress(url: forge.url(repository: "registre"))) {
                try await register.gitStore.setRemote(named: "origin", url: url)
            }
            let configured = try runGit(["config", "remote.origin.url", url], in: TextRegister.gitDirectory(of: register.root))
            try #require(configured.status == 0, "\(configured.errors)")
            let pullError = await registerError { _ = try await register.pull(author: Self.member, credentials: access) }
            #expect(pullError == .passwordInAddress(url: forge.url(repository: "registre")))
            let pushOrigin = await registerError { _ = try await register.push(credentials: access) }
            #expect(pushOrigin == .passwordInAddress(url: forge.url(repository: "registre")))
            #expect(forge.requests.isEmpty)
        }
    }

    @Test("the address recorded as origin by a clone holds no secret")
    func originHoldsNoSecret() async throws {
        let forge = try await LoopbackForge.start(user: "membre", password: "secret-7")
        defer { forge.stop() }
        try forge.createBareRepository(named: "registre")
        try await withRegister { register, root in
            let access = try credentials(["SUIVI_GIT_UTILISATEUR": "membre", "SUIVI_GIT_MOT_DE_PASSE": "secret-7"], root: root)
            _ = try await register.push(to: forge.url(repository: "registre"), credentials: access)
            let copy = root.appendingPathComponent("copie")
            let (clone, _) = try await TextRegister.clone(from: forge.url(repository: "registre"), to: copy, credentials: access)
            #expect(try await clone.gitStore.remoteURL() == forge.url(repository: "registre"))
            let config = try String(contentsOf: TextRegister.gitDirectory(of: copy).appendingPathComponent("config"), encoding: .utf8)
            #expect(!config.contains("secret-7"))
        }
    }

    @Test("an HTTPS server whose certificate is not valid (self-signed) is refused with certificateRefused, even with credentials",
          .enabled(if: ExternalTool.runs("openssl"), ExternalTool.reason("openssl", package: "openssl")))
    func invalidCertificate() async throws {
        try await withTemporaryDirectory { root in
            let openssl = try ExternalTool.require("openssl", package: "openssl")
            let key = root.appendingPathComponent("cle.pem"), certificate = root.appendingPathComponent("certificat.pem")
            try ChildProcess.run(openssl, ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                                           "-keyout", key.path, "-out", certificate.path])
            let script = root.appendingPathComponent("tls.py")
            try Data("""
                import http.server, ssl, sys
                server = http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), http.server.SimpleHTTPRequestHandler)
                context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
                context.load_cert_chain(sys.argv[2], sys.argv[3])
                server.socket = context.wrap_socket(server.socket, server_side=True)
                server.serve_forever()

                """.utf8).write(to: script)
            let port = try ChildProcess.freePort()
            let pid = try ChildProcess.spawn(try ExternalTool.require("python3", package: "python3"),
                                             [script.path, "\(port)", certificate.path, key.path])
            defer { ChildProcess.stop(pid) }
            try await ChildProcess.waitUntilListening(pid, port: port, name: "TLS server")
            let copy = root.appendingPathComponent("copie")
            let access = try credentials(["SUIVI_GIT_JETON": "jeton"], root: root)
            let error = await registerError {
                _ = try await TextRegister.clone(from: "https://127.0.0.1:\(port)/registre.git", to: copy, credentials: access)
            }
            guard case .certificateRefused(let host, _) = error else {
                Issue.record("expected certificateRefused, got \(String(describing: error))")
                return
            }
            #expect(host == "127.0.0.1:\(port)")
            #expect(error?.description.contains("Le certificat HTTPS de 127.0.0.1:\(port) n'est pas valide") == true)
            #expect(!FileManager.default.fileExists(atPath: copy.path))
        }
    }

    @Test("an unreachable forge (nobody listens on the port): « Forge injoignable », nothing created")
    func unreachable() async throws {
        try await withTemporaryDirectory { root in
            let port = try ChildProcess.freePort()
            let copy = root.appendingPathComponent("copie")
            let error = await registerError {
                _ = try await TextRegister.clone(from: "http://127.0.0.1:\(port)/registre.git", to: copy,
                                                 credentials: try credentials([:], root: root))
            }
            guard case .remoteUnreachable(_, let host, _) = error else {
                Issue.record("expected remoteUnreachable, got \(String(describing: error))")
                return
            }
            #expect(host == "127.0.0.1:\(port)")
            #expect(error?.description.hasPrefix("Forge injoignable") == true)
            #expect(!FileManager.default.fileExists(atPath: copy.path))
        }
    }
}
