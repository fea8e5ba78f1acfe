/// A block of text: one `p` element, with its optional attributes (`class`) and inline content.
public struct Block: Sendable, Hashable, Codable {
    public var attributes: [String: String]
    public var inlines: [Inline]

    public init(_ inlines: [Inline], attributes: [String: String] = [:]) {
        self.inlines = inlines
        self.attributes = attributes
    }

    /// A block holding a single run of text.
    public init(text: String, className: String? = nil) {
        self.init([.text(text)], attributes: className.map { ["class": $0] } ?? [:])
    }

    /// The `class` attribute, e.g. `note-editoriale` for an editorial note of a transcription.
    public var className: String? { attributes["class"] }

    /// The block's text, without markup.
    public var plainText: String { inlines.plainText }

    /// The class that marks an editorial note of the transcription (content to be completed).
    public static let editorialNoteClass = "note-editoriale"

    /// Whether the block is an editorial note rather than text of the order.
    public var isEditorialNote: Bool { className == Block.editorialNoteClass }
}
