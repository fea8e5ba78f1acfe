import Committee
import Foundation
import Hummingbird
import LegalText
import Register
import SuiviTestSupport
import Testing
@testable import SuiviWeb

/// The forge a test's registers share: a bare repository reached by its path (``BareRepositoryForge``), or the
/// authenticated loopback forge (git http-backend behind basic auth, ``AuthenticatedForge``): an address, the
/// identifiers it wants, and a way to take it offline and back.
protocol TestForge: Sendable {
    /// The address clones and the server use.
    var url: String { get }
    /// The identifiers the server and the clones send (never the process's own environment).
    var credentials: RemoteCredentials { get }
    /// Makes the forge unreachable (`false`) or reachable again (`true`).
    func setReachable(_ reachable: Bool) throws
    /// A register holding what the forge holds now (the forge itself, or a fresh clone of it).
    func contents() async throws -> TextRegister
}

/// A bare repository in a folder, reached by path (no credentials); offline = its folder renamed.
final class BareRepositoryForge: TestForge {
    let root: URL
    var git: URL { TextRegister.gitDirectory(of: root) }
    var url: String { git.path }

    /// A new forge holding every branch and tag of `register`.
    init(seededFrom register: TextRegister) async throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-forge-\(UUID().uuidString)")
        _ = try TextRegister.create(at: root)
        _ = try await register.push(to: git.path)
    }

    var credentials: RemoteCredentials { RemoteCredentials(environment: [:], home: root) }

    deinit { try? FileManager.default.removeItem(at: root) }

    func setReachable(_ reachable: Bool) throws {
        let away = root.appendingPathComponent("hors-ligne.git")
        let (from, to) = reachable ? (away, git) : (git, away)
        guard FileManager.default.fileExists(atPath: from.path) else { return }
        try FileManager.default.moveItem(at: from, to: to)
    }

    func contents() async throws -> TextRegister { try TextRegister.open(at: root) }
}

/// The loopback forge of SuiviTestSupport (python3 in front of `git http-backend`, HTTP basic auth): every clone,
/// pull and push authenticates with `SUIVI_GIT_UTILISATEUR` / `SUIVI_GIT_MOT_DE_PASSE`, given as credentials. Offline =
/// the repository's folder renamed (the forge answers 404). ``contents()`` is a fresh authenticated clone.
final class AuthenticatedForge: TestForge {
    let server: LoopbackForge
    let url: String
    let credentials: RemoteCredentials
    private let repository: URL
    private let scratch: URL

    /// A new forge on loopback holding every branch and tag of `register`, pushed with the forge's password.
    init(seededFrom register: TextRegister, user: String = "comite", password: String = "mot-de-passe-forge") async throws {
        server = try await LoopbackForge.start(user: user, password: password)
        repository = try server.createBareRepository(named: "registre")
        url = server.url(repository: "registre")
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-forge-clones-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        // An empty home: no git credential helper or SSH key of the machine's user takes part.
        credentials = RemoteCredentials(environment: [RemoteCredentials.userVariable: user, RemoteCredentials.passwordVariable: password],
                                        home: scratch)
        _ = try await register.push(to: url, credentials: credentials)
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(at: scratch)
    }

    func setReachable(_ reachable: Bool) throws {
        let away = repository.deletingLastPathComponent().appendingPathComponent("hors-ligne.git")
        let (from, to) = reachable ? (away, repository) : (repository, away)
        guard FileManager.default.fileExists(atPath: from.path) else { return }
        try FileManager.default.moveItem(at: from, to: to)
    }

    func contents() async throws -> TextRegister {
        let target = scratch.appendingPathComponent("copie-\(UUID().uuidString)")
        return try await TextRegister.clone(from: url, to: target, credentials: credentials).0
    }
}

/// A WebFixture whose register syncs with a forge, and clones of that forge for members working elsewhere.
final class ForgeFixture: Sendable {
    let fixture: WebFixture
    let forge: any TestForge
    let sync: ForgeSync
    let clones: URL
    static let reviewPath = "/revisions/\(WebFixture.review)"
    static let commentsFolder = "committee/comments/\(WebFixture.review)"
    /// The forge every test of the server's sync uses, seeded from the server's register. To run them against the
    /// authenticated loopback forge (git http-backend behind basic auth), return a `LoopbackForge` here.
    static let makeForge: @Sendable (TextRegister) async throws -> any TestForge = { try await BareRepositoryForge(seededFrom: $0) }
    static let doctor = Acting(seat: "ofii-medecins", person: Identity(name: "Médecin OFII", email: "medecin@example.org"))

    init(stage: ReviewStatus = .consultation, signer: Signer? = nil,
         makeForge: @Sendable (TextRegister) async throws -> any TestForge = ForgeFixture.makeForge,
         prepare: (WebFixture) async throws -> Void = { _ in }) async throws {
        fixture = try await WebFixture(stage: stage)
        try await prepare(fixture)
        forge = try await makeForge(fixture.register)
        sync = try ForgeSync(registerRoot: fixture.folder, signer: signer, remote: forge.url, credentials: forge.credentials)
        clones = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-clones-\(UUID().uuidString)")
    }

    deinit { try? FileManager.default.removeItem(at: clones) }

    func configuration(signer: Signer? = nil) -> WebConfiguration {
        var configuration = WebConfiguration(registerRoot: fixture.folder, today: { WebFixture.today })
        configuration.remote = forge.url
        configuration.signer = signer
        return configuration
    }

    /// The server's routes, syncing through ``sync``.
    func application(signer: Signer? = nil) throws -> some ApplicationProtocol {
        Application(router: try buildRouter(configuration(signer: signer), passwordCost: 10, forgeSync: sync))
    }

    /// A member's clone of the forge (`suivi clone`), signing with `signer`.
    func clone(_ name: String, signer: Signer? = nil) async throws -> TextRegister {
        let (clone, _) = try await TextRegister.clone(from: forge.url, to: clones.appendingPathComponent(name), credentials: forge.credentials)
        return clone.signing(with: signer)
    }

    /// The tip of the forge's main.
    func forgeMain() async throws -> ObjectID? { try await forge.contents().mainTip() }

    /// The forge's comments of the fixture's review, file → content.
    func forgeComments() async throws -> [String: String] {
        let forge = try await forge.contents()
        let tip = try #require(try await forge.mainTip())
        return try await forge.records(under: Self.commentsFolder, at: tip).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// How many of the forge's comments hold `text`.
    func forgeCount(_ text: String) async throws -> Int {
        try await forgeComments().values.filter { $0.contains(text) }.count
    }
}
