import Foundation
import Register
import SuiviSynthetic
import SuiviTestSupport
import Testing

/// The order and bounds of the HTTP(S) credential sources, checked against a model on random combinations
/// (seeded): the token, the user and password of the environment, a git credential helper (right, wrong, the
/// same as an environment pair, failing, absent). The forge is a real one on loopback; each push either
/// succeeds when the model has a right pair, or fails with exactly the sources the model offers, after exactly
/// one request per offer plus the first, unauthenticated one.
@Suite("Credential sources against a model",
       .tags(.externalTool), .enabled(if: ExternalTool.runs("python3", "git"), ExternalTool.reason("python3, git", package: "python3 git")))
struct CredentialSourcesPropertyTests {
    static let member = Identity(name: "Membre", email: "membre@example.org")
    static let user = "membre"
    static let right = "le-bon-secret"

    enum Helper: CaseIterable { case none, failing, right, wrong, sameAsPassword }

    struct Scenario: CustomStringConvertible {
        var userVariable: String?
        var token: String?
        var password: String?
        var helper: Helper

        var description: String {
            "utilisateur=\(userVariable ?? "—") jeton=\(token ?? "—") mot-de-passe=\(password ?? "—") assistant=\(helper)"
        }

        /// What the model offers, in order: (user, password, source).
        var offers: [(String, String, String)] {
            var offers: [(String, String, String)] = []
            if let token { offers.append((userVariable ?? "oauth2", token, "la variable SUIVI_GIT_JETON")) }
            if let userVariable, let password {
                offers.append((userVariable, password, "les variables SUIVI_GIT_UTILISATEUR et SUIVI_GIT_MOT_DE_PASSE"))
            }
            let helperPair: (String, String)? = switch helper {
            case .none, .failing: nil
            case .right: (CredentialSourcesPropertyTests.user, CredentialSourcesPropertyTests.right)
            case .wrong: (CredentialSourcesPropertyTests.user, "faux-du-trousseau")
            case .sameAsPassword: (userVariable ?? CredentialSourcesPropertyTests.user, password ?? "faux-du-trousseau")
            }
            if let (user, password) = helperPair, !offers.contains(where: { $0.0 == user && $0.1 == password }) {
                offers.append((user, password, "l'assistant d'identification git « \(helperPath) »"))
            }
            return offers
        }

        var helperPath = ""
    }

    @Test("each source is offered once, in order, and the push succeeds exactly when one is right", arguments: [UInt64(21), 0x5EC2E7])
    func model(seed: UInt64) async throws {
        print("credential sources model: seed \(seed)")
        var generator = SplitMix64(seed: seed)
        let forge = try await LoopbackForge.start(user: Self.user, password: Self.right)
        defer { forge.stop() }
        try await withTextRegister { register, root in
            _ = try await register.importVersions(from: try SmallAct.writeHistory(into: root).path, author: Self.member)
            for round in 0..<8 {
                var scenario = Scenario(
                    userVariable: [nil, Self.user, "autre"][Int.random(in: 0..<3, using: &generator)],
                    token: [nil, Self.right, "faux-jeton"][Int.random(in: 0..<3, using: &generator)],
                    password: [nil, Self.right, "faux"][Int.random(in: 0..<3, using: &generator)],
                    helper: Helper.allCases[Int.random(in: 0..<Helper.allCases.count, using: &generator)])
                let home = root.appendingPathComponent("maison-\(round)")
                try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
                if scenario.helper != .none {
                    let helper = home.appendingPathComponent("assistant.sh")
                    scenario.helperPath = helper.path
                    let answer: String = switch scenario.helper {
                    case .none: ""
                    case .failing: "exit 1"
                    case .right: "echo username=\(Self.user); echo password=\(Self.right)"
                    case .wrong: "echo username=\(Self.user); echo password=faux-du-trousseau"
                    case .sameAsPassword:
                        "echo username=\(scenario.userVariable ?? Self.user); echo password=\(scenario.password ?? "faux-du-trousseau")"
                    }
                    try Data("#!/bin/sh\ncat > /dev/null\n\(answer)\n".utf8).write(to: helper)
                    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: helper.path)
                    try Data("[credential]\n\thelper = \(helper.path)\n".utf8).write(to: home.appendingPathComponent(".gitconfig"))
                }
                var variables = ["PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1", "HOME": home.path]
                variables["SUIVI_GIT_UTILISATEUR"] = scenario.userVariable
                variables["SUIVI_GIT_JETON"] = scenario.token
                variables["SUIVI_GIT_MOT_DE_PASSE"] = scenario.password
                let access = RemoteCredentials(environment: variables, home: home)

                let bare = try forge.createBareRepository(named: "r\(round)")
                let before = forge.requests.count
                let offers = scenario.offers
                let succeeds = offers.contains { $0.0 == Self.user && $0.1 == Self.right }
                do {
                    _ = try await register.push(to: forge.url(repository: "r\(round)"), credentials: access)
                    #expect(succeeds, "seed \(seed) round \(round), \(scenario): pushed with no right pair offered")
                    let refs = try runGit(["for-each-ref"], in: bare).output
                    #expect(refs.split(separator: "\n").count == 5, "seed \(seed) round \(round)")
                } catch let error as RegisterError {
                    #expect(!succeeds, "seed \(seed) round \(round), \(scenario): refused with a right pair: \(error)")
                    let host = "127.0.0.1:\(forge.port)"
                    let expected: RegisterError = offers.isEmpty ? .noCredentials(host: host, transport: .http)
                        : .credentialsRefused(host: host, transport: .http, tried: offers.map(\.2))
                    #expect(error == expected, "seed \(seed) round \(round), \(scenario)")
                    #expect(forge.requests.count - before == offers.count + 1,
                            "seed \(seed) round \(round), \(scenario): one request per offer, plus the first")
                    #expect(try runGit(["for-each-ref"], in: bare).output.isEmpty, "seed \(seed) round \(round): nothing pushed")
                }
            }
        }
    }
}
