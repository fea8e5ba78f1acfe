import CGit2

/// An in-memory tree being assembled, optionally starting from an existing tree's entries.
final class GitTreeBuilder {
    private let pointer: OpaquePointer
    private let repository: GitRepository

    init(in repository: GitRepository, startingFrom base: GitTree?) throws(RegisterError) {
        var out: OpaquePointer?
        let code = repository.withPointer { repo in
            if let base {
                return base.withPointer { git_treebuilder_new(&out, repo, $0) }
            }
            return git_treebuilder_new(&out, repo, nil)
        }
        try git(code, "git_treebuilder_new")
        guard let out else { throw .libgit2(function: "git_treebuilder_new", code: -1, message: "constructeur nul") }
        pointer = out
        self.repository = repository
    }

    deinit { git_treebuilder_free(pointer) }

    var count: Int { git_treebuilder_entrycount(pointer) }

    /// The entry named `name`, as (id, type); `nil` when absent.
    func entry(named name: String) -> (id: ObjectID, type: git_object_t)? {
        guard let entry = git_treebuilder_get(pointer, name), let id = ObjectID(git_tree_entry_id(entry)) else {
            return nil
        }
        return (id, git_tree_entry_type(entry))
    }

    /// Adds or replaces the entry `name`.
    func insert(_ name: String, id: ObjectID, mode: git_filemode_t) throws(RegisterError) {
        var oid = id.oid
        try git(git_treebuilder_insert(nil, pointer, name, &oid, mode), "git_treebuilder_insert")
    }

    /// Removes the entry `name` if present.
    func remove(_ name: String) throws(RegisterError) {
        guard git_treebuilder_get(pointer, name) != nil else { return }
        try git(git_treebuilder_remove(pointer, name), "git_treebuilder_remove")
    }

    /// Writes the tree object and returns its id.
    func write() throws(RegisterError) -> ObjectID {
        var oid = git_oid()
        try git(git_treebuilder_write(&oid, pointer), "git_treebuilder_write")
        return ObjectID(oid)
    }
}
