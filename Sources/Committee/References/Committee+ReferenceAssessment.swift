import Foundation
import LegalText
import Register

extension Committee {
    /// Opens the assessment of the stale documentary references cited by the text in force, like an event (R3.1:
    /// the annex is reviewed whenever its sources change): ONE event of kind `documentaire`, recorded by `acting` on
    /// `today`, that names the references and the clauses citing them (named by `clauseNames` when given, else by
    /// their eId), with the committee's assessment deadline (`months` later, six by default).
    ///
    /// Only references cited by a clause of the text in force count. A reference already named by an event still
    /// under assessment is left out, so a second run opens nothing while the first event is open.
    /// - Throws: ``CommitteeError/invalidInput(_:)`` when no cited reference is stale, or when every one is already
    ///   under assessment (naming the event); the errors of ``resolve(_:in:on:)`` for `acting`.
    @discardableResult
    public func openReferenceAssessment(acting: Acting, today: LegalDate, freshness: ReferenceFreshness = ReferenceFreshness(),
                                        clauseNames: [CitingClause: String] = [:],
                                        months: Int = CommitteeEvent.defaultAssessmentMonths) async throws(CommitteeError) -> CommitteeEvent {
        let initial = try await state()
        let (_, author) = try resolve(acting, in: initial, on: today)
        var opened: CommitteeEvent?
        let stale = try await staleReferences(in: initial, today: today, freshness: freshness)
            .filter { reference in reference.clauses.contains { $0.eId != nil } }
        try await write(message: "Comité : événement documentaire, évaluation des références à vérifier", author: author) { state throws(CommitteeError) in
            _ = try resolve(acting, in: state, on: today)
            guard !stale.isEmpty else {
                throw .invalidInput("aucune référence documentaire citée par le texte en vigueur n'est à vérifier le \(today.french) "
                                    + "(période de \(freshness.months) mois) : aucune évaluation à ouvrir, rien n'a été enregistré.")
            }
            let open = state.events.values.filter { $0.status == .assessing && !$0.references.isEmpty }.sorted { $0.id < $1.id }
            let covered = Set(open.flatMap(\.references))
            let uncovered = stale.filter { !covered.contains($0.id) }
            guard !uncovered.isEmpty else {
                let events = open.filter { !Set($0.references).isDisjoint(with: stale.map(\.id)) }
                    .map { "\($0.id), échéance le \($0.deadline.french)" }
                throw .invalidInput("les références à vérifier (\(stale.map(\.id).joined(separator: ", "))) sont déjà en cours d'évaluation "
                                    + "(événement \(events.joined(separator: " ; "))) : aucun nouvel événement, rien n'a été enregistré.")
            }
            var id = "references-\(today.iso)"
            var suffix = 2
            while state.events[id] != nil {
                id = "references-\(today.iso)-\(suffix)"
                suffix += 1
            }
            let event = Self.referenceEvent(id: id, references: uncovered, clauseNames: clauseNames, today: today,
                                            deadline: CommitteeEvent.deadline(recordedOn: today, months: months))
            opened = event
            return [CommitteeEvent.path(id): try Self.data(event)]
        }
        guard let opened else { throw .invalidInput("aucune évaluation ouverte.") }
        return opened
    }

    /// The event naming `references` and the clauses of the text in force that cite them.
    static func referenceEvent(id: String, references: [StaleReference], clauseNames: [CitingClause: String],
                               today: LegalDate, deadline: LegalDate) -> CommitteeEvent {
        var lines: [String] = []
        var works: [String] = []
        for reference in references {
            let clauses = reference.clauses.filter { $0.eId != nil }
            for clause in clauses where !works.contains(clause.work) { works.append(clause.work) }
            let names = clauses.map { clauseNames[$0] ?? $0.eId ?? $0.wId }
            lines.append("\(reference.id) (\(reference.publisher), \(reference.reasonLabel)) — citée par : \(names.joined(separator: " ; "))")
        }
        let summary = "Références documentaires de l'annexe II à vérifier, citées par le texte en vigueur : " + lines.joined(separator: " | ")
        return CommitteeEvent(id: id, date: today, kind: .documentary, summary: summary,
                              source: "Références documentaires de l'annexe II à vérifier au \(today.french)", works: works,
                              deadline: deadline, references: references.map(\.id))
    }
}
