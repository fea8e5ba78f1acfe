import Committee
import Foundation
import Hummingbird
import HummingbirdTesting
import LegalText
import Register
import Testing
@testable import SuiviWeb

@Suite("Web writes signed by the server's key")
struct SignedWebWritesTests {
    static let review = "/revisions/\(WebFixture.review)"

    /// The fixture's roster with keys: the association's member's own key and the server's key (written unsigned:
    /// the first keys of the register). Returns the server's signer.
    static func recordKeys(_ fixture: WebFixture) async throws -> Signer {
        let server = Signer(randomFor: .server)
        var roster = try await fixture.committee.state().roster
        let index = try #require(roster.seats.firstIndex { $0.id == "assoc-medicale" })
        roster.seats[index].members[0].publicKey = Signer(randomFor: .member).publicKey
        roster.servers = [ServerKey(name: "serveur web", publicKey: server.publicKey)]
        _ = try await fixture.register.applyRecords([CommitteeState.rosterPath: Data(roster.xml.utf8)], message: "Clés",
                                                    author: fixture.clerk)
        return server
    }

    @Test("a member's comment through the web is signed by the server's key and names the authenticated member; the register verifies clean")
    func commentSigned() async throws {
        let fixture = try await WebFixture()
        let server = try await Self.recordKeys(fixture)
        var configuration = WebConfiguration(registerRoot: fixture.folder, today: { WebFixture.today })
        configuration.signer = server
        let application = Application(router: try buildRouter(configuration, passwordCost: 10))
        try await application.test(.router) { client in
            var browser = Browser(client)
            try await browser.login("asso@example.org")
            let response = try await browser.post(Self.review + "/commentaires", [("eid", "art_3__para_3"), ("texte", "Signé.")])
            #expect(response.status == .seeOther)
        }
        let commit = try await fixture.lastCommit()
        #expect(commit.author.email == "asso@example.org")
        #expect(commit.message.contains("\n\nMembre-authentifie: asso@example.org"))
        guard case .valid(let key) = try await fixture.register.signature(of: commit.id) else {
            Issue.record("the web's commit is not validly signed")
            return
        }
        #expect(key == server.publicKey)
        let report = try await RegisterVerifier(register: fixture.register).verify(record: false)
        #expect(!report.findings.contains { [.unsignedRecord, .invalidSignature, .unknownSigningKey, .seatNotHeld, .chairNotSigned].contains($0.kind) },
                "\(report.findings)")
    }

    @Test("on a register that requires signatures, a web server without a key writes nothing")
    func unsignedServerRefused() async throws {
        let fixture = try await WebFixture()
        _ = try await Self.recordKeys(fixture)
        let before = try await fixture.refs()
        try await fixture.application().test(.router) { client in
            var browser = Browser(client)
            try await browser.login("asso@example.org")
            let response = try await browser.post(Self.review + "/commentaires", [("eid", "art_3__para_3"), ("texte", "Non signé.")])
            #expect(response.status != .seeOther)
        }
        #expect(try await fixture.refs() == before)
    }
}
