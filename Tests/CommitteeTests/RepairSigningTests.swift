import Foundation
import LegalText
import Register
import Testing
@testable import Committee

/// Issue 21, « signed records »: `suivi comite reparer` rewrites records, so on a signed register its signer must
/// hold what the verifier will ask of that commit (the chair's seat for an event or a review, each position's and
/// comment's seat), checked before anything is written, as every other committee write is.
@Suite("Repair on a signed register")
struct RepairSigningTests {
    /// Writes, signed by the chair (as a tool with the chair's key could), an event whose summary holds a vertical tab
    /// (repairing it needs the chair) and a position of the OFII doctors' seat whose reason holds one (needs that seat).
    @discardableResult
    static func damage(_ fixture: SignedFixture, event: Bool = true, position: Bool = true) async throws -> ObjectID {
        var changes: [String: Data?] = [:]
        if event {
            let record = CommitteeEvent(id: "abime", date: fixture.now, kind: .sanitary, summary: "RESUME", source: "Source",
                                        works: [], deadline: fixture.now.adding(days: 30))
            changes[CommitteeEvent.path("abime")] = Data(record.xml.replacingOccurrences(of: "RESUME", with: "Collé\u{0B}ici").utf8)
        }
        if position {
            let record = Position(review: "periodique-2020", seat: "ofii-medecins", opinion: .favorable, reason: "MOTIF",
                                  commit: String(repeating: "0", count: 40), date: fixture.now, person: "Médecin OFII <medecin@example.org>")
            changes[Position.path(review: "periodique-2020", seat: "ofii-medecins")] =
                Data(record.xml.replacingOccurrences(of: "MOTIF", with: "Motif\u{0B}abîmé").utf8)
        }
        let store = fixture.register.gitStore
        let commit = try await store.commit(changes: changes, message: "Écrit par un autre outil", author: fixture.chairMember, date: Date(),
                                            expectedParent: try #require(try await store.tip()), signer: fixture.chairKey)
        #expect(try await fixture.base.committee.state().damaged.count == changes.count)
        return commit
    }

    @Test("a repair without a key, with a key no member has, or with a key whose member may not sign it is refused; nothing is written")
    func refusedUpFront() async throws {
        let fixture = try await SignedFixture()
        try await Self.damage(fixture)
        let before = try await fixture.base.refs()
        #expect(await refusal { try await fixture.signed(nil).repair(author: fixture.base.clerk) } == .signatureRequired)
        #expect(await refusal { try await fixture.signed(fixture.strangerKey).repair(author: fixture.base.clerk) }
                    == .unknownSigningKey(fingerprint: fixture.strangerKey.publicKey.fingerprint))
        // The OFII doctor may repair their own position, not the event (a chair's record): the commit would be reported.
        let ofii = await refusal { try await fixture.signed(fixture.ofiiKey).repair(author: fixture.base.clerk) }
        guard case .seatNotHeldBySigner(let seat, _, let held, _) = ofii else {
            Issue.record("expected seatNotHeldBySigner, got \(String(describing: ofii))")
            return
        }
        #expect(seat == "dgs" && held == ["ofii-medecins"])
        // The chair may repair the event, not the OFII doctors' position.
        let chair = await refusal { try await fixture.signed(fixture.chairKey).repair(author: fixture.base.clerk) }
        guard case .seatNotHeldBySigner(let chairSeat, _, _, _) = chair else {
            Issue.record("expected seatNotHeldBySigner, got \(String(describing: chair))")
            return
        }
        #expect(chairSeat == "ofii-medecins")
        // A former member's key: no seat held today.
        #expect(await refusal { try await fixture.signed(fixture.formerKey).repair(author: fixture.base.clerk) } != nil)
        #expect(try await fixture.base.refs() == before)
        #expect(try await fixture.base.committee.state().damaged.count == 2)
    }

    @Test("a repair signed by a member who holds what it rewrites is written, and the verifier finds nothing to say about its signature")
    func allowedRepairVerifies() async throws {
        let fixture = try await SignedFixture()
        let store = fixture.register.gitStore
        // Written with the chair's key for the OFII doctors' seat: the verifier reports that commit (it checks).
        let forged = try await Self.damage(fixture, event: false)
        let repaired = try await fixture.signed(fixture.ofiiKey).repair(author: fixture.ofiiMember)
        #expect(repaired.map(\.path) == [Position.path(review: "periodique-2020", seat: "ofii-medecins")])
        let memberRepair = try #require(try await store.tip())
        try await Self.damage(fixture, position: false)
        #expect(try await fixture.signed(fixture.chairKey).repair(author: fixture.chairMember).count == 1)
        let chairRepair = try #require(try await store.tip())
        #expect(try await fixture.base.committee.state().damaged.isEmpty)
        let findings = try await fixture.signatureFindings()
        #expect(findings["commit \(forged.abbreviated)"] == [.seatNotHeld])
        #expect(findings["commit \(memberRepair.abbreviated)"] == nil)
        #expect(findings["commit \(chairRepair.abbreviated)"] == nil)
    }
}
