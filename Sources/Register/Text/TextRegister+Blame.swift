import Foundation
import LegalText

extension TextRegister {
    /// For each clause of the text at `revision` (default: the latest adopted version), the version that last
    /// changed its own wording, number or heading, and, apart, where its wording comes from (inserted or reworded)
    /// and which version last renumbered it.
    ///
    /// - Parameter writtenOn: for a version adopted from a draft, the draft commit it was adopted from (by version
    ///   name): the person who wrote a change is looked up on that draft's commits rather than on the adoption's
    ///   commit, authored by whoever adopted it.
    public func blame(at revision: String? = nil, work: String? = nil, writtenOn: [String: ObjectID] = [:])
        async throws(RegisterError) -> [BlameLine] {
        let chain = try await versionChain(upTo: revision, work: work)
        guard !chain.isEmpty else { throw .noAdoptedVersion }
        let last: Int
        if let revision {
            let commit = try await resolve(revision, work: work)
            guard let index = chain.lastIndex(where: { $0.commit == commit }) else {
                throw .notAVersion(revision: revision)
            }
            last = index
        } else {
            last = chain.count - 1
        }
        var lastChange: [String: VersionInfo] = [:]
        var wording: [String: ClauseOrigin] = [:]
        var numbering: [String: ClauseOrigin] = [:]
        var previousStates: [String: ClauseState] = [:]
        var previousEIds: [String: String] = [:]
        var previous: VersionInfo?
        var current: LegalDocument?
        for version in chain[...last] {
            if let previous, try await store.changedPaths(from: previous.commit, to: version.commit).isEmpty {
                continue
            }
            let document = try await document(at: version.commit, work: work)
            let chosen = RegisterLayout.workKey(of: document)
            var states: [String: ClauseState] = [:]
            var eIds: [String: String] = [:]
            var reworded: [String: ClauseOrigin.Change] = [:]
            var renumbered: Set<String> = []
            for clause in document.allClauses {
                let state = ClauseState.own(clause)
                states[clause.wId] = state
                eIds[clause.wId] = clause.eId
                guard let before = previousStates[clause.wId] else {
                    reworded[clause.wId] = .inserted
                    continue
                }
                if before != state { lastChange[clause.wId] = version }
                if before.text != state.text || before.heading != state.heading { reworded[clause.wId] = .reworded }
                if before.eId != state.eId || before.num != state.num { renumbered.insert(clause.wId) }
            }
            for wId in reworded.keys { lastChange[wId] = version }
            let authors = try await changeAuthors(of: version, after: previous, work: chosen, writtenOn: writtenOn[version.name],
                                                  wIds: Set(reworded.keys).union(renumbered))
            func origin(_ change: ClauseOrigin.Change, _ wId: String, previousEId: String?) -> ClauseOrigin {
                let found = authors.byClause[wId]
                let author = change == .renumbered ? found?.numbering : found?.wording
                return ClauseOrigin(change: change, version: version.name, versionCommit: version.commit,
                                    signature: version.date, entryIntoForce: version.record?.entryIntoForce,
                                    previousEId: previousEId, author: (author ?? authors.fallback).author,
                                    commit: (author ?? authors.fallback).id)
            }
            for (wId, change) in reworded {
                wording[wId] = origin(change, wId, previousEId: nil)
                if change == .inserted { numbering[wId] = nil }
            }
            for wId in renumbered { numbering[wId] = origin(.renumbered, wId, previousEId: previousEIds[wId]) }
            previousStates = states
            previousEIds = eIds
            previous = version
            current = document
        }
        guard let current else { throw .noAdoptedVersion }
        return try current.allClauses.map { clause throws(RegisterError) in
            let version = lastChange[clause.wId]
            guard let origin = wording[clause.wId] else { throw .corruptText(path: clause.wId, reason: "origine introuvable.") }
            return BlameLine(eId: clause.eId, wId: clause.wId, version: version?.name ?? "?", date: version?.date,
                             wording: origin, numbering: numbering[clause.wId])
        }
    }

    /// Who wrote the changes `version` made to the clauses `wIds` of text `work`: for each clause, the commit that
    /// last changed its wording and the one that last changed its number, among the commits from `writtenOn` (or
    /// the version's own commit) back to the previous version; `fallback`, the version's own commit, where none is
    /// found (a change the adoption itself made).
    private func changeAuthors(of version: VersionInfo, after previous: VersionInfo?, work: String, writtenOn: ObjectID?,
                               wIds: Set<String>) async throws(RegisterError)
        -> (fallback: CommitInfo, byClause: [String: (wording: CommitInfo?, numbering: CommitInfo?)]) {
        let fallback = try await store.commitInfo(version.commit)
        guard let previous, !wIds.isEmpty else { return (fallback, [:]) }
        let folder = RegisterLayout.folder(work: work) + "/"
        // The first-parent commits from the tip back to the previous version (or an ancestor of it), newest first.
        var walked: [CommitInfo] = []
        var cursor: ObjectID? = writtenOn ?? version.commit
        var start: ObjectID?
        while let id = cursor, walked.count < 5_000 {
            if id == previous.commit { start = id; break }
            if try await store.isAncestor(id, of: previous.commit) { start = id; break }
            let info = try await store.commitInfo(id)
            walked.append(info)
            cursor = info.parents.first
        }
        // Only the commits that changed the text matter; one of them: it wrote every change.
        var writers: [CommitInfo] = []
        for info in walked.reversed() {
            let before = info.parents.first
            let changed = try await store.changedPaths(from: before, to: info.id)
            if changed.contains(where: { $0.path.hasPrefix(folder) }) { writers.append(info) }
        }
        guard writers.count > 1 else {
            let only = writers.first ?? fallback
            return (fallback, Dictionary(uniqueKeysWithValues: wIds.map { ($0, (wording: only, numbering: only)) }))
        }
        var states: [String: ClauseState] = [:]
        if let start, try await works(at: start).contains(work) {
            for clause in try await document(at: start, work: work).allClauses { states[clause.wId] = ClauseState.own(clause) }
        }
        var result: [String: (wording: CommitInfo?, numbering: CommitInfo?)] = [:]
        for info in writers {
            guard try await works(at: info.id).contains(work) else { states = [:]; continue }
            var next: [String: ClauseState] = [:]
            for clause in try await document(at: info.id, work: work).allClauses {
                let state = ClauseState.own(clause)
                next[clause.wId] = state
                guard wIds.contains(clause.wId) else { continue }
                let before = states[clause.wId]
                if before == nil || before?.text != state.text || before?.heading != state.heading {
                    result[clause.wId, default: (nil, nil)].wording = info
                }
                if before == nil || before?.eId != state.eId || before?.num != state.num {
                    result[clause.wId, default: (nil, nil)].numbering = info
                }
            }
            states = next
        }
        return (fallback, result)
    }
}
