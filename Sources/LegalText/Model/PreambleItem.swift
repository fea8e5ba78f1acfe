/// An item of the preamble: a formula (the authority, "Arrête :") or the list of visas.
public enum PreambleItem: Sendable, Hashable, Codable {
    case formula(name: String, blocks: [Block])
    /// The visas, each a clause of kind ``ClauseKind/citation`` holding its blocks as content.
    case citations([Clause])
    /// Another element of a document from another tool (`p`, `recitals`, `blockContainer`…), kept as it is.
    case block(Block)
}
