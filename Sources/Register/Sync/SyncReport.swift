/// What `pull`, `clone` or `push` did to each reference.
public struct SyncReport: Sendable, Hashable, Codable {
    /// How one reference moved.
    public enum Change: String, Sendable, Hashable, Codable {
        /// It did not exist on the receiving side.
        case created
        /// The receiving side only lacked commits: it moved forward.
        case fastForward
        /// Both sides had commits: a merge commit joins them (pull only).
        case merged
    }

    /// One reference moved.
    public struct Update: Sendable, Hashable, Codable {
        public let ref: String
        public let change: Change
        public let old: ObjectID?
        public let new: ObjectID
    }

    /// The remote's URL.
    public let url: String
    public let updates: [Update]
    /// Local branches with commits the remote lacks (pull: left as they are; push them with `suivi push`).
    public let ahead: [String]
    /// Drafts whose working copy was rewritten from the new tip.
    public let refreshedWorkingCopies: [String]
    /// Drafts whose working copy holds uncommitted edits: kept as they are (`suivi draft commit` applies them
    /// on the new tip).
    public let keptWorkingCopies: [String]

    public var isUpToDate: Bool { updates.isEmpty }
}
