import Foundation
import Hummingbird
import HummingbirdTesting
import Register
import SuiviSynthetic
import Synchronization
import Testing
@testable import SuiviWeb

/// Sessions kept under the register with `suivi web --cle-sessions`: a restart with the same key keeps members
/// logged in; another key finds nothing; logging out, a password change and a removed member still end a session
/// after a restart.
@Suite("Sessions that survive a restart")
struct PersistentSessionsTests {
    static let review = "/revisions/" + WebFixture.review

    /// A key file for `fixture`'s server, outside the register.
    static func keyFile(_ name: String, near fixture: WebFixture) throws -> URL {
        let file = fixture.folder.deletingLastPathComponent().appendingPathComponent("cle-\(name)-\(UUID().uuidString)")
        try SessionKey.generate(at: file)
        return file
    }

    /// A new server process on `fixture`'s register with the sessions' key `key` (a restart).
    static func server(_ fixture: WebFixture, key: URL?) throws -> some ApplicationProtocol {
        var configuration = WebConfiguration(registerRoot: fixture.folder, today: { WebFixture.today })
        configuration.sessionKeyFile = key
        return Application(router: try buildRouter(configuration, passwordCost: 10))
    }

    @Test("a logged-in member is still logged in after a restart with the same key, and not with another key")
    func survivesRestart() async throws {
        let fixture = try await WebFixture()
        let key = try Self.keyFile("a", near: fixture)
        defer { try? FileManager.default.removeItem(at: key) }
        let (cookie, csrf) = try await Self.server(fixture, key: key).test(.router) { client in
            var member = Browser(client)
            try await member.login("ofii-medecins")
            #expect(try await member.get(Self.review).status == .ok)
            return (member.cookie, member.csrf)
        }
        let before = try await fixture.refs()
        try await Self.server(fixture, key: key).test(.router) { client in
            var member = Browser(client)
            (member.cookie, member.csrf) = (cookie, csrf)
            let page = try await member.get("/revisions")
            #expect(page.status == .ok)
            #expect(page.text.contains("Connecté : <strong>Médecin OFII</strong>"))
            // The session's form token survived too: the member writes without logging in again.
            let comment = try await member.post(Self.review + "/commentaires", [("eid", "art_3__para_4"), ("texte", "Après redémarrage.")])
            #expect(comment.status == .seeOther, "\(comment.text.prefix(300))")
        }
        #expect(try await fixture.refs() != before, "the comment was written")
        // The files are the register's, readable by the server only, and hold no cookie.
        let folder = fixture.folder.appendingPathComponent("sessions")
        #expect((try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int) == 0o700)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.count == 1)
        for file in files {
            let path = folder.appendingPathComponent(file).path
            #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(!file.contains(try #require(cookie)))
            #expect(data.range(of: Data(try #require(cookie).utf8)) == nil && data.range(of: Data("ofii-medecins".utf8)) == nil,
                    "sealed: neither the cookie nor the login in clear")
        }
        // Another key: no session (and the old key's files are removed, since no cookie can reach them any more).
        let other = try Self.keyFile("b", near: fixture)
        defer { try? FileManager.default.removeItem(at: other) }
        try await Self.server(fixture, key: other).test(.router) { client in
            var member = Browser(client)
            (member.cookie, member.csrf) = (cookie, csrf)
            let page = try await member.get("/revisions")
            #expect(page.status == .seeOther)
            #expect(page.location?.hasPrefix("/connexion") == true)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        // Back to the first key: the session is gone for good (its file was removed with the other key).
        try await Self.server(fixture, key: key).test(.router) { client in
            var member = Browser(client)
            (member.cookie, member.csrf) = (cookie, csrf)
            let page = try await member.get("/revisions")
            #expect(page.status == .seeOther)
        }
    }

    @Test("logging out ends the session for good: a restart does not bring it back")
    func logoutSurvivesRestart() async throws {
        let fixture = try await WebFixture(stage: .opened)
        let key = try Self.keyFile("a", near: fixture)
        defer { try? FileManager.default.removeItem(at: key) }
        let (cookie, csrf) = try await Self.server(fixture, key: key).test(.router) { client in
            var chair = Browser(client)
            try await chair.login("dgs")
            return (chair.cookie, chair.csrf)
        }
        try await Self.server(fixture, key: key).test(.router) { client in
            var chair = Browser(client)
            (chair.cookie, chair.csrf) = (cookie, csrf)
            #expect(try await chair.get("/revisions").status == .ok)
            let out = try await chair.post("/deconnexion", [])
            #expect(out.status == .seeOther)
            chair.cookie = cookie
            #expect(try await chair.get("/revisions").status == .seeOther)
        }
        try await Self.server(fixture, key: key).test(.router) { client in
            var chair = Browser(client)
            (chair.cookie, chair.csrf) = (cookie, csrf)
            let after = try await chair.get("/revisions")
            #expect(after.status == .seeOther)
            #expect(after.location?.hasPrefix("/connexion") == true)
        }
    }

    @Test("a password change and a member leaving office still end a session kept across a restart")
    func revocationAfterRestart() async throws {
        let fixture = try await WebFixture()
        let key = try Self.keyFile("a", near: fixture)
        defer { try? FileManager.default.removeItem(at: key) }
        let sessions = try await Self.server(fixture, key: key).test(.router) { client in
            var chair = Browser(client)
            try await chair.login("dgs")
            var member = Browser(client)
            try await member.login("asso@example.org")
            var doctor = Browser(client)
            try await doctor.login("ofii-medecins")
            return [chair, member, doctor].map { ($0.cookie, $0.csrf) }
        }
        try await AccountStore(registerRoot: fixture.folder, cost: 10)
            .setPassword(login: "dgs", password: "nouveau-secret-presidence", committee: fixture.committee, today: WebFixture.today,
                         person: Identity(name: "Présidence", email: "presidence@example.org"))
        try await fixture.committee.removeMember(email: "asso@example.org", fromSeat: "assoc-medicale", on: day("2026-11-01"),
                                                 author: fixture.clerk)
        let before = try await fixture.refs()
        try await Self.server(fixture, key: key).test(.router) { client in
            var chair = Browser(client)
            (chair.cookie, chair.csrf) = sessions[0]
            let page = try await chair.get("/revisions")
            #expect(page.status == .seeOther, "the password changed: the session ended")
            #expect(page.location?.hasPrefix("/connexion") == true)
            var member = Browser(client)
            (member.cookie, member.csrf) = sessions[1]
            let refused = try await member.post(Self.review + "/commentaires", [("eid", "art_3"), ("texte", "Toujours là ?")])
            #expect(refused.status == .forbidden)
            var doctor = Browser(client)
            (doctor.cookie, doctor.csrf) = sessions[2]
            #expect(try await doctor.get("/revisions").status == .ok, "other accounts are not affected")
        }
        #expect(try await fixture.refs() == before)
    }

    @Test("a login form shown before a restart is accepted after it when the sessions' key is kept")
    func loginFormSurvivesRestart() async throws {
        let fixture = try await WebFixture(stage: .opened)
        let key = try Self.keyFile("a", near: fixture)
        defer { try? FileManager.default.removeItem(at: key) }
        let (nonce, token) = try await Self.server(fixture, key: key).test(.router) { client in
            var visitor = Browser(client)
            try await visitor.get("/connexion")
            return (visitor.cookie, visitor.csrf)
        }
        try await Self.server(fixture, key: key).test(.router) { client in
            var visitor = Browser(client)
            (visitor.cookie, visitor.csrf) = (nonce, token)
            let response = try await visitor.post("/connexion", [("identifiant", "dgs"), ("mot_de_passe", WebFixture.passwords["dgs"]!)])
            #expect(response.status == .seeOther)
        }
    }

    @Test("a folder of sessions the server cannot create stops the start with a message naming it")
    func unwritableFolder() async throws {
        let fixture = try await WebFixture(stage: .opened)
        let key = try Self.keyFile("a", near: fixture)
        defer { try? FileManager.default.removeItem(at: key) }
        try Data("pas un dossier".utf8).write(to: fixture.folder.appendingPathComponent("sessions"))
        #expect(throws: SessionStorageError.folder(path: fixture.folder.appendingPathComponent("sessions").path,
                                                   reason: "un fichier porte ce nom")) {
            try Self.server(fixture, key: key)
        }
    }
}

/// The store of sessions against a model: random sequences of logins, logouts, lookups, kept forms, time passing and
/// restarts (same key, or another), each checked against a dictionary of the sessions that should be live.
@Suite("Sessions kept on disk against a model")
struct PersistentSessionModelTests {
    static let seeds: [UInt64] = {
        if let text = ProcessInfo.processInfo.environment["SUIVI_PROPERTY_SEED"], let seed = UInt64(text) { return [seed] }
        return [1, 7, 42, 2026, 90_210]
    }()

    struct Expected {
        let login: String
        let csrf: String
        let expires: Date
        var kept: KeptForm?
    }

    @Test("every session the model holds is found with its account and token, and no other", arguments: seeds)
    func againstModel(seed: UInt64) async throws {
        print("sessions model: seed \(seed) (SUIVI_PROPERTY_SEED=\(seed) to rerun)")
        var random = SplitMix64(seed: seed)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-sessions-\(seed)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let keys = (0..<2).map { index in SessionKey(material: (0..<32).map { UInt8(($0 * 7 + index * 13) & 0xFF) }) }
        let clock = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        let now: @Sendable () -> Date = { clock.withLock { $0 } }
        let lifetime: TimeInterval = 8 * 3600
        var keyIndex = 0
        var store = try SessionStore(registerRoot: root, key: keys[0], lifetime: lifetime, now: now)
        var model: [String: Expected] = [:]
        var issued: [String] = ["0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "pas-une-session", ""]
        let accounts = ["dgs", "ofii-medecins", "asso@example.org"].map {
            Account(login: $0, seat: $0, name: "Nom \($0)", email: "\($0)@example.org", isMember: false, passwordHash: "$2b$10$hash-\($0)")
        }
        let keptForm = KeptForm(action: "/revisions/r1/commentaires", form: FormFields(urlEncoded: "texte=gard%C3%A9&eid=art_3"))
        var log: [String] = []

        for step in 0..<300 {
            let choice = random.below(100)
            switch choice {
            case 0..<25:
                let account = random.pick(accounts)
                let kept = random.below(3) == 0 ? keptForm : nil
                let session = try await store.create(account: account, kept: kept)
                model[session.id] = Expected(login: account.login, csrf: session.csrfToken, expires: session.expires, kept: kept)
                issued.append(session.id)
                log.append("\(step) login \(account.login)")
            case 25..<35:
                let id = random.pick(issued)
                try await store.remove(id)
                model[id] = nil
                log.append("\(step) logout")
            case 35..<45:
                let id = random.pick(issued)
                let page = random.below(2) == 0 ? "/revisions/r1" : "/revisions/r2"
                let taken = await store.takeKept(id, page: page)
                var expected: KeptForm?
                if let entry = model[id], entry.expires > now(), let kept = entry.kept, kept.page == page {
                    expected = kept
                    model[id]?.kept = nil
                }
                #expect(taken == expected, "seed \(seed), step \(step): kept form of \(id.prefix(8)); \(log.suffix(8))")
                log.append("\(step) take kept")
            case 45..<55:
                let hours = Double(random.below(4 * 60)) / 60
                clock.withLock { $0 = $0.addingTimeInterval(hours * 3600) }
                let date = now()
                model = model.filter { $0.value.expires > date }
                log.append("\(step) +\(hours) h")
            case 55..<63:
                store = try SessionStore(registerRoot: root, key: keys[keyIndex], lifetime: lifetime, now: now)
                log.append("\(step) restart")
            case 63..<65:
                keyIndex = 1 - keyIndex
                store = try SessionStore(registerRoot: root, key: keys[keyIndex], lifetime: lifetime, now: now)
                model = [:]
                log.append("\(step) restart with the other key")
            default:
                let id = random.pick(issued)
                let found = await store.session(id)
                let expected = model[id].flatMap { $0.expires > now() ? $0 : nil }
                #expect(found?.account?.login == expected?.login && found?.csrfToken == expected?.csrf,
                        "seed \(seed), step \(step): session \(id.prefix(8)) found \(found?.account?.login ?? "none"), expected \(expected?.login ?? "none"); \(log.suffix(8))")
                if expected == nil { model[id] = nil }
            }
        }
        // At the end every session is as the model says.
        for id in issued {
            let found = await store.session(id)
            let expected = model[id].flatMap { $0.expires > now() ? $0 : nil }
            #expect(found?.account?.login == expected?.login, "seed \(seed): final check of \(id.prefix(8))")
        }
    }
}
