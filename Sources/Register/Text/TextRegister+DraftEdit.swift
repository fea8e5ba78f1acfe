import Foundation
import LegalText

/// Writing a draft from a whole document computed on one known tip of its branch (the web editor's saves): a
/// compare-and-swap on the branch, never a merge. The page the drafter edited was made on `expectedTip`; if the
/// branch moved since, the write is refused (``RegisterError/conflict(ref:expected:actual:)``) and the caller shows
/// what changed in between, so a save never silently overwrites another one.
extension TextRegister {
    /// The tip of draft `name`'s branch.
    /// - Throws: ``RegisterError/unknownDraft(name:)``.
    public func draftTip(_ name: String) async throws(RegisterError) -> ObjectID {
        guard let tip = try await store.tip(of: Self.branch(ofDraft: name)) else { throw await unknownDraft(name) }
        return tip
    }

    /// Commits `document` as the text of draft `name`, on top of `expectedTip` only if the branch still points there.
    ///
    /// The document is validated exactly as it will be stored (suivi profile); a clause of the text at `expectedTip`
    /// that keeps its place and text keeps its wId (``RegisterError/wIdChanged(draft:changes:)``). The working copy is
    /// rewritten from the new commit when it holds no edits of its own; otherwise it is left as it is (its next
    /// `projet enregistrer` commits its edits over the new tip, clause by clause).
    /// - Returns: the new commit, or nil when the document is the text at `expectedTip` (nothing written).
    /// - Throws: ``RegisterError/conflict(ref:expected:actual:)`` when the branch is no longer at `expectedTip` (before
    ///   or during the write), ``RegisterError/invalidDocuments(_:)``; nothing is written.
    public func commitDraft(_ name: String, document: LegalDocument, expectedTip: ObjectID, message: String,
                            author: Identity) async throws(RegisterError) -> ObjectID? {
        let branch = try Self.branch(ofDraft: name)
        let tip = try await draftTip(name)
        guard tip == expectedTip else { throw .conflict(ref: branch, expected: expectedTip, actual: tip) }
        let work = RegisterLayout.workKey(of: document)
        guard try await works(at: expectedTip).contains(work) else { throw .noText(commit: expectedTip.hex) }
        let problems: [ValidationProblem]
        do {
            problems = try LegalTextValidator.validateAsStored(document, file: work + ".xml")
        } catch {
            throw .invalidDocuments([ValidationProblem(rule: .unreadable, file: error.file, line: error.line, eId: nil, message: error.reason)])
        }
        guard problems.isEmpty else { throw .invalidDocuments(problems) }
        try await checkWIds(of: [document], over: expectedTip, draft: name)
        let changes = try await self.changes(toWrite: RegisterLayout.files(for: document), work: work, over: expectedTip)
        guard !changes.isEmpty else { return nil }
        let hadEdits = (try? await workingCopyHasEdits(name)) ?? true
        let commit = try await store.commit(changes: changes, message: message, author: author, date: Date(), timeZoneMinutes: 0,
                                            onBranch: branch, expectedParent: expectedTip, signer: signer)
        if !hadEdits { try? await writeWorkingCopy(name: name, at: commit) }
        return commit
    }

    /// Every wId a clause of text `work` had on draft `name`'s branch since it left the adopted history: each draft
    /// commit's replaced or removed parts are read as they were before it. A new clause never takes one of them (a
    /// clause deleted by an earlier save must not lend its wId, and so its history, to an unrelated new clause).
    public func wIdsEverUsed(onDraft name: String, work: String) async throws(RegisterError) -> Set<String> {
        let folder = RegisterLayout.folder(work: work) + "/"
        let shell = RegisterLayout.folder(work: work) + "/text.xml"
        let main = try await mainTip()
        var known = Set<String>()
        var commit = try await draftTip(name)
        while true {
            if let main {
                if commit == main { break }
                if try await isAncestor(commit, of: main) { break }
            }
            guard let parent = try await commitInfo(commit).parents.first else { break }
            for path in try await changedPaths(from: parent, to: commit).sorted()
            where path.hasPrefix(folder) && path.hasSuffix(".xml") && path != shell {
                if let clause = try? await part(path, at: parent) { known.formUnion(clause.flattened.map(\.wId)) }
            }
            commit = parent
        }
        return known
    }
}
