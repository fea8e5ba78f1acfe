/// The `meta` block of a document from another tool, kept as it is (every element and attribute, in
/// its order), with the values suivi read from it when it was read.
///
/// The writer writes the kept block back as long as the document's metadata still holds the values
/// read from it; once a caller changes them (a draft's identity, an adoption), the metadata is written
/// in the suivi profile instead, from the values.
public struct CarriedMeta: Sendable, Hashable, Codable {
    /// The whole `meta` element.
    public var element: Block
    public var identification: Identification
    public var publication: Publication?
    public var lifecycle: [LifecycleEvent]
    public var references: [TLCReference]
    public var notes: [Note]

    public init(element: Block, identification: Identification, publication: Publication?, lifecycle: [LifecycleEvent],
                references: [TLCReference], notes: [Note]) {
        self.element = element
        self.identification = identification
        self.publication = publication
        self.lifecycle = lifecycle
        self.references = references
        self.notes = notes
    }

    /// Whether `document`'s metadata values are still the ones read with this block.
    public func matches(_ document: LegalDocument) -> Bool {
        document.identification == identification && document.publication == publication
            && document.lifecycle == lifecycle && document.references == references && document.notes == notes
    }
}

/// Which set of rules a document is held to.
public enum DocumentProfile: String, Sendable, Hashable, Codable, CaseIterable {
    /// The suivi profile (docs/FORMAT.md): what suivi writes and what the register's texts follow.
    case suivi
    /// Any Akoma Ntoso 3.0 document: the rules of the OASIS schema, as far as suivi checks them.
    case akn

    /// How the profile is named in messages.
    public var french: String {
        switch self {
        case .suivi: return "profil suivi"
        case .akn: return "profil Akoma Ntoso 3.0"
        }
    }
}
