import CGit2

/// A reference (branch, tag, HEAD) read from or written to the repository.
final class GitReference {
    private let pointer: OpaquePointer
    private let repository: GitRepository

    init(owning pointer: OpaquePointer, in repository: GitRepository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_reference_free(pointer) }

    var name: String { swiftString(git_reference_name(pointer)) ?? "" }

    /// The object a direct reference points at; `nil` for a symbolic reference.
    var target: ObjectID? { ObjectID(git_reference_target(pointer)) }

    /// The reference a symbolic reference (HEAD) names; `nil` for a direct reference.
    var symbolicTarget: String? { swiftString(git_reference_symbolic_target(pointer)) }

    /// Deletes the reference if it still points where it did when read (libgit2 compares under the ref's lock).
    /// Returns the raw code so the caller can tell `GIT_EMODIFIED` and `GIT_ELOCKED` apart.
    func delete() -> Int32 {
        withExtendedLifetime(self) { git_reference_delete(pointer) }
    }
}

extension GitRepository {
    /// The reference of that full name; `nil` when absent.
    func reference(_ name: String) throws(RegisterError) -> GitReference? {
        var out: OpaquePointer?
        let code = withPointer { git_reference_lookup(&out, $0, name) }
        guard try gitFound(code, "git_reference_lookup", reference: name) else { return nil }
        return out.map { GitReference(owning: $0, in: self) }
    }

    /// The commit (or tag object) a reference resolves to, following symbolic references; `nil` when absent
    /// or unborn.
    func referenceTarget(_ name: String) throws(RegisterError) -> ObjectID? {
        var oid = git_oid()
        let code = withPointer { git_reference_name_to_id(&oid, $0, name) }
        guard try gitFound(code, "git_reference_name_to_id", reference: name) else { return nil }
        return ObjectID(oid)
    }

    /// Compare-and-swap: points `name` at `target` only if it currently points at `expected`
    /// (`ObjectID.zero`: only if it does not exist yet). libgit2 compares and writes under `name.lock`.
    ///
    /// Returns libgit2's raw code, so the caller can tell `GIT_EMODIFIED` (someone moved the reference)
    /// and `GIT_ELOCKED` (someone is moving it now) from real failures; any error is left for `git(_:_:)`.
    func updateReference(_ name: String, to target: ObjectID, expected: ObjectID, logMessage: String) -> Int32 {
        var out: OpaquePointer?
        var new = target.oid
        var old = expected.oid
        let code = withPointer { git_reference_create_matching(&out, $0, name, &new, 1, &old, logMessage) }
        if let out { git_reference_free(out) }
        return code
    }

    /// Full names of the references matching a glob (`refs/heads/*`), sorted.
    func referenceNames(matching glob: String) throws(RegisterError) -> [String] {
        var iterator: OpaquePointer?
        try git(withPointer { git_reference_iterator_glob_new(&iterator, $0, glob) }, "git_reference_iterator_glob_new")
        guard let iterator else { return [] }
        defer { git_reference_iterator_free(iterator) }
        var names: [String] = []
        while true {
            var name: UnsafePointer<CChar>?
            let code = git_reference_next_name(&name, iterator)
            if code == GitCode.iterationOver {
                clearGitError()
                break
            }
            try git(code, "git_reference_next_name")
            if let name = swiftString(name) { names.append(name) }
        }
        return names.sorted()
    }

    /// Whether git accepts `name` as a full reference name.
    static func isValidReferenceName(_ name: String) -> Bool {
        _ = libgit2
        var valid: Int32 = 0
        guard git_reference_name_is_valid(&valid, name) == 0 else {
            clearGitError()
            return false
        }
        return valid == 1
    }
}
