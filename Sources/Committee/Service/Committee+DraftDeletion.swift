import Foundation
import Register

extension Committee {
    /// Deletes draft `name` (its branch and working copy), unless a review still needs it: an open review drafting
    /// on it, or a review that consulted the committee on it (its record names the consulted commit, which
    /// verification checks). A working copy holding unsaved work is kept unless `discarding`.
    /// - Throws: ``CommitteeError/draftNeededByReview(draft:review:status:consulted:chairSeat:)``, and the register's
    ///   ``RegisterError/unsavedWork(draft:deleting:work:)``, ``RegisterError/unknownDraft(name:)``.
    /// - Returns: the tip the branch had.
    @discardableResult
    public func deleteDraft(_ name: String, discarding: Bool = false) async throws(CommitteeError) -> ObjectID {
        let state = try await self.state()
        let branch = (try? DraftName(name))?.branch
        let needing = state.reviews.values.filter { review in
            review.draftBranch == branch && (review.status.isOpen || !(review.consultedCommit ?? "").isEmpty)
        }
        if let review = needing.sorted(by: { ($0.status.isOpen ? 0 : 1, $0.id) < ($1.status.isOpen ? 0 : 1, $1.id) }).first {
            let chair = state.roster.seats.first { $0.isChair }?.id ?? "dgs"
            throw .draftNeededByReview(draft: name, review: review.id, status: review.status,
                                       consulted: !(review.consultedCommit ?? "").isEmpty, chairSeat: chair)
        }
        return try await call { () async throws(RegisterError) in try await register.deleteDraft(name, discarding: discarding) }
    }
}
