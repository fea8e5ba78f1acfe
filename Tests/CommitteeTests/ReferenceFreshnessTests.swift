import Foundation
import LegalText
import Register
import Testing
@testable import Committee
import SuiviSynthetic
import SuiviTestSupport

/// When a reference of Annexe II must be checked again, and what the dashboard lists.
@Suite("Freshness of documentary references")
struct ReferenceFreshnessTests {
    static func reference(_ checks: [(String, CheckOutcome)]) -> DocumentaryReference {
        DocumentaryReference(id: "r", publisher: "OMS", title: "Indicateurs", kind: .officialBody,
                             checks: checks.map { ReferenceCheck(date: day($0.0), person: "A <a@example.org>", outcome: $0.1) })
    }

    @Test("a reference never checked is stale, « jamais vérifiée », whatever the day")
    func neverChecked() {
        let reason = ReferenceFreshness().staleness(of: Self.reference([]), on: day("2017-01-05"))
        #expect(reason == .neverChecked)
        #expect(reason?.label == "jamais vérifiée" && reason?.code == "jamais-verifiee")
    }

    @Test("a reachable reference is fresh until exactly 12 months after its check, stale the day after")
    func twelveMonths() {
        let reference = Self.reference([("2025-03-10", .reachable)])
        let freshness = ReferenceFreshness()
        #expect(freshness.staleness(of: reference, on: day("2025-03-10")) == nil)
        #expect(freshness.staleness(of: reference, on: day("2026-03-09")) == nil)
        #expect(freshness.staleness(of: reference, on: day("2026-03-10")) == nil)
        #expect(freshness.staleness(of: reference, on: day("2026-03-11")) == .checkTooOld(lastChecked: day("2025-03-10"), due: day("2026-03-10")))
    }

    @Test("a check on 29 February is due on 28 February of the next year, stale from 1 March")
    func leapDay() {
        let reference = Self.reference([("2024-02-29", .reachable)])
        let freshness = ReferenceFreshness()
        #expect(freshness.due(reference) == day("2025-02-28"))
        #expect(freshness.staleness(of: reference, on: day("2025-02-28")) == nil)
        #expect(freshness.staleness(of: reference, on: day("2025-03-01")) == .checkTooOld(lastChecked: day("2024-02-29"), due: day("2025-02-28")))
        // 48 months later lands on a leap day again.
        #expect(ReferenceFreshness(months: 48).due(reference) == day("2028-02-29"))
    }

    @Test("a last check that found the reference moved, gone, unreachable or outdated makes it stale the same day",
          arguments: [CheckOutcome.moved, .gone, .outdated, .unreachable])
    func badOutcome(_ outcome: CheckOutcome) {
        let reference = Self.reference([("2026-11-01", outcome)])
        let reason = ReferenceFreshness().staleness(of: reference, on: day("2026-11-01"))
        #expect(reason == .lastCheckFound(outcome, on: day("2026-11-01")))
        #expect(reason?.code == outcome.rawValue)
    }

    @Test("the latest check counts, whatever the order the checks were recorded in")
    func latestCheckCounts() {
        let fresh = Self.reference([("2026-10-01", .reachable), ("2026-06-01", .gone)])
        #expect(ReferenceFreshness().staleness(of: fresh, on: day("2026-11-24")) == nil)
        let gone = Self.reference([("2026-06-01", .reachable), ("2026-10-01", .gone)])
        #expect(ReferenceFreshness().staleness(of: gone, on: day("2026-11-24")) == .lastCheckFound(.gone, on: day("2026-10-01")))
        // Two checks the same day: the one recorded last counts.
        let sameDay = Self.reference([("2026-10-01", .moved), ("2026-10-01", .reachable)])
        #expect(ReferenceFreshness().staleness(of: sameDay, on: day("2026-11-24")) == nil)
    }

    @Test("the period is the committee's: 6 months makes a 7-month-old check stale; 0 or 121 months is refused")
    func period() throws {
        let reference = Self.reference([("2026-01-15", .reachable)])
        #expect(try ReferenceFreshness.checked(months: 6).staleness(of: reference, on: day("2026-07-16")) != nil)
        #expect(ReferenceFreshness().staleness(of: reference, on: day("2026-07-16")) == nil)
        #expect(throws: CommitteeError.self) { try ReferenceFreshness.checked(months: 0) }
        #expect(throws: CommitteeError.self) { try ReferenceFreshness.checked(months: 121) }
    }

    @Test("random check histories, by people and automatic, agree with a model of the rule")
    func modelBased() {
        let seed = UInt64.random(in: 0...UInt64.max)
        print("ReferenceFreshnessTests.modelBased seed \(seed)")
        var random = SplitMix64(seed: seed)
        let outcomes = CheckOutcome.allCases
        for _ in 0..<400 {
            let count = Int(random.next() % 5)
            var checks: [ReferenceCheck] = []
            let start = day("2023-01-01")
            for _ in 0..<count {
                let date = start.adding(days: Int(random.next() % 1100))
                checks.append(ReferenceCheck(date: date, person: "A <a@example.org>", outcome: outcomes[Int(random.next() % UInt64(outcomes.count))],
                                             method: random.next() % 2 == 0 ? .manual : .automatic))
            }
            let months = 1 + Int(random.next() % 24)
            let today = start.adding(days: Int(random.next() % 1600))
            let reference = DocumentaryReference(id: "r", publisher: "OMS", title: "Indicateurs", kind: .officialBody, checks: checks)
            // Model: the latest check (greatest date, the later in the list on a tie) must have found the reference
            // reachable; so must the latest check by a person, and today must not be after the same day `months`
            // later (clamped to the month's end).
            func latest(_ candidates: [ReferenceCheck]) -> ReferenceCheck? {
                var last: ReferenceCheck?
                for check in candidates where last == nil || check.date >= last!.date { last = check }
                return last
            }
            let expectedStale: Bool
            if let last = latest(checks), last.outcome == .reachable,
               let manual = latest(checks.filter { $0.method == .manual }), manual.outcome == .reachable {
                var year = manual.date.year, month = manual.date.month + months
                while month > 12 { month -= 12; year += 1 }
                var dueDay = manual.date.day
                while LegalDate(year: year, month: month, day: dueDay) == nil { dueDay -= 1 }
                let due = LegalDate(year: year, month: month, day: dueDay)!
                expectedStale = today > due
            } else {
                expectedStale = true
            }
            let actual = ReferenceFreshness(months: months).staleness(of: reference, on: today) != nil
            #expect(actual == expectedStale, "seed \(seed): checks \(checks.map { "\($0.date.iso) \($0.outcome.rawValue) \($0.method.rawValue)" }), \(months) months, today \(today.iso)")
        }
    }
}

@Suite("Stale references on the dashboard")
struct StaleReferencesStatusTests {
    @Test("on the shipped register every reference is listed as never checked, with its clauses in the text in force")
    func shipped() async throws {
        let fixture = try await CommitteeFixture(roster: false)
        _ = try await fixture.committee.importRecords(from: ShippedFixture.committee.path, author: fixture.clerk)
        let status = try await fixture.committee.status(today: fixture.today)
        #expect(status.staleReferences.count == 11)
        #expect(status.staleReferences.allSatisfy { $0.reason == "jamais-verifiee" && $0.reasonLabel == "jamais vérifiée" && $0.lastChecked == nil })
        #expect(status.referenceCheckMonths == 12)
        let byID = Dictionary(uniqueKeysWithValues: status.staleReferences.map { ($0.id, $0) })
        // Cited by the text in force (2017): resolved to its eId there.
        #expect(byID["rapport-iga-igas-2013"]?.clauses == [CitingClause(work: "AFSP1638149A", wId: "annex_2__sec_A__para_8", eId: "annex_2__sec_A__para_8")])
        #expect(byID["oms-indicateurs-pays"]?.clauses.map(\.eId) == ["annex_2__sec_A__para_2"])
        // Cited only by the 2026 draft: no clause of the text in force.
        #expect(byID["onusida-aidsinfo"]?.clauses == [CitingClause(work: "AFSP1638149A", wId: "annex_2__sec_A__para_8-2026", eId: nil)])
    }

    @Test("a reference checked reachable recently is not listed; moved or too old is, with its reason")
    func checked() async throws {
        let fixture = try await CommitteeFixture(roster: false)
        let fresh = DocumentaryReference(id: "fraiche", publisher: "OMS", title: "T", kind: .officialBody,
                                         citations: [ReferenceCitation(work: "AFSP1638149A", wId: "annex_2__sec_A__para_2")],
                                         checks: [ReferenceCheck(date: day("2026-11-01"), person: "A <a@example.org>", outcome: .reachable)])
        var moved = fresh
        moved.id = "deplacee"
        moved.checks = [ReferenceCheck(date: day("2026-11-01"), person: "A <a@example.org>", outcome: .moved)]
        var old = fresh
        old.id = "ancienne"
        old.checks = [ReferenceCheck(date: day("2025-11-23"), person: "A <a@example.org>", outcome: .reachable)]
        var changes: [String: Data?] = [:]
        for reference in [fresh, moved, old] { changes[DocumentaryReference.path(reference.id)] = try Committee.data(reference) }
        try await fixture.committee.apply(changes, message: "Références", author: fixture.clerk)
        let status = try await fixture.committee.status(today: fixture.today)
        #expect(status.staleReferences.map(\.id) == ["ancienne", "deplacee"])
        #expect(status.staleReferences.map(\.reason) == ["verification-trop-ancienne", "deplacee"])
        #expect(status.staleReferences.first?.lastCheckedBy == "A <a@example.org>")
        // With a 24-month period the old check is fresh again.
        let longer = try await fixture.committee.status(today: fixture.today, freshness: ReferenceFreshness(months: 24))
        #expect(longer.staleReferences.map(\.id) == ["deplacee"])
    }
}
