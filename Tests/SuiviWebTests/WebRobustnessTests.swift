import Foundation
import Hummingbird
import HummingbirdBasicAuth
import HummingbirdTesting
import Logging
import Register
import Synchronization
import Testing
@testable import SuiviWeb

/// Keeps every log line of a test's server.
final class CapturedLog: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    func append(_ line: String) { lines.withLock { $0.append(line) } }

    var logger: Logger {
        Logger(label: "suivi.web.test") { _ in Handler(log: self) }
    }

    struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
                 function: String, line: UInt) {
            log.append("\(level) \(message) \(metadata ?? [:])")
        }
    }
}

@Suite("Robustness of the web interface against inconsistent input")
struct WebRobustnessTests {
    @Test("a form over 64 KiB is refused with 413 and a French page, not a 500")
    func largeForm() async throws {
        let fixture = try await WebFixture(stage: .opened)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.get("/connexion")
            let response = try await browser.post("/connexion", [("identifiant", "dgs"), ("mot_de_passe", String(repeating: "x", count: 70_000))])
            #expect(response.status == .contentTooLarge)
            #expect(response.text.contains("Formulaire trop long"))
            #expect(response.text.contains("<html"))
        }
    }

    @Test("a version name of 1,500 characters is a French 404, never a 500 with git's English message, and is logged truncated")
    func longVersion() async throws {
        let fixture = try await WebFixture(stage: .opened)
        let log = CapturedLog()
        let configuration = WebConfiguration(registerRoot: fixture.folder, today: { WebFixture.today })
        let application = Application(router: try buildRouter(configuration, passwordCost: 10), logger: log.logger)
        let long = String(repeating: "v", count: 1_500)
        try await application.test(.router) { client in
            // A version name that names nothing, however malformed, is « version introuvable »: exactly 404.
            for uri in ["/texte?version=\(long)", "/diff?de=\(long)&a=2017-01-05", "/historique/art_3?jusqua=\(long)",
                        "/texte?version=%00\(long)", "/texte?version=a..b", "/texte?version=%0Aheads/main"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .notFound, "\(uri.prefix(40)) answered \(response.status)")
                #expect(!response.text.contains("libgit2"))
                #expect(!response.text.contains("failed"))
                #expect(!response.text.contains(long))
            }
        }
        #expect(!log.all.contains { $0.contains(String(repeating: "v", count: 300)) })
    }

    @Test("a corrupt accounts file gives anonymous visitors a French message without the file's path; the details are logged")
    func corruptAccounts() async throws {
        let fixture = try await WebFixture(stage: .opened)
        let log = CapturedLog()
        let configuration = WebConfiguration(registerRoot: fixture.folder, today: { WebFixture.today })
        let application = Application(router: try buildRouter(configuration, passwordCost: 10), logger: log.logger)
        try Data("{ pas du JSON".utf8).write(to: fixture.folder.appendingPathComponent("comptes.json"))
        try await application.test(.router) { client in
            var browser = Browser(client)
            try await browser.get("/connexion")
            let response = try await browser.post("/connexion", [("identifiant", "dgs"), ("mot_de_passe", "presidence-secrete")])
            #expect(response.status.code >= 500)
            #expect(!response.text.contains(fixture.folder.path))
            #expect(!response.text.contains("comptes.json"))
            #expect(response.text.contains("comptes"))
        }
        #expect(log.all.contains { $0.contains("comptes.json") })
    }

    @Test("HEAD answers like GET without a body, on public and member pages")
    func head() async throws {
        let fixture = try await WebFixture(stage: .opened)
        try await fixture.application().test(.router) { client in
            for uri in ["/", "/texte?date=2020-01-01", "/versions", "/connexion", "/style.css"] {
                let get = try await client.execute(uri: uri, method: .get)
                let head = try await client.execute(uri: uri, method: .head)
                #expect(head.status == get.status, "HEAD \(uri)")
                #expect(head.status == .ok, "HEAD \(uri)")
                #expect(head.body.readableBytes == 0, "HEAD \(uri)")
                #expect(head.headers[.contentType] == get.headers[.contentType], "HEAD \(uri)")
                #expect(head.headers[.contentLength] == String(get.body.readableBytes), "HEAD \(uri)")
            }
            let member = try await client.execute(uri: "/revisions", method: .head)
            #expect(member.status == .seeOther)
            #expect(member.headers[.location]?.hasPrefix("/connexion") == true)
            #expect(try await client.execute(uri: "/pas-de-page", method: .head).status == .notFound)
        }
    }

    @Test("a password change ends the account's open sessions")
    func passwordChangeRevokesSessions() async throws {
        let fixture = try await WebFixture(stage: .opened)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("dgs")
            #expect(try await browser.get("/revisions").status == .ok)
            var other = Browser(client)
            try await other.login("ofii-medecins")
            // What `suivi committee set-password dgs` does: the accounts file is rewritten.
            try await AccountStore(registerRoot: fixture.folder, cost: 10)
                .setPassword(login: "dgs", password: "nouveau-secret-presidence", committee: fixture.committee, today: WebFixture.today,
                             person: Identity(name: "Présidence", email: "presidence@example.org"))
            let after = try await browser.get("/revisions")
            #expect(after.status == .seeOther)
            #expect(after.location?.hasPrefix("/connexion") == true)
            // Another account's session is not affected.
            #expect(try await other.get("/revisions").status == .ok)
            #expect(try await browser.login("dgs", password: "nouveau-secret-presidence").status == .seeOther)
            #expect(try await browser.get("/revisions").status == .ok)
        }
    }
}

/// bcrypt, counting the checks and keeping the hashes checked.
final class CountingVerifier: PasswordHashVerifier {
    private let seen = Mutex<[String]>([])
    var checks: [String] { seen.withLock { $0 } }
    func verifyPassword(_ password: String, createsHash hash: String) async throws -> Bool {
        seen.withLock { $0.append(hash) }
        return try await BcryptPasswordVerifier().verifyPassword(password, createsHash: hash)
    }
}

@Suite("Login under attack")
struct LoginUnderAttackTests {
    @Test("40 concurrent wrong passwords for one name: at most the limit are checked (answered 401), the others are refused with 429")
    func concurrentGuesses() async throws {
        let fixture = try await WebFixture(stage: .opened)
        let throttle = LoginThrottle(policy: .init(failuresPerLogin: 5, failuresPerAddress: 1_000))
        let verifier = CountingVerifier()
        let configuration = WebConfiguration(registerRoot: fixture.folder, today: { WebFixture.today })
        let application = Application(router: try buildRouter(configuration, passwordCost: 10, loginThrottle: throttle,
                                                              passwordVerifier: verifier))
        try await application.test(.router) { client in
            var browser = Browser(client)
            try await browser.get("/connexion")
            let start = browser
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        var guesser = start
                        return try await guesser.post("/connexion", [("identifiant", "dgs"), ("mot_de_passe", "mauvais-\(index)")]).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let checked = statuses.filter { $0 == .unauthorized }.count
            #expect(statuses.count == 40)
            #expect(verifier.checks.count <= 5, "\(verifier.checks.count) passwords were checked against bcrypt")
            #expect(statuses.allSatisfy { $0 == .unauthorized || $0 == .tooManyRequests })
            #expect(checked <= 4, "\(checked) wrong passwords were checked and answered 401")
        }
    }

    @Test("a login form stays valid through a flood of 10,001 anonymous visits of the login page")
    func loginFormSurvivesFlood() async throws {
        let fixture = try await WebFixture(stage: .opened)
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.get("/connexion")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<4 {
                    group.addTask {
                        for _ in stride(from: worker, to: 10_001, by: 4) {
                            var visitor = Browser(client)
                            try await visitor.get("/connexion")
                        }
                    }
                }
                try await group.waitForAll()
            }
            let response = try await browser.post("/connexion", [("identifiant", "dgs"), ("mot_de_passe", WebFixture.passwords["dgs"]!)])
            #expect(response.status == .seeOther)
            #expect(try await browser.get("/revisions").status == .ok)
        }
    }
}

@Suite("Login timing")
struct LoginTimingTests {
    @Test("an unknown login is checked against a decoy hash of the same bcrypt cost as the accounts' hashes, through the verifier")
    func decoyCost() async throws {
        let fixture = try await WebFixture(stage: .opened)
        // The fixture's accounts are hashed at cost 10; a store of cost 12 writes one at 12.
        let verifier = CountingVerifier()
        let store = AccountStore(registerRoot: fixture.folder, cost: 12, verifier: verifier)
        try await store.setPassword(login: "ofii-medecins", password: "medecins-secret-2", committee: fixture.committee,
                                    today: WebFixture.today, person: Identity(name: "Médecin OFII", email: "medecin@example.org"))
        let real = try #require(try store.account("ofii-medecins")?.passwordHash)
        #expect(AccountStore.cost(of: real) == 12)
        #expect(try await store.verify(login: "personne", password: "medecins-secret-2") == nil)
        #expect(try await store.verify(login: "ofii-medecins", password: "medecins-secret-2")?.seat == "ofii-medecins")
        let checked = verifier.checks
        #expect(checked.count == 2)
        #expect(checked.first != real)
        #expect(checked.map { AccountStore.cost(of: $0) } == [12, 12])
        // The same decoy for the synchronous check.
        #expect(AccountStore.cost(of: store.decoyHash(for: try store.accounts())) == 12)
    }
}
