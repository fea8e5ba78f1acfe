import Foundation
import LegalText
import Register

extension Committee {
    /// Records an event that may justify a revision; its assessment ends on `deadline` (by default
    /// six months after the event is recorded) in a review or a decision not to revise.
    @discardableResult
    public func addEvent(_ event: CommitteeEvent, acting: Acting, today: LegalDate) async throws(CommitteeError) -> CommitteeEvent {
        guard Identifiers.isValid(event.id) else {
            throw .invalidInput("identifiant d'événement « \(event.id) » invalide : lettres, chiffres, « - » et « _ » seulement.")
        }
        guard !event.summary.trimmingCharacters(in: .whitespaces).isEmpty else { throw .invalidInput("le résumé de l'événement est obligatoire.") }
        guard !event.source.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .invalidInput("la source de l'événement est obligatoire (référence d'un avis, d'un rapport, d'un article).")
        }
        guard event.deadline >= event.date else { throw .invalidInput("l'échéance de l'évaluation précède la date de l'événement.") }
        let initial = try await state()
        let (_, author) = try resolve(acting, in: initial, on: today)
        try await write(message: "Comité : événement \(event.id) enregistré (\(event.kind.rawValue))", author: author) { state throws(CommitteeError) in
            _ = try resolve(acting, in: state, on: today)
            guard state.events[event.id] == nil else { throw .eventExists(event.id) }
            if let main = state.commit {
                let works = try await call { () async throws(RegisterError) in try await register.works(at: main) }
                for work in event.works where !works.contains(work) { throw .unknownText(work) }
            }
            var recorded = event
            recorded.status = .assessing
            recorded.review = nil
            return [CommitteeEvent.path(event.id): try Self.data(recorded)]
        }
        return event
    }

    /// Ends an event's assessment with a decision not to revise, and its reason (chair only).
    @discardableResult
    public func decideNoRevision(event id: String, reason: String, acting: Acting, today: LegalDate)
        async throws(CommitteeError) -> CommitteeEvent {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .inputRequired("la décision de ne pas réviser indique sa raison", fields: [.reason])
        }
        let initial = try await state()
        let (_, author) = try resolveChair(acting, in: initial, on: today, action: "décider de ne pas réviser")
        var result: CommitteeEvent?
        try await write(message: "Comité : événement \(id), décision de ne pas réviser", author: author) { state throws(CommitteeError) in
            _ = try resolveChair(acting, in: state, on: today, action: "décider de ne pas réviser")
            guard var event = state.events[id] else { throw .unknownEvent(id) }
            guard event.status == .assessing else { throw .eventClosed(id) }
            event.status = .noRevision
            event.decisionDate = today
            event.decisionReason = reason
            result = event
            return [CommitteeEvent.path(id): try Self.data(event)]
        }
        guard let result else { throw .unknownEvent(id) }
        return result
    }
}
