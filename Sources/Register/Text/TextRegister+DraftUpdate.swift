import Foundation
import LegalText

/// Bringing a draft up to date with the text in force, and refusing to adopt a draft that is not
/// (DESIGN.md, "Register": a draft records its base; adopting a draft whose base is no longer the text in force
/// is refused until it is brought up to date by a clause-level three-way merge).
extension TextRegister {
    /// What changed in the text(s) between commits `old` and `new`: one entry per clause file, one for the shell.
    /// - Parameter work: only this text (`nil`: every text).
    public func textChanges(from old: ObjectID, to new: ObjectID, work: String? = nil) async throws(RegisterError) -> [TextChange] {
        guard old != new else { return [] }
        let prefix = work.map { RegisterLayout.folder(work: $0) + "/" } ?? RegisterLayout.textsFolder + "/"
        var changes: [TextChange] = []
        for change in try await store.changedPaths(from: old, to: new) where change.path.hasPrefix(prefix) {
            guard let changedWork = RegisterLayout.work(ofPath: change.path) else { continue }
            if change.path == RegisterLayout.shellPath(work: changedWork) {
                changes.append(TextChange(work: changedWork, wId: nil, eId: nil, kind: .structure))
                continue
            }
            let wId = ((change.path as NSString).lastPathComponent as NSString).deletingPathExtension
            let clause = try await part(change.path, at: change.kind == .deleted ? old : new)
            let kind: TextChange.Kind = switch change.kind {
            case .added: .inserted
            case .deleted: .deleted
            case .modified: .modified
            }
            changes.append(TextChange(work: changedWork, wId: wId, eId: clause?.eId, kind: kind))
        }
        return changes.sorted { ($0.work, $0.wId ?? "", $0.kind.rawValue) < ($1.work, $1.wId ?? "", $1.kind.rawValue) }
    }

    /// The adopted versions (tags, in signature order) reachable from `new` and not from `old`.
    func versionsAdopted(after old: ObjectID, upTo new: ObjectID) async throws(RegisterError) -> [String] {
        var names: [String] = []
        for version in try await versions() where version.kind == .adopted {
            if try await store.isAncestor(version.commit, of: new), try await !store.isAncestor(version.commit, of: old) {
                names.append(version.name)
            }
        }
        return names
    }

    /// The name of the draft whose branch points at `commit`, if any.
    func draftName(at commit: ObjectID) async throws(RegisterError) -> String? {
        try await drafts().first { $0.tip == commit }?.name
    }

    /// Refuses a draft commit whose text `work` is not based on the text in force at `main`: adopting it would
    /// write over what was adopted since its base.
    /// - Throws: ``RegisterError/draftOutOfDate(draft:base:versions:changes:)``.
    public func checkUpToDate(_ draftCommit: ObjectID, work: String, main: ObjectID) async throws(RegisterError) {
        guard let base = try await store.mergeBase(draftCommit, main) else { return }
        let changes = try await textChanges(from: base, to: main, work: work)
        guard !changes.isEmpty else { return }
        let name = try await draftName(at: draftCommit) ?? draftCommit.abbreviated
        throw .draftOutOfDate(draft: name, base: try await self.base(of: draftCommit)?.version,
                              versions: try await versionsAdopted(after: base, upTo: main), changes: changes)
    }

    /// Brings draft `name` up to date with the text in force: a clause-level three-way merge (``DraftMerge``) of
    /// its base, the text in force (`main`) and the draft, written as a merge commit on `draft/<name>` whose
    /// parents are the draft's tip and `main`'s tip (so the draft's base moves to `main`), and the working copy
    /// rewritten from it. Nothing is written when the text in force has not changed since the base.
    ///
    /// Refused, with nothing written, when the working copy holds uncommitted edits
    /// (``RegisterError/uncommittedEdits(draft:)``), when parts were changed differently on both sides
    /// (``RegisterError/draftUpdateConflicts(draft:conflicts:)``, each with its three texts), when the merged text
    /// does not validate (``RegisterError/mergedTextInvalid(draft:problems:)``), or when the branch moved
    /// meanwhile (``RegisterError/conflict(ref:expected:actual:)``).
    public func updateDraft(_ name: String, author: Identity) async throws(RegisterError) -> DraftUpdate {
        let branch = try Self.branch(ofDraft: name)
        guard let tip = try await store.tip(of: branch) else { throw await unknownDraft(name) }
        guard let main = try await store.tip() else { throw .noAdoptedVersion }
        if try await workingCopyHasEdits(name) { throw .uncommittedEdits(draft: name) }
        guard let previous = try await base(of: tip) else { throw .notFound(revision: "merge-base(\(branch), main)") }
        let changes = try await textChanges(from: previous.commit, to: main)
        let versions = try await versionsAdopted(after: previous.commit, upTo: main)
        guard !changes.isEmpty else {
            return DraftUpdate(draft: name, commit: nil, previousBase: previous, base: previous, versions: [],
                               changes: [], takenFromInForce: [])
        }

        let baseWorks = Set(try await works(at: previous.commit))
        let mainWorks = Set(try await works(at: main))
        let draftWorks = Set(try await works(at: tip))
        var writes: [String: Data?] = [:]  // over main's tree
        var conflicts: [DraftConflict] = []
        var taken: [String] = []
        var problems: [ValidationProblem] = []
        for work in baseWorks.union(mainWorks).union(draftWorks).sorted() {
            let (inBase, inMain, inDraft) = (baseWorks.contains(work), mainWorks.contains(work), draftWorks.contains(work))
            let folder = RegisterLayout.folder(work: work)
            switch (inBase, inMain, inDraft) {
            case (true, true, true):
                let outcome = DraftMerge.merge(base: try await document(at: previous.commit, work: work),
                                               inForce: try await document(at: main, work: work),
                                               draft: try await document(at: tip, work: work))
                switch outcome {
                case .conflicts(let found): conflicts += found
                case .merged(let merged, let fromMain):
                    taken += fromMain
                    let path = "\(folder) (mise à jour de draft/\(name))"
                    do {
                        problems += LegalTextValidator.validate(try LegalTextReader.read(data: CanonicalWriter.data(merged), file: path))
                    } catch {
                        throw .corruptText(path: path, reason: error.description)
                    }
                    writes.merge(try await self.changes(toWrite: RegisterLayout.files(for: merged), work: work, over: main)) { _, new in new }
                }
            case (false, _, true) where !inMain:  // a text only the draft added
                let files = try await store.readFiles(under: folder, at: tip)
                for (path, data) in files { writes[path] = data }
            case (_, true, false) where !inBase:  // a text the text in force added: already in main's tree
                break
            case (true, false, true), (true, true, false):
                // Deleted on one side: fine if the other side left it as it was in the base.
                let kept = inMain ? main : tip
                let unchanged = try await store.readFiles(under: folder, at: previous.commit) == store.readFiles(under: folder, at: kept)
                if unchanged {
                    if inMain { writes[folder] = .some(nil) }
                } else {
                    conflicts.append(DraftConflict(work: work, kind: .structure, wId: "texte entier", eId: nil,
                                                   base: "(texte présent)", inForce: inMain ? "(texte modifié)" : nil,
                                                   draft: inDraft ? "(texte modifié)" : nil))
                }
            default:
                break
            }
        }
        if !conflicts.isEmpty { throw .draftUpdateConflicts(draft: name, conflicts: conflicts) }
        if !problems.isEmpty { throw .mergedTextInvalid(draft: name, problems: problems) }

        let list = changes.prefix(40).map { "- " + $0.french }.joined(separator: "\n")
        let message = "Projet \(name) mis à jour avec le texte en vigueur"
            + (versions.isEmpty ? "" : " (\(versions.joined(separator: ", ")))")
            + "\n\nFusion à trois voies par élément (version de départ \(previous.version ?? previous.commit.abbreviated), "
            + "texte en vigueur, projet). Changé dans le texte en vigueur depuis :\n" + list
        let commit = try await store.commitMerge(changes: writes, over: main, parents: [tip, main], message: message,
                                                 author: author, date: Date(), onBranch: branch, expectedParent: tip,
                                                 signer: signer)
        try await writeWorkingCopy(name: name, at: commit)
        return DraftUpdate(draft: name, commit: commit, previousBase: previous, base: try await base(of: commit),
                           versions: versions, changes: changes, takenFromInForce: taken.sorted())
    }
}

extension TextRegister {
    /// Whether text `work` reads the same at two commits, its version metadata (identification, publication,
    /// lifecycle dates) set aside: a draft that only restates the text in force as a draft changes nothing.
    public func sameText(at one: ObjectID, and other: ObjectID, work: String) async throws(RegisterError) -> Bool {
        let folder = RegisterLayout.folder(work: work)
        let shellPath = RegisterLayout.shellPath(work: work)
        var first = try await store.readFiles(under: folder, at: one)
        var second = try await store.readFiles(under: folder, at: other)
        let firstShell = first.removeValue(forKey: shellPath)
        let secondShell = second.removeValue(forKey: shellPath)
        guard first == second else { return false }
        guard firstShell != secondShell else { return true }
        guard firstShell != nil, secondShell != nil else { return false }
        var a = try await shell(at: one, work: work)
        let b = try await shell(at: other, work: work)
        a.header.identification = b.header.identification
        a.header.publication = b.header.publication
        a.header.lifecycle = b.header.lifecycle
        return a == b
    }
}
