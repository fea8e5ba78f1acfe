import Register

/// The register's version list, computed again only when a tag or a branch moved: `versions()` is a
/// function of the tags and of the draft branches' tips, and reading those refs is much cheaper than
/// reading each draft's text header.
actor VersionsCache {
    private var key: RegisterFingerprint?
    private var value: [VersionInfo]?

    func versions(of register: TextRegister) async throws(RegisterError) -> [VersionInfo] {
        let current = try await register.fingerprint()
        if let value, current == key { return value }
        let fresh = try await register.versions()
        key = current
        value = fresh
        return fresh
    }
}
