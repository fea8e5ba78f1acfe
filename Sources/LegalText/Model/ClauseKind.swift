/// The kinds of addressable clause, with their Akoma Ntoso element name and eId prefix: those of the
/// suivi profile, and the rest of the Akoma Ntoso 3.0 hierarchy, read from documents of other tools.
public enum ClauseKind: String, Sendable, Hashable, Codable, CaseIterable {
    case part, title, chapter, section, subsection, article, paragraph, list, point, citation
    // The rest of the Akoma Ntoso hierarchy (outside the suivi profile).
    case hcontainer, subparagraph, clause, subclause, book, tome, division, subdivision, subchapter, subpart, subtitle,
         alinea, indent, level, rule, subrule, proviso, sublist, transitional

    /// The kinds of the suivi profile (docs/FORMAT.md).
    public static let profileKinds: [ClauseKind] = [.part, .title, .chapter, .section, .subsection, .article, .paragraph,
                                                    .list, .point, .citation]

    /// Whether the kind belongs to the suivi profile.
    public var isInProfile: Bool {
        switch self {
        case .part, .title, .chapter, .section, .subsection, .article, .paragraph, .list, .point, .citation: return true
        default: return false
        }
    }

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
        case .hcontainer: return "hcontainer"
        case .subparagraph: return "subpara"
        case .clause: return "cl"
        case .subclause: return "subcl"
        case .book: return "book"
        case .tome: return "tome"
        case .division: return "dvs"
        case .subdivision: return "subdvs"
        case .subchapter: return "subchp"
        case .subpart: return "subpart"
        case .subtitle: return "subtitle"
        case .alinea: return "al"
        case .indent: return "indent"
        case .level: return "lvl"
        case .rule: return "rule"
        case .subrule: return "subrule"
        case .proviso: return "proviso"
        case .sublist: return "sublist"
        case .transitional: return "transitional"
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
        case .hcontainer: return "le conteneur"
        case .subparagraph: return "le sous-alinéa"
        case .clause: return "la clause"
        case .subclause: return "la sous-clause"
        case .book: return "le livre"
        case .tome: return "le tome"
        case .division: return "la division"
        case .subdivision: return "la subdivision"
        case .subchapter: return "le sous-chapitre"
        case .subpart: return "la sous-partie"
        case .subtitle: return "le sous-titre"
        case .alinea: return "l'alinéa"
        case .indent: return "le tiret"
        case .level: return "le niveau"
        case .rule: return "la règle"
        case .subrule: return "la sous-règle"
        case .proviso: return "la réserve"
        case .sublist: return "la sous-énumération"
        case .transitional: return "la disposition transitoire"
        }
    }

    /// Whether the eId component comes from the printed number (`point_a`, `sec_C`) rather than
    /// from the position among siblings (`para_2`, `list_1`).
    public var isNumberedByItsNum: Bool {
        switch self {
        case .paragraph, .list, .citation, .hcontainer, .subparagraph, .alinea, .indent, .sublist, .level: return false
        default: return true
        }
    }

    /// Creates a kind from its element name.
    public init?(elementName: String) { self.init(rawValue: elementName) }
}
