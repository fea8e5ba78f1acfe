import Foundation
import LegalText
import Register
import Testing
@testable import Committee

/// Issue 14, item 1, at the committee's level: a review's draft overtaken by another adoption cannot be adopted
/// as it is; bringing it up to date moves its commit, so the consultation must be held again.
@Suite("A review's draft overtaken by another adoption")
struct OutOfDateDraftTests {
    static let urgent = AdoptionDates(signature: day("2026-11-30"), entryIntoForce: day("2026-12-01"))
    static let article5 = "[Contenu de l'article 5 à compléter d'après le texte officiel.]"

    @Test("adoption is refused with what changed; after draft update the consultation must be held again and positions go stale")
    func overtakenReview() async throws {
        let fixture = try await CommitteeFixture()
        try await fixture.draftRevision("p1")
        let consulted = try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .consultation),
                                                            acting: fixture.chair, today: fixture.today)
        try await fixture.committee.recordPosition(review: "p1", opinion: .favorable, reason: "Bien.",
                                                   acting: fixture.ofii, today: fixture.today)

        // Meanwhile another draft, started from the same version, changes article 5 and is adopted.
        let register = fixture.register
        _ = try await register.startDraft("urgence", author: fixture.clerk, today: fixture.today)
        let file = register.workingCopy(ofDraft: "urgence").appendingPathComponent("AFSP1638149A.xml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try #require(text.contains(Self.article5))
        try Data(text.replacingOccurrences(of: Self.article5, with: "Texte de l'article 5 adopté en urgence.").utf8).write(to: file)
        let urgentTip = try #require(try await register.commitDraft("urgence", message: "Article 5", author: fixture.clerk))
        let main = try #require(try await register.gitStore.tip())
        let adopted = try await register.adoptDraft(at: urgentTip, work: "AFSP1638149A", dates: Self.urgent, message: "Urgence",
                                                    author: fixture.clerk, expectedMain: main)

        let before = try await fixture.refs()
        let error = await refusal {
            try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .adopted, adoption: CommitteeFixture.adoption),
                                                acting: fixture.chair, today: fixture.today)
        }
        guard case .register(.draftOutOfDate(let draft, let base, let versions, let changes))? = error else {
            Issue.record("expected .draftOutOfDate, got \(String(describing: error))")
            return
        }
        #expect(draft == "p1" && base == "AFSP1638149A/v2017-01-05" && versions == [adopted.tag])
        #expect(changes.contains { $0.wId == "art_5" && $0.kind == .modified }, "\(changes)")
        #expect(try await fixture.refs() == before, "nothing adopted")

        let update = try await register.updateDraft("p1", author: fixture.clerk)
        let merged = try #require(update.commit)
        #expect(merged.description != consulted.consultedCommit)
        let mergedText = try await register.document(at: merged)
        #expect(mergedText.clause(eId: "art_5__para_1")?.textBlocks.map(\.plainText) == ["Texte de l'article 5 adopté en urgence."])
        let stillOld = await refusal {
            try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .adopted, adoption: CommitteeFixture.adoption),
                                                acting: fixture.chair, today: fixture.today)
        }
        guard case .notConsultedOnDraft? = stillOld else {
            Issue.record("expected .notConsultedOnDraft, got \(String(describing: stillOld))")
            return
        }
        try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .drafting), acting: fixture.chair, today: fixture.today)
        let again = try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .consultation),
                                                        acting: fixture.chair, today: fixture.today)
        #expect(again.consultedCommit == merged.description)
        let summary = try #require(try await fixture.committee.status(today: fixture.today).openReviews.first { $0.id == "p1" })
        #expect(summary.stalePositions == ["ofii-medecins"])
        let review = try await fixture.committee.advance(review: "p1", AdvanceRequest(to: .adopted, adoption: CommitteeFixture.adoption, confirmOutstanding: true),
                                                         acting: fixture.chair, today: fixture.today)
        #expect(review.status == .adopted)
        let inForce = try await register.document(at: GitStore.mainBranch)
        #expect(inForce.clause(eId: "art_5__para_1")?.textBlocks.map(\.plainText) == ["Texte de l'article 5 adopté en urgence."],
                "the urgent adoption is still in force after the review's adoption")
    }
}
