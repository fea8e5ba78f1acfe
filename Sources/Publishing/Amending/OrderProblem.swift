import LegalText

/// An instruction of an amending order that cannot be read or applied: where it is written, what it asks
/// for, and what the text has instead (in French, for the drafter who wrote it).
public struct OrderProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Line and column in the order's text, from 1 (0: the order was XML).
    public let line: Int
    public let column: Int
    /// What the instruction asks for (« les mots « X » au deuxième alinéa de l'article 3 »).
    public let expected: String
    /// What the text has instead (« cet alinéa se lit : « … » »).
    public let found: String

    public init(line: Int, column: Int, expected: String, found: String) {
        self.line = line
        self.column = column
        self.expected = expected
        self.found = found
    }

    public var description: String {
        let place = line > 0 ? "ligne \(line), colonne \(column)" : "arrêté modificatif"
        return "\(place) : attendu : \(expected) ; trouvé : \(found)."
    }

    /// A sentence the parser does not read.
    static func unrecognised(_ paragraph: AmendingOrderParser.Paragraph, sentence: String, error: PublishingError) -> OrderProblem {
        if case .orderProblem(let problem) = error { return problem }
        return OrderProblem(
            line: paragraph.line, column: paragraph.column,
            expected: "une formule du Guide de légistique (« Au deuxième alinéa de l'article 3, les mots : « … » sont remplacés "
                + "par les mots : « … » », « … sont supprimés », « … est complété par les mots : « … » », « Après l'article 4, il est "
                + "inséré un article 4-1 ainsi rédigé : », « L'article 5 est abrogé », « Les articles 5 à 7 deviennent les articles 6 à 8 », "
                + "« L'article 3 est ainsi rédigé : »…, voir docs/DRAFTING.md)",
            found: "« \(sentence) »")
    }

    /// Where an operation failed on `document` (the text as the previous instructions left it).
    static func applying(_ instruction: AmendingInstruction, error: PublishingError, to document: LegalDocument) -> OrderProblem {
        let (line, column) = (instruction.line, instruction.column)
        switch error {
        case .wordsNotFound(let designation, let words, let occurrences):
            let clauseText = Self.designations(of: instruction.operation).lazy.compactMap { $0.resolve(in: document) }
                .first.flatMap { document.clause(at: $0) }.map(Self.ownText) ?? ""
            let reading = clauseText.isEmpty ? "" : " ; il se lit : « \(Self.shortened(clauseText)) »"
            return OrderProblem(
                line: line, column: instruction.column(of: words),
                expected: "les mots « \(words) », une seule fois, dans \(designation)",
                found: occurrences == 0 ? "ils n'y figurent pas\(reading)"
                    : "ils y figurent \(occurrences) fois : citez quelques mots de plus pour désigner une seule occurrence\(reading)")
        case .clauseNotFound(let text):
            for designation in Self.designations(of: instruction.operation) where designation.resolve(in: document) == nil {
                let innermost = (designation.firstUnresolvedStep(in: document) ?? designation.steps.last).map { Designation([$0]).french } ?? text
                let bare = innermost.replacingOccurrences(of: #"^(?:le |la |l')"#, with: "", options: .regularExpression)
                return OrderProblem(line: line, column: instruction.column(of: bare), expected: "« \(designation.french) »",
                                    found: designation.diagnosis(in: document))
            }
            return OrderProblem(line: line, column: column, expected: "« \(text) »", found: "aucun élément du texte ne porte ce nom")
        case .unrecognisedFormula(_, let text):
            return OrderProblem(line: line, column: column, expected: "une formule du Guide de légistique", found: "« \(text) »")
        case .orderProblem(let problem):
            return problem
        default:
            return OrderProblem(line: line, column: column, expected: "une modification applicable", found: error.description)
        }
    }

    /// The designations an operation names, outermost first.
    static func designations(of operation: AmendingOperation) -> [Designation] {
        switch operation {
        case .replaceWords(let t, _, _), .deleteWords(let t, _), .insertWords(let t, _, _), .appendWords(let t, _, _),
             .replaceClause(let t, _), .insertAfter(let t, _), .insertBefore(let t, _), .delete(let t), .replaceHeading(let t, _):
            return [t]
        case .append(let c, _): return [c]
        case .renumber(let c, let kind, let from, _):
            return [c] + from.map { label in
                switch kind {
                case .article: return Designation(c.steps + [.article(label)])
                case .point: return Designation(c.steps + [.point(label)])
                default: return Designation(c.steps + [.division(kind, label)])
                }
            }
        case .replaceRange(let first, let last, _, _): return [first, last]
        case .replaceAnnexTitle(let annex, _): return [Designation([.annex(annex)])]
        case .replaceTitle, .appendAnnex: return []
        }
    }

    /// The clause's own text (not its children's).
    static func ownText(_ clause: Clause) -> String {
        (clause.intro + clause.content + clause.wrapUp).filter { !$0.isEditorialNote }.map(\.plainText).joined(separator: " ")
    }

    static func shortened(_ text: String) -> String {
        text.count <= 400 ? text : String(text.prefix(400)) + " […]"
    }
}
