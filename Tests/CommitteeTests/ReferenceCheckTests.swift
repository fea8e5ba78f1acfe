import Foundation
import LegalText
import Register
import Testing
@testable import Committee
import SuiviTestSupport

/// A manual check of a reference, recorded as a commit.
@Suite("Recording a check of a documentary reference")
struct ReferenceCheckTests {
    @Test("a reachable check makes a never-checked reference fresh, and is one commit by its author")
    func reachable() async throws {
        let fixture = try await CommitteeFixture(roster: false)
        _ = try await fixture.committee.importRecords(from: ShippedFixture.committee.path, author: fixture.clerk)
        let before = try await fixture.committee.status(today: fixture.today).staleReferences.map(\.id)
        #expect(before.contains("onusida-aidsinfo"))
        let checked = try await fixture.committee.recordCheck(reference: "onusida-aidsinfo", outcome: .reachable, note: "",
                                                              author: fixture.clerk, today: fixture.today)
        #expect(checked.lastCheck == ReferenceCheck(date: fixture.today, person: "Secrétariat <secretariat@example.org>", outcome: .reachable))
        let after = try await fixture.committee.status(today: fixture.today).staleReferences.map(\.id)
        #expect(after == before.filter { $0 != "onusida-aidsinfo" })
        // Stale again the day after the period.
        let later = try await fixture.committee.status(today: day("2027-11-25")).staleReferences.map(\.id)
        #expect(later.contains("onusida-aidsinfo"))
    }

    @Test("a moved check without a note, or on an unknown reference, is refused and writes nothing")
    func refused() async throws {
        let fixture = try await CommitteeFixture(roster: false)
        _ = try await fixture.committee.importRecords(from: ShippedFixture.committee.path, author: fixture.clerk)
        let before = try await fixture.refs()
        let noNote = await refusal {
            try await fixture.committee.recordCheck(reference: "unicef", outcome: .moved, note: "  ", author: fixture.clerk, today: fixture.today)
        }
        guard case .invalidInput? = noNote else { Issue.record("\(String(describing: noNote))"); return }
        let unknown = await refusal {
            try await fixture.committee.recordCheck(reference: "inconnue", outcome: .reachable, note: "", author: fixture.clerk, today: fixture.today)
        }
        #expect(unknown == .unknownReference("inconnue"))
        let control = await refusal {
            try await fixture.committee.recordCheck(reference: "unicef", outcome: .gone, note: "a\u{0B}b", author: fixture.clerk, today: fixture.today)
        }
        guard case .forbiddenCharacter? = control else { Issue.record("\(String(describing: control))"); return }
        #expect(try await fixture.refs() == before)
    }

    @Test("a gone check keeps the reference stale, with the outcome as reason")
    func gone() async throws {
        let fixture = try await CommitteeFixture(roster: false)
        _ = try await fixture.committee.importRecords(from: ShippedFixture.committee.path, author: fixture.clerk)
        try await fixture.committee.recordCheck(reference: "unicef", outcome: .gone, note: "Page introuvable.", author: fixture.clerk, today: fixture.today)
        let unicef = try #require(try await fixture.committee.status(today: fixture.today).staleReferences.first { $0.id == "unicef" })
        #expect(unicef.reason == "disparue" && unicef.lastChecked == fixture.today)
    }
}
