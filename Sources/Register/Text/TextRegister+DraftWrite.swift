import Foundation
import LegalText

/// Writing a draft from documents computed by a drafting door (an amending order applied, a renumbering):
/// the working copy is written and committed through ``TextRegister/commitDraft(_:message:author:)``, so every
/// rule of `draft commit` applies (validation, wIds never changed, no empty commit, concurrent writers kept).
extension TextRegister {
    /// The text `work` (or the only text) of draft `name` as its working copy was taken: the document at the
    /// working copy's base commit, and that commit.
    /// - Throws: ``RegisterError/unknownDraft(name:)``, ``RegisterError/noWorkingCopyBase(draft:)``.
    public func draftText(_ name: String, work: String? = nil) async throws(RegisterError) -> (base: ObjectID, document: LegalDocument) {
        guard try await store.tip(of: Self.branch(ofDraft: name)) != nil else { throw await unknownDraft(name) }
        guard let base = try await drafts().first(where: { $0.name == name })?.base else { throw .noWorkingCopyBase(draft: name) }
        return (base, try await document(at: base, work: work))
    }

    /// Every wId the text `work` ever gave a clause on the way to draft `name`: those of the working copy's base,
    /// of the adopted version the draft started from, and of every earlier commit of the draft (a clause deleted
    /// by an earlier order or save). A new clause never takes one of them (a deleted clause's wId given to another
    /// clause would join two histories), whichever door wrote the draft.
    public func knownWIds(ofDraft name: String, work: String) async throws(RegisterError) -> Set<String> {
        var known = try await draftText(name, work: work).document.allWIds
        if let adopted = try await draftBase(name)?.versionCommit, try await works(at: adopted).contains(work) {
            known.formUnion(try await document(at: adopted, work: work).allWIds)
        }
        known.formUnion(try await wIdsEverUsed(onDraft: name, work: work))
        return known
    }

    /// Writes `documents` into the working copy of draft `name` and commits them like `draft commit`.
    ///
    /// Refused, with nothing written, when the working copy holds edits not committed yet
    /// (``RegisterError/uncommittedEdits(draft:)``): they would be committed under a message that does not
    /// describe them. When the commit is refused (invalid text, a wId changed, a conflicting commit), the working
    /// copy is put back as it was, byte for byte.
    /// - Returns: the new commit, or nil when the documents change nothing.
    public func commitDraft(_ name: String, documents: [LegalDocument], message: String, author: Identity,
                            allowingEdits: Bool = false) async throws(RegisterError) -> ObjectID? {
        guard try await store.tip(of: Self.branch(ofDraft: name)) != nil else { throw await unknownDraft(name) }
        if !allowingEdits, try await workingCopyHasEdits(name) { throw .uncommittedEdits(draft: name) }
        let folder = workingCopy(ofDraft: name)
        let saved = savedFiles(of: folder)
        do throws(RegisterError) {
            for document in documents {
                let file = folder.appendingPathComponent(RegisterLayout.workKey(of: document) + ".xml")
                do {
                    try CanonicalWriter.data(document).write(to: file, options: .atomic)
                } catch {
                    throw RegisterError.io(path: file.path, reason: error.localizedDescription)
                }
            }
            return try await commitDraft(name, message: message, author: author)
        } catch {
            restore(folder, saved)
            throw error
        }
    }

    /// The files of a working copy folder (its texts, `.base`, `.pending`), by name.
    private func savedFiles(of folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            if let data = try? Data(contentsOf: folder.appendingPathComponent(name)) { files[name] = data }
        }
        return files
    }

    /// Puts a working copy folder back as ``savedFiles(of:)`` read it.
    private func restore(_ folder: URL, _ saved: [String: Data]) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where saved[name] == nil {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        for (name, data) in saved { try? data.write(to: folder.appendingPathComponent(name), options: .atomic) }
    }
}

extension TextRegister {
    /// Whether the working copy of draft `name` differs from the commit it was taken from.
    public func hasUncommittedEdits(draft name: String) async throws(RegisterError) -> Bool {
        try await workingCopyHasEdits(name)
    }
}
