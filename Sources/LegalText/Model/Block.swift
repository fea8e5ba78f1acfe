/// A block of text: one `p` element, with its optional attributes (`class`) and inline content.
///
/// Read from a document outside the suivi profile, a block may be any other element that suivi does not
/// model (a `table`, a `tblock`, a `blockContainer`, a `coverPage`…): its ``name`` says which, and its
/// inline content holds the element's whole subtree, carried through untouched and written back.
public struct Block: Sendable, Hashable, Codable {
    /// The element name: `p`, or an element carried as it is.
    public var name: String
    public var attributes: [String: String]
    public var inlines: [Inline]

    public init(_ inlines: [Inline], attributes: [String: String] = [:], name: String = "p") {
        self.name = name
        self.inlines = inlines
        self.attributes = attributes
    }

    /// A block holding a single run of text.
    public init(text: String, className: String? = nil) {
        self.init([.text(text)], attributes: className.map { ["class": $0] } ?? [:])
    }

    private enum CodingKeys: String, CodingKey { case name, attributes, inlines }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? "p"
        attributes = try container.decode([String: String].self, forKey: .attributes)
        inlines = try container.decode([Inline].self, forKey: .inlines)
    }

    /// Encoded as before for a `p` (no `name`), so that existing JSON readers see no change.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if name != "p" { try container.encode(name, forKey: .name) }
        try container.encode(attributes, forKey: .attributes)
        try container.encode(inlines, forKey: .inlines)
    }

    /// Whether the block is a paragraph (`p`), the only block of the suivi profile.
    public var isParagraph: Bool { name == "p" }

    /// The `class` attribute, e.g. `note-editoriale` for an editorial note of a transcription.
    public var className: String? { attributes["class"] }

    /// The block's text, without markup.
    public var plainText: String { inlines.plainText }

    /// The class that marks an editorial note of the transcription (content to be completed).
    public static let editorialNoteClass = "note-editoriale"

    /// Whether the block is an editorial note rather than text of the order.
    public var isEditorialNote: Bool { className == Block.editorialNoteClass }
}
