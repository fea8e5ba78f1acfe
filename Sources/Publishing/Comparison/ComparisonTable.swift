import ClauseDiff
import LegalText

/// The *tableau comparatif*: text in force and proposed text side by side, clause by clause, with
/// word-level insertions and deletions marked (from the ``ClauseDiffer``).
public struct ComparisonTable: Sendable, Hashable, Codable {
    /// One line of the table: one clause as it stands on each side.
    public struct Row: Sendable, Hashable, Codable {
        public var eId: String
        public var wId: String
        public var kind: ClauseKind
        public var change: ChangeClass
        /// The part of the text the clause belongs to ("Visas", "Dispositif", "Annexe II").
        public var part: String
        /// Each side's paragraphs (number and heading first, then the clause's own text); empty when the
        /// clause does not exist on that side.
        public var old: [FlowParagraph]
        public var new: [FlowParagraph]
        /// The clause's eId in the text in force (differs from ``eId`` when renumbered).
        public var oldEId: String?

        /// Whether the row can be folded away: unchanged, and not an article's heading (kept for bearings).
        public var isFoldable: Bool { change == .unchanged && kind != .article }

        /// Whether the row only repeats text that did not change.
        public var isUnchanged: Bool { change == .unchanged }
    }

    public var oldLabel: String
    public var newLabel: String
    public var title: String
    public var rows: [Row]
    /// How many clauses fall in each class, counted on the clause diff exactly as `suivi diff` counts them
    /// (a row is not a clause: a container with no text of its own, such as an inserted list, has no row).
    public var counts: [ChangeClass: Int]

    public init(old: LegalDocument, new: LegalDocument, oldLabel: String, newLabel: String) {
        self.oldLabel = oldLabel
        self.newLabel = newLabel
        title = "Tableau comparatif — " + (new.identification.work.name ?? new.title ?? "texte")
        let diff = ClauseDiffer().compare(old, new, oldLabel: oldLabel, newLabel: newLabel)
        var annexNames: [String: String] = [:]
        for annex in old.annexes + new.annexes { annexNames[annex.eId] = annex.number ?? annex.eId }
        rows = diff.changes.compactMap { change in Self.row(change, annexNames: annexNames) }
        counts = diff.changes.reduce(into: [:]) { result, change in result[change.change, default: 0] += 1 }
    }

    static func part(of eId: String, annexNames: [String: String]) -> String {
        if eId.hasPrefix("cit_") { return "Visas" }
        if eId.hasPrefix("annex_") {
            let annex = eId.components(separatedBy: "__").first ?? eId
            return annexNames[annex] ?? annex
        }
        return "Dispositif"
    }

    static func row(_ change: ClauseChange, annexNames: [String: String]) -> Row? {
        let snapshot = change.new ?? change.old
        guard let snapshot else { return nil }
        var old: [FlowParagraph] = []
        var new: [FlowParagraph] = []
        // Number and heading line.
        func title(_ side: ClauseSnapshot?) -> String? {
            guard let side else { return nil }
            let text = [side.num, side.heading].compactMap { $0 }.joined(separator: side.kind == .article ? " – " : " ")
            return text.isEmpty ? nil : text
        }
        let oldTitle = title(change.old), newTitle = title(change.new)
        let titleStyle: ParagraphStyle = snapshot.kind == .article ? .heading2 : (snapshot.kind == .point ? .point : .heading3)
        if oldTitle != nil || newTitle != nil {
            switch change.change {
            case .inserted: new.append(FlowParagraph(titleStyle, [.inserted(newTitle ?? "")]))
            case .deleted: old.append(FlowParagraph(titleStyle, [.deleted(oldTitle ?? "")]))
            default:
                if oldTitle == newTitle {
                    old.append(FlowParagraph(titleStyle, text: oldTitle ?? ""))
                    new.append(FlowParagraph(titleStyle, text: newTitle ?? ""))
                } else {
                    let diff = WordDiff(old: oldTitle ?? "", new: newTitle ?? "")
                    old.append(FlowParagraph(titleStyle, spans(diff, side: .deleted)))
                    new.append(FlowParagraph(titleStyle, spans(diff, side: .inserted)))
                }
            }
        }
        switch change.change {
        case .inserted:
            new += (change.new?.blocks ?? []).map { FlowParagraph(.body, [.inserted($0)]) }
        case .deleted:
            old += (change.old?.blocks ?? []).map { FlowParagraph(.body, [.deleted($0)]) }
        default:
            if let diff = change.textDiff {
                old += lines(spans(diff, side: .deleted))
                new += lines(spans(diff, side: .inserted))
            } else {
                old += (change.old?.blocks ?? []).map { FlowParagraph(.body, text: $0) }
                new += (change.new?.blocks ?? []).map { FlowParagraph(.body, text: $0) }
            }
        }
        // A point's number opens its first line ("1° l'accessibilité…").
        if snapshot.kind == .point {
            func merge(_ side: inout [FlowParagraph]) {
                guard side.count >= 2, side[0].style == .point else { return }
                side[1].spans = side[0].spans + [.text(" ")] + side[1].spans
                side[1].style = .point
                side.removeFirst()
            }
            merge(&old)
            merge(&new)
        }
        guard !old.isEmpty || !new.isEmpty else { return nil }
        return Row(eId: change.eId, wId: change.wId, kind: snapshot.kind, change: change.change,
                   part: part(of: change.eId, annexNames: annexNames), old: old, new: new, oldEId: change.old?.eId)
    }

    /// One side of a word diff: kept text, and the runs of that side marked.
    static func spans(_ diff: WordDiff, side: WordDiff.Kind) -> [Span] {
        diff.segments.compactMap { segment -> Span? in
            switch segment.kind {
            case .equal: return .text(segment.text)
            case side: return side == .inserted ? .inserted(segment.text) : .deleted(segment.text)
            default: return nil
            }
        }
    }

    /// Spans holding newlines (one per block) split into paragraphs.
    static func lines(_ spans: [Span]) -> [FlowParagraph] {
        var paragraphs: [FlowParagraph] = [FlowParagraph(.body, [])]
        for span in spans {
            let parts = span.text.components(separatedBy: "\n")
            for (index, part) in parts.enumerated() {
                if index > 0 { paragraphs.append(FlowParagraph(.body, [])) }
                guard !part.isEmpty else { continue }
                let piece: Span = switch span {
                case .inserted: .inserted(part)
                case .deleted: .deleted(part)
                default: .text(part)
                }
                paragraphs[paragraphs.count - 1].spans.append(piece)
            }
        }
        return paragraphs.filter { !$0.spans.isEmpty }
    }
}
