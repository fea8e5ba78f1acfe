import Foundation
import LegalText
import Register

extension Committee {
    /// Records a seat's position on the draft under consultation, bound to the consulted commit. A
    /// seat has one position per review: a new one replaces it (git keeps the earlier ones).
    @discardableResult
    public func recordPosition(review id: String, opinion: Opinion, reason: String, acting: Acting, today: LegalDate)
        async throws(CommitteeError) -> Position {
        let state = try await state()
        let (seat, person) = try resolve(acting, in: state, on: today)
        let review = try state.review(id)
        guard review.status == .consultation, let consulted = review.consultedCommit else {
            throw .wrongStage(review: id, stage: review.status.rawValue,
                              reason: "une position ne s'enregistre que pendant la consultation du comité")
        }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty || opinion == .abstention else { throw .inputRequired("une position indique son motif", fields: [.reason]) }
        let position = Position(review: id, seat: seat.id, opinion: opinion, reason: trimmed, commit: consulted, date: today,
                                person: Self.label(person))
        try await apply([Position.path(review: id, seat: seat.id): try Self.data(position)],
                        message: "Comité : position \(opinion.label) du siège \(seat.id) sur la révision \(id)", author: person)
        return position
    }
}
