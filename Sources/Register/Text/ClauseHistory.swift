import LegalText

/// One step in the life of a clause: the version where it changed, and how.
public struct ClauseHistoryEntry: Sendable, Hashable, Codable {
    public enum Change: String, Sendable, Hashable, Codable {
        case inserted = "insere"
        case modified = "modifie"
        case renumbered = "renumerote"
        case renumberedModified = "renumerote-modifie"
        case deleted = "supprime"
        case reinserted = "retabli"

        public var french: String {
            switch self {
            case .inserted: return "inséré"
            case .modified: return "modifié"
            case .renumbered: return "renuméroté"
            case .renumberedModified: return "renuméroté et modifié"
            case .deleted: return "supprimé"
            case .reinserted: return "rétabli"
            }
        }
    }

    public let version: String
    public let date: LegalDate?
    public let change: Change
    /// The clause's stable identifier: the identity traced, the same in every entry.
    public let wId: String
    public let eId: String?
    public let previousEId: String?
    /// The clause's text in that version (its subtree), empty when deleted.
    public let text: String
}

/// What identifies a clause's state in one version: its eId, number, heading and whole text.
struct ClauseState: Hashable {
    let eId: String
    let num: String?
    let heading: String?
    let text: String

    init(_ clause: Clause) {
        eId = clause.eId
        num = clause.num
        heading = clause.headingText
        text = clause.textBlocks.map(\.plainText).joined(separator: "\n")
    }

    /// The clause's own state only (not its children): what `blame` attributes to a version.
    ///
    /// Its eId counts by its last component only (`point_1` of `art_2__para_3__list_1__point_1`): a
    /// clause whose parent was renumbered has a new eId but was not itself changed.
    static func own(_ clause: Clause) -> ClauseState {
        var copy = clause
        copy.children = []
        copy.eId = clause.eId.components(separatedBy: "__").last ?? clause.eId
        return ClauseState(copy)
    }
}
