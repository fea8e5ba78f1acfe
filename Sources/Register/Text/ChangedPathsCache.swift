import Foundation

/// Remembers which files changed between two commits, so that walking a long history does not diff
/// the same trees again: the role git's changed-path Bloom filters play for `git log -- <path>`.
///
/// Commits never change, so an entry never goes stale. Entries are small text files under
/// `register.git/suivi-cache/changed-paths/` (inside the git directory, never cloned or pushed,
/// ignored by git); a missing or unreadable entry is simply computed again.
package struct ChangedPathsCache: Sendable {
    let directory: URL

    package init(gitDirectory: URL) {
        directory = gitDirectory.appendingPathComponent("suivi-cache/changed-paths")
    }

    /// The paths changed from `old` to `new` (added, modified or deleted), from the cache or by diffing
    /// the two trees with `store`.
    func changedPaths(from old: ObjectID, to new: ObjectID, store: GitStore) async throws(RegisterError) -> Set<String> {
        let file = directory.appendingPathComponent("\(old)-\(new)")
        if let data = try? Data(contentsOf: file), let text = String(data: data, encoding: .utf8), text.hasSuffix("\n.\n") {
            return Set(text.split(separator: "\n").dropLast().map(String.init))
        }
        let paths = try await store.changedPaths(from: old, to: new).map(\.path)
        record(paths, from: old, to: new)
        return Set(paths)
    }

    /// Records the paths a writer changed from `old` to `new` (its commit's parent), so that the first
    /// history query after a write does not have to diff the trees.
    package func record<S: Sequence>(_ paths: S, from old: ObjectID, to new: ObjectID) where S.Element == String {
        let file = directory.appendingPathComponent("\(old)-\(new)")
        let sorted = paths.sorted()
        // Written whole then renamed, and ended by a "." line: a torn write is never read as complete.
        let content = sorted.joined(separator: "\n") + (sorted.isEmpty ? "" : "\n") + ".\n"
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? Data(content.utf8).write(to: file, options: .atomic)
    }
}
