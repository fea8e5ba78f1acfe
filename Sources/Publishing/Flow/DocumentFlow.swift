import LegalText

/// Lays a legal document out as export paragraphs: title, visas, articles, alinéas, enumerations,
/// annexes with their sections, editorial notes; each clause anchored on its eId.
public enum DocumentFlow {
    /// The whole document, annexes included.
    public static func paragraphs(_ document: LegalDocument) -> [FlowParagraph] {
        var out: [FlowParagraph] = []
        for item in document.preface {
            switch item {
            case .longTitle(let blocks): out += blocks.map { FlowParagraph(.title, spans($0.inlines)) }
            case .block(let block): out.append(FlowParagraph(.subtitle, spans(block.inlines)))
            }
        }
        for note in document.notes where note.className == Note.transcriptionClass {
            out += note.blocks.map { FlowParagraph(.note, spans($0.inlines)) }
        }
        for item in document.preamble {
            switch item {
            case .formula(_, let blocks): out += blocks.map { FlowParagraph(.formula, spans($0.inlines)) }
            case .citations(let citations):
                for citation in citations { out += blocks(citation.content, anchor: citation.eId) }
            case .block(let block): out.append(FlowParagraph(.formula, spans(block.inlines)))
            }
        }
        for clause in document.body { out += paragraphs(clause) }
        out += document.conclusions.map { FlowParagraph($0.isEditorialNote ? .note : .formula, spans($0.inlines)) }
        for annex in document.annexes { out += paragraphs(annex) }
        return out
    }

    /// One annex: number, title, clauses.
    public static func paragraphs(_ annex: Annex) -> [FlowParagraph] {
        var out = [FlowParagraph(.heading1, text: annex.number ?? annex.eId, anchor: annex.eId)]
        if let title = annex.title { out.append(FlowParagraph(.subtitle, text: title)) }
        for clause in annex.clauses { out += paragraphs(clause) }
        return out
    }

    /// One clause and its descendants.
    public static func paragraphs(_ clause: Clause) -> [FlowParagraph] {
        var out: [FlowParagraph] = []
        let ownAnchor: String?
        switch clause.kind {
        case .article, .section, .subsection, .chapter, .title, .part:
            let style: ParagraphStyle = clause.kind == .article ? .heading2 : .heading3
            let title = [clause.num, clause.headingText].compactMap { $0 }.joined(separator: clause.kind == .article ? " – " : " ")
            out.append(FlowParagraph(style, text: title.isEmpty ? clause.kind.frenchName : title, anchor: clause.eId))
            ownAnchor = nil
        case .point:
            var first = true
            for block in clause.intro + clause.content {
                var spanList = spans(block.inlines)
                if first, let num = clause.num { spanList.insert(.text(num + " "), at: 0) }
                out.append(FlowParagraph(block.isEditorialNote ? .note : .point, spanList, anchor: first ? clause.eId : nil))
                first = false
            }
            for child in clause.children { out += paragraphs(child) }
            out += blocks(clause.wrapUp, anchor: nil)
            return out
        default:
            ownAnchor = clause.eId
        }
        var anchor = ownAnchor
        for block in clause.intro + clause.content {
            out += blocks([block], anchor: anchor)
            anchor = nil
        }
        for (index, child) in clause.children.enumerated() {
            var childParagraphs = paragraphs(child)
            // A paragraph holding only a list: its anchor goes on the list's first line.
            if index == 0, let anchor, !childParagraphs.isEmpty, childParagraphs[0].anchor == nil {
                childParagraphs[0].anchor = anchor
            } else if index == 0, let anchor, !childParagraphs.isEmpty {
                childParagraphs.insert(FlowParagraph(.body, [], anchor: anchor), at: 0)
            }
            if index == 0 { anchor = nil }
            out += childParagraphs
        }
        out += blocks(clause.wrapUp, anchor: nil)
        return out
    }

    static func blocks(_ blocks: [Block], anchor: String?) -> [FlowParagraph] {
        var anchor = anchor
        return blocks.map { block in
            defer { anchor = nil }
            return FlowParagraph(block.isEditorialNote ? .note : .body, spans(block.inlines), anchor: anchor)
        }
    }

    /// Inline content as spans: web links kept, internal references to a clause become page anchors.
    public static func spans(_ inlines: [Inline]) -> [Span] {
        var out: [Span] = []
        for inline in inlines {
            switch inline {
            case .text(let text): out.append(.text(text))
            case .element(let name, let attributes, let children):
                let text = children.plainText
                if name == "ref", let href = attributes["href"] {
                    if href.hasPrefix("http://") || href.hasPrefix("https://") {
                        out.append(.link(text, href: href))
                    } else if href.hasPrefix("#") {
                        out.append(.link(text, href: href))
                    } else {
                        out.append(.text(text))
                    }
                } else if name == "i" {
                    out.append(.emphasis(text))
                } else if name == "b" {
                    out.append(.strong(text))
                } else {
                    out.append(.text(text))
                }
            }
        }
        return out
    }
}
