import CGit2

/// The differences between two trees, file by file (no rename detection, no content diff).
final class GitDiff {
    private let pointer: OpaquePointer
    private let repository: GitRepository

    /// - Parameters:
    ///   - old: the tree before; `nil` for an empty tree (everything added).
    ///   - new: the tree after; `nil` for an empty tree (everything deleted).
    init(in repository: GitRepository, from old: GitTree?, to new: GitTree?) throws(RegisterError) {
        var options = git_diff_options()
        try git(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
        var out: OpaquePointer?
        let code = repository.withPointer { repo in
            Self.withOptionalPointer(old) { old in
                Self.withOptionalPointer(new) { new in git_diff_tree_to_tree(&out, repo, old, new, &options) }
            }
        }
        try git(code, "git_diff_tree_to_tree")
        guard let out else { throw .libgit2(function: "git_diff_tree_to_tree", code: -1, message: "diff nul") }
        pointer = out
        self.repository = repository
    }

    deinit { git_diff_free(pointer) }

    /// The changed files, sorted by path.
    var changes: [PathChange] {
        (0..<git_diff_num_deltas(pointer)).compactMap { index -> PathChange? in
            guard let delta = git_diff_get_delta(pointer, index) else { return nil }
            let old = delta.pointee.old_file
            let new = delta.pointee.new_file
            switch delta.pointee.status {
            case GIT_DELTA_ADDED:
                guard let path = swiftString(new.path) else { return nil }
                return PathChange(path: path, kind: .added, oldBlob: nil, newBlob: ObjectID(new.id))
            case GIT_DELTA_DELETED:
                guard let path = swiftString(old.path) else { return nil }
                return PathChange(path: path, kind: .deleted, oldBlob: ObjectID(old.id), newBlob: nil)
            case GIT_DELTA_UNMODIFIED:
                return nil
            default:  // modified, or a type change reported in place
                guard let path = swiftString(new.path) ?? swiftString(old.path) else { return nil }
                return PathChange(path: path, kind: .modified, oldBlob: ObjectID(old.id), newBlob: ObjectID(new.id))
            }
        }
        .sorted { $0.path < $1.path }
    }

    private static func withOptionalPointer<R>(_ tree: GitTree?, _ body: (OpaquePointer?) -> R) -> R {
        guard let tree else { return body(nil) }
        return tree.withPointer { body($0) }
    }
}
