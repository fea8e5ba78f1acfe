import CGit2

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
