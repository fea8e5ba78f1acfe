import Foundation
import LegalText
import Register
import Testing
@testable import Committee
import SuiviTestSupport

/// Freshness once automatic checks (`suivi sources verifier`) are recorded beside people's checks, and the boundaries
/// of the period around leap days.
@Suite("Freshness with automatic checks; period boundaries")
struct AutomaticCheckFreshnessTests {
    static func check(_ date: String, _ outcome: CheckOutcome, _ method: CheckMethod = .manual) -> ReferenceCheck {
        ReferenceCheck(date: day(date), person: "A <a@example.org>", outcome: outcome, method: method)
    }

    static func reference(_ checks: [ReferenceCheck]) -> DocumentaryReference {
        DocumentaryReference(id: "r", publisher: "OMS", title: "Indicateurs", kind: .officialBody, checks: checks)
    }

    @Test("an automatic check that finds the address reachable does not confirm the content: never confirmed, stale")
    func automaticReachableOnly() {
        let reason = ReferenceFreshness().staleness(of: Self.reference([Self.check("2026-12-01", .reachable, .automatic)]), on: day("2026-12-01"))
        #expect(reason == .neverConfirmed(lastChecked: day("2026-12-01")))
        #expect(reason?.code == "contenu-jamais-confirme")
    }

    @Test("an automatic reachable check does not restart the period a person's confirmation started")
    func automaticDoesNotRestart() {
        let reference = Self.reference([Self.check("2025-03-10", .reachable), Self.check("2026-03-01", .reachable, .automatic)])
        #expect(ReferenceFreshness().staleness(of: reference, on: day("2026-03-10")) == nil)
        #expect(ReferenceFreshness().staleness(of: reference, on: day("2026-03-11")) == .checkTooOld(lastChecked: day("2025-03-10"), due: day("2026-03-10")))
        #expect(ReferenceFreshness().due(reference) == day("2026-03-10"))
    }

    @Test("an automatic check finding the address moved, gone or unreachable makes a confirmed reference stale at once",
          arguments: [CheckOutcome.moved, .gone, .unreachable])
    func automaticBadOutcome(_ outcome: CheckOutcome) {
        let reference = Self.reference([Self.check("2026-11-01", .reachable), Self.check("2026-11-20", outcome, .automatic)])
        #expect(ReferenceFreshness().staleness(of: reference, on: day("2026-11-20")) == .lastCheckFound(outcome, on: day("2026-11-20")))
    }

    @Test("a person's verdict of outdated content stands after an automatic check finds the address reachable")
    func outdatedStands() {
        let reference = Self.reference([Self.check("2026-10-01", .outdated), Self.check("2026-11-01", .reachable, .automatic)])
        #expect(ReferenceFreshness().staleness(of: reference, on: day("2026-11-02")) == .lastCheckFound(.outdated, on: day("2026-10-01")))
        // A person's confirmation afterwards makes it fresh.
        var confirmed = reference
        confirmed.checks.append(Self.check("2026-11-02", .reachable))
        #expect(ReferenceFreshness().staleness(of: confirmed, on: day("2026-11-02")) == nil)
    }

    @Test("leap days: 28 February 2023 is due 28 February 2024 and stale on 29 February 2024; 1 March 2024 due 1 March 2025")
    func leapDayAsToday() {
        let freshness = ReferenceFreshness()
        let before = Self.reference([Self.check("2023-02-28", .reachable)])
        #expect(freshness.due(before) == day("2024-02-28"))
        #expect(freshness.staleness(of: before, on: day("2024-02-28")) == nil)
        #expect(freshness.staleness(of: before, on: day("2024-02-29")) == .checkTooOld(lastChecked: day("2023-02-28"), due: day("2024-02-28")))
        let after = Self.reference([Self.check("2024-03-01", .reachable)])
        #expect(freshness.due(after) == day("2025-03-01"))
        #expect(freshness.staleness(of: after, on: day("2025-03-01")) == nil)
        #expect(freshness.staleness(of: after, on: day("2025-03-02")) != nil)
        // A one-month period from 31 January ends on the last day of February, leap year or not.
        #expect(ReferenceFreshness(months: 1).due(Self.reference([Self.check("2024-01-31", .reachable)])) == day("2024-02-29"))
        #expect(ReferenceFreshness(months: 1).due(Self.reference([Self.check("2025-01-31", .reachable)])) == day("2025-02-28"))
    }

    @Test("an automatic check with its status, final address and redirects writes and reads back identically")
    func roundTrip() throws {
        let automatic = ReferenceCheck(date: day("2026-12-06"), person: "A <a@example.org>", outcome: .moved, note: "HEAD https://b.example/x : HTTP 200",
                                       method: .automatic, httpStatus: 200, finalAddress: "https://b.example/x?a=1&b=2",
                                       redirects: [RedirectHop(from: "https://a.example/x", status: 301, to: "https://b.example/x?a=1&b=2")])
        let failed = ReferenceCheck(date: day("2026-12-07"), person: "A <a@example.org>", outcome: .unreachable,
                                    note: "pas de réponse dans le délai", method: .automatic)
        let reference = DocumentaryReference(id: "r", publisher: "OMS", title: "T", address: "https://a.example/x", kind: .database,
                                             checks: [automatic, failed, Self.check("2026-12-08", .reachable)])
        let data = try Committee.data(reference)
        let read = try DocumentaryReference(data: data, file: DocumentaryReference.path("r"))
        #expect(read == reference)
        #expect(read.xml == reference.xml)
    }

    @Test("a check recording a redirect to file: or javascript:, or an impossible status, is refused on write and on read")
    func hostileCheck() throws {
        let bad = [
            ReferenceCheck(date: day("2026-12-06"), person: "A <a@example.org>", outcome: .moved, method: .automatic, httpStatus: 200,
                           finalAddress: "file:///etc/passwd"),
            ReferenceCheck(date: day("2026-12-06"), person: "A <a@example.org>", outcome: .reachable, method: .automatic, httpStatus: 200,
                           redirects: [RedirectHop(from: "https://a.example/", status: 302, to: "javascript:alert(1)")]),
            ReferenceCheck(date: day("2026-12-06"), person: "A <a@example.org>", outcome: .reachable, method: .automatic, httpStatus: 1000),
        ]
        for check in bad {
            let reference = DocumentaryReference(id: "r", publisher: "OMS", title: "T", kind: .database, checks: [check])
            #expect(throws: CommitteeError.self) { try Committee.data(reference) }
        }
        var address = DocumentaryReference(id: "r", publisher: "OMS", title: "T", kind: .database)
        address.address = "javascript:alert(1)"
        let refused = #expect(throws: CommitteeError.self) { try Committee.data(address) }
        guard case .invalidInput(let message)? = refused else { Issue.record("\(String(describing: refused))"); return }
        #expect(message.contains("javascript"))
        let hostile = Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <reference xmlns="urn:suivi:comite:1" id="r" nature="base-de-donnees"><editeur>OMS</editeur><titre>T</titre>
            <verification date="2026-12-06" par="A &lt;a@example.org&gt;" resultat="deplacee" methode="automatique" statut="200" adresse-finale="file:///etc/passwd"/>
            </reference>
            """.utf8)
        let error = #expect(throws: CommitteeError.self) { try DocumentaryReference(data: hostile, file: DocumentaryReference.path("r")) }
        guard case .invalidRecord(_, _, let reason)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(reason.contains("file"))
    }
}
