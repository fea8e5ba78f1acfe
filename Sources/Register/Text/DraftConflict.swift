import Foundation
import LegalText

/// A part of a text that the text in force and a draft both changed, differently, since the draft's base: what
/// `suivi draft update` reports instead of writing anything.
public struct DraftConflict: Sendable, Hashable, Codable {
    /// What the conflicting part is.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// An article of the body or a top-level section of an annex (one file, named by its wId).
        case clause
        /// An annex's heading (number, title).
        case annex
        /// The preface (title), the preamble (visas) or the conclusions of the text.
        case structure
        /// The order of the parts: both sides moved articles or sections differently.
        case order
    }

    /// The text's work key (NOR).
    public let work: String
    public let kind: Kind
    /// The clause's (or annex's) wId; for the structure, the name of the part ("préambule"…).
    public let wId: String?
    /// The eId in the text in force, else in the draft, else in the base.
    public let eId: String?
    /// The three versions in plain text; `nil` where the part is absent.
    public let base: String?
    public let inForce: String?
    public let draft: String?

    public init(work: String, kind: Kind, wId: String?, eId: String?, base: String?, inForce: String?, draft: String?) {
        self.work = work
        self.kind = kind
        self.wId = wId
        self.eId = eId
        self.base = base
        self.inForce = inForce
        self.draft = draft
    }

    /// The conflict in French: which part, then the three texts.
    public var french: String {
        let head: String
        switch kind {
        case .clause: head = "élément wId \(wId ?? "?")" + (eId.map { " (eId \($0))" } ?? "")
        case .annex: head = "en-tête de l'annexe wId \(wId ?? "?")" + (eId.map { " (eId \($0))" } ?? "")
        case .structure: head = wId ?? "structure du texte"
        case .order: head = "ordre des parties" + (wId.map { " (\($0))" } ?? "")
        }
        func indent(_ text: String?) -> String {
            guard let text else { return "    (absent)" }
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        }
        return "Texte \(work), \(head) :\n  version de départ du projet :\n\(indent(base))\n"
            + "  texte en vigueur :\n\(indent(inForce))\n  projet :\n\(indent(draft))"
    }
}
