import Committee
import Foundation
import Register
import Testing
@testable import SuiviWeb

@Suite("Accounts (suivi committee set-password)")
struct AccountStoreTests {
    @Test("passwords are kept as bcrypt hashes of cost 10 or more, in comptes.json readable by its owner only")
    func hashed() async throws {
        let fixture = try await WebFixture(stage: .opened)
        let store = AccountStore(registerRoot: fixture.folder, cost: 10)
        let text = try String(contentsOf: store.file, encoding: .utf8)
        for password in WebFixture.passwords.values { #expect(!text.contains(password)) }
        let account = try #require(try store.account("dgs"))
        #expect(account.passwordHash.hasPrefix("$2b$10$"), "\(account.passwordHash.prefix(7))")
        #expect(AccountStore(registerRoot: fixture.folder, cost: 4).cost == 10)
        let attributes = try FileManager.default.attributesOfItem(atPath: store.file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        // Not in git: the register's repository does not hold it.
        let tip = try #require(try await fixture.register.gitStore.tip())
        #expect(try await fixture.register.gitStore.listFiles(at: tip).allSatisfy { !$0.contains("comptes") })
    }

    @Test("authentication checks the password; logins are case-insensitive e-mails or seat ids")
    func authenticate() async throws {
        let fixture = try await WebFixture(stage: .opened)
        let store = AccountStore(registerRoot: fixture.folder, cost: 10)
        #expect(try store.authenticate(login: "dgs", password: WebFixture.passwords["dgs"]!)?.seat == "dgs")
        #expect(try store.authenticate(login: "dgs", password: "autre-mot-de-passe") == nil)
        let member = try #require(try store.authenticate(login: "ASSO@example.org", password: WebFixture.passwords["asso@example.org"]!))
        #expect(member.isMember)
        #expect(member.acting == Acting(seat: "assoc-medicale", person: Identity(name: "Camille Association", email: "asso@example.org")))
        #expect(try store.authenticate(login: "personne", password: "x") == nil)
    }

    @Test("a short password, an unknown login, or a seat without member nor person is refused")
    func refusals() async throws {
        let fixture = try await WebFixture(stage: .opened)
        let store = AccountStore(registerRoot: fixture.folder, cost: 10)
        await #expect(throws: AccountError.weakPassword(minimum: 10)) {
            try await store.setPassword(login: "dgs", password: "court", committee: fixture.committee, today: WebFixture.today, person: nil)
        }
        await #expect(throws: AccountError.committee(.unknownLogin("inconnu"))) {
            try await store.setPassword(login: "inconnu", password: "assez-long-pour-passer", committee: fixture.committee,
                                        today: WebFixture.today, person: nil)
        }
        await #expect(throws: AccountError.committee(.noActingPerson(seat: "ofii-medecins"))) {
            try await store.setPassword(login: "ofii-medecins", password: "assez-long-pour-passer", committee: fixture.committee,
                                        today: WebFixture.today, person: nil)
        }
    }

    @Test("setting a password again replaces the account's hash")
    func replace() async throws {
        let fixture = try await WebFixture(stage: .opened)
        let store = AccountStore(registerRoot: fixture.folder, cost: 10)
        try await store.setPassword(login: "dgs", password: "nouveau-mot-de-passe", committee: fixture.committee, today: WebFixture.today,
                                    person: Identity(name: "Présidence", email: "presidence@example.org"))
        #expect(try store.accounts().filter { $0.login == "dgs" }.count == 1)
        #expect(try store.authenticate(login: "dgs", password: "nouveau-mot-de-passe") != nil)
        #expect(try store.authenticate(login: "dgs", password: WebFixture.passwords["dgs"]!) == nil)
    }
}
