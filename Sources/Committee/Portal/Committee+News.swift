import Foundation
import LegalText
import Register

extension Committee {
    /// Every news item at the tip of `main`, the most recent first.
    public func news() async throws(CommitteeError) -> [NewsItem] {
        Self.sortedNews(try await state())
    }

    /// The news items of `state`, the most recent first.
    public static func sortedNews(_ state: CommitteeState) -> [NewsItem] {
        state.news.values.sorted { ($0.date, $0.id) > ($1.date, $1.id) }
    }

    /// Publishes a news item dated `today` (unless its date is given) for the seat `acting` names: only the DGS or the
    /// direction of the OFII medical service publish (R3.3); the item's publisher follows from the seat. Its
    /// references and its event must exist. One commit on `main`.
    /// - Throws: ``CommitteeError/invalidInput(_:)`` for a seat that may not publish or an empty item,
    ///   ``CommitteeError/recordExists(kind:id:)``, ``CommitteeError/unknownReference(_:)``,
    ///   ``CommitteeError/unknownEvent(_:)``, a forbidden character.
    @discardableResult
    public func publishNews(_ item: NewsItem, acting: Acting, today: LegalDate) async throws(CommitteeError) -> NewsItem {
        var recorded = item
        recorded.title = recorded.title.trimmingCharacters(in: .whitespacesAndNewlines)
        recorded.text = recorded.text.trimmingCharacters(in: .whitespacesAndNewlines)
        recorded.pathologies = Self.cleaned(recorded.pathologies)
        recorded.countries = Self.cleaned(recorded.countries)
        recorded.references = Self.cleaned(recorded.references)
        if let event = recorded.event?.trimmingCharacters(in: .whitespaces) { recorded.event = event.isEmpty ? nil : event }
        let initial = try await state()
        let (firstSeat, firstAuthor) = try resolve(acting, in: initial, on: today)
        guard let publisher = NewsPublisher(category: firstSeat.category) else {
            throw .invalidInput("le siège « \(firstSeat.id) » ne publie pas d'actualités : seuls la Direction générale de la santé et la "
                                + "direction du service médical de l'OFII en publient : rien n'a été enregistré.")
        }
        recorded.publisher = publisher
        recorded.seat = firstSeat.id
        recorded.person = Self.label(firstAuthor)
        if let problem = recorded.problem { throw .invalidInput(problem + " : rien n'a été enregistré.") }
        let final = recorded
        try await write(message: "Portail : actualité \(final.id) publiée (\(final.date.iso))", author: firstAuthor) {
            state throws(CommitteeError) in
            _ = try resolve(acting, in: state, on: today)
            guard state.news[final.id] == nil else { throw .recordExists(kind: "actualité", id: final.id) }
            try Self.checkReferences(final.references, in: state)
            if let event = final.event, state.events[event] == nil { throw .unknownEvent(event) }
            return [NewsItem.path(final.id): try Self.data(final)]
        }
        return final
    }
}

extension CommitteeState {
    /// The first link of a synthesis or news item to a record the state lacks (a reference, an event), as the reason
    /// an import refuses it; nil when every link holds.
    public var brokenLink: (path: String, reason: String)? {
        for synthesis in syntheses.values.sorted(by: { $0.id < $1.id }) {
            if let missing = synthesis.references.first(where: { references[$0] == nil }) {
                return (Synthesis.path(synthesis.id), "référence documentaire inconnue « \(missing) »")
            }
        }
        for item in news.values.sorted(by: { $0.id < $1.id }) {
            if let missing = item.references.first(where: { references[$0] == nil }) {
                return (NewsItem.path(item.id), "référence documentaire inconnue « \(missing) »")
            }
            if let event = item.event, events[event] == nil { return (NewsItem.path(item.id), "événement inconnu « \(event) »") }
        }
        return nil
    }
}
