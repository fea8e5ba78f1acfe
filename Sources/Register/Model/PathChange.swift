/// One file that differs between two commits. Renames show as a deletion plus an addition: files are named by wId.
public struct PathChange: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case added, deleted, modified
    }

    /// The file's path from the repository root.
    public let path: String
    public let kind: Kind
    /// The blob before (`nil` when added).
    public let oldBlob: ObjectID?
    /// The blob after (`nil` when deleted).
    public let newBlob: ObjectID?

    public init(path: String, kind: Kind, oldBlob: ObjectID?, newBlob: ObjectID?) {
        self.path = path
        self.kind = kind
        self.oldBlob = oldBlob
        self.newBlob = newBlob
    }
}
