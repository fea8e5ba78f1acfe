import Foundation
import LegalText

/// Sharing a register through any git remote (a folder, a bare repository, `git://`, `http://`), with libgit2
/// only: the distributed engine is git itself (DESIGN.md). Committee records are one file per seat and per
/// review and texts one file per clause, so members working offline merge without conflict unless two of them
/// changed the same clause or record; then nothing moves and the clause is reported.
extension TextRegister {
    /// Creates a register in `root` from the register at `source`: same layout as `suivi init` (`register.git`,
    /// bare, and `brouillons/` with a working copy per draft), every branch and tag, and `origin` recorded so
    /// that `pull` and `push` need no address.
    /// - Parameter credentials: where identifiers for an authenticated remote come from, and the known_hosts
    ///   file SSH host keys are checked against (default: this process's environment and home folder).
    /// - Throws: ``RegisterError/repositoryExists(path:)`` when `root` already holds a register;
    ///   ``RegisterError/passwordInAddress(url:)`` for an address holding a password (nothing created); any
    ///   failure leaves no half-made register behind.
    public static func clone(from source: String, to root: URL,
                             credentials: RemoteCredentials = .process) async throws(RegisterError) -> (TextRegister, SyncReport) {
        let url = resolveRemote(source)
        if RemoteAddress(url).hasPassword { throw .passwordInAddress(url: RemoteAddress(url).redacted) }
        let existed = FileManager.default.fileExists(atPath: root.path)
        let register = try create(at: root)
        do {
            try await register.store.setRemote(named: "origin", url: url)
            let report = try await register.pull(from: url, author: nil, credentials: credentials)
            return (register, report)
        } catch {
            let created = existed ? [gitDirectory(of: root), draftsDirectory(of: root)] : [root]
            for folder in created { try? FileManager.default.removeItem(at: folder) }
            throw error
        }
    }

    /// The address a user gives, as libgit2 wants it: a register folder stands for its `register.git`, a
    /// relative path becomes absolute, URLs are kept.
    public static func resolveRemote(_ source: String) -> String {
        if source.contains("://") || RemoteAddress(source).transport == .ssh { return source }
        let url = URL(fileURLWithPath: source).standardizedFileURL
        let git = gitDirectory(of: url)
        return FileManager.default.fileExists(atPath: git.path) ? git.path : url.path
    }

    /// The remote to use: `source` if given, else `origin`. An address holding a password is refused (the
    /// secret comes from ``RemoteCredentials``, never from an address).
    func remoteAddress(_ source: String?) async throws(RegisterError) -> String {
        let url: String
        if let source, let named = try await namedRemote(source) {
            url = named
        } else if let source {
            url = Self.resolveRemote(source)
        } else {
            guard let origin = try await store.remoteURL(named: "origin") else { throw .noRemote }
            url = origin
        }
        let address = RemoteAddress(url)
        if address.hasPassword { throw .passwordInAddress(url: address.redacted) }
        return url
    }

    /// The address of remote `name` when `name` is a remote's name recorded in this register (`origin` after
    /// `suivi clone`, or one added with git), as git reads `git push origin`; `nil` for an address or a path.
    func namedRemote(_ name: String) async throws(RegisterError) -> String? {
        guard !name.isEmpty, !name.contains("/"), !name.contains(":"), !name.contains("\\"), name != ".", name != ".." else { return nil }
        return try await store.remoteURL(named: name)
    }

    /// Brings the remote's branches and tags into this register: a missing branch is created, a branch behind
    /// is moved forward, a branch both sides wrote to gets a merge commit (signed by `author`) built by libgit2
    /// from the two trees; tags are copied, never moved.
    ///
    /// Everything is checked before anything moves: when two sides changed the same clause (or the same
    /// record) differently, or a tag differs, it throws ``RegisterError/mergeConflict(url:conflicts:)`` (the
    /// clauses, by NOR, wId and eId, with both texts) or ``RegisterError/tagDiverged(name:local:remote:)``,
    /// and no reference of this register has changed (the downloaded objects stay unreferenced). Every text at
    /// every new branch tip is read through the safe reader and validated first, as an import is
    /// (``RegisterError/remoteContentRefused(url:branch:reason:)``).
    ///
    /// Identifiers and host keys come from `credentials` (default: this process's environment and home folder).
    public func pull(from source: String? = nil, author: Identity?,
                     credentials: RemoteCredentials = .process) async throws(RegisterError) -> SyncReport {
        let url = try await remoteAddress(source)
        let remote = try await store.fetch(from: url, credentials: credentials)
        var updates: [SyncReport.Update] = []
        var ahead: [String] = []
        var conflicts: [MergeConflict] = []
        var merges: [(ref: String, ours: ObjectID, theirs: ObjectID, tree: ObjectID)] = []

        for (ref, theirs) in remote.branches.sorted(by: { $0.key < $1.key }) {
            guard let ours = try await store.tip(of: ref) else {
                updates.append(.init(ref: ref, change: .created, old: nil, new: theirs))
                continue
            }
            if try await store.isAncestor(theirs, of: ours) {
                if ours != theirs { ahead.append(ref) }
            } else if try await store.isAncestor(ours, of: theirs) {
                updates.append(.init(ref: ref, change: .fastForward, old: ours, new: theirs))
            } else {
                switch try await store.mergeTrees(ours: ours, theirs: theirs) {
                case .clean(let tree): merges.append((ref, ours, theirs, tree))
                case .conflicts(let paths):
                    for path in paths {
                        let mine = try await path.ours.asyncMap { id throws(RegisterError) in try await store.blob(id) } ?? nil
                        let other = try await path.theirs.asyncMap { id throws(RegisterError) in try await store.blob(id) } ?? nil
                        conflicts.append(MergeConflict(branch: ref, path: path.path, ours: mine, theirs: other))
                    }
                }
            }
        }
        if !conflicts.isEmpty { throw .mergeConflict(url: url, conflicts: conflicts) }

        var tagUpdates: [SyncReport.Update] = []
        for (ref, theirs) in remote.tags.sorted(by: { $0.key < $1.key }) {
            guard let ours = try await store.referenceTarget(ref) else {
                guard try await store.peeledCommit(theirs) != nil else { continue }  // a tag of something else
                tagUpdates.append(.init(ref: ref, change: .created, old: nil, new: theirs))
                continue
            }
            guard ours != theirs else { continue }
            let localCommit = try await store.peeledCommit(ours)
            let remoteCommit = try await store.peeledCommit(theirs)
            if localCommit != remoteCommit, let localCommit, let remoteCommit {
                throw .tagDiverged(name: String(ref.dropFirst("refs/tags/".count)), local: localCommit, remote: remoteCommit)
            }
        }
        if let first = merges.first, author == nil { throw .mergeNeedsAuthor(branch: first.ref) }

        // Nothing refused: write the merge commits, then move the references (each by compare-and-swap).
        for merge in merges {
            guard let author else { continue }
            let name = merge.ref.dropFirst("refs/heads/".count)
            let commit = try await store.writeMergeCommit(
                tree: merge.tree, parents: [merge.ours, merge.theirs],
                message: "Fusion de \(name) depuis \(url)\n\nÉcritures faites hors ligne des deux côtés, réunies à la récupération depuis le dépôt distant.",
                author: author, date: Date(), signer: signer)
            updates.append(.init(ref: merge.ref, change: .merged, old: merge.ours, new: commit))
        }
        // What arrives is read like an import: every text at every new branch tip must read and validate.
        let localMain = try await store.tip()
        for update in updates {
            try await checkCharacters(from: update.old ?? localMain, to: update.new, branch: update.ref, url: url)
            try await checkTexts(at: update.new, branch: update.ref, url: url)
        }
        updates += tagUpdates
        for update in updates {
            try await store.moveReference(update.ref, to: update.new, expected: update.old,
                                          logMessage: "pull: \(update.change.rawValue) depuis \(url)")
        }
        let (refreshed, kept) = try await refreshWorkingCopies(after: updates)
        return SyncReport(url: url, updates: updates.sorted { $0.ref < $1.ref }, ahead: ahead,
                          refreshedWorkingCopies: refreshed, keptWorkingCopies: kept)
    }

    /// Refuses any XML file (a clause, a committee record) added or changed between `old` and `new` that holds a
    /// character XML cannot hold (``XMLCharacters``): written with a tool other than suivi, it would make that file
    /// unreadable here (for a committee record: every committee page and command). The remote repairs it
    /// (`suivi committee repair`) before it is pulled.
    private func checkCharacters(from old: ObjectID?, to new: ObjectID, branch: String, url: String) async throws(RegisterError) {
        let name = String(branch.dropFirst("refs/heads/".count))
        for change in try await store.changedPaths(from: old, to: new) where change.path.hasSuffix(".xml") {
            guard let blob = change.newBlob, let data = try await store.blob(blob),
                  let first = XMLCharacters.scan(data).first else { continue }
            throw RegisterError.remoteContentRefused(
                url: url, branch: name,
                reason: "\(change.path), \(first.description) : caractère interdit en XML, qui rendrait ce fichier illisible ; "
                    + "faites-le retirer sur le dépôt distant (pour un enregistrement du comité : \(Remedy.repairCommittee.french) "
                    + "sur ce dépôt-là) puis recommencez.")
        }
    }

    /// Reads every text stored at `commit` through the safe reader and validates it, as `import` would.
    private func checkTexts(at commit: ObjectID, branch: String, url: String) async throws(RegisterError) {
        let name = String(branch.dropFirst("refs/heads/".count))
        for work in try await works(at: commit) {
            do {
                let document = try await self.document(at: commit, work: work)
                let problems = try LegalTextValidator.validateAsStored(document, file: "\(name):\(work)")
                if let first = problems.first {
                    throw RegisterError.remoteContentRefused(url: url, branch: name, reason: first.description)
                }
            } catch let error as RegisterError {
                if case .remoteContentRefused = error { throw error }
                throw .remoteContentRefused(url: url, branch: name, reason: error.description)
            } catch {
                throw .remoteContentRefused(url: url, branch: name, reason: "\(error)")
            }
        }
    }

    /// Sends every branch and tag to the remote (never forced). Refused when the remote has writes this
    /// register lacks: pull first.
    /// Identifiers and host keys come from `credentials` (default: this process's environment and home folder).
    /// - Throws: ``RegisterError/pushRejected(url:references:)``, ``RegisterError/remote(url:reason:)``, and the
    ///   authentication errors (``RegisterError/credentialsRefused(host:transport:tried:)``…).
    public func push(to destination: String? = nil,
                     credentials: RemoteCredentials = .process) async throws(RegisterError) -> SyncReport {
        let url = try await remoteAddress(destination)
        let before = try await store.remoteReferences(at: url, credentials: credentials)
        var refspecs: [String] = []
        var updates: [SyncReport.Update] = []
        var ahead: [String] = []
        var local: [(ref: String, id: ObjectID)] = try await store.branches().map { ($0.ref, $0.tip) }
        for tag in try await store.tags() { local.append(("refs/tags/" + tag.name, tag.id)) }
        var refused: [String: String] = [:]
        for (ref, id) in local where before[ref] != id {
            if let old = before[ref] {
                // Never forced: the remote's value must be an ancestor of ours (a tag is never moved).
                let known = try await store.contains(old)
                if ref.hasPrefix("refs/heads/"), known, try await store.isAncestor(id, of: old) {
                    ahead.append(ref)  // the remote is ahead: nothing to send
                    continue
                }
                guard ref.hasPrefix("refs/heads/"), known, try await store.isAncestor(old, of: id) else {
                    refused[ref] = ref.hasPrefix("refs/tags/")
                        ? "l'étiquette y désigne une autre version"
                        : "le distant a des écritures absentes ici (\(old.abbreviated))"
                    continue
                }
            }
            refspecs.append("\(ref):\(ref)")
            updates.append(.init(ref: ref, change: before[ref] == nil ? .created : .fastForward, old: before[ref], new: id))
        }
        if !refused.isEmpty { throw .pushRejected(url: url, references: refused) }
        guard !refspecs.isEmpty else {
            return SyncReport(url: url, updates: [], ahead: ahead, refreshedWorkingCopies: [], keptWorkingCopies: [])
        }
        let refusedByRemote = try await store.push(to: url, refspecs: refspecs, credentials: credentials)
        if !refusedByRemote.isEmpty { throw .pushRejected(url: url, references: refusedByRemote) }
        return SyncReport(url: url, updates: updates, ahead: ahead, refreshedWorkingCopies: [], keptWorkingCopies: [])
    }

    /// Rewrites the working copy of every draft a pull moved or created, unless it holds edits not committed
    /// yet (then it is kept: its `.base` still says where it was taken from, and `draft commit` applies its
    /// edits on the new tip, refusing only clauses changed on both sides).
    private func refreshWorkingCopies(after updates: [SyncReport.Update]) async throws(RegisterError)
        -> (refreshed: [String], kept: [String])
    {
        var refreshed: [String] = []
        var kept: [String] = []
        for update in updates {
            guard let name = DraftName(ref: update.ref)?.name else { continue }
            if try await workingCopyHasEdits(name) {
                kept.append(name)
            } else {
                try await writeWorkingCopy(name: name, at: update.new)
                refreshed.append(name)
            }
        }
        return (refreshed, kept)
    }

    /// Whether the working copy of draft `name` differs from the commit it was taken from.
    func workingCopyHasEdits(_ name: String) async throws(RegisterError) -> Bool {
        let folder = workingCopy(ofDraft: name)
        guard let base = try await drafts().first(where: { $0.name == name })?.base,
              try await store.contains(base) else { return false }
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".xml") }
        let works = try await self.works(at: base)
        guard Set(files) == Set(works.map { $0 + ".xml" }) else { return !files.isEmpty }
        for work in works {
            let stored = CanonicalWriter.data(try await document(at: base, work: work))
            guard let current = try? Data(contentsOf: folder.appendingPathComponent(work + ".xml")), current == stored else {
                return true
            }
        }
        return false
    }
}

extension Optional {
    /// `map` for an async, typed-throwing transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws(RegisterError) -> T) async throws(RegisterError) -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
