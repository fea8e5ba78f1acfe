import Foundation
import LegalText
import Register

/// Who may write a review's draft, and when (docs/COMMITTEE.md): the chair's seat (the DGS, whose services draft),
/// while the review is in drafting (`redaction`). In consultation the draft is frozen as the consulted commit: the
/// chair moves the review back to drafting first.
public struct DraftingRight: Sendable, Hashable {
    /// The review and its draft's name (`draft/<name>`).
    public let review: String
    public let draft: String
    /// The text (NOR) the review revises.
    public let work: String
    /// The person who signs the draft's commits, as the roster names them.
    public let author: Identity
}

extension Committee {
    /// Checks that `acting` may write the draft of review `id` today: its seat chairs the committee, the person is in
    /// office for it, the review is in drafting and has its draft branch.
    /// - Throws: ``CommitteeError/chairOnly(action:seat:)``, ``CommitteeError/notAMember(seat:email:)``,
    ///   ``CommitteeError/unknownReview(_:)``, ``CommitteeError/wrongStage(review:stage:reason:)``.
    public func draftingRight(review id: String, acting: Acting, today: LegalDate) async throws(CommitteeError) -> DraftingRight {
        let state = try await state()
        let (_, person) = try resolveChair(acting, in: state, on: today, action: "rédiger le projet")
        let review = try state.review(id)
        guard review.status == .drafting else {
            let reason = review.status == .consultation
                ? "le projet soumis au comité est figé pendant la consultation ; la présidence repasse la révision en rédaction pour le modifier"
                : "le projet ne se rédige qu'à l'étape « rédaction »"
            throw .wrongStage(review: id, stage: review.status.label, reason: reason)
        }
        guard let branch = review.draftBranch, let draft = try? DraftName(branch: branch) else {
            throw .wrongStage(review: id, stage: review.status.label, reason: "la révision n'a pas de projet (branche draft/…)")
        }
        return DraftingRight(review: id, draft: draft.name, work: review.work, author: person)
    }
}
