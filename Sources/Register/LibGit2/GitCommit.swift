import CGit2
import Foundation

/// A commit read from the repository.
final class GitCommit {
    private let pointer: OpaquePointer
    private let repository: GitRepository

    init(owning pointer: OpaquePointer, in repository: GitRepository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_commit_free(pointer) }

    func withPointer<R>(_ body: (OpaquePointer) -> R) -> R {
        withExtendedLifetime(self) { body(pointer) }
    }

    var id: ObjectID? { ObjectID(git_commit_id(pointer)) }

    var treeID: ObjectID? { ObjectID(git_commit_tree_id(pointer)) }

    var parentIDs: [ObjectID] {
        (0..<git_commit_parentcount(pointer)).compactMap { ObjectID(git_commit_parent_id(pointer, $0)) }
    }

    /// The commit's root tree.
    func tree() throws(RegisterError) -> GitTree {
        var out: OpaquePointer?
        try git(git_commit_tree(&out, pointer), "git_commit_tree")
        guard let out else { throw .libgit2(function: "git_commit_tree", code: -1, message: "arbre nul") }
        return GitTree(owning: out, in: repository)
    }

    /// Everything the public API shows of a commit, copied out of libgit2.
    func info() throws(RegisterError) -> CommitInfo {
        guard let id, let treeID, let author = git_commit_author(pointer), let committer = git_commit_committer(pointer)
        else { throw .libgit2(function: "git_commit_author", code: -1, message: "commit incomplet") }
        return CommitInfo(
            id: id,
            message: swiftString(git_commit_message(pointer)) ?? "",
            summary: swiftString(git_commit_summary(pointer)) ?? "",
            author: Identity(author),
            date: Date(timeIntervalSince1970: TimeInterval(author.pointee.when.time)),
            timeZoneMinutes: Int(author.pointee.when.offset),
            committer: Identity(committer),
            committerDate: Date(timeIntervalSince1970: TimeInterval(committer.pointee.when.time)),
            parents: parentIDs,
            tree: treeID
        )
    }
}

extension GitRepository {
    /// The commit with this id; `nil` when the repository holds no such commit.
    func commit(_ id: ObjectID) throws(RegisterError) -> GitCommit? {
        var out: OpaquePointer?
        var oid = id.oid
        let code = withPointer { git_commit_lookup(&out, $0, &oid) }
        guard try gitFound(code, "git_commit_lookup") else { return nil }
        return out.map { GitCommit(owning: $0, in: self) }
    }

    /// Writes a commit object (no reference is moved: the caller does that with compare-and-swap).
    func createCommit(
        tree: GitTree, parents: [GitCommit], author: GitSignature, committer: GitSignature, message: String
    ) throws(RegisterError) -> ObjectID {
        var oid = git_oid()
        let code = withPointer { repo in
            tree.withPointer { tree in
                author.withPointer { author in
                    committer.withPointer { committer in
                        GitCommit.withPointers(parents[...], []) { parents in
                            var parents: [OpaquePointer?] = parents
                            return git_commit_create(
                                &oid, repo, nil, author, committer, "UTF-8", message, tree, parents.count, &parents)
                        }
                    }
                }
            }
        }
        try git(code, "git_commit_create")
        return ObjectID(oid)
    }
}

extension GitCommit {
    /// Lends the raw pointers of several commits at once, keeping each alive until `body` returns.
    static func withPointers<R>(
        _ commits: ArraySlice<GitCommit>, _ lent: [OpaquePointer?], _ body: ([OpaquePointer?]) -> R
    ) -> R {
        guard let first = commits.first else { return body(lent) }
        return first.withPointer { withPointers(commits.dropFirst(), lent + [$0], body) }
    }
}
