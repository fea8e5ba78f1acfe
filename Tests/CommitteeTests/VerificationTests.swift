import Foundation
import LegalText
import Register
import Testing
@testable import Committee

/// `suivi verify`'s checks, on a register with the 2017 order and a small roster.
@Suite("Verification of a register")
struct VerificationTests {
    @Test("a fresh register verifies clean and records its tags and branch tips in register.git/suivi-verify")
    func clean() async throws {
        let fixture = try await CommitteeFixture()
        let report = try await RegisterVerifier(register: fixture.register).verify()
        #expect(report.isClean, "\(report.findings)")
        #expect(report.versionsChecked == ["AFSP1638149A/v2017-01-05"])
        #expect(report.recorded && report.previousVerification == nil)
        let record = try String(contentsOf: fixture.register.gitStore.url.appendingPathComponent("suivi-verify"), encoding: .utf8)
        #expect(record.contains("tag refs/tags/AFSP1638149A/v2017-01-05 ") && record.contains("branch refs/heads/main "))
        let again = try await RegisterVerifier(register: fixture.register).verify()
        #expect(again.isClean && again.previousVerification != nil)
    }

    @Test("a position naming a commit the repository lacks is reported")
    func missingCommit() async throws {
        let fixture = try await CommitteeFixture()
        let absent = String(repeating: "ab", count: 20)
        let position = Position(review: "periodique-2020", seat: "ofii-medecins", opinion: .favorable, reason: "Bien.",
                                commit: absent, date: fixture.today, person: "Médecin OFII <medecin@example.org>")
        _ = try await fixture.register.gitStore.commitApplying(
            changes: [Position.path(review: "periodique-2020", seat: "ofii-medecins"): Data(position.xml.utf8)],
            message: "Position", author: fixture.clerk, date: Date(), signer: nil)
        let report = try await RegisterVerifier(register: fixture.register).verify()
        #expect(report.findings.map(\.kind) == [.missingCommit], "\(report.findings)")
        #expect(report.findings.first?.message.contains("abababa") == true)
    }

    @Test("a tag moved and main rewound since the last verification are tampering, reported until repaired")
    func tampering() async throws {
        let fixture = try await CommitteeFixture()
        let store = fixture.register.gitStore
        #expect(try await RegisterVerifier(register: fixture.register).verify().isClean)

        let tip = try #require(try await store.tip())
        let parent = try #require(try await store.commitInfo(tip).parents.first)
        let other = try await store.tag(name: "autre", target: parent, message: "autre", tagger: fixture.clerk, date: Date())
        let published = try #require(try await store.tagInfo(named: "AFSP1638149A/v2017-01-05"))
        try await store.moveReference("refs/tags/AFSP1638149A/v2017-01-05", to: other.id, expected: published.id, logMessage: "falsification")
        try await store.moveReference(GitStore.mainBranch, to: parent, expected: tip, logMessage: "falsification")

        let report = try await RegisterVerifier(register: fixture.register).verify()
        #expect(Set(report.tampering.map(\.kind)) == [.tagMoved, .historyRewritten], "\(report.findings)")
        #expect(report.tampering.contains { $0.message.contains("désignait \(published.id.abbreviated)") })
        #expect(!report.recorded)
        #expect(try await RegisterVerifier(register: fixture.register).verify().tampering.count == 2)
    }
}
