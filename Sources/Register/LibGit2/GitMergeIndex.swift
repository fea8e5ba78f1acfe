import CGit2

/// The in-memory index libgit2 builds when merging two commits' trees: either conflict-free, and written as a
/// tree, or listing the conflicting paths with the three sides' blobs. No working directory is touched.
final class GitMergeIndex {
    private let pointer: OpaquePointer
    private let repository: GitRepository

    /// One conflicting path: the blob on each side (`nil`: absent there, e.g. deleted).
    struct Conflict {
        let path: String
        let ancestor: ObjectID?
        let ours: ObjectID?
        let theirs: ObjectID?
    }

    private init(owning pointer: OpaquePointer, in repository: GitRepository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_index_free(pointer) }

    /// Merges `theirs` into `ours` from their merge base (`git_merge_commits`).
    static func merging(_ ours: GitCommit, _ theirs: GitCommit, in repository: GitRepository)
        throws(RegisterError) -> GitMergeIndex
    {
        var options = git_merge_options()
        try git(git_merge_options_init(&options, UInt32(GIT_MERGE_OPTIONS_VERSION)), "git_merge_options_init")
        var out: OpaquePointer?
        let code = repository.withPointer { repo in
            ours.withPointer { ours in theirs.withPointer { theirs in git_merge_commits(&out, repo, ours, theirs, &options) } }
        }
        try git(code, "git_merge_commits")
        guard let out else { throw .libgit2(function: "git_merge_commits", code: -1, message: "index nul") }
        return GitMergeIndex(owning: out, in: repository)
    }

    var hasConflicts: Bool { withExtendedLifetime(self) { git_index_has_conflicts(pointer) == 1 } }

    /// The conflicting paths, sorted.
    func conflicts() throws(RegisterError) -> [Conflict] {
        var iterator: OpaquePointer?
        try git(git_index_conflict_iterator_new(&iterator, pointer), "git_index_conflict_iterator_new")
        guard let iterator else { return [] }
        defer { git_index_conflict_iterator_free(iterator) }
        var conflicts: [Conflict] = []
        while true {
            var ancestor: UnsafePointer<git_index_entry>?
            var ours: UnsafePointer<git_index_entry>?
            var theirs: UnsafePointer<git_index_entry>?
            let code = git_index_conflict_next(&ancestor, &ours, &theirs, iterator)
            if code == GitCode.iterationOver {
                clearGitError()
                break
            }
            try git(code, "git_index_conflict_next")
            guard let path = swiftString((ancestor ?? ours ?? theirs)?.pointee.path) else { continue }
            conflicts.append(Conflict(path: path, ancestor: ancestor.map { ObjectID($0.pointee.id) },
                                      ours: ours.map { ObjectID($0.pointee.id) }, theirs: theirs.map { ObjectID($0.pointee.id) }))
        }
        return conflicts.sorted { $0.path < $1.path }
    }

    /// Writes the merged tree into the repository (only when there is no conflict).
    func writeTree() throws(RegisterError) -> ObjectID {
        var oid = git_oid()
        try git(repository.withPointer { git_index_write_tree_to(&oid, pointer, $0) }, "git_index_write_tree_to")
        return ObjectID(oid)
    }
}

extension GitRepository {
    /// Whether `ancestor` is `commit` or one of its ancestors.
    func isAncestor(_ ancestor: ObjectID, of commit: ObjectID) throws(RegisterError) -> Bool {
        if ancestor == commit { return true }
        var commitOID = commit.oid
        var ancestorOID = ancestor.oid
        let code = withPointer { git_graph_descendant_of($0, &commitOID, &ancestorOID) }
        if code == GitCode.notFound {
            clearGitError()
            return false
        }
        try git(code, "git_graph_descendant_of")
        return code == 1
    }

    /// The best common ancestor of two commits, as `git merge-base` gives it; `nil` when they share no history.
    func mergeBase(_ one: ObjectID, _ two: ObjectID) throws(RegisterError) -> ObjectID? {
        var out = git_oid()
        var oneOID = one.oid
        var twoOID = two.oid
        let code = withPointer { git_merge_base(&out, $0, &oneOID, &twoOID) }
        if code == GitCode.notFound {
            clearGitError()
            return nil
        }
        try git(code, "git_merge_base")
        return ObjectID(out)
    }
}
