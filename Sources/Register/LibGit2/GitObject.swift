import CGit2

/// Any git object (commit, tree, blob, tag), as `git_revparse_single` and `git_object_lookup` return it.
final class GitObject {
    private let pointer: OpaquePointer
    private let repository: GitRepository

    init(owning pointer: OpaquePointer, in repository: GitRepository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_object_free(pointer) }

    func withPointer<R>(_ body: (OpaquePointer) -> R) -> R {
        withExtendedLifetime(self) { body(pointer) }
    }

    var id: ObjectID? { ObjectID(git_object_id(pointer)) }

    var type: git_object_t { git_object_type(pointer) }

    /// Follows tags (and commits, to their tree) until an object of `type`; `nil` when there is none that way.
    func peeled(to type: git_object_t) throws(RegisterError) -> GitObject? {
        var out: OpaquePointer?
        let code = git_object_peel(&out, pointer, type)
        if code == GitCode.notFound || code == GitCode.invalidSpec || code == GIT_EPEEL.rawValue {
            clearGitError()
            return nil
        }
        try git(code, "git_object_peel")
        guard let out else { return nil }
        return GitObject(owning: out, in: repository)
    }
}

extension GitRepository {
    /// The object a revision expression names (`main`, `v2017-01-05`, `main~2`, a hex prefix…).
    func revparse(_ spec: String) throws(RegisterError) -> GitObject {
        var out: OpaquePointer?
        let code = withPointer { git_revparse_single(&out, $0, spec) }
        switch code {
        case GitCode.notFound, GitCode.invalidSpec, GitCode.unbornBranch:
            clearGitError()
            throw .notFound(revision: spec)
        case GitCode.ambiguous:
            clearGitError()
            throw .ambiguous(revision: spec)
        default:
            try git(code, "git_revparse_single")
        }
        guard let out else { throw .notFound(revision: spec) }
        return GitObject(owning: out, in: self)
    }

    /// The object with this id, of any type; `nil` when the repository does not hold it.
    func object(_ id: ObjectID, type: git_object_t = GIT_OBJECT_ANY) throws(RegisterError) -> GitObject? {
        var out: OpaquePointer?
        var oid = id.oid
        let code = withPointer { git_object_lookup(&out, $0, &oid, type) }
        guard try gitFound(code, "git_object_lookup") else { return nil }
        return out.map { GitObject(owning: $0, in: self) }
    }
}
