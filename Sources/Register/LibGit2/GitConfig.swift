import CGit2
import Foundation

/// One level of a repository's git configuration, open for writing.
final class GitConfig {
    private let pointer: OpaquePointer

    init(owning pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit { git_config_free(pointer) }

    func set(_ name: String, _ value: Bool) throws(RegisterError) {
        try git(git_config_set_bool(pointer, name, value ? 1 : 0), "git_config_set_bool")
    }

    func set(_ name: String, _ value: String) throws(RegisterError) {
        try git(git_config_set_string(pointer, name, value), "git_config_set_string")
    }
}

extension GitConfig {
    /// Every variable of one configuration file, in the order the file gives them (names normalised by libgit2:
    /// section and key in lower case, subsection as written); `[include]`d files are read too. An absent or
    /// unreadable file has none.
    static func entries(ofFile path: String) -> [(name: String, value: String)] {
        _ = libgit2
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        var config: OpaquePointer?
        guard git_config_open_ondisk(&config, path) == 0, let config else {
            clearGitError()
            return []
        }
        defer { git_config_free(config) }
        var iterator: OpaquePointer?
        guard git_config_iterator_new(&iterator, config) == 0, let iterator else {
            clearGitError()
            return []
        }
        defer { git_config_iterator_free(iterator) }
        var entries: [(name: String, value: String)] = []
        var entry: UnsafeMutablePointer<git_config_entry>?
        while git_config_next(&entry, iterator) == 0, let entry {
            if let name = swiftString(entry.pointee.name) {
                entries.append((name, swiftString(entry.pointee.value) ?? ""))
            }
        }
        clearGitError()
        return entries
    }
}
