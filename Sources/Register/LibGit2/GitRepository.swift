import CGit2

/// An open libgit2 repository. Every other wrapper keeps a strong reference to the repository it came from,
/// since libgit2 objects must not outlive their repository.
final class GitRepository {
    private let pointer: OpaquePointer

    private init(pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit { git_repository_free(pointer) }

    /// Creates a bare repository at `path` whose HEAD names `refs/heads/main` (unborn until the first commit).
    static func create(at path: String) throws(RegisterError) -> GitRepository {
        _ = libgit2
        var options = git_repository_init_options()
        try git(git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)),
                "git_repository_init_options_init")
        options.flags = GIT_REPOSITORY_INIT_BARE.rawValue | GIT_REPOSITORY_INIT_NO_REINIT.rawValue
            | GIT_REPOSITORY_INIT_MKPATH.rawValue
        var out: OpaquePointer?
        let code = "main".withCString { head in
            options.initial_head = head
            return git_repository_init_ext(&out, path, &options)
        }
        if code == GitCode.exists {
            clearGitError()
            throw .repositoryExists(path: path)
        }
        try git(code, "git_repository_init_ext")
        guard let out else { throw .libgit2(function: "git_repository_init_ext", code: -1, message: "dépôt nul") }
        return GitRepository(pointer: out)
    }

    /// Opens the repository at exactly `path` (bare, or a working tree's top level); no upward search.
    static func open(at path: String) throws(RegisterError) -> GitRepository {
        _ = libgit2
        var out: OpaquePointer?
        let code = git_repository_open_ext(&out, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil)
        if code == GitCode.notFound {
            clearGitError()
            throw .notARepository(path: path)
        }
        try git(code, "git_repository_open_ext")
        guard let out else { throw .libgit2(function: "git_repository_open_ext", code: -1, message: "dépôt nul") }
        return GitRepository(pointer: out)
    }

    /// Lends the raw pointer to `body`, keeping the repository alive until `body` returns.
    func withPointer<R>(_ body: (OpaquePointer) -> R) -> R {
        withExtendedLifetime(self) { body(pointer) }
    }

    /// The git directory (`…/register.git/` for a bare repository, `…/.git/` otherwise), with a final slash.
    var gitDirectory: String {
        withPointer { swiftString(git_repository_path($0)) } ?? ""
    }

    var isBare: Bool { withPointer { git_repository_is_bare($0) } == 1 }

    /// The repository's own configuration file (`config` in the git directory).
    func configuration() throws(RegisterError) -> GitConfig {
        var all: OpaquePointer?
        try git(withPointer { git_repository_config(&all, $0) }, "git_repository_config")
        guard let all else { throw .libgit2(function: "git_repository_config", code: -1, message: "configuration nulle") }
        defer { git_config_free(all) }
        var local: OpaquePointer?
        try git(git_config_open_level(&local, all, GIT_CONFIG_LEVEL_LOCAL), "git_config_open_level")
        guard let local else { throw .libgit2(function: "git_config_open_level", code: -1, message: "configuration nulle") }
        return GitConfig(owning: local)
    }
}
