/// Renders a document, or one of its clauses, as plain text for a terminal: numbers, headings and
/// alinéas in reading order, editorial notes in brackets, eIds in the margin when asked.
public struct PlainTextRenderer: Sendable {
    /// Whether to print each clause's eId at the start of its line.
    public var showIdentifiers: Bool

    public init(showIdentifiers: Bool = false) {
        self.showIdentifiers = showIdentifiers
    }

    /// The whole document.
    public func render(_ document: LegalDocument) -> String {
        var lines: [String] = []
        for item in document.preface {
            switch item {
            case .longTitle(let blocks): lines += blocks.map(\.plainText)
            case .block(let block): lines.append(block.plainText)
            }
        }
        for note in document.notes where note.className == Note.transcriptionClass {
            lines.append("[" + note.blocks.map(\.plainText).joined(separator: " ") + "]")
        }
        lines.append("")
        for item in document.preamble {
            switch item {
            case .formula(_, let blocks): lines += blocks.map(\.plainText)
            case .citations(let citations):
                for citation in citations { lines += text(of: citation.content, eId: citation.eId, indent: 0) }
            case .block(let block): lines.append(block.plainText)
            }
        }
        for clause in document.body {
            lines.append("")
            lines += render(clause, indent: 0)
        }
        if !document.conclusions.isEmpty {
            lines.append("")
            lines += document.conclusions.map(\.plainText)
        }
        for annex in document.annexes {
            lines.append("")
            lines += render(annex)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One annex, with its number and title.
    public func render(_ annex: Annex) -> [String] {
        var lines = [margin(annex.eId) + [annex.number, annex.title].compactMap { $0 }.joined(separator: " — ")]
        if let carried = annex.carried { lines.append(carried.plainText) }
        for clause in annex.clauses {
            lines += render(clause, indent: 0)
        }
        return lines
    }

    /// One clause and its descendants.
    public func render(_ clause: Clause, indent: Int) -> [String] {
        var lines: [String] = []
        let pad = String(repeating: "  ", count: indent)
        let title = [clause.num, clause.headingText].compactMap { $0 }.joined(separator: " — ")
        var childIndent = indent
        if !title.isEmpty && clause.kind != .point {
            lines.append(margin(clause.eId) + pad + title)
            childIndent = indent + 1
        }
        if clause.kind == .point, let num = clause.num {
            let body = (clause.intro + clause.content).map(\.plainText).joined(separator: " ")
            lines.append(margin(clause.eId) + pad + num + " " + body)
        } else {
            let ownId = title.isEmpty ? clause.eId : nil
            lines += text(of: clause.intro + clause.content, eId: ownId, indent: childIndent)
        }
        for child in clause.children {
            lines += render(child, indent: clause.kind == .list ? childIndent + 1 : childIndent)
        }
        lines += text(of: clause.wrapUp, eId: nil, indent: childIndent)
        return lines
    }

    private func text(of blocks: [Block], eId: String?, indent: Int) -> [String] {
        let pad = String(repeating: "  ", count: indent)
        return blocks.enumerated().map { index, block in
            let body = block.isEditorialNote && !block.plainText.hasPrefix("[") ? "[" + block.plainText + "]" : block.plainText
            return (index == 0 ? margin(eId) : margin(nil)) + pad + body
        }
    }

    private func margin(_ eId: String?) -> String {
        guard showIdentifiers else { return "" }
        let label = eId ?? ""
        let width = 28
        return label.count >= width ? label + " " : label + String(repeating: " ", count: width - label.count)
    }
}
