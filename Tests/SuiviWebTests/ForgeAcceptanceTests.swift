import Committee
import Foundation
import Hummingbird
import HummingbirdTesting
import LegalText
import Register
import SuiviTestSupport
import Testing
@testable import SuiviWeb

/// Issue 21's acceptance: two members on two clones and the web server on a third, each signing with their own key
/// recorded in the roster, act at the same time on the same review and push to the forge (``AuthenticatedForge``:
/// git http-backend behind HTTP basic auth on loopback, no push without the password); every record arrives on the forge
/// once, signed, stock `git verify-commit` accepts every committee commit with the exported allowed-signers file,
/// the verifier is clean; then forged records pushed by hand are reported.
@Suite("Two clones and the web server on one forge (issue 21)", .tags(.externalTool),
       .enabled(if: ExternalTool.runs("git", "ssh-keygen", "python3"), ExternalTool.reason("git", package: "git openssh-client python3")))
struct ForgeAcceptanceTests {
    static let chairPerson = Identity(name: "Présidence", email: "presidence@example.org")
    static let doctorPerson = Identity(name: "Médecin OFII", email: "medecin@example.org")
    static let associationPerson = Identity(name: "Camille Association", email: "asso@example.org")

    /// Stock git, away from the user's and system's configuration.
    static func git(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(ExternalTool.path("git")))
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "LC_ALL": "C"]) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// Records each member's key and the server's (unsigned: the register's first keys), as `suivi comite cle` and
    /// `suivi comite cle-serveur` do.
    static func recordKeys(_ fixture: WebFixture, chair: Signer, doctor: Signer, association: Signer, server: Signer) async throws {
        var roster = try await fixture.committee.state().roster
        let since = day("2026-01-01")
        for (seat, person, key) in [("dgs", chairPerson, chair), ("ofii-medecins", doctorPerson, doctor)] {
            let index = try #require(roster.seats.firstIndex { $0.id == seat })
            roster.seats[index].members = [Member(name: person.name, email: person.email, from: since, publicKey: key.publicKey)]
        }
        let index = try #require(roster.seats.firstIndex { $0.id == "assoc-medicale" })
        roster.seats[index].members[0].publicKey = association.publicKey
        roster.servers = [ServerKey(name: "serveur web", publicKey: server.publicKey)]
        _ = try await fixture.register.applyRecords([CommitteeState.rosterPath: Data(roster.xml.utf8)], message: "Clés du comité",
                                                    author: fixture.clerk)
    }

    /// A member working in their clone: comments, then a position, each followed by `suivi recuperer` + `suivi envoyer`
    /// (a failed exchange, the forge moving under another push, leaves the write for the next one).
    static func memberWork(_ clone: TextRegister, seat: String, person: Identity, texts: [String], reason: String,
                           credentials: RemoteCredentials) async throws {
        let committee = Committee(register: clone)
        let acting = Acting(seat: seat, person: person)
        for text in texts {
            try await committee.addComment(review: WebFixture.review, eId: "art_3__para_3", text: text, acting: acting, today: WebFixture.today)
            _ = try? await clone.exchange(with: nil, author: person, pullFirst: true, credentials: credentials)
        }
        try await committee.recordPosition(review: WebFixture.review, opinion: .reserves, reason: reason, acting: acting, today: WebFixture.today)
        _ = try? await clone.exchange(with: nil, author: person, pullFirst: true, credentials: credentials)
    }

    @Test("concurrent signed writes from two clones and the web server all reach the forge once; git verify-commit and the verifier accept them; forged records pushed by hand are reported")
    func twoClonesAndServer() async throws {
        let (chairKey, doctorKey, associationKey, serverKey) =
            (Signer(randomFor: .member), Signer(randomFor: .member), Signer(randomFor: .member), Signer(randomFor: .server))
        let setup = try await ForgeFixture(signer: serverKey, makeForge: { try await AuthenticatedForge(seededFrom: $0) }) { fixture in
            try await Self.recordKeys(fixture, chair: chairKey, doctor: doctorKey, association: associationKey, server: serverKey)
        }
        let keysCommit = try #require(try await setup.fixture.register.mainTip())
        let doctorClone = try await setup.clone("medecin", signer: doctorKey)
        let associationClone = try await setup.clone("association", signer: associationKey)

        let doctorTexts = (1...4).map { "Observation \($0) du médecin (clone)." }
        let associationTexts = (1...3).map { "Observation \($0) de la association (clone)." }
        let chairTexts = (1...4).map { "Observation \($0) de la présidence (web)." }
        try await setup.application(signer: serverKey).test(.router) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await Self.memberWork(doctorClone, seat: "ofii-medecins", person: Self.doctorPerson, texts: Array(doctorTexts.prefix(3)),
                                              reason: "Réserve du médecin.", credentials: setup.forge.credentials)
                }
                group.addTask {
                    try await Self.memberWork(associationClone, seat: "assoc-medicale", person: Self.associationPerson,
                                              texts: associationTexts, reason: "Réserve de la association.",
                                              credentials: setup.forge.credentials)
                }
                group.addTask {
                    var chair = Browser(client)
                    try await chair.login("dgs")
                    try await chair.get(ForgeFixture.reviewPath)
                    for text in chairTexts.prefix(3) {
                        let response = try await chair.post(ForgeFixture.reviewPath + "/commentaires", [("eid", "art_3__para_3"), ("texte", text)])
                        #expect(response.status == .seeOther, "\(response.status): \(response.text.prefix(400))")
                    }
                    let position = try await chair.post(ForgeFixture.reviewPath + "/position", [("avis", "favorable"), ("motif", "Avis de la présidence.")])
                    #expect(position.status == .seeOther, "\(position.status): \(position.text.prefix(400))")
                }
                try await group.waitForAll()
            }
            // Once more, in an order that makes the server merge for sure: a member pushes, then the chair writes on
            // the web; the server's push is refused, it merges (signed with its key, for no member) and pushes. (The
            // server's own sync must be over first: still running, it would bring the member's push in itself.)
            await setup.sync.idle()
            try await Committee(register: doctorClone).addComment(review: WebFixture.review, eId: "art_3__para_3", text: doctorTexts[3],
                                                                  acting: Acting(seat: "ofii-medecins", person: Self.doctorPerson),
                                                                  today: WebFixture.today)
            _ = try await doctorClone.exchange(with: nil, author: Self.doctorPerson, pullFirst: true, credentials: setup.forge.credentials)
            await setup.sync.idle()
            var chair = Browser(client)
            try await chair.login("dgs")
            try await chair.get(ForgeFixture.reviewPath)
            let response = try await chair.post(ForgeFixture.reviewPath + "/commentaires", [("eid", "art_3__para_3"), ("texte", chairTexts[3])])
            #expect(response.status == .seeOther)
            await setup.sync.idle()
            let merge = try await setup.fixture.register.commitInfo(try #require(try await setup.fixture.register.mainTip()))
            let syncStatus = await setup.sync.status
            #expect(merge.parents.count == 2 && merge.author == ForgeSync.mergeAuthor, "\(merge) — \(syncStatus)")
            guard case .valid(let key) = try await setup.fixture.register.signature(of: merge.id) else {
                Issue.record("the server's merge is not signed")
                return
            }
            #expect(key == serverKey.publicKey)
        }
        // The final round: each member pulls and pushes once more, then the server syncs.
        await setup.sync.idle()
        for (clone, person) in [(doctorClone, Self.doctorPerson), (associationClone, Self.associationPerson)] {
            var done = false
            for _ in 0..<3 where !done { done = (try? await clone.exchange(with: nil, author: person, pullFirst: true, credentials: setup.forge.credentials)) != nil }
            #expect(done)
        }
        let status = await setup.sync.synchronize(.pull)
        #expect(status.problem == nil && status.pending == [:], "\(status)")

        // Every record on the forge, once.
        let forge = try await setup.forge.contents()
        let forgeMain = try #require(try await forge.mainTip())
        #expect(try await setup.fixture.register.mainTip() == forgeMain)
        let comments = try await setup.forgeComments().values
        for text in doctorTexts + associationTexts + chairTexts {
            #expect(comments.filter { $0.contains(text) }.count == 1,
                    "« \(text) » is not on the forge exactly once")
        }
        #expect(comments.count == 11)
        let positions = try await forge.records(under: "committee/positions/\(WebFixture.review)", at: forgeMain)
            .mapValues { String(decoding: $0, as: UTF8.self) }
        for (seat, reason) in [("dgs", "Avis de la présidence."), ("ofii-medecins", "Réserve du médecin."), ("assoc-medicale", "Réserve de la association.")] {
            #expect(positions["committee/positions/\(WebFixture.review)/\(seat).xml"]?.contains(reason) == true, "position of \(seat)")
        }

        // Signed, and stock git agrees with the allowed-signers file the committee exports (`suivi comite signataires`).
        let signers = setup.clones.appendingPathComponent("signataires")
        try FileManager.default.createDirectory(at: setup.clones, withIntermediateDirectories: true)
        try await Committee(register: forge).state().roster.allowedSigners.write(to: signers, atomically: true, encoding: .utf8)
        let gitDirectory = TextRegister.gitDirectory(of: forge.root).path
        let committeeCommits = try await forge.commits(from: forgeMain).filter { $0.id != keysCommit }
        var checked = 0
        for commit in committeeCommits where try await forge.isAncestor(keysCommit, of: commit.id) {
            checked += 1
            guard case .valid = try await forge.signature(of: commit.id) else {
                Issue.record("commit \(commit.id) « \(commit.summary) » is not validly signed")
                continue
            }
            let verified = try Self.git(["-C", gitDirectory, "-c", "gpg.ssh.allowedSignersFile=" + signers.path, "verify-commit", commit.id.description])
            #expect(verified.status == 0, "git verify-commit \(commit.id) « \(commit.summary) » → \(verified.output)")
        }
        #expect(checked >= 15, "11 comments and 3 positions at least, and the merges: \(checked)")
        let clean = try await RegisterVerifier(register: forge).verify(record: false)
        #expect(clean.findings.isEmpty, "\(clean.findings.map(\.message))")

        // The forge is authenticated: every push went with the password, and one without it is refused.
        let forgeServer = try #require((setup.forge as? AuthenticatedForge)?.server)
        #expect(forgeServer.requests.contains { $0.method == "POST" && $0.path.hasSuffix("git-receive-pack") && $0.authorized })
        #expect(!forgeServer.requests.contains { $0.method == "POST" && $0.path.hasSuffix("git-receive-pack") && !$0.authorized })
        let anonymous = RemoteCredentials(environment: [:], home: setup.clones)
        await #expect(throws: RegisterError.self) { _ = try await doctorClone.push(credentials: anonymous) }

        // Forged by hand and pushed: the doctor's key writing the association's position; a key nobody recorded.
        _ = try await doctorClone.pull(author: Self.doctorPerson, credentials: setup.forge.credentials)
        let forgedPosition = try #require(positions["committee/positions/\(WebFixture.review)/assoc-medicale.xml"])
            .replacingOccurrences(of: "Réserve de la association.", with: "Avis falsifié.")
        _ = try await doctorClone.applyRecords(["committee/positions/\(WebFixture.review)/assoc-medicale.xml": Data(forgedPosition.utf8)],
                                               message: "Comité : position du siège assoc-medicale", author: Self.associationPerson)
        _ = try await doctorClone.push(credentials: setup.forge.credentials)
        let stranger = doctorClone.signing(with: Signer(randomFor: .member))
        let strangerComment = try #require(comments.first).replacingOccurrences(of: "Observation", with: "Intrusion")
        _ = try await stranger.applyRecords(["\(ForgeFixture.commentsFolder)/c-intrusion.xml": Data(strangerComment.utf8)],
                                            message: "Comité : commentaire", author: Self.doctorPerson)
        _ = try await stranger.push(credentials: setup.forge.credentials)
        let forged = try await setup.forge.contents()
        let report = try await RegisterVerifier(register: forged).verify(record: false)
        #expect(report.findings.contains { $0.kind == .seatNotHeld && $0.message.contains("assoc-medicale") }, "\(report.findings.map(\.message))")
        #expect(report.findings.contains { $0.kind == .unknownSigningKey }, "\(report.findings.map(\.message))")
        let forgedTip = try #require(try await forged.mainTip())
        let refused = try Self.git(["-C", TextRegister.gitDirectory(of: forged.root).path, "-c", "gpg.ssh.allowedSignersFile=" + signers.path,
                                    "verify-commit", forgedTip.description])
        #expect(refused.status != 0, "stock git accepted a key nobody recorded: \(refused.output)")
    }
}
