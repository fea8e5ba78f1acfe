import ClauseDiff
import Foundation

/// Writes a comparison table as HTML (two columns, unchanged clauses folded in `<details>`), ODT
/// (a two-column table, landscape) or JSON.
public enum ComparisonRenderer {
    public static func html(_ table: ComparisonTable) -> String {
        let e = HTMLFlowRenderer.e
        var body = "<h1>\(e(FrenchTypography.display(table.title)))</h1>\n"
        body += "<p class=\"legende\" role=\"note\"><strong>Légende :</strong> <ins>texte inséré</ins>, <del>texte supprimé</del>. "
            + "Les éléments inchangés sont repliés ; cliquez pour les déplier.</p>\n"
        body += "<p class=\"legende\">" + e(summary(table)) + "</p>\n"
        body += "<table class=\"comparaison\">\n<thead><tr><th scope=\"col\">Texte en vigueur (\(e(table.oldLabel)))</th>"
            + "<th scope=\"col\">Texte proposé (\(e(table.newLabel)))</th></tr></thead>\n<tbody>\n"
        var part = ""
        var pending: [ComparisonTable.Row] = []
        func flush() {
            guard !pending.isEmpty else { return }
            let first = pending[0].eId, last = pending[pending.count - 1].eId
            let label = pending.count == 1 ? "1 élément inchangé (\(first))" : "\(pending.count) éléments inchangés (\(first) … \(last))"
            body += "<tr class=\"inchange\"><td colspan=\"2\"><details><summary>\(e(label))</summary>\n"
            body += "<table class=\"comparaison\"><tbody>\n"
            for row in pending { body += rowHTML(row) }
            body += "</tbody></table>\n</details></td></tr>\n"
            pending = []
        }
        for row in table.rows {
            if row.part != part {
                flush()
                part = row.part
                body += "<tr class=\"partie\"><th colspan=\"2\">\(e(part))</th></tr>\n"
            }
            if row.isFoldable {
                pending.append(row)
            } else {
                flush()
                body += rowHTML(row)
            }
        }
        flush()
        body += "</tbody>\n</table>\n"
        return HTMLFlowRenderer.page(title: table.title, body: body, wide: true)
    }

    static func rowHTML(_ row: ComparisonTable.Row) -> String {
        let e = HTMLFlowRenderer.e
        func label(_ eId: String) -> String {
            if row.kind == .article && row.change == .unchanged { return "" }
            return "<p class=\"note\"><code>\(e(eId))</code> · \(e(row.change.french))</p>"
        }
        return "<tr id=\"\(e(row.eId))\" class=\"\(e(row.change.rawValue.replacingOccurrences(of: "+", with: "-")))\">"
            + "<td>\(row.old.isEmpty ? "" : label(row.oldEId ?? row.eId) + HTMLFlowRenderer.render(row.old))</td>"
            + "<td>\(row.new.isEmpty ? "" : label(row.eId) + HTMLFlowRenderer.render(row.new))</td></tr>\n"
    }

    /// "12 modifiés, 30 insérés, 40 inchangés".
    public static func summary(_ table: ComparisonTable) -> String {
        let counts = table.counts
        return ChangeClass.allCases.compactMap { kind in counts[kind].map { kind.french(count: $0) } }.joined(separator: ", ")
    }

    /// A landscape ODT holding the two-column table (unchanged clauses included, in grey).
    public static func odt(_ table: ComparisonTable, modified: Date = Date()) throws(PublishingError) -> Data {
        var items: [ODTDocument.Item] = [
            .paragraph(FlowParagraph(.title, text: table.title)),
            .paragraph(FlowParagraph(.meta, [.strong("Légende : "), .inserted("texte inséré"), .text(", "), .deleted("texte supprimé"), .text(".")])),
            .paragraph(FlowParagraph(.meta, text: summary(table))),
        ]
        var rows: [[[FlowParagraph]]] = []
        var part = ""
        for row in table.rows {
            if row.part != part {
                part = row.part
                rows.append([[FlowParagraph(.heading3, text: part)], [FlowParagraph(.heading3, text: part)]])
            }
            let oldLabel = FlowParagraph(.note, text: "\(row.oldEId ?? row.eId) · \(row.change.french)")
            let newLabel = FlowParagraph(.note, text: "\(row.eId) · \(row.change.french)")
            rows.append([row.old.isEmpty ? [] : [oldLabel] + row.old, row.new.isEmpty ? [] : [newLabel] + row.new])
        }
        items.append(.table(ODTDocument.Table(headers: ["Texte en vigueur (\(table.oldLabel))", "Texte proposé (\(table.newLabel))"], rows: rows)))
        return try ODTPackage.data(ODTDocument(title: table.title, items: items, landscape: true), modified: modified)
    }

    public static func json(_ table: ComparisonTable) throws -> String {
        struct Side: Encodable { let paragraphs: [String]; let segments: [[Segment]] }
        struct Segment: Encodable { let op: String; let text: String }
        struct Row: Encodable { let eId: String; let wId: String; let kind: String; let `class`: String; let part: String; let old: Side?; let new: Side? }
        struct Output: Encodable { let schema = "suivi-tableau-comparatif"; let schemaVersion = 1; let title: String; let old: String; let new: String; let rows: [Row] }
        func side(_ paragraphs: [FlowParagraph]) -> Side? {
            guard !paragraphs.isEmpty else { return nil }
            return Side(paragraphs: paragraphs.map(\.plainText), segments: paragraphs.map { p in
                p.spans.map { span in
                    switch span {
                    case .inserted(let t): return Segment(op: "inserted", text: t)
                    case .deleted(let t): return Segment(op: "deleted", text: t)
                    default: return Segment(op: "equal", text: span.text)
                    }
                }
            })
        }
        return try JSONText.encode(Output(title: table.title, old: table.oldLabel, new: table.newLabel, rows: table.rows.map {
            Row(eId: $0.eId, wId: $0.wId, kind: $0.kind.rawValue, class: $0.change.rawValue, part: $0.part, old: side($0.old), new: side($0.new))
        }))
    }
}
