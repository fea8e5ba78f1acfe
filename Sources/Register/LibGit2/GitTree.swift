import CGit2

/// A tree (a folder) read from the repository.
final class GitTree {
    private let pointer: OpaquePointer
    private let repository: GitRepository

    init(owning pointer: OpaquePointer, in repository: GitRepository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_tree_free(pointer) }

    func withPointer<R>(_ body: (OpaquePointer) -> R) -> R {
        withExtendedLifetime(self) { body(pointer) }
    }

    /// One entry of a tree, copied out of libgit2.
    struct Entry {
        let name: String
        let id: ObjectID
        let type: git_object_t
        let mode: git_filemode_t

        var isTree: Bool { type == GIT_OBJECT_TREE }
        var isBlob: Bool { type == GIT_OBJECT_BLOB }
    }

    var id: ObjectID? { ObjectID(git_tree_id(pointer)) }

    /// The entries directly in this tree, in git's order.
    var entries: [Entry] {
        (0..<git_tree_entrycount(pointer)).compactMap { index in
            guard let entry = git_tree_entry_byindex(pointer, index) else { return nil }
            return Self.copy(entry)
        }
    }

    /// The entry at a slash-separated path below this tree; `nil` when nothing is there.
    func entry(atPath path: String) throws(RegisterError) -> Entry? {
        var out: OpaquePointer?
        let code = git_tree_entry_bypath(&out, pointer, path)
        guard try gitFound(code, "git_tree_entry_bypath") else { return nil }
        guard let out else { return nil }
        defer { git_tree_entry_free(out) }
        return Self.copy(out)
    }

    private static func copy(_ entry: OpaquePointer) -> Entry? {
        guard let name = swiftString(git_tree_entry_name(entry)), let id = ObjectID(git_tree_entry_id(entry))
        else { return nil }
        return Entry(name: name, id: id, type: git_tree_entry_type(entry), mode: git_tree_entry_filemode(entry))
    }
}

extension GitRepository {
    /// The tree with this id; `nil` when the repository holds no such tree.
    func tree(_ id: ObjectID) throws(RegisterError) -> GitTree? {
        var out: OpaquePointer?
        var oid = id.oid
        let code = withPointer { git_tree_lookup(&out, $0, &oid) }
        guard try gitFound(code, "git_tree_lookup") else { return nil }
        return out.map { GitTree(owning: $0, in: self) }
    }
}
