import CGit2

extension GitRepository {
    /// Writes the tree that results from applying `edit` to `base` (`nil`: start from nothing), folder by folder,
    /// reusing every untouched subtree of `base` by id. Returns the root tree's id; an emptied folder disappears,
    /// since git stores no empty folders.
    func writeTree(applying edit: TreeEdit, to base: GitTree?) throws(RegisterError) -> ObjectID {
        if let id = try writeSubtree(applying: edit, to: base, at: "") { return id }
        return try GitTreeBuilder(in: self, startingFrom: nil).write()
    }

    /// As `writeTree`, but `nil` when the resulting folder is empty.
    private func writeSubtree(applying edit: TreeEdit, to base: GitTree?, at prefix: String)
        throws(RegisterError) -> ObjectID?
    {
        let builder = try GitTreeBuilder(in: self, startingFrom: base)
        for (name, content) in edit.files {
            guard let content else {
                try builder.remove(name)  // a file or a whole folder; absent is fine
                continue
            }
            if let existing = builder.entry(named: name), existing.type == GIT_OBJECT_TREE {
                throw .invalidPath(path: prefix + name, reason: "un dossier porte déjà ce nom")
            }
            try builder.insert(name, id: try writeBlob(content), mode: GIT_FILEMODE_BLOB)
        }
        for (name, folderEdit) in edit.folders {
            var folderBase: GitTree?
            if let existing = builder.entry(named: name) {
                guard existing.type == GIT_OBJECT_TREE, let tree = try self.tree(existing.id) else {
                    throw .invalidPath(path: prefix + name, reason: "un fichier porte déjà ce nom")
                }
                folderBase = tree
            }
            if let id = try writeSubtree(applying: folderEdit, to: folderBase, at: prefix + name + "/") {
                try builder.insert(name, id: id, mode: GIT_FILEMODE_TREE)
            } else {
                try builder.remove(name)
            }
        }
        guard builder.count > 0 else { return nil }
        return try builder.write()
    }

    /// Every file below `tree`, as full paths prefixed with `prefix`, in git's order.
    func filePaths(in tree: GitTree, prefix: String) throws(RegisterError) -> [String] {
        var paths: [String] = []
        for entry in tree.entries {
            if entry.isTree {
                guard let subtree = try self.tree(entry.id) else { continue }
                paths += try filePaths(in: subtree, prefix: prefix + entry.name + "/")
            } else if entry.isBlob {
                paths.append(prefix + entry.name)
            }
            // Submodule links (commits) are not files of the register: skipped.
        }
        return paths
    }
}
