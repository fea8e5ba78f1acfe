import CGit2

/// A walk over commits reachable from the pushed starting points, newest first.
final class GitRevwalk {
    private let pointer: OpaquePointer
    private let repository: GitRepository

    init(in repository: GitRepository) throws(RegisterError) {
        var out: OpaquePointer?
        try git(repository.withPointer { git_revwalk_new(&out, $0) }, "git_revwalk_new")
        guard let out else { throw .libgit2(function: "git_revwalk_new", code: -1, message: "parcours nul") }
        pointer = out
        self.repository = repository
        // Parents after children; among unrelated commits, newest first (as `git log --topo-order`).
        git_revwalk_sorting(pointer, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue)
    }

    deinit { git_revwalk_free(pointer) }

    func push(_ id: ObjectID) throws(RegisterError) {
        var oid = id.oid
        try git(git_revwalk_push(pointer, &oid), "git_revwalk_push")
    }

    /// Follow only first parents (the branch's own line, as `git log --first-parent`).
    func followFirstParentOnly() throws(RegisterError) {
        try git(git_revwalk_simplify_first_parent(pointer), "git_revwalk_simplify_first_parent")
    }

    /// The next commit id, `nil` when the walk is over.
    func next() throws(RegisterError) -> ObjectID? {
        var oid = git_oid()
        let code = git_revwalk_next(&oid, pointer)
        if code == GitCode.iterationOver {
            clearGitError()
            return nil
        }
        try git(code, "git_revwalk_next")
        return ObjectID(oid)
    }
}
