/// A run of text in an export, with its role: plain, inserted or deleted (word changes), a link, emphasis.
public enum Span: Sendable, Hashable, Codable {
    case text(String)
    case inserted(String)
    case deleted(String)
    case link(String, href: String)
    case emphasis(String)
    case strong(String)

    /// The text, without its role.
    public var text: String {
        switch self {
        case .text(let t), .inserted(let t), .deleted(let t), .emphasis(let t), .strong(let t): return t
        case .link(let t, _): return t
        }
    }
}

/// The role of a paragraph of an export, which each format turns into its own styles.
public enum ParagraphStyle: String, Sendable, Hashable, Codable {
    case title, subtitle, heading1, heading2, heading3, body, point, note, meta, formula, quote
}

/// One paragraph of an export: a style, its spans, and the anchor (eId) readers link to.
public struct FlowParagraph: Sendable, Hashable, Codable {
    public var style: ParagraphStyle
    public var spans: [Span]
    public var anchor: String?

    public init(_ style: ParagraphStyle, _ spans: [Span], anchor: String? = nil) {
        self.style = style
        self.spans = spans
        self.anchor = anchor
    }

    public init(_ style: ParagraphStyle, text: String, anchor: String? = nil) {
        self.init(style, [.text(text)], anchor: anchor)
    }

    /// The paragraph's text, without markup.
    public var plainText: String { spans.map(\.text).joined() }
}
