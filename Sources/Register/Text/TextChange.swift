import Foundation

/// One part of a text that changed between two commits (a clause file, or the text's shell): how an adoption
/// refused on an out-of-date draft, or a draft update, says what the text in force did meanwhile.
public struct TextChange: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case inserted, deleted, modified
        /// The shell changed: metadata, dates, title, visas or the order of the parts.
        case structure
    }

    /// The text's work key (NOR).
    public let work: String
    /// The clause's wId (its file name); `nil` for the shell.
    public let wId: String?
    /// The clause's eId where it is now (or was, when deleted).
    public let eId: String?
    public let kind: Kind

    public init(work: String, wId: String?, eId: String?, kind: Kind) {
        self.work = work
        self.wId = wId
        self.eId = eId
        self.kind = kind
    }

    /// "art_3 (wId art_3) : modifié".
    public var french: String {
        let what: String
        switch kind {
        case .inserted: what = "inséré"
        case .deleted: what = "supprimé"
        case .modified: what = "modifié"
        case .structure: what = "métadonnées, intitulé, visas ou ordre des parties modifiés"
        }
        guard let wId else { return "\(work) : \(what)" }
        return "\(work) \(eId ?? wId) (wId \(wId)) : \(what)"
    }
}
