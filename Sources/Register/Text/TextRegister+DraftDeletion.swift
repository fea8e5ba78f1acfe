import Foundation
import LegalText

extension TextRegister {
    /// What the working copy of draft `name` holds that the commit it was taken from does not (empty when it has no
    /// working copy, or one that says nothing of its base: nothing to lose then).
    public func unsavedWork(ofDraft name: String) async throws(RegisterError) -> UnsavedWork {
        let folder = workingCopy(ofDraft: name)
        guard let base = try await drafts().first(where: { $0.name == name })?.base, try await store.contains(base) else {
            return UnsavedWork(files: [], clauses: [], unreadable: [])
        }
        let present = Set(((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".xml") })
        let works = try await self.works(at: base)
        var files: [String] = []
        var clauses: [String] = []
        var unreadable: [String] = []
        for file in present.subtracting(works.map { $0 + ".xml" }).sorted() {
            files.append(file)
            clauses += ((try? LegalTextReader.read(contentsOf: folder.appendingPathComponent(file).path).document.allClauses) ?? []).map(\.eId)
        }
        for work in works {
            let file = work + ".xml"
            let stored = try await document(at: base, work: work)
            guard present.contains(file) else {
                files.append(file)
                clauses += stored.allClauses.map(\.eId)
                continue
            }
            let url = folder.appendingPathComponent(file)
            guard let data = try? Data(contentsOf: url), data != CanonicalWriter.data(stored) else { continue }
            files.append(file)
            guard let edited = try? LegalTextReader.read(data: data, file: url.path).document else {
                unreadable.append(file)
                continue
            }
            let before = Dictionary(stored.allClauses.map { ($0.wId, $0) }) { first, _ in first }
            let after = Dictionary(edited.allClauses.map { ($0.wId, $0) }) { first, _ in first }
            for clause in edited.allClauses where before[clause.wId].map({ ClauseState.own($0) != ClauseState.own(clause) || $0.eId != clause.eId }) ?? true {
                clauses.append(clause.eId)
            }
            for clause in stored.allClauses where after[clause.wId] == nil { clauses.append(clause.eId) }
        }
        return UnsavedWork(files: files.sorted(), clauses: clauses, unreadable: unreadable.sorted())
    }

    /// Rewrites the working copy of draft `name` from its branch's tip. Refused, with nothing changed, when the
    /// working copy holds unsaved work, unless `discarding` (``RegisterError/unsavedWork(draft:deleting:work:)``).
    public func restoreWorkingCopy(ofDraft name: String, discarding: Bool = false) async throws(RegisterError) -> ObjectID {
        let draft = try DraftName(name)
        guard let tip = try await store.tip(of: draft.ref) else { throw await unknownDraft(name) }
        if !discarding {
            let unsaved = try await unsavedWork(ofDraft: name)
            if !unsaved.isEmpty { throw .unsavedWork(draft: name, deleting: false, work: unsaved) }
        }
        try await writeWorkingCopy(name: name, at: tip)
        return tip
    }

    /// Deletes draft `name`: its branch (if it still points where it did when checked) and its working copy folder.
    /// Refused, with nothing changed, when the working copy holds unsaved work, unless `discarding`. Whether the
    /// committee still needs the draft is the committee's rule (``Committee``), checked before.
    /// - Returns: the tip the branch had.
    public func deleteDraft(_ name: String, discarding: Bool = false) async throws(RegisterError) -> ObjectID {
        let draft: DraftName
        do {
            draft = try DraftName(name)
        } catch {
            throw .unknownDraft(name: name)
        }
        guard let tip = try await store.tip(of: draft.ref) else { throw await unknownDraft(name) }
        if !discarding {
            let unsaved = try await unsavedWork(ofDraft: name)
            if !unsaved.isEmpty { throw .unsavedWork(draft: name, deleting: true, work: unsaved) }
        }
        try await store.deleteBranch(draft.ref, expectedTip: tip)
        let folder = workingCopy(ofDraft: name)
        if FileManager.default.fileExists(atPath: folder.path) {
            do {
                try FileManager.default.removeItem(at: folder)
            } catch {
                throw .io(path: folder.path, reason: error.localizedDescription)
            }
        }
        return tip
    }
}
