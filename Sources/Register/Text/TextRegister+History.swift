import Foundation
import LegalText

/// The result of `blame`: for each clause of a version, the version that last changed it.
public struct BlameLine: Sendable, Hashable, Codable {
    public let eId: String
    public let wId: String
    public let version: String
    public let date: LegalDate?
}

extension TextRegister {
    /// The versions a history walks, oldest first: adopted versions, then `upTo` if it is a draft.
    private func versionChain(upTo revision: String?) async throws(RegisterError) -> [VersionInfo] {
        let all = try await versions()
        var chain = all.filter { $0.kind == .adopted }
        if let revision, let draft = all.first(where: { $0.kind == .draft && ($0.name == revision || $0.name == "draft/" + revision) }) {
            chain.append(draft)
        }
        return chain
    }

    /// Every version in which the clause `identifier` (an eId or a wId) changed, oldest first, following
    /// it across renumbering by its wId. With `upTo` naming a draft, the draft is the last step.
    public func history(of identifier: String, work: String? = nil, upTo revision: String? = nil)
        async throws(RegisterError) -> [ClauseHistoryEntry] {
        let chain = try await versionChain(upTo: revision)
        guard !chain.isEmpty else { throw .noAdoptedVersion }
        var documents: [(VersionInfo, LegalDocument)] = []
        for version in chain { documents.append((version, try await document(at: version.commit, work: work))) }
        // The wId: the identifier itself if some version has it as wId, else the wId of the clause whose
        // eId it is in the latest version that has one.
        var wId: String?
        for (_, document) in documents.reversed() where wId == nil {
            if document.allClauses.contains(where: { $0.wId == identifier }) { wId = identifier }
        }
        for (_, document) in documents.reversed() where wId == nil {
            wId = document.allClauses.first { $0.eId == identifier }?.wId
        }
        guard let wId else { throw .clauseNotFound(identifier: identifier) }

        var entries: [ClauseHistoryEntry] = []
        var previous: ClauseState?
        var everSeen = false
        for (version, document) in documents {
            let clause = document.allClauses.first { $0.wId == wId }
            let state = clause.map(ClauseState.init)
            let change: ClauseHistoryEntry.Change?
            switch (previous, state) {
            case (nil, nil): change = nil
            case (nil, .some): change = everSeen ? .reinserted : .inserted
            case (.some, nil): change = .deleted
            case (.some(let old), .some(let new)):
                let renumbered = old.eId != new.eId || old.num != new.num
                let modified = old.text != new.text || old.heading != new.heading
                change = renumbered ? (modified ? .renumberedModified : .renumbered) : (modified ? .modified : nil)
            }
            if let change {
                entries.append(ClauseHistoryEntry(version: version.name, date: version.date, change: change,
                                                  eId: state?.eId, previousEId: previous?.eId, text: state?.text ?? ""))
            }
            if state != nil { everSeen = true }
            previous = state
        }
        return entries
    }

    /// For each clause of the text at `revision` (default: the latest adopted version), the version
    /// that last changed its own wording, number or heading.
    public func blame(at revision: String? = nil, work: String? = nil) async throws(RegisterError) -> [BlameLine] {
        let chain = try await versionChain(upTo: revision)
        guard !chain.isEmpty else { throw .noAdoptedVersion }
        let last: Int
        if let revision {
            let commit = try await resolve(revision)
            guard let index = chain.lastIndex(where: { $0.commit == commit }) else {
                throw .notAVersion(revision: revision)
            }
            last = index
        } else {
            last = chain.count - 1
        }
        var lastChange: [String: VersionInfo] = [:]
        var previousStates: [String: ClauseState] = [:]
        var previousCommit: ObjectID?
        var current: LegalDocument?
        for version in chain[...last] {
            if let previousCommit, try await store.changedPaths(from: previousCommit, to: version.commit).isEmpty {
                continue
            }
            let document = try await document(at: version.commit, work: work)
            var states: [String: ClauseState] = [:]
            for clause in document.allClauses {
                let state = ClauseState.own(clause)
                states[clause.wId] = state
                if previousStates[clause.wId] != state { lastChange[clause.wId] = version }
            }
            previousStates = states
            previousCommit = version.commit
            current = document
        }
        guard let current else { throw .noAdoptedVersion }
        return current.allClauses.map { clause in
            let version = lastChange[clause.wId]
            return BlameLine(eId: clause.eId, wId: clause.wId, version: version?.name ?? "?", date: version?.date)
        }
    }
}
