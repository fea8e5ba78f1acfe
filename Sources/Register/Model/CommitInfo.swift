import Foundation

/// One commit of the register, read back: who, when, why, and where it sits in the history.
public struct CommitInfo: Sendable, Hashable, Codable {
    public let id: ObjectID
    /// The full message, as stored (cleaned up: trailing spaces stripped, one final newline).
    public let message: String
    /// The first paragraph of the message, on one line.
    public let summary: String
    public let author: Identity
    /// The author date (the store also uses it as the committer date).
    public let date: Date
    /// The author's offset from UTC, in minutes.
    public let timeZoneMinutes: Int
    public let committer: Identity
    public let committerDate: Date
    /// Parent commits, first parent first; empty for the first commit.
    public let parents: [ObjectID]
    /// The root tree: two commits with the same tree hold the same files.
    public let tree: ObjectID

    public init(
        id: ObjectID, message: String, summary: String, author: Identity, date: Date, timeZoneMinutes: Int,
        committer: Identity, committerDate: Date, parents: [ObjectID], tree: ObjectID
    ) {
        self.id = id
        self.message = message
        self.summary = summary
        self.author = author
        self.date = date
        self.timeZoneMinutes = timeZoneMinutes
        self.committer = committer
        self.committerDate = committerDate
        self.parents = parents
        self.tree = tree
    }
}
