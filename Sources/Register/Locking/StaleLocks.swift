import Foundation

/// Lock files (`*.lock`) left in a git directory by a writer that died between taking a lock and renaming it
/// into place. git and libgit2 take a lock by creating `<file>.lock` exclusively and never wait for it: a
/// leftover lock blocks every later write to that file, so the store removes the ones older than any live write.
enum StaleLocks {
    /// Removes every `*.lock` file under `gitDirectory` (outside `objects/`, which holds no locks) last modified
    /// more than `age` ago. Returns the removed paths, relative to `gitDirectory`. Best effort: a lock that cannot
    /// be removed is left for the next writer to report.
    static func sweep(gitDirectory: String, olderThan age: Duration, now: Date = Date()) -> [String] {
        let root = URL(fileURLWithPath: gitDirectory, isDirectory: true).standardizedFileURL
        let keys: [URLResourceKey] = [.isRegularFileKey, .contentModificationDateKey]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys) else { return [] }
        var removed: [String] = []
        while let url = walker.nextObject() as? URL {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count)).trimmingPrefix("/")
            // Locks live at the top, under refs/ and logs/: objects/ holds none, nor does suivi's cache.
            if relative == "objects" || relative == "suivi-cache" {
                walker.skipDescendants()
                continue
            }
            guard url.pathExtension == "lock", isStale(url, olderThan: age, now: now) else { continue }
            if (try? FileManager.default.removeItem(at: url)) != nil { removed.append(String(relative)) }
        }
        return removed.sorted()
    }

    /// Whether the lock file at `url` exists and was last modified more than `age` ago.
    static func isStale(_ url: URL, olderThan age: Duration, now: Date = Date()) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              (attributes[.type] as? FileAttributeType) == .typeRegular,
              let modified = attributes[.modificationDate] as? Date
        else { return false }
        return now.timeIntervalSince(modified) > age.seconds
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var seconds: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
