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

    /// Records `checks` (reference id → its check, made by `author` — automatic checks fetched by SourceChecking) as
    /// ONE commit on `main`, each appended to its reference's record. Nothing is written when `checks` is empty, when
    /// one names an unknown reference, or when one cannot be recorded (a non-http address, an impossible status).
    /// - Throws: ``CommitteeError/invalidInput(_:)``, ``CommitteeError/unknownReference(_:)``.
    @discardableResult
    public func recordChecks(_ checks: [String: ReferenceCheck], author: Identity, today: LegalDate)
        async throws(CommitteeError) -> [DocumentaryReference] {
        guard !checks.isEmpty else {
            throw .invalidInput("aucune vérification à enregistrer (aucune référence vérifiée n'a d'adresse) : rien n'a été enregistré.")
        }
        for (id, check) in checks {
            if let problem = check.problem { throw .invalidInput("vérification de \(id) : \(problem) ; rien n'a été enregistré.") }
        }
        let outcomes = Dictionary(grouping: checks.values, by: \.outcome).map { "\($0.value.count) \($0.key.label)" }.sorted()
        var result: [DocumentaryReference] = []
        try await write(message: "Références : vérification automatique de \(checks.count) adresse(s) le \(today.iso) (\(outcomes.joined(separator: ", ")))",
                        author: author) { state throws(CommitteeError) in
            result = []
            var changes: [String: Data?] = [:]
            for id in checks.keys.sorted() {
                guard var reference = state.references[id], let check = checks[id] else { throw .unknownReference(id) }
                reference.checks.append(check)
                result.append(reference)
                changes[DocumentaryReference.path(id)] = try Self.data(reference)
            }
            return changes
        }
        return result
    }

    /// Records that a person looked at reference `id` and found its content still current, with `reason` (what
    /// they read, against what): a manual check that finds the reference reachable, which restarts its period.
    /// - Throws: ``CommitteeError/inputRequired(_:fields:)`` without a reason; ``CommitteeError/unknownReference(_:)``.
    @discardableResult
    public func confirmContent(reference id: String, reason: String, author: Identity, today: LegalDate)
        async throws(CommitteeError) -> DocumentaryReference {
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .inputRequired("confirmer que le contenu d'une référence est toujours à jour demande un motif "
                                 + "(ce qui a été lu, et à quelle source on l'a comparé)", fields: [.reason])
        }
        return try await recordCheck(reference: id, outcome: .reachable, note: reason, author: author, today: today)
    }
}
