import Committee
import Foundation
import LegalText
import Register
import Testing
@testable import Publishing

/// A review's publications compare its text with the version it changes: a draft with the adopted version it was
/// built on, an adopted review with the version before it; never with "the text in force today" (issue 14, item 2).
@Suite("Review publications compare with the draft's base")
struct ReviewBaseTests {
    static let eventChange = ("L'avis transmis au préfet ne comporte", "L'avis transmis au préfet ne contient")
    static let periodicChange = ("Le présent arrêté définit les orientations générales", "Le présent arrêté fixe les orientations générales")

    /// Replaces `change.0` by `change.1` in review `id`'s working copy and commits it.
    static func edit(_ fixture: RegisterFixture, _ id: String, _ change: (String, String)) async throws {
        let target = fixture.register.workingCopy(ofDraft: id).appendingPathComponent("AFSP1638149A.xml")
        let text = try String(contentsOf: target, encoding: .utf8)
        try #require(text.contains(change.0))
        try text.replacingOccurrences(of: change.0, with: change.1).write(to: target, atomically: true, encoding: .utf8)
        _ = try await fixture.register.commitDraft(id, message: "Modification", author: fixture.clerk)
    }

    /// Two drafts started from v2017-01-05: event review `e1` changes art_2__para_3 and is adopted (signed on
    /// 20 November 2026, in force on the 21st); periodic review `p2`, opened on 24 November, changes art_1__para_1 and
    /// is not brought up to date.
    static func twoDrafts() async throws -> RegisterFixture {
        let fixture = try await RegisterFixture()
        let committee = fixture.publisher.committee
        let event = CommitteeEvent(id: "vih", date: day("2025-12-18"), kind: .economic, summary: "Crise du financement",
                                   source: "Avis du CNS", works: [], deadline: day("2026-06-18"))
        try await committee.addEvent(event, acting: fixture.chair, today: fixture.today)
        try await committee.openReview(id: "e1", kind: .event, work: nil, event: "vih", subject: nil, acting: fixture.chair, today: fixture.today)
        try await committee.advance(review: "e1", AdvanceRequest(to: .drafting), acting: fixture.chair, today: fixture.today)
        try await edit(fixture, "e1", eventChange)
        try await committee.openReview(id: "p2", kind: .periodic, work: nil, event: nil, subject: nil, acting: fixture.chair, today: fixture.today)
        try await committee.advance(review: "p2", AdvanceRequest(to: .drafting), acting: fixture.chair, today: fixture.today)
        try await edit(fixture, "p2", periodicChange)
        try await committee.advance(review: "e1", AdvanceRequest(to: .consultation), acting: fixture.chair, today: fixture.today)
        try await committee.advance(review: "e1", AdvanceRequest(to: .adopted, adoption: AdoptionDates(
            signature: day("2026-11-20"), entryIntoForce: day("2026-11-21")), confirmOutstanding: true), acting: fixture.chair, today: fixture.today)
        return fixture
    }

    static func eIds(_ bulletin: Bulletin) -> [String] { bulletin.topics.flatMap(\.items).map(\.eId) }

    @Test("the second draft's bulletin shows its own change only, against v2017-01-05, and says so")
    func secondDraftBulletin() async throws {
        let fixture = try await Self.twoDrafts()
        let bulletin = try await fixture.publisher.bulletin(review: "p2")
        #expect(Self.eIds(bulletin) == ["art_1__para_1"], "\(Self.eIds(bulletin))")
        #expect(bulletin.base.baseVersion == "AFSP1638149A/v2017-01-05" && !bulletin.base.adopted)
        #expect(bulletin.base.baseCommit == (try await fixture.register.resolve("v2017-01-05")))
        let markdown = BulletinRenderer.markdown(bulletin)
        #expect(markdown.contains("Modifications par rapport à la version du 5 janvier 2017 (AFSP1638149A/v2017-01-05), version sur laquelle le projet draft/p2 a été établi"))
        #expect(!markdown.contains("contient") && markdown.contains("<ins>fixe</ins>"))
        let json = try BulletinRenderer.json(bulletin)
        #expect(json.contains("\"version\" : \"AFSP1638149A/v2017-01-05\"") && json.contains("\"date\" : \"2017-01-05\""))
    }

    @Test("an adopted review's bulletin compares the adopted version with the version before it")
    func adoptedBulletin() async throws {
        let fixture = try await Self.twoDrafts()
        let bulletin = try await fixture.publisher.bulletin(review: "e1")
        #expect(Self.eIds(bulletin) == ["art_2__para_3"], "\(Self.eIds(bulletin))")
        #expect(bulletin.base.adopted && bulletin.base.baseVersion == "AFSP1638149A/v2017-01-05" && bulletin.base.newLabel == "AFSP1638149A/v2026-11-20")
        #expect(BulletinRenderer.markdown(bulletin).contains(
            "Modifications par rapport à la version du 5 janvier 2017 (AFSP1638149A/v2017-01-05), apportées par la version adoptée AFSP1638149A/v2026-11-20"))
    }

    @Test("once the text in force has moved, the comparison base of a draft still is the version it was built on")
    func comparisonBase() async throws {
        let fixture = try await Self.twoDrafts()
        let review = try await fixture.publisher.committee.state().review("p2")
        for point in [ReviewDraftPoint.consulted, .tip] {
            let base = try await fixture.publisher.comparisonBase(of: review, at: point)
            #expect(base.baseVersion == "AFSP1638149A/v2017-01-05" && base.newLabel == "draft/p2")
            #expect(base.newCommit == (try await fixture.register.resolve("draft/p2")))
        }
        #expect(try await fixture.register.versionInForce(on: fixture.today).name == "AFSP1638149A/v2026-11-20")
    }

    @Test("the consolidated text of a draft says which version it was built on, and that a later one was adopted since")
    func consolidatedBase() async throws {
        let fixture = try await Self.twoDrafts()
        let draft = try await fixture.publisher.consolidated(at: "draft/p2")
        #expect(draft.base == "la version du 5 janvier 2017 (AFSP1638149A/v2017-01-05)")
        #expect(draft.adoptedSince == "AFSP1638149A/v2026-11-20")
        #expect(draft.headerLines.contains { $0.0 == "Établi sur" && $0.1 == "la version du 5 janvier 2017 (AFSP1638149A/v2017-01-05)" })
        #expect(draft.headerLines.contains { $0.0 == "Attention" && $0.1.hasPrefix("la version AFSP1638149A/v2026-11-20 a été adoptée depuis") })
        #expect(try ConsolidatedRenderer.json(draft).contains("\"adoptedSince\" : \"AFSP1638149A/v2026-11-20\""))
        let adopted = try await fixture.publisher.consolidated(at: "v2026-11-20")
        #expect(adopted.base == nil && adopted.adoptedSince == nil)
    }

    @Test("comparing or amending a draft from another version than its base warns which version it was built on")
    func baseWarnings() async throws {
        let fixture = try await Self.twoDrafts()
        let publisher = fixture.publisher
        let warning = try #require(try await publisher.baseWarning(old: "v2026-11-20", new: "draft/p2"))
        #expect(warning.contains("draft/p2 a été établi sur la version du 5 janvier 2017 (AFSP1638149A/v2017-01-05), pas sur v2026-11-20"), "\(warning)")
        #expect(warning.contains("exportez le comparatif de AFSP1638149A/v2017-01-05 à draft/p2"))
        // A date names the text in force that day: v2026-11-20 on 24 November 2026.
        #expect(try await publisher.baseWarning(old: "2026-11-24", new: "draft/p2") != nil)
        #expect(try await publisher.baseWarning(old: "v2017-01-05", new: "draft/p2") == nil)
        #expect(try await publisher.baseWarning(old: "v2017-01-05", new: "v2026-11-20") == nil)
        let amending = try #require(try await publisher.baseWarning(old: "v2026-11-20", new: "draft/p2", amending: true))
        #expect(amending.contains("cet arrêté modificatif reprendrait ou annulerait aussi les modifications intervenues"))
    }
}
