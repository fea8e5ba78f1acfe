import ClauseDiff
import Foundation
import LegalText
import Register

/// An amending order applied to a draft, not committed yet: what the drafter reviews before it is recorded
/// (`suivi draft appliquer --dry-run` stops here).
public struct AppliedOrder: Sendable {
    /// The draft and its text (NOR).
    public let draft: String
    public let work: String
    /// The instructions read from the order, in the order they apply.
    public let instructions: [AmendingInstruction]
    /// The draft's text as its working copy was taken, and the text once the order is applied (identifiers computed).
    public let before: LegalDocument
    public let after: LegalDocument
    /// The clause-by-clause comparison of the two.
    public let diff: DocumentDiff
}

extension Publisher {
    /// Reads an amending order (plain text as `suivi export amending` writes it or as a drafter types it, or its
    /// Akoma Ntoso form) and applies it to draft `name`: each formula on the text as the previous ones left it,
    /// eIds renumbered, existing wIds kept, new clauses given new wIds (never one the text ever used). Nothing is
    /// written.
    /// - Throws: ``PublishingError/orderProblem(_:)`` for the first instruction that cannot be read or applied (line,
    ///   column, what it asks for, what the text has); ``RegisterError/uncommittedEdits(draft:)`` when the draft's
    ///   working copy holds edits not committed yet (they would be committed under the order's message).
    public func applyOrder(_ order: String, toDraft name: String, work: String? = nil) async throws(PublishingError) -> AppliedOrder {
        let (base, before) = try await call { () async throws(RegisterError) in try await register.draftText(name, work: work) }
        if try await call({ () async throws(RegisterError) in try await register.hasUncommittedEdits(draft: name) }) {
            throw .register(.uncommittedEdits(draft: name))
        }
        let chosen = try await call { () async throws(RegisterError) in try await register.chooseWork(work, at: base) }
        let instructions = try Self.instructions(order)
        guard !instructions.isEmpty else {
            throw .orderProblem(OrderProblem(line: 0, column: 0, expected: "au moins une modification (« L'article 5 est abrogé. »…)",
                                             found: "aucune formule dans l'arrêté modificatif"))
        }
        let known = try await call { () async throws(RegisterError) in try await register.knownWIds(ofDraft: name, work: chosen) }
        let year = (before.date(of: .draft) ?? LegalDate.today(in: .paris)).year
        let after = try AmendingOrderApplier().apply(instructions, to: before, year: year, known: known)
        let diff = ClauseDiffer().compare(before, after, oldLabel: "draft/\(name)", newLabel: "draft/\(name) modifié par l'arrêté")
        return AppliedOrder(draft: name, work: chosen, instructions: instructions, before: before, after: after, diff: diff)
    }

    /// The instructions of an order: Akoma Ntoso when it starts with `<`, else plain text.
    static func instructions(_ order: String) throws(PublishingError) -> [AmendingInstruction] {
        guard order.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("<") else {
            return try AmendingOrderParser.instructions(inText: order)
        }
        do {
            let document = try LegalTextReader.read(data: Data(order.utf8), file: "arrêté modificatif").document
            return try AmendingOrderParser.instructions(in: document)
        } catch let error as PublishingError {
            throw error
        } catch {
            throw .orderProblem(OrderProblem(line: 0, column: 0, expected: "un arrêté modificatif en Akoma Ntoso lisible",
                                             found: String(describing: error)))
        }
    }

    /// Commits an applied order on its draft branch through the draft commit path (validation, wIds never
    /// changed, no empty commit), the order kept in the commit message; the working copy is rewritten from the
    /// new commit. Refused commits leave the branch and the working copy as they were.
    /// - Returns: the new commit, or nil when the order changes nothing.
    public func commit(_ applied: AppliedOrder, order: String, author: Identity) async throws(PublishingError) -> ObjectID? {
        let count = applied.instructions.count
        let message = "Arrêté modificatif appliqué au projet \(applied.draft) (\(count) modification\(count > 1 ? "s" : ""))\n\n"
            + order.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
        return try await call { () async throws(RegisterError) in
            try await register.commitDraft(applied.draft, documents: [applied.after], message: message, author: author)
        }
    }
}
