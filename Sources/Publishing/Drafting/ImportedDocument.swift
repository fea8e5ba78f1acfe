import ClauseDiff
import Foundation
import LegalText
import Register

/// An edited ODT export of a draft read back and mapped onto the draft, not committed yet: what the drafter
/// reviews before it is recorded (`--essai` stops here).
public struct ImportedDocument: Sendable {
    /// The draft and its text (NOR).
    public let draft: String
    public let work: String
    /// The file's name, as the commit message and the reports name it.
    public let file: String
    /// The draft's text as exported, and the text once the document's edits are carried over (identifiers computed).
    public let before: LegalDocument
    public let after: LegalDocument
    /// The clause-by-clause comparison of the two.
    public let diff: DocumentDiff
}

extension Publisher {
    /// Reads an edited ODT export of draft `name` (the bytes of an ODT package; see ``WordProcessorFile`` for a DOCX)
    /// and carries its edits over to the draft (``ODTImport``): eIds renumbered, existing wIds kept, new clauses given
    /// new wIds (never one the text ever used). Nothing is written.
    /// - Throws: ``PublishingError/odtUnreadable(file:reason:)``, ``PublishingError/odtTrackedChanges(file:count:)``
    ///   (changes still to accept or reject), ``PublishingError/odtNotAnExport(file:)``,
    ///   ``PublishingError/odtStale(file:draft:exported:current:)`` (the draft moved on since the export),
    ///   ``PublishingError/odtUncertain(file:problems:)`` (paragraphs that do not map with certainty),
    ///   ``RegisterError/uncommittedEdits(draft:)`` when the working copy holds edits not committed yet.
    public func importODT(_ data: Data, file: String, toDraft name: String, work: String? = nil) async throws(PublishingError) -> ImportedDocument {
        let (base, before) = try await call { () async throws(RegisterError) in try await register.draftText(name, work: work) }
        if try await call({ () async throws(RegisterError) in try await register.hasUncommittedEdits(draft: name) }) {
            throw .register(.uncommittedEdits(draft: name))
        }
        let chosen = try await call { () async throws(RegisterError) in try await register.chooseWork(work, at: base) }
        let read = try ODTReader.read(data, file: file)
        guard read.trackedChanges == 0 else { throw .odtTrackedChanges(file: file, count: read.trackedChanges) }
        guard let exported = read.userMeta[ODTImport.commitMeta]?.trimmingCharacters(in: .whitespaces), !exported.isEmpty else {
            throw .odtNotAnExport(file: file)
        }
        guard exported.lowercased() == base.hex else {
            throw .odtStale(file: file, draft: name, exported: exported, current: base.hex)
        }
        let mapped: LegalDocument
        switch ODTImport.map(read, onto: before) {
        case .success(let document): mapped = document
        case .failure(let failure): throw .odtUncertain(file: file, problems: failure.problems)
        }
        let known = try await call { () async throws(RegisterError) in try await register.knownWIds(ofDraft: name, work: chosen) }
        let year = (before.date(of: .draft) ?? LegalDate.today(in: .paris)).year
        let after = Renumbering.renumber(mapped, previous: before, known: known, year: year).document
        let diff = ClauseDiffer().compare(before, after, oldLabel: "draft/\(name)", newLabel: "draft/\(name) relu dans « \(file) »")
        return ImportedDocument(draft: name, work: chosen, file: file, before: before, after: after, diff: diff)
    }

    /// Commits an imported document on its draft branch through the draft commit path (validation, wIds never
    /// changed, no empty commit); the working copy is rewritten from the new commit. Refused commits leave the
    /// branch and the working copy as they were.
    /// - Returns: the new commit, or nil when the document changes nothing.
    public func commit(_ imported: ImportedDocument, author: Identity) async throws(PublishingError) -> ObjectID? {
        let changed = imported.diff.onlyChanged.changes.count
        let message = "Document relu importé dans le projet \(imported.draft) (« \(imported.file) », "
            + "\(changed) élément\(changed > 1 ? "s" : "") modifié\(changed > 1 ? "s" : ""))\n"
        return try await call { () async throws(RegisterError) in
            try await register.commitDraft(imported.draft, documents: [imported.after], message: message, author: author)
        }
    }
}
