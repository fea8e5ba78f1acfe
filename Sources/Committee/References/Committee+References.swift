import Foundation
import LegalText
import Register

extension Committee {
    /// Every documentary reference at the tip of `main`, by id.
    public func references() async throws(CommitteeError) -> [DocumentaryReference] {
        try await state().references.values.sorted { $0.id < $1.id }
    }

    /// Records a manual check of reference `id` on `today` by `author`, with its outcome and a note, as one commit
    /// on `main` (the check is appended to the reference's record; the latest check decides its freshness).
    /// - Throws: ``CommitteeError/unknownReference(_:)``; ``CommitteeError/invalidInput(_:)`` when an outcome other
    ///   than reachable comes without a note; a forbidden character in the note.
    @discardableResult
    public func recordCheck(reference id: String, outcome: CheckOutcome, note: String, author: Identity,
                            today: LegalDate) async throws(CommitteeError) -> DocumentaryReference {
        let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard outcome == .reachable || !trimmed.isEmpty else {
            throw .invalidInput("une vérification dont le résultat est « \(outcome.label) » doit dire dans une note ce qui a été constaté "
                                + "(nouvelle adresse, page disparue, contenu dépassé…) : rien n'a été enregistré.")
        }
        var result: DocumentaryReference?
        try await write(message: "Références : vérification de \(id) le \(today.iso) : \(outcome.label)", author: author) {
            state throws(CommitteeError) in
            guard var reference = state.references[id] else { throw .unknownReference(id) }
            reference.checks.append(ReferenceCheck(date: today, person: Self.label(author), outcome: outcome, note: trimmed))
            result = reference
            return [DocumentaryReference.path(id): try Self.data(reference)]
        }
        guard let result else { throw .unknownReference(id) }
        return result
    }
}
