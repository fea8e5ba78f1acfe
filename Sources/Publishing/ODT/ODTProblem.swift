/// A paragraph of an edited ODT document whose mapping to the text is uncertain: reported with its place and its
/// text, never guessed.
public struct ODTProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The paragraph's position among the document's paragraphs (from 1); nil for a paragraph of the export that
    /// is missing from the document.
    public var position: Int?
    /// The paragraph's text (for a missing one, the text it had in the export).
    public var text: String
    /// What is uncertain, and what to do.
    public var reason: String

    public init(position: Int?, text: String, reason: String) {
        self.position = position
        self.text = text
        self.reason = reason
    }

    public var description: String {
        let excerpt = text.count > 80 ? String(text.prefix(77)) + "…" : text
        let place = position.map { "paragraphe \($0)" } ?? "paragraphe de l'export absent du document"
        return "\(place) « \(excerpt) » : \(reason)"
    }
}
