import LegalText

extension TextRegister {
    /// What `text` names, and the commit it designates: the one resolver of revisions for every front end.
    ///
    /// In this order:
    /// - a date `AAAA-MM-JJ`: the adopted version of `work` (or of any text) in force that day;
    /// - `draft/<name>`: that draft;
    /// - a name git resolves: a full tag (`AFSP1638149A/v2017-01-05`), a branch (`main`), a commit id, with git's
    ///   suffixes (`v2017-01-05^`);
    /// - a version name without its text (`v2017-01-05`, as tags were named before they were per text): the tag of
    ///   `work` of that name, else the one text's that has it;
    /// - a draft's name alone (`2026-projet`).
    ///
    /// - Throws: ``RegisterError/notFound(revision:)`` when it names nothing;
    ///   ``RegisterError/ambiguousVersion(name:candidates:)`` when it names several things (a version of several
    ///   texts, or a draft and another commit); ``RegisterError/ambiguous(revision:)`` for a short commit id shared
    ///   by several objects; ``RegisterError/noVersionInForce(date:firstEntryIntoForce:)`` and
    ///   ``RegisterError/repealed(date:since:version:)`` for a date.
    public func resolveRevision(_ text: String, work: String? = nil) async throws(RegisterError) -> ResolvedRevision {
        if let date = LegalDate(iso: text) {
            let version = try await versionInForce(on: date, work: work)
            return ResolvedRevision(text: text, revision: .inForce(date), commit: version.commit, version: version)
        }
        if text.hasPrefix(DraftName.branchPrefix), let draft = try? DraftName(branch: text) {
            guard let tip = try await store.tip(of: draft.ref) else { throw .notFound(revision: text) }
            return ResolvedRevision(text: text, revision: .draft(draft), commit: tip, version: nil)
        }
        // A draft of that bare name, if any: it must not be mistaken for something else of the same name.
        let bareDraft = try? DraftName(text)
        var draftTip: ObjectID?
        if let bareDraft { draftTip = try await store.tip(of: bareDraft.ref) }
        do throws(RegisterError) {
            let commit = try await store.resolve(revision: text)
            if let draftTip, let bareDraft, draftTip != commit {
                throw RegisterError.ambiguousVersion(name: text, candidates: [text, bareDraft.branch])
            }
            return ResolvedRevision(text: text, revision: try await classify(text, commit: commit), commit: commit, version: nil)
        } catch {
            guard case .notFound = error else { throw error }
        }
        if let full = try await fullTagName(text, work: work) {
            if let draftTip, let bareDraft, draftTip != (try await store.resolve(revision: full)) {
                throw .ambiguousVersion(name: text, candidates: [full, bareDraft.branch])
            }
            let commit = try await store.resolve(revision: full)
            return ResolvedRevision(text: text, revision: try await classify(full, commit: commit), commit: commit, version: nil)
        }
        if let draftTip, let bareDraft {
            return ResolvedRevision(text: text, revision: .draft(bareDraft), commit: draftTip, version: nil)
        }
        throw .notFound(revision: text)
    }

    /// The commit `revision` designates.
    public func resolve(_ revision: Revision, work: String? = nil) async throws(RegisterError) -> ObjectID {
        switch revision {
        case .tag(let name): return try await store.resolveTag(name)
        case .draft(let draft):
            guard let tip = try await store.tip(of: draft.ref) else { throw await unknownDraft(draft.name) }
            return tip
        case .commit(let id):
            guard try await store.peeledCommit(id) == id else { throw .notFound(revision: id.hex) }
            return id
        case .inForce(let date): return try await versionInForce(on: date, work: work).commit
        }
    }

    /// The commit a revision names (``resolveRevision(_:work:)``): a date (the version in force that day), a tag
    /// (`AFSP1638149A/v2017-01-05`, or `v2017-01-05` while only one text has a version of that date), a draft
    /// (`draft/2026-projet` or `2026-projet`), a branch, or a commit id; each but a date may carry git's
    /// suffixes (`v2017-01-05^`).
    public func resolve(_ revision: String, work: String? = nil) async throws(RegisterError) -> ObjectID {
        try await resolveRevision(revision, work: work).commit
    }

    /// The tip of a draft's branch; nil when there is no such draft.
    public func tip(of draft: DraftName) async throws(RegisterError) -> ObjectID? {
        try await store.tip(of: draft.ref)
    }

    /// A name git resolved, classified: exactly a tag, exactly a draft's branch, else a commit.
    private func classify(_ name: String, commit: ObjectID) async throws(RegisterError) -> Revision {
        if let tag = try? await store.tagInfo(named: name), tag.target == commit { return .tag(name) }
        if let draft = DraftName(ref: "refs/heads/" + name), try await store.tip(of: draft.ref) == commit { return .draft(draft) }
        return .commit(commit)
    }

    /// `revision` with a version name given without its text (`v2017-01-05`, as tags were named before
    /// they were per text) replaced by the one tag `<text>/v2017-01-05` (that of `work` when given); nil when no
    /// text has it.
    /// - Throws: ``RegisterError/ambiguousVersion(name:candidates:)`` when several texts have it and `work` does not
    ///   choose.
    func fullTagName(_ revision: String, work: String? = nil) async throws(RegisterError) -> String? {
        let end = revision.firstIndex { "^~:@".contains($0) } ?? revision.endIndex
        let name = String(revision[..<end])
        guard !name.isEmpty, !name.contains("/") else { return nil }
        var candidates = try await store.tagNames().filter { tag in
            let parts = tag.split(separator: "/", omittingEmptySubsequences: false)
            return parts.count == 2 && parts[1] == Substring(name)
        }
        if let work, candidates.count > 1, candidates.contains(work + "/" + name) { candidates = [work + "/" + name] }
        guard candidates.count <= 1 else { throw .ambiguousVersion(name: name, candidates: candidates) }
        return candidates.first.map { $0 + revision[end...] }
    }
}
