import Committee
import Foundation
import LegalText
import Register

/// One clause-by-clause edit of a review's draft, committed (the web editor's save).
public struct CommittedDraftEdit: Sendable {
    /// The draft's name and text (NOR).
    public let draft: String
    public let work: String
    /// The draft's text before and after the edit.
    public let before: LegalDocument
    public let after: LegalDocument
    /// The new tip of the draft, or nil when the edit changed nothing.
    public let commit: ObjectID?
}

extension Publisher {
    /// Applies `edit` to the draft of review `id` as it was at `expectedTip` (the commit the drafter's page showed) and
    /// commits it in the name of the person acting, through ``TextRegister/commitDraft(_:document:expectedTip:message:author:)``
    /// (validation, wIds kept, compare-and-swap on the branch).
    /// - Throws: ``PublishingError/committee(_:)`` when the seat may not draft (``Committee/draftingRight(review:acting:today:)``);
    ///   ``PublishingError/register(_:)`` with ``RegisterError/conflict(ref:expected:actual:)`` when the draft moved since
    ///   `expectedTip` (checked before the edit is even applied, and again by the write); ``PublishingError/editRefused(_:)``.
    ///   Nothing is written.
    public func applyEdit(_ edit: DraftEdit, review id: String, acting: Acting, expectedTip: ObjectID,
                          today: LegalDate) async throws(PublishingError) -> CommittedDraftEdit {
        let right: DraftingRight
        do { right = try await committee.draftingRight(review: id, acting: acting, today: today) } catch { throw .committee(error) }
        let tip = try await call { () async throws(RegisterError) in try await register.draftTip(right.draft) }
        guard tip == expectedTip else {
            throw .register(.conflict(ref: (try? DraftName(right.draft).ref) ?? right.draft, expected: expectedTip, actual: tip))
        }
        let before = try await document(at: expectedTip, work: right.work)
        let known = try await knownWIds(draft: right.draft, work: right.work, document: before)
        let year = (before.date(of: .draft) ?? today).year
        let after = try edit.applied(to: before, known: known, year: year)
        let message = "Projet \(right.draft) : \(edit.summary(in: before))\n\nRédigé en ligne, dans l’interface web."
        let commit = try await call { () async throws(RegisterError) in
            try await register.commitDraft(right.draft, document: after, expectedTip: expectedTip, message: message, author: right.author)
        }
        return CommittedDraftEdit(draft: right.draft, work: right.work, before: before, after: after, commit: commit)
    }

    /// Every wId a new clause of draft `name` may not take: the text's own, its working copy's base's, the adopted
    /// version's it started from, and every one the draft's commits ever held.
    func knownWIds(draft name: String, work: String, document: LegalDocument) async throws(PublishingError) -> Set<String> {
        var known = document.allWIds
        if let earlier = try? await register.knownWIds(ofDraft: name, work: work) { known.formUnion(earlier) }
        known.formUnion(try await call { () async throws(RegisterError) in try await register.wIdsEverUsed(onDraft: name, work: work) })
        return known
    }

    /// The amending order that turns draft `name`'s base (the adopted version it was built on) into its tip, with the
    /// comparison base.
    public func amendingOrder(ofReview id: String) async throws(PublishingError) -> (order: AmendingOrder, base: ReviewComparisonBase) {
        let state = try await committeeState()
        let review: Review
        do { review = try state.review(id) } catch { throw .committee(error) }
        let base = try await comparisonBase(of: review, at: .tip, chair: state.roster.chair?.id ?? "dgs")
        let old = try await document(at: base.baseCommit, work: review.work)
        let new = try await document(at: base.newCommit, work: review.work)
        return (AmendingOrderGenerator().order(from: old, to: new), base)
    }
}
