import Foundation
import LegalText

extension TextRegister {
    /// The versions a history walks, oldest first: adopted versions, then `upTo` if it is a draft; when `upTo`
    /// names an adopted version (its tag, or a date: the version in force that day), the chain stops there.
    func versionChain(upTo revision: String?, work: String? = nil) async throws(RegisterError) -> [VersionInfo] {
        let all = try await versions()
        var chain = all.filter { $0.kind == .adopted }
        guard let revision else { return chain }
        let resolved: ResolvedRevision
        do {
            resolved = try await resolveRevision(revision, work: work)
        } catch {
            guard case .notFound = error else { throw error }
            throw .notAVersion(revision: revision)
        }
        let name: String
        switch resolved.revision {
        case .draft(let draft):
            guard let version = all.first(where: { $0.kind == .draft && $0.name == draft.branch }) else {
                throw .notAVersion(revision: revision)
            }
            chain.append(version)
            return chain
        case .tag(let tag): name = tag
        case .inForce: name = resolved.version?.name ?? revision
        case .commit: throw .notAVersion(revision: revision)
        }
        guard let index = chain.firstIndex(where: { $0.name == name }) else { throw .notAVersion(revision: revision) }
        return Array(chain[...index])  // an adopted version: the history stops there
    }

    /// Every version in which the clause `identifier` (an eId or a wId) changed, oldest first, following
    /// it across renumbering by its wId. With `upTo` naming a draft, the draft is the last step; naming an
    /// adopted version, the history stops at that version.
    ///
    /// Only the part files git reports as changed between consecutive versions are read: the cost grows
    /// with the number of versions and of changes to the clause's file, not with the size of the text.
    ///
    /// With `numbering` (a version, named the one way: tag, draft, commit, date), `identifier` is read as that
    /// version numbers its clauses: the clause bearing that eId there (else that wId there) is the one traced,
    /// through the whole history, whatever eId it had before or has since. A draft named there is also the last
    /// step when `upTo` is not given.
    /// - Throws: ``RegisterError/clauseNotInVersion(identifier:version:)`` when that version has no such clause.
    public func history(of identifier: String, work: String? = nil, upTo revision: String? = nil, numberedAt numbering: String? = nil)
        async throws(RegisterError) -> [ClauseHistoryEntry] {
        var revision = revision
        var identity: (wId: String, work: String)?
        if let numbering {
            let resolved = try await resolveRevision(numbering, work: work)
            if revision == nil, case .draft(let draft) = resolved.revision { revision = draft.branch }
            identity = try await identityOfClause(identifier, at: resolved, work: work)
        }
        let chain = try await versionChain(upTo: revision, work: work)
        guard let latest = chain.last else { throw .noAdoptedVersion }
        let chosen = try await chooseWork(identity?.work ?? work, at: latest.commit)
        let folder = RegisterLayout.folder(work: chosen)
        let wId: String
        if let identity {
            wId = identity.wId
        } else {
            wId = try await resolveWId(identifier, work: chosen, chain: chain)
        }

        var entries: [ClauseHistoryEntry] = []
        var previous: ClauseState?
        var path: String?
        var previousCommit: ObjectID?
        var everSeen = false
        let cache = ChangedPathsCache(gitDirectory: store.url)
        for version in chain {
            var state: ClauseState?
            if let before = previousCommit {
                let changed = try await cache.changedPaths(from: before, to: version.commit, store: store)
                if let current = path, !changed.contains(current) {
                    state = previous  // its file did not change: nothing to read
                } else {
                    // Its file changed or went away (or it was not there yet): look in the files that changed.
                    let candidates = (path.map { [$0] } ?? []) + changed.filter { $0.hasPrefix(folder + "/") }.sorted()
                    (state, path) = try await find(wId, in: candidates, at: version.commit)
                }
            } else {
                (state, path) = try await find(wId, in: Self.likelyPaths(of: wId, folder: folder), at: version.commit)
                if state == nil {
                    let all = try await store.listFiles(at: version.commit, under: folder)
                    (state, path) = try await find(wId, in: all, at: version.commit)
                }
            }
            if let change = Self.change(from: previous, to: state, everSeen: everSeen) {
                entries.append(ClauseHistoryEntry(version: version.name, date: version.date, change: change, wId: wId,
                                                  eId: state?.eId, previousEId: previous?.eId, text: state?.text ?? ""))
            }
            if state != nil { everSeen = true }
            previous = state
            previousCommit = version.commit
        }
        return entries
    }

    /// How a clause changed between two versions, or nil if it did not.
    static func change(from old: ClauseState?, to new: ClauseState?, everSeen: Bool) -> ClauseHistoryEntry.Change? {
        switch (old, new) {
        case (nil, nil): return nil
        case (nil, .some): return everSeen ? .reinserted : .inserted
        case (.some, nil): return .deleted
        case (.some(let old), .some(let new)):
            let renumbered = old.eId != new.eId || old.num != new.num
            let modified = old.text != new.text || old.heading != new.heading
            if renumbered { return modified ? .renumberedModified : .renumbered }
            return modified ? .modified : nil
        }
    }

    /// The files most likely to hold a clause, from its wId: `art_3__para_2` is usually in
    /// `articles/art_3.xml`, `annex_2__sec_C__para_4` in `annexes/annex_2/annex_2__sec_C.xml`.
    static func likelyPaths(of wId: String, folder: String) -> [String] {
        let parts = wId.components(separatedBy: "__")
        var paths: [String] = wId.hasPrefix("cit_") ? ["\(folder)/text.xml"] : []
        for count in 1...max(1, parts.count) {
            let prefix = parts.prefix(count).joined(separator: "__")
            paths.append("\(folder)/articles/\(prefix).xml")
            if parts[0].hasPrefix("annex_") { paths.append("\(folder)/annexes/\(parts[0])/\(prefix).xml") }
        }
        return paths
    }

    /// The first of `paths` (part files) holding the clause `wId` at `commit`, and its state there.
    private func find(_ wId: String, in paths: [String], at commit: ObjectID) async throws(RegisterError)
        -> (ClauseState?, String?) {
        let (clause, path) = try await clause(in: paths, at: commit) { $0.wId == wId }
        return (clause.map(ClauseState.init), path)
    }

    /// The first clause of the part files `paths` at `commit` that satisfies `matches`, and its file.
    private func clause(in paths: [String], at commit: ObjectID, where matches: (Clause) -> Bool)
        async throws(RegisterError) -> (Clause?, String?) {
        var seen: Set<String> = []
        for path in paths where path.hasSuffix(".xml") && seen.insert(path).inserted {
            let clauses: [Clause]
            if path.hasSuffix("/text.xml") {
                // The shell holds the visas.
                guard let data = try await store.readFile(path: path, at: commit) else { continue }
                do {
                    clauses = try LegalTextReader.readShell(data: data, file: path).header.citations
                } catch {
                    throw .corruptText(path: path, reason: error.description)
                }
            } else {
                guard let part = try await part(path, at: commit) else { continue }
                clauses = part.flattened
            }
            if let clause = clauses.first(where: matches) { return (clause, path) }
        }
        return (nil, nil)
    }

    /// The wId of the clause `identifier` names in the version `resolved`, and its text: the clause bearing that
    /// eId there, else the clause bearing that wId there. Only that version is read: an eId means what that
    /// version's numbering makes it mean, never what it meant before or after.
    /// - Throws: ``RegisterError/clauseNotInVersion(identifier:version:)``.
    public func identityOfClause(_ identifier: String, at resolved: ResolvedRevision, work: String? = nil)
        async throws(RegisterError) -> (wId: String, work: String) {
        let chosen = try await chooseWork(work, at: resolved.commit)
        let folder = RegisterLayout.folder(work: chosen)
        // Cheap first: the files the identifier's name points to (an eId not renumbered is in its own file).
        let likely = Self.likelyPaths(of: identifier, folder: folder)
        if let found = try await clause(in: likely, at: resolved.commit, where: { $0.eId == identifier }).0 {
            return (found.wId, chosen)
        }
        let clauses = try await document(at: resolved.commit, work: chosen).allClauses
        if let found = clauses.first(where: { $0.eId == identifier }) ?? clauses.first(where: { $0.wId == identifier }) {
            return (found.wId, chosen)
        }
        throw .clauseNotInVersion(identifier: identifier, version: resolved.label)
    }

    /// The wId of `identifier`: itself when some version has a clause with that wId in the file its name
    /// points to, else the wId of the clause that has it as eId in the latest version. (A clause known
    /// only by an eId it had in an older version is looked up by its wId, which never changes: reading
    /// every old version in full to find an eId would cost seconds on a long history.)
    private func resolveWId(_ identifier: String, work: String, chain: [VersionInfo]) async throws(RegisterError) -> String {
        let folder = RegisterLayout.folder(work: work)
        let likely = Self.likelyPaths(of: identifier, folder: folder)
        // Cheap first: the files the identifier's name points to, newest version first; a wId in any version
        // wins over an eId (an eId is reused after renumbering, a wId never is).
        for version in chain.reversed() {
            if try await clause(in: likely, at: version.commit, where: { $0.wId == identifier }).0 != nil { return identifier }
        }
        for version in chain.reversed() {
            if let found = try await clause(in: likely, at: version.commit, where: { $0.eId == identifier }).0 { return found.wId }
        }
        // Then the whole latest version (an eId under a renumbered article is in another file).
        guard let latest = chain.last else { throw .clauseNotFound(identifier: identifier) }
        let document = try await document(at: latest.commit, work: work)
        if document.allClauses.contains(where: { $0.wId == identifier }) { return identifier }
        if let clause = document.allClauses.first(where: { $0.eId == identifier }) { return clause.wId }
        throw .clauseNotFound(identifier: identifier)
    }
}
