/// The clause-by-clause comparison of two versions of a text.
public struct DocumentDiff: Sendable, Hashable, Codable {
    /// Labels of the two sides (a tag, a commit, a file name).
    public let oldLabel: String
    public let newLabel: String
    /// Every clause of either version, in the new version's order (deleted clauses where they stood).
    public let changes: [ClauseChange]
    /// Changes of the text's metadata (title, dates), as readable lines.
    public let metadataChanges: [String]
    /// The eIds of unchanged clauses known without being compared one by one (in parts of a register that git
    /// reports unchanged): counted as unchanged, never listed.
    public let unchangedUnlisted: [String]

    public init(oldLabel: String, newLabel: String, changes: [ClauseChange], metadataChanges: [String] = [],
                unchangedUnlisted: [String] = []) {
        self.oldLabel = oldLabel
        self.newLabel = newLabel
        self.changes = changes
        self.metadataChanges = metadataChanges
        self.unchangedUnlisted = unchangedUnlisted
    }

    /// Whether nothing changed.
    public var isEmpty: Bool { metadataChanges.isEmpty && changes.allSatisfy { $0.change == .unchanged } }

    /// The changes only (no unchanged clause).
    public var onlyChanged: DocumentDiff {
        DocumentDiff(oldLabel: oldLabel, newLabel: newLabel, changes: changes.filter { $0.change != .unchanged },
                     metadataChanges: metadataChanges, unchangedUnlisted: [])
    }

    /// Restricted to clauses whose eId (old or new) starts with `prefix` (e.g. "annex_2", "art_3").
    public func restricted(toEIdPrefix prefix: String) -> DocumentDiff {
        func within(_ eId: String?) -> Bool {
            guard let eId else { return false }
            return eId == prefix || eId.hasPrefix(prefix + "__")
        }
        return DocumentDiff(oldLabel: oldLabel, newLabel: newLabel,
                            changes: changes.filter { within($0.old?.eId) || within($0.new?.eId) },
                            metadataChanges: metadataChanges, unchangedUnlisted: unchangedUnlisted.filter(within))
    }

    /// How many clauses fall in each class.
    public var counts: [ChangeClass: Int] {
        var result: [ChangeClass: Int] = [:]
        for change in changes { result[change.change, default: 0] += 1 }
        if !unchangedUnlisted.isEmpty { result[.unchanged, default: 0] += unchangedUnlisted.count }
        return result
    }
}
