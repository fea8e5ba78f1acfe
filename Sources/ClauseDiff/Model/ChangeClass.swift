/// What happened to a clause between two versions.
public enum ChangeClass: String, Sendable, Hashable, Codable, CaseIterable {
    case inserted
    case deleted
    case modified
    /// Same place, new number or eId (e.g. an article inserted before it shifted the numbering).
    case renumbered
    /// Now under another parent (e.g. an alinéa moved to another article).
    case moved
    case renumberedModified = "renumbered+modified"
    case movedModified = "moved+modified"
    case unchanged

    /// French label for readers.
    public var french: String {
        switch self {
        case .inserted: return "inséré"
        case .deleted: return "supprimé"
        case .modified: return "modifié"
        case .renumbered: return "renuméroté"
        case .moved: return "déplacé"
        case .renumberedModified: return "renuméroté et modifié"
        case .movedModified: return "déplacé et modifié"
        case .unchanged: return "inchangé"
        }
    }

    /// French label for several clauses: "insérés", "renumérotés et modifiés".
    public var frenchPlural: String {
        switch self {
        case .inserted: return "insérés"
        case .deleted: return "supprimés"
        case .modified: return "modifiés"
        case .renumbered: return "renumérotés"
        case .moved: return "déplacés"
        case .renumberedModified: return "renumérotés et modifiés"
        case .movedModified: return "déplacés et modifiés"
        case .unchanged: return "inchangés"
        }
    }

    /// The label agreeing with a count: "1 inséré", "3 insérés".
    public func french(count: Int) -> String { "\(count) " + (count > 1 ? frenchPlural : french) }

    /// Whether the wording changed.
    public var isModification: Bool { self == .modified || self == .renumberedModified || self == .movedModified }
}
