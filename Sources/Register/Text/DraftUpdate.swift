import Foundation

/// What bringing a draft up to date with the text in force did (``TextRegister/updateDraft(_:author:)``).
public struct DraftUpdate: Sendable, Hashable, Codable {
    /// The draft's name.
    public let draft: String
    /// The merge commit written on `draft/<name>` (parents: the draft's former tip, then `main`'s tip); `nil`
    /// when the draft was already up to date and nothing was written.
    public let commit: ObjectID?
    /// The draft's base before the update.
    public let previousBase: DraftBase?
    /// The draft's base after the update (the same when nothing was written).
    public let base: DraftBase?
    /// The adopted versions brought into the draft (tags, in signature order).
    public let versions: [String]
    /// What the text in force changed since the former base, now in the draft.
    public let changes: [TextChange]
    /// The clauses (wIds) taken from the text in force because the draft had not touched them.
    public let takenFromInForce: [String]

    public init(draft: String, commit: ObjectID?, previousBase: DraftBase?, base: DraftBase?, versions: [String],
                changes: [TextChange], takenFromInForce: [String]) {
        self.draft = draft
        self.commit = commit
        self.previousBase = previousBase
        self.base = base
        self.versions = versions
        self.changes = changes
        self.takenFromInForce = takenFromInForce
    }

    /// Whether the draft was already up to date.
    public var upToDate: Bool { commit == nil }
}
