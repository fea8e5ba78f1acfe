import Foundation
import LegalText

/// The result of `blame`: for each clause of a version, where its wording and its number come from.
public struct BlameLine: Sendable, Hashable, Codable {
    public let eId: String
    public let wId: String
    /// The version that last changed the clause's own wording, number or heading.
    public let version: String
    /// That version's date (signature for an adopted version, the draft's date for a draft).
    public let date: LegalDate?
    /// Where its wording comes from: the version that inserted it, or that last reworded its own text or heading.
    public let wording: ClauseOrigin
    /// The version that last renumbered it (its number or eId changed, the rest of its text aside), if any version
    /// did since its wording was given. A clause renumbered and reworded by the same version has both, from it.
    public let numbering: ClauseOrigin?

    public init(eId: String, wId: String, version: String, date: LegalDate?, wording: ClauseOrigin, numbering: ClauseOrigin?) {
        self.eId = eId
        self.wId = wId
        self.version = version
        self.date = date
        self.wording = wording
        self.numbering = numbering
    }
}

/// One change a clause owes to a version: what the version did to it, the version's dates, the person who wrote
/// the change and, where the committee adopted the version, the review.
public struct ClauseOrigin: Sendable, Hashable, Codable {
    public enum Change: String, Sendable, Hashable, Codable {
        /// The clause appeared in that version (or came back after a deletion).
        case inserted = "insere"
        /// Its own text or heading was rewritten.
        case reworded = "reformule"
        /// Its number or eId changed (an insertion or a deletion before it, a move).
        case renumbered = "renumerote"

        public var french: String {
            switch self {
            case .inserted: return "inséré"
            case .reworded: return "reformulé"
            case .renumbered: return "renuméroté"
            }
        }
    }

    public let change: Change
    /// The version (tag or draft branch) that made the change.
    public let version: String
    /// That version's commit.
    public let versionCommit: ObjectID
    /// Date of signature of the version (a draft: its date).
    public let signature: LegalDate?
    /// Date of entry into force of the version (nil for a draft).
    public let entryIntoForce: LegalDate?
    /// For a renumbering: the clause's eId before it.
    public let previousEId: String?
    /// The person who wrote the change: the author of the commit that made it (on the draft the version was adopted
    /// from, when that is known; else the version's own commit).
    public let author: Identity
    /// The commit that made the change.
    public let commit: ObjectID
    /// The review that adopted the version, when the committee did (filled by the committee's provenance).
    public var review: String?

    public init(change: Change, version: String, versionCommit: ObjectID, signature: LegalDate?, entryIntoForce: LegalDate?,
                previousEId: String?, author: Identity, commit: ObjectID, review: String? = nil) {
        self.change = change
        self.version = version
        self.versionCommit = versionCommit
        self.signature = signature
        self.entryIntoForce = entryIntoForce
        self.previousEId = previousEId
        self.author = author
        self.commit = commit
        self.review = review
    }
}
