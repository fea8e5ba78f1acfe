import Foundation
import LegalText
import Register
import SuiviTestSupport
import Testing
@testable import Committee

/// A register whose roster records keys: the chair's member (key `chairKey`) recorded first, unsigned (nothing to
/// check against yet), then, signed by the chair, an OFII doctor (`ofiiKey`) and a former association member whose
/// term ended yesterday (`formerKey`), and the web server's key (`serverKey`).
final class SignedFixture {
    let base: CommitteeFixture
    let chairKey = Signer(randomFor: .member)
    let ofiiKey = Signer(randomFor: .member)
    let formerKey = Signer(randomFor: .member)
    let serverKey = Signer(randomFor: .server)
    let strangerKey = Signer(randomFor: .member)
    /// The day commits written now carry (Paris): tenures are laid out around it.
    let now = LegalDate.today(in: .paris)
    let chairMember = Identity(name: "Présidence", email: "presidence@example.org")
    let ofiiMember = Identity(name: "Médecin OFII", email: "medecin@example.org")

    init() async throws {
        base = try await CommitteeFixture()
        let since = now.adding(days: -400)
        try await base.committee.addMember(Member(name: chairMember.name, email: chairMember.email, from: since,
                                                  publicKey: chairKey.publicKey), toSeat: "dgs", author: base.clerk)
        let chair = signed(chairKey)
        try await chair.addMember(Member(name: ofiiMember.name, email: ofiiMember.email, from: since, publicKey: ofiiKey.publicKey),
                                  toSeat: "ofii-medecins", author: base.clerk)
        try await chair.addMember(Member(name: "Ancienne", email: "ancienne@example.org", from: since, to: now.adding(days: -1),
                                         publicKey: formerKey.publicKey), toSeat: "assoc-medicale", author: base.clerk)
        try await chair.addServerKey(serverKey.publicKey, name: "serveur web", author: base.clerk)
    }

    var register: TextRegister { base.register }

    func signed(_ signer: Signer?) -> Committee { Committee(register: base.register.signing(with: signer)) }

    /// A position record of `seat` written straight into the register (no committee check), signed by `signer`:
    /// what someone with git and a key could push.
    @discardableResult
    func forgePosition(seat: String, signer: Signer?, message: String = "Position") async throws -> ObjectID {
        let position = Position(review: "periodique-2020", seat: seat, opinion: .favorable, reason: "Forgée ?",
                                commit: String(repeating: "0", count: 40), date: now, person: "X <x@example.org>")
        return try await base.register.signing(with: signer)
            .applyRecords([Position.path(review: "periodique-2020", seat: seat): Data(position.xml.utf8)], message: message,
                          author: Identity(name: "X", email: "x@example.org"))
    }

    /// The signature findings of a verification, as commit → kinds.
    func signatureFindings() async throws -> [String: Set<VerificationFinding.Kind>] {
        let report = try await RegisterVerifier(register: base.register).verify(record: false)
        var found: [String: Set<VerificationFinding.Kind>] = [:]
        let kinds: Set<VerificationFinding.Kind> = [.unsignedRecord, .invalidSignature, .unknownSigningKey, .seatNotHeld, .chairNotSigned]
        for finding in report.findings where kinds.contains(finding.kind) { found[finding.subject, default: []].insert(finding.kind) }
        return found
    }
}

@Suite("Signed committee records")
struct SignedRecordsTests {
    @Test("once the roster records a key, an unsigned committee write is refused and nothing is written")
    func unsignedRefused() async throws {
        let fixture = try await SignedFixture()
        let before = try await fixture.base.refs()
        let error = await refusal {
            try await fixture.signed(nil).addSeat(Seat(id: "daei", category: .daei, organisation: "DAEI"), author: fixture.base.clerk)
        }
        #expect(error == .signatureRequired)
        #expect(error?.description(.probe).contains("[signingKey]") == true)
        let event = CommitteeEvent(id: "e1", date: fixture.now, kind: .sanitary, summary: "Résumé", source: "Source", works: [],
                                   deadline: fixture.now.adding(days: 30))
        #expect(await refusal {
            _ = try await fixture.signed(nil).addEvent(event, acting: Acting(seat: "ofii-medecins"), today: fixture.base.today)
        } == .signatureRequired)
        #expect(try await fixture.base.refs() == before)
        // The same rule, asked before slow work (`sources verifier` fetching every address).
        #expect(await refusal { try await fixture.signed(nil).authorizeWrite(author: fixture.base.clerk) } == .signatureRequired)
    }

    @Test("on the web server, a seat's account whose person holds no seat (a seat left without a member in office) is refused with what to do, not as a wrong SSH key")
    func serverAccountNotHoldingSeat() async throws {
        let fixture = try await SignedFixture()
        // A seat without a member in office, whose web account acts as the person who created it (`--auteur`).
        try await fixture.signed(fixture.chairKey).addSeat(Seat(id: "daei", category: .daei, organisation: "DAEI"), author: fixture.chairMember)
        let before = try await fixture.base.refs()
        let server = fixture.signed(fixture.serverKey)
        let outsider = Identity(name: "Paul Nom", email: "p.nom@example.org")
        let error = await refusal { _ = try await server.actingIdentity(Acting(seat: "daei", fallback: outsider), on: fixture.base.today) }
        guard case .accountNotHoldingSeat(let seat, let person, let held, _) = error else {
            Issue.record("expected accountNotHoldingSeat, got \(String(describing: error))")
            return
        }
        #expect(seat == "daei" && held.isEmpty && person.contains("p.nom@example.org"))
        let message = error?.description ?? ""
        #expect(!message.contains("clé SSH utilisée") && message.contains("compte personnel d'un membre en fonction du siège"), "\(message)")
        #expect(try await fixture.base.refs() == before)
    }

    @Test("a member's key acting for a seat its member does not hold is refused up front, naming the seat held")
    func seatNotHeldRefused() async throws {
        let fixture = try await SignedFixture()
        let before = try await fixture.base.refs()
        let ofii = fixture.signed(fixture.ofiiKey)
        let error = await refusal { _ = try await ofii.actingIdentity(Acting(seat: "dgs"), on: fixture.base.today) }
        guard case .seatNotHeldBySigner(let seat, let person, let held, _) = error else {
            Issue.record("expected seatNotHeldBySigner, got \(String(describing: error))")
            return
        }
        #expect(seat == "dgs" && held == ["ofii-medecins"] && person.contains("medecin@example.org"))
        #expect(error?.description.contains("occupe le siège « ofii-medecins »") == true)
        // A chair's action with a member's key: refused before anything is written.
        #expect(await refusal {
            _ = try await ofii.openReview(id: "r1", kind: .periodic, work: nil, event: nil, subject: nil, acting: Acting(seat: "dgs"),
                                      today: fixture.base.today)
        } != nil)
        // Roster changes: the chair's member only.
        #expect(await refusal {
            try await ofii.addSeat(Seat(id: "daei", category: .daei, organisation: "DAEI"), author: fixture.base.clerk)
        } != nil)
        // A key no member has, and a former member's key.
        #expect(await refusal {
            _ = try await fixture.signed(fixture.strangerKey).actingIdentity(Acting(seat: "ofii-medecins"), on: fixture.base.today)
        } == .unknownSigningKey(fingerprint: fixture.strangerKey.publicKey.fingerprint))
        let former = await refusal {
            _ = try await fixture.signed(fixture.formerKey).actingIdentity(Acting(seat: "assoc-medicale"), on: fixture.base.today)
        }
        guard case .seatNotHeldBySigner(_, _, let formerHeld, _) = former else {
            Issue.record("expected seatNotHeldBySigner for a former member, got \(String(describing: former))")
            return
        }
        #expect(formerHeld.isEmpty)
        #expect(try await fixture.base.refs() == before)
    }

    @Test("a member's key acts as its member, whatever the seat's other members")
    func keyNamesThePerson() async throws {
        let fixture = try await SignedFixture()
        let acting = try await fixture.signed(fixture.ofiiKey).actingIdentity(Acting(seat: "ofii-medecins"), on: fixture.base.today)
        #expect(acting.person == fixture.ofiiMember)
        // Naming another person with the key is refused.
        #expect(await refusal {
            _ = try await fixture.signed(fixture.ofiiKey).actingIdentity(
                Acting(seat: "ofii-medecins", person: Identity(name: "Autre", email: "autre@example.org")), on: fixture.base.today)
        } == .notAMember(seat: "ofii-medecins", email: "autre@example.org"))
    }

    @Test("signed writes verify clean; the server's writes name the authenticated member")
    func signedWritesVerifyClean() async throws {
        let fixture = try await SignedFixture()
        let event = CommitteeEvent(id: "e1", date: fixture.now, kind: .sanitary, summary: "Résumé", source: "Source", works: [],
                                   deadline: fixture.now.adding(days: 30))
        _ = try await fixture.signed(fixture.ofiiKey).addEvent(event, acting: Acting(seat: "ofii-medecins"), today: fixture.base.today)
        _ = try await fixture.signed(fixture.chairKey).openReview(id: "r1", kind: .periodic, work: nil, event: nil, subject: nil,
                                                              acting: Acting(seat: "dgs"), today: fixture.base.today)
        let server = fixture.signed(fixture.serverKey)
        _ = try await server.decideNoRevision(event: "e1", reason: "Sans objet.", acting: Acting(seat: "dgs", person: fixture.chairMember),
                                              today: fixture.base.today)
        let commit = try #require(try await fixture.register.mainTip())
        let info = try await fixture.register.commitInfo(commit)
        #expect(info.message.contains("Membre-authentifie: presidence@example.org"))
        guard case .valid(let key) = try await fixture.register.signature(of: commit) else {
            Issue.record("the server's commit is not validly signed")
            return
        }
        #expect(key == fixture.serverKey.publicKey)
        // The server refuses, up front, a member acting for a seat they do not hold.
        #expect(await refusal {
            _ = try await server.decideNoRevision(event: "e1", reason: "x", acting: Acting(seat: "dgs", person: fixture.ofiiMember),
                                              today: fixture.base.today)
        } != nil)
        #expect(try await fixture.signatureFindings() == [:])
        let report = try await RegisterVerifier(register: fixture.register).verify(record: false)
        #expect(report.isClean, "\(report.findings)")
    }

    @Test("the verifier reports each forged record: unsigned, unknown key, seat not held, chair action by a non-chair")
    func forgeriesReported() async throws {
        let fixture = try await SignedFixture()
        let legit = try await fixture.forgePosition(seat: "ofii-medecins", signer: fixture.ofiiKey)
        let unsigned = try await fixture.forgePosition(seat: "ofii-medecins", signer: nil)
        let stranger = try await fixture.forgePosition(seat: "ofii-medecins", signer: fixture.strangerKey)
        let otherSeat = try await fixture.forgePosition(seat: "assoc-medicale", signer: fixture.ofiiKey)
        let former = try await fixture.forgePosition(seat: "assoc-medicale", signer: fixture.formerKey)
        let serverNoTrailer = try await fixture.forgePosition(seat: "ofii-medecins", signer: fixture.serverKey)
        let serverForOfii = try await fixture.forgePosition(seat: "ofii-medecins", signer: fixture.serverKey,
                                                            message: "Position\n\nMembre-authentifie: medecin@example.org")
        // A chair's action (the roster) signed by a non-chair member.
        var roster = try await fixture.signed(nil).state().roster
        roster.seats.append(Seat(id: "daei", category: .daei, organisation: "DAEI"))
        let rosterByOfii = try await fixture.register.signing(with: fixture.ofiiKey)
            .applyRecords([CommitteeState.rosterPath: Data(roster.xml.utf8)], message: "Siège ajouté", author: fixture.ofiiMember)
        let found = try await fixture.signatureFindings()
        func kinds(_ commit: ObjectID) -> Set<VerificationFinding.Kind> { found["commit \(commit.abbreviated)"] ?? [] }
        #expect(kinds(legit).isEmpty)
        #expect(kinds(serverForOfii).isEmpty)
        #expect(kinds(unsigned) == [.unsignedRecord])
        #expect(kinds(stranger) == [.unknownSigningKey])
        #expect(kinds(otherSeat) == [.seatNotHeld])
        #expect(kinds(former) == [.seatNotHeld])
        #expect(kinds(serverNoTrailer) == [.unknownSigningKey])
        #expect(kinds(rosterByOfii) == [.chairNotSigned])
        #expect(found.count == 6)
    }

    @Test("a rotated key: the commits signed with the former key stay valid, the former key no longer signs")
    func rotation() async throws {
        let fixture = try await SignedFixture()
        try await fixture.forgePosition(seat: "ofii-medecins", signer: fixture.ofiiKey)
        let newKey = Signer(randomFor: .member)
        try await fixture.signed(fixture.chairKey).setMemberKey(newKey.publicKey, email: fixture.ofiiMember.email, seat: "ofii-medecins",
                                                                on: fixture.now, author: fixture.base.clerk)
        try await fixture.forgePosition(seat: "ofii-medecins", signer: newKey)
        #expect(try await fixture.signatureFindings() == [:])
        let stale = try await fixture.forgePosition(seat: "ofii-medecins", signer: fixture.ofiiKey)
        #expect(try await fixture.signatureFindings() == ["commit \(stale.abbreviated)": [.unknownSigningKey]])
        #expect(await refusal {
            _ = try await fixture.signed(fixture.ofiiKey).actingIdentity(Acting(seat: "ofii-medecins"), on: fixture.base.today)
        } == .unknownSigningKey(fingerprint: fixture.ofiiKey.publicKey.fingerprint))
    }

    @Test("a register whose roster records no key keeps working unsigned and verifies clean")
    func registerWithoutKeys() async throws {
        let base = try await CommitteeFixture()
        try await base.committee.addMember(Member(name: "P", email: "p@example.org", from: day("2020-01-01")), toSeat: "dgs", author: base.clerk)
        #expect(try await base.committee.state().roster.requiresSignatures == false)
        let report = try await RegisterVerifier(register: base.register).verify(record: false)
        #expect(report.isClean, "\(report.findings)")
    }

    @Test("the roster keeps members' and servers' keys through its XML; a key that is not ed25519 is refused with its reason")
    func rosterXML() async throws {
        let key = Signer(randomFor: .member).publicKey
        let roster = Roster(seats: [Seat(id: "dgs", category: .dgs, organisation: "DGS", isChair: true,
                                         members: [Member(name: "P", email: "p@example.org", from: day("2020-01-01"), publicKey: key)])],
                            servers: [ServerKey(name: "serveur", publicKey: Signer(randomFor: .server).publicKey)])
        #expect(try Roster(data: Data(roster.xml.utf8), file: "m.xml") == roster)
        let rsa = roster.xml.replacingOccurrences(of: key.openSSH, with: "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ")
        guard case .invalidRecord(_, _, let reason) = await refusal({ _ = try Roster(data: Data(rsa.utf8), file: "m.xml") }) else {
            Issue.record("an RSA key was accepted")
            return
        }
        #expect(reason.contains("ed25519"))
    }
}
