import Register

/// The register's version list, computed again only when a tag or a branch moved: `versions()` is a
/// function of the tags and of the draft branches' tips, and reading those refs is much cheaper than
/// reading each draft's text header.
actor VersionsCache {
    private var key: [String] = []
    private var value: [VersionInfo]?

    func versions(of register: TextRegister) async throws(RegisterError) -> [VersionInfo] {
        let store = register.gitStore
        let tags = try await store.tags().map { "t \($0.name) \($0.id)" }
        let branches = try await store.branches().map { "b \($0.ref) \($0.tip)" }
        let current = tags + branches
        if let value, current == key { return value }
        let fresh = try await register.versions()
        key = current
        value = fresh
        return fresh
    }
}
