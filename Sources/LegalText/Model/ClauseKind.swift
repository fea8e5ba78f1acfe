/// The kinds of addressable clause of the subset, with their Akoma Ntoso element name and eId prefix.
public enum ClauseKind: String, Sendable, Hashable, Codable, CaseIterable {
    case part, title, chapter, section, subsection, article, paragraph, list, point, citation

    /// The Akoma Ntoso element name.
    public var elementName: String { rawValue }

    /// The prefix of the eId component, as in the Akoma Ntoso naming convention.
    public var eIdPrefix: String {
        switch self {
        case .part: return "part"
        case .title: return "title"
        case .chapter: return "chp"
        case .section: return "sec"
        case .subsection: return "subsec"
        case .article: return "art"
        case .paragraph: return "para"
        case .list: return "list"
        case .point: return "point"
        case .citation: return "cit"
        }
    }

    /// The French name a drafter uses for the kind, with its article: "l'article", "l'alinéa".
    public var frenchName: String {
        switch self {
        case .part: return "la partie"
        case .title: return "le titre"
        case .chapter: return "le chapitre"
        case .section: return "la section"
        case .subsection: return "la sous-section"
        case .article: return "l'article"
        case .paragraph: return "l'alinéa"
        case .list: return "l'énumération"
        case .point: return "le point"
        case .citation: return "le visa"
        }
    }

    /// Whether the eId component comes from the printed number (`point_a`, `sec_C`) rather than
    /// from the position among siblings (`para_2`, `list_1`).
    public var isNumberedByItsNum: Bool {
        switch self {
        case .article, .point, .section, .subsection, .chapter, .title, .part: return true
        case .paragraph, .list, .citation: return false
        }
    }

    /// Creates a kind from its element name.
    public init?(elementName: String) { self.init(rawValue: elementName) }
}
