import Foundation
import LegalText
import Register

/// Compares two versions stored in a register by asking git which part files changed and parsing
/// only those: clauses in files that did not change are unchanged, and are counted, not read.
public struct RegisterComparison: Sendable {
    public var differ: ClauseDiffer

    public init(differ: ClauseDiffer = ClauseDiffer()) {
        self.differ = differ
    }

    /// The comparison of text `work` between commits `old` and `new`, and how many part files were
    /// left unread because they did not change.
    public func compare(in register: TextRegister, from old: ObjectID, to new: ObjectID, work: String?,
                        oldLabel: String, newLabel: String) async throws(RegisterError) -> (diff: DocumentDiff, unchangedParts: Int) {
        let chosen = try await register.chooseWork(work, at: new)
        let changed = try await register.changedPaths(from: old, to: new)
        let oldShell = try await register.shell(at: old, work: chosen)
        let newShell = try await register.shell(at: new, work: chosen)
        let (oldDocument, oldUnread) = try await partial(oldShell, work: chosen, changed: changed, at: old, in: register)
        let (newDocument, _) = try await partial(newShell, work: chosen, changed: changed, at: new, in: register)
        let compared = differ.compare(oldDocument, newDocument, oldLabel: oldLabel, newLabel: newLabel)
        // The clauses of the parts left unread are unchanged: counted (their eIds, cached by content), not compared.
        let unread = (newShell.bodySources + newShell.annexSources.values.flatMap { $0 })
            .map { TextRegister.path(ofPart: $0, work: chosen) }.filter { !changed.contains($0) }
        let eIds = try await register.clauseEIds(ofParts: unread, at: new)
        let diff = DocumentDiff(oldLabel: compared.oldLabel, newLabel: compared.newLabel, changes: compared.changes,
                                metadataChanges: compared.metadataChanges, unchangedUnlisted: unread.flatMap { eIds[$0] ?? [] })
        return (diff, oldUnread)
    }

    /// The document with only its changed top-level parts read (and the visas, which live in the shell).
    private func partial(_ shell: DocumentShell, work: String, changed: Set<String>, at commit: ObjectID,
                         in register: TextRegister) async throws(RegisterError) -> (LegalDocument, Int) {
        var unread = 0
        var parts: [String: Clause] = [:]
        for source in shell.bodySources + shell.annexSources.values.flatMap({ $0 }) {
            let path = TextRegister.path(ofPart: source, work: work)
            guard changed.contains(path) else {
                unread += 1
                continue
            }
            guard let clause = try await register.part(path, at: commit) else {
                throw .corruptText(path: path, reason: "fichier absent")
            }
            parts[source] = clause
        }
        var reduced = shell
        reduced.bodySources = shell.bodySources.filter { parts[$0] != nil }
        reduced.annexSources = shell.annexSources.mapValues { $0.filter { parts[$0] != nil } }
        let document = reduced.assemble { source in parts[source] ?? Clause(kind: .paragraph, eId: source) }
        return (document, unread)
    }
}
