/// A piece of running text inside a block: plain text, or an inline element such as `ref`, `date` or `i`.
public enum Inline: Sendable, Hashable, Codable {
    case text(String)
    indirect case element(name: String, attributes: [String: String], children: [Inline])

    /// The inline element names of the supported subset.
    public static let supportedElements: Set<String> = [
        "ref", "date", "i", "b", "u", "sup", "sub", "docNumber", "docTitle", "docDate", "docType",
        "docAuthority", "span", "abbr", "term", "def", "organization", "person", "role", "location",
    ]

    /// The text a reader sees, without markup.
    public var plainText: String {
        switch self {
        case .text(let text): return text
        case .element(_, _, let children): return children.plainText
        }
    }
}

extension Array where Element == Inline {
    /// The concatenated text of the inlines, without markup.
    public var plainText: String {
        var result = ""
        for inline in self { result += inline.plainText }
        return result
    }
}
