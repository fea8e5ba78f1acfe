/// A dated event in the life of the text (`eventRef`): signature, publication, entry into force, draft.
public struct LifecycleEvent: Sendable, Hashable, Codable {
    public var eId: String
    public var date: LegalDate
    /// What the event is, as an `#`-reference: see ``LegalEventKind``.
    public var refersTo: String
    public var source: String
    public var type: String

    public init(eId: String, date: LegalDate, refersTo: String, source: String = "#suivi",
                type: String = "generation") {
        self.eId = eId
        self.date = date
        self.refersTo = refersTo
        self.source = source
        self.type = type
    }

    /// The legal meaning of the event, when it is one the project knows.
    public var kind: LegalEventKind? { LegalEventKind(rawValue: refersTo) }
}

/// The legal events that `suivi` reads from a text's lifecycle.
public enum LegalEventKind: String, Sendable, Hashable, Codable, CaseIterable {
    case signature = "#signature"
    case publication = "#publication"
    case entryIntoForce = "#entreeEnVigueur"
    case draft = "#projet"
    /// The date of a version consolidated by an official database (LEGI): the text reads so from that day.
    /// It stands for the signature when the source does not know it (a code has none).
    case consolidation = "#consolidation"
    /// The date from which the text is no longer in force at all (every article abrogated).
    case repeal = "#abrogation"
}
