import Foundation
import LegalText
import Register

/// A comment shown where its clause now is.
public struct AnchoredComment: Sendable, Hashable, Codable {
    public let comment: Comment
    /// The clause's eId in the review's current draft (nil when the clause was deleted).
    public let currentEId: String?
    /// Whether the clause was renumbered since the comment was written.
    public let renumbered: Bool
    public let replies: [Comment]
}

extension Committee {
    /// The commit a review's comments are read against: its draft's tip, else the text in force.
    func anchorCommit(of review: Review, in state: CommitteeState) async throws(CommitteeError) -> ObjectID {
        if review.status.isOpen, let branch = review.draftBranch, let tip = try await draftTip(branch) {
            return tip
        }
        guard let main = state.commit else { throw .register(.noAdoptedVersion) }
        return main
    }

    /// The clause (or annex) of `document` with that eId, else that wId: (eId, wId).
    static func clause(_ identifier: String, in document: LegalDocument) -> (eId: String, wId: String)? {
        let clauses = document.allClauses
        if let clause = clauses.first(where: { $0.eId == identifier }) { return (clause.eId, clause.wId) }
        if let annex = document.annexes.first(where: { $0.eId == identifier }) { return (annex.eId, annex.wId) }
        if let clause = clauses.first(where: { $0.wId == identifier }) { return (clause.eId, clause.wId) }
        if let annex = document.annexes.first(where: { $0.wId == identifier }) { return (annex.eId, annex.wId) }
        return nil
    }

    /// Comments on clause `eId` (or wId) of the review's draft as it is now, anchored to the clause's wId
    /// and that commit. A reply (`replyTo`) takes its parent's anchor.
    @discardableResult
    public func addComment(review id: String, eId: String?, text: String, replyTo: String? = nil, acting: Acting,
                           today: LegalDate) async throws(CommitteeError) -> Comment {
        let state = try await state()
        let (seat, person) = try resolve(acting, in: state, on: today)
        let review = try state.review(id)
        guard review.status.isOpen else {
            throw .wrongStage(review: id, stage: review.status.rawValue, reason: "la révision est close : plus de commentaire")
        }
        let body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { throw .invalidInput("le commentaire est vide.") }
        let commentID = "c-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(10)
        var comment: Comment
        if let replyTo {
            guard let parent = state.comments[id]?.first(where: { $0.id == replyTo }) else {
                throw .unknownComment(review: id, id: replyTo)
            }
            comment = Comment(id: commentID, review: id, seat: seat.id, person: Self.label(person), date: today,
                              work: parent.work, wId: parent.wId, eId: parent.eId, commit: parent.commit, text: body,
                              replyTo: parent.replyTo ?? parent.id)
        } else {
            guard let eId else { throw .inputRequired("indiquez l'élément commenté (son identifiant, par exemple art_3__para_2)", fields: [.clause]) }
            let commit = try await anchorCommit(of: review, in: state)
            let document = try await call { () async throws(RegisterError) in try await register.document(at: commit, work: review.work) }
            guard let clause = Self.clause(eId, in: document) else { throw .unknownClause(eId: eId, commit: commit.abbreviated) }
            comment = Comment(id: commentID, review: id, seat: seat.id, person: Self.label(person), date: today,
                              work: review.work, wId: clause.wId, eId: clause.eId, commit: commit.description, text: body)
        }
        try await apply([Comment.path(review: id, id: commentID): try Self.data(comment)],
                        message: "Comité : commentaire \(commentID) du siège \(seat.id) sur \(comment.eId) (révision \(id))",
                        author: person)
        return comment
    }

    /// Resolves a comment with a note: the drafter's job, so the chair's seat (DGS) only.
    @discardableResult
    public func resolveComment(review id: String, comment commentID: String, note: String, acting: Acting,
                               today: LegalDate) async throws(CommitteeError) -> Comment {
        let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .inputRequired("la résolution d'un commentaire indique une note", fields: [.resolutionNote]) }
        let initial = try await state()
        let (_, author) = try resolveChair(acting, in: initial, on: today, action: "résoudre un commentaire")
        var result: Comment?
        try await write(message: "Comité : commentaire \(commentID) résolu (révision \(id))", author: author) { state throws(CommitteeError) in
            let (_, person) = try resolveChair(acting, in: state, on: today, action: "résoudre un commentaire")
            _ = try state.review(id)
            guard var comment = state.comments[id]?.first(where: { $0.id == commentID }) else {
                throw .unknownComment(review: id, id: commentID)
            }
            guard comment.resolution == nil else { throw .invalidInput("le commentaire \(commentID) est déjà résolu.") }
            comment.resolution = Comment.Resolution(date: today, person: Self.label(person), note: trimmed)
            result = comment
            return [Comment.path(review: id, id: commentID): try Self.data(comment)]
        }
        guard let result else { throw .unknownComment(review: id, id: commentID) }
        return result
    }

    /// The review's comments (with their replies), each on the clause where it now is: the wId is looked
    /// up in the review's current draft, so a renumbered clause shows its new eId.
    public func comments(review id: String) async throws(CommitteeError) -> [AnchoredComment] {
        let state = try await state()
        let review = try state.review(id)
        let all = state.comments[id] ?? []
        guard !all.isEmpty else { return [] }
        let commit = try await anchorCommit(of: review, in: state)
        let document = try await call { () async throws(RegisterError) in try await register.document(at: commit, work: review.work) }
        var eIdByWId: [String: String] = [:]
        for clause in document.allClauses { eIdByWId[clause.wId] = clause.eId }
        for annex in document.annexes { eIdByWId[annex.wId] = annex.eId }
        return all.filter { $0.replyTo == nil }.map { comment in
            let current = eIdByWId[comment.wId]
            return AnchoredComment(comment: comment, currentEId: current, renumbered: current != nil && current != comment.eId,
                                   replies: all.filter { $0.replyTo == comment.id })
        }
    }
}
