import Foundation
import LegalText

/// A draft's working copy with its numbers and identifiers put back in order (``Renumbering``), not written yet.
public struct DraftRenumbering: Sendable {
    public let draft: String
    public let work: String
    /// The working copy as the drafter left it, and renumbered.
    public let before: LegalDocument
    public let after: LegalDocument
    /// What changed, clause by clause.
    public let changes: [Renumbering.Change]
}

extension TextRegister {
    /// Reads the working copy of draft `name` as edited by hand (before any validation: duplicated identifiers
    /// are what this repairs) and renumbers it: numbers of series with a gap, eIds, wIds of new clauses. Nothing
    /// is written (see ``commit(_:message:author:)``).
    /// - Parameters:
    ///   - work: the text (NOR); nil for the only one. New wIds carry the year of the draft's date (else today's).
    public func renumberDraft(_ name: String, work: String? = nil) async throws(RegisterError) -> DraftRenumbering {
        let (base, previous) = try await draftText(name, work: work)
        let chosen = try await chooseWork(work, at: base)
        let file = workingCopy(ofDraft: name).appendingPathComponent(chosen + ".xml")
        let edited: LegalDocument
        do {
            edited = try LegalTextReader.read(contentsOf: file.path).document
        } catch {
            throw .invalidDocuments([ValidationProblem(rule: .unreadable, file: file.path, line: error.line, eId: nil, message: error.reason)])
        }
        let known = try await knownWIds(ofDraft: name, work: chosen)
        let year = (edited.date(of: .draft) ?? previous.date(of: .draft) ?? LegalDate.today(in: .paris)).year
        let (after, changes) = Renumbering.renumber(edited, previous: previous, known: known, year: year)
        return DraftRenumbering(draft: name, work: chosen, before: edited, after: after, changes: changes)
    }

    /// Writes a renumbered working copy and commits it (the drafter's hand edits with it) through the draft
    /// commit path; a refused commit leaves the working copy as the drafter left it.
    public func commit(_ renumbering: DraftRenumbering, message: String, author: Identity) async throws(RegisterError) -> ObjectID? {
        try await commitDraft(renumbering.draft, documents: [renumbering.after], message: message, author: author, allowingEdits: true)
    }
}
