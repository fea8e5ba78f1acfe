import CGit2
import Foundation

/// A remote repository (a path, `git://`, `http(s)://`, SSH), as libgit2 reaches it. Anonymous remotes are created
/// from a URL for one exchange; nothing is written to the configuration. Every connection goes through a
/// ``RemoteSession``: identifiers from ``RemoteCredentials``, SSH host keys checked against known_hosts.
final class GitRemote {
    private let pointer: OpaquePointer
    private let repository: GitRepository
    private let session: RemoteSession

    private init(owning pointer: OpaquePointer, in repository: GitRepository, session: RemoteSession) {
        self.pointer = pointer
        self.repository = repository
        self.session = session
    }

    deinit {
        git_remote_disconnect(pointer)
        git_remote_free(pointer)
    }

    /// A remote for `url`, known only to this object (`git_remote_create_anonymous`), authenticated from
    /// `credentials`.
    static func anonymous(url: String, in repository: GitRepository,
                          credentials: RemoteCredentials) throws(RegisterError) -> GitRemote {
        let address = RemoteAddress(url)
        if address.hasPassword { throw .passwordInAddress(url: address.redacted) }
        var out: OpaquePointer?
        let code = repository.withPointer { git_remote_create_anonymous(&out, $0, url) }
        if code < 0 { throw .remote(url: address.redacted, reason: remoteReason()) }
        guard let out else { throw .remote(url: address.redacted, reason: "dépôt distant nul") }
        let session = RemoteSession(address: address, credentials: credentials,
                                    repositoryConfiguration: repository.gitDirectory + "config")
        return GitRemote(owning: out, in: repository, session: session)
    }

    /// The references the remote advertises (branches, tags, HEAD…), name → object id, after connecting for
    /// a fetch. Nothing is downloaded.
    func advertisedReferences() throws(RegisterError) -> [String: ObjectID] {
        var callbacks = git_remote_callbacks()
        try git(git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION)), "git_remote_init_callbacks")
        var proxy = git_proxy_options()
        try git(git_proxy_options_init(&proxy, UInt32(GIT_PROXY_OPTIONS_VERSION)), "git_proxy_options_init")
        proxy.type = GIT_PROXY_NONE
        let connected = withExtendedLifetime(session) { () -> Int32 in
            session.install(in: &callbacks)
            return git_remote_connect(pointer, GIT_DIRECTION_FETCH, &callbacks, &proxy, nil)
        }
        if connected < 0 { throw session.error(code: connected) }
        var heads: UnsafeMutablePointer<UnsafePointer<git_remote_head>?>?
        var count = 0
        let listed = git_remote_ls(&heads, &count, pointer)
        if listed < 0 { throw session.error(code: listed) }
        var references: [String: ObjectID] = [:]
        for index in 0..<count {
            guard let head = heads?[index], let name = swiftString(head.pointee.name) else { continue }
            references[name] = ObjectID(head.pointee.oid)
        }
        return references
    }

    /// Downloads the objects the references matching `refspecs` need and indexes them; moves no reference.
    func download(refspecs: [String]) throws(RegisterError) {
        var options = git_fetch_options()
        try git(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "git_fetch_options_init")
        options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
        options.update_fetchhead = 0
        options.proxy_opts.type = GIT_PROXY_NONE
        let code = withExtendedLifetime(session) { () -> Int32 in
            session.install(in: &options.callbacks)
            return withStrArray(refspecs) { array in git_remote_download(pointer, &array, &options) }
        }
        if code < 0 { throw session.error(code: code) }
    }

    /// Pushes `refspecs` (never forced); returns the references the remote refused, name → its reason.
    func push(refspecs: [String]) throws(RegisterError) -> [String: String] {
        var options = git_push_options()
        try git(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "git_push_options_init")
        options.proxy_opts.type = GIT_PROXY_NONE
        let code = withExtendedLifetime(session) { () -> Int32 in
            session.install(in: &options.callbacks)
            return withStrArray(refspecs) { array in git_remote_push(pointer, &array, &options) }
        }
        if code < 0 { throw session.error(code: code) }
        return session.refusedReferences
    }
}

/// Lends `strings` to libgit2 as a `git_strarray` for the duration of `body`.
func withStrArray<R>(_ strings: [String], _ body: (inout git_strarray) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    return pointers.withUnsafeMutableBufferPointer { buffer in
        var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
        return body(&array)
    }
}

extension GitRepository {
    /// The URL of the remote `name` in the repository's configuration (`remote.<name>.url`); `nil` when unset.
    func remoteURL(named name: String) throws(RegisterError) -> String? {
        var out: OpaquePointer?
        let code = withPointer { git_remote_lookup(&out, $0, name) }
        if code == GitCode.notFound || code == GitCode.invalidSpec {
            clearGitError()
            return nil
        }
        try git(code, "git_remote_lookup")
        guard let out else { return nil }
        defer { git_remote_free(out) }
        return swiftString(git_remote_url(out))
    }

    /// Records (or replaces) the remote `name` → `url` in the repository's configuration. An address holding a
    /// password is refused: a secret is never written in the register.
    func setRemote(named name: String, url: String) throws(RegisterError) {
        let address = RemoteAddress(url)
        if address.hasPassword { throw .passwordInAddress(url: address.redacted) }
        if try remoteURL(named: name) != nil {
            try git(withPointer { git_remote_set_url($0, name, url) }, "git_remote_set_url")
            return
        }
        var out: OpaquePointer?
        try git(withPointer { git_remote_create(&out, $0, name, url) }, "git_remote_create")
        if let out { git_remote_free(out) }
    }
}

/// libgit2's last message, without its final period (the French sentence around it has its own).
private func remoteReason() -> String {
    var reason = lastGitErrorMessage()
    while reason.hasSuffix(".") { reason.removeLast() }
    return reason
}
