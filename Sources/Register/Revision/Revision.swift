import LegalText

/// A version of the register, as a user or a record names it: an adopted version (its tag), a draft, a
/// commit, or the version in force on a date. ``TextRegister/resolveRevision(_:work:)`` is the one place
/// that turns what someone typed into one of these.
public enum Revision: Sendable, Hashable, CustomStringConvertible {
    /// An adopted version, by its full tag name (`AFSP1638149A/v2017-01-05`).
    case tag(String)
    /// A draft (`draft/2026-projet`).
    case draft(DraftName)
    /// A commit named by its id, by a branch other than a draft's (`main`), or by git's suffixes (`v2017-01-05^`).
    case commit(ObjectID)
    /// The adopted version in force on a date (by entry-into-force dates, not commit order).
    case inForce(LegalDate)

    public var description: String {
        switch self {
        case .tag(let name): name
        case .draft(let draft): draft.branch
        case .commit(let id): id.hex
        case .inForce(let date): date.iso
        }
    }
}

/// What a revision names in the register: the revision, classified, and the commit it designates.
public struct ResolvedRevision: Sendable, Hashable {
    /// What was given, as given (`v2017-01-05`, `2026-projet`, `2020-06-01`…).
    public let text: String
    public let revision: Revision
    public let commit: ObjectID
    /// For a date: the adopted version in force that day.
    public let version: VersionInfo?

    /// The name to show for it: the tag, the draft's branch, the version in force on the date, else the text given.
    public var label: String {
        switch revision {
        case .tag(let name): name
        case .draft(let draft): draft.branch
        case .inForce: version?.name ?? text
        case .commit: text
        }
    }
}
