import LegalText

extension TextRegister {
    /// What draft `name` was built on (see ``DraftBase``); `nil` when the draft shares no history with `main`.
    /// - Throws: ``RegisterError/unknownDraft(name:)`` when there is no branch `draft/<name>`.
    public func draftBase(_ name: String) async throws(RegisterError) -> DraftBase? {
        guard let tip = try await store.tip(of: try Self.branch(ofDraft: name)) else { throw await unknownDraft(name) }
        return try await base(of: tip)
    }

    /// What a draft commit was built on: the merge base of `commit` and `main`, and the last adopted version
    /// reachable from it (see ``DraftBase``); `nil` when `commit` shares no history with `main`.
    public func base(of commit: ObjectID) async throws(RegisterError) -> DraftBase? {
        guard let main = try await store.tip(),
              let base = try await store.mergeBase(commit, main) else { return nil }
        var best: VersionInfo?
        for version in try await versions() where version.kind == .adopted {
            guard try await store.isAncestor(version.commit, of: base) else { continue }
            best = version  // `versions()` lists adopted versions in signature order: the last reachable wins
        }
        return DraftBase(commit: base, version: best?.name, versionCommit: best?.commit)
    }
}
