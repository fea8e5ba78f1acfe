/// What a draft was built on: the commit of `main` it last started from or was brought up to date with, and
/// the adopted version in force at that commit.
///
/// The base is the merge base of the draft branch and `main` (`git merge-base`), so it is carried by the
/// history itself: a clone knows it, and bringing a draft up to date (a merge commit whose second parent is
/// `main`'s tip) moves it. Committee records also live on `main`, so the base commit may be a committee write;
/// what matters for the text is ``version`` (the last adopted version reachable from the base commit).
public struct DraftBase: Sendable, Hashable, Codable {
    /// The merge base of the draft branch and `main`.
    public let commit: ObjectID
    /// The adopted version (tag, e.g. `v2017-01-05`) the base holds: the most recent tag whose commit is the
    /// base or one of its ancestors; `nil` when none is (a register with no adopted version).
    public let version: String?
    /// The commit of that version's tag.
    public let versionCommit: ObjectID?

    public init(commit: ObjectID, version: String?, versionCommit: ObjectID?) {
        self.commit = commit
        self.version = version
        self.versionCommit = versionCommit
    }
}
