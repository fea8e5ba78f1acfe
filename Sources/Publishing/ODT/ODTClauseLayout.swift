import LegalText

/// Lays a legal document out as the paragraphs of an editable ODT export, each paragraph tied to the part of the
/// text it shows by a bookmark (its ``Slot``): the import of the edited document (``ODTImport``) lays the same
/// text out again and maps the document's paragraphs back by these bookmarks.
///
/// Bookmark names: a clause's first paragraph (its heading, or its first block) is named by the clause's wId, the
/// stable identity that survives renumbering; a clause's further blocks by `<wId>.<n>` (n ≥ 2); an annex's title
/// by `<annex wId>.titre`; the parts of the text this door does not edit (title, formulas, signature) by
/// `suivi.<n>`. LibreOffice keeps these point bookmarks (`text:bookmark`) through re-saving, and through a DOCX
/// round trip (names of at most 40 characters, letters, digits, `_`, `-`, `.`).
public enum ODTClauseLayout {
    /// The bookmark names of the export's header lines (status, revision, commit…): informational, not read back.
    public static let headerPrefix = "suivi.entete."

    /// What an exported paragraph shows.
    public enum Slot: Sendable, Hashable {
        /// The heading line of an article, a section… (« Article 3 – Objet », « C. Points particuliers »).
        case heading(wId: String)
        /// Block `index` of the clause's own blocks (intro, content, wrap-up, in that order).
        case block(wId: String, index: Int)
        /// An annex's number line, and its title line.
        case annexNumber(wId: String)
        case annexTitle(wId: String)
        /// A part of the text this door does not edit.
        case fixed(index: Int)
    }

    /// One paragraph of the layout: what it shows (styles and spans as the export writes them), its slot and its
    /// bookmark name.
    public struct Line: Sendable, Hashable {
        public var paragraph: FlowParagraph
        public var slot: Slot
        public var name: String { paragraph.anchor ?? "" }
    }

    /// Kinds whose clause shows as a heading line followed by its content.
    static func hasHeadingLine(_ kind: ClauseKind) -> Bool {
        switch kind {
        case .article, .section, .subsection, .chapter, .title, .part: return true
        default: return false
        }
    }

    /// The separator between a heading clause's number and its heading text.
    static func separator(_ kind: ClauseKind) -> String { kind == .article ? " – " : " " }

    /// The whole document as editable lines.
    public static func lines(_ document: LegalDocument) -> [Line] {
        var out: [Line] = []
        var fixed = 0
        func addFixed(_ paragraph: FlowParagraph) {
            fixed += 1
            var paragraph = paragraph
            paragraph.anchor = "suivi.\(fixed)"
            out.append(Line(paragraph: paragraph, slot: .fixed(index: fixed)))
        }
        let links = Dictionary(document.allClauses.map { ($0.eId, $0.wId) }, uniquingKeysWith: { first, _ in first })
        func spans(_ inlines: [Inline]) -> [Span] {
            DocumentFlow.spans(inlines).map { span in
                // Internal links point at the bookmarks, which are named by wId.
                if case .link(let text, let href) = span, href.hasPrefix("#"), let wId = links[String(href.dropFirst())] {
                    return .link(text, href: "#" + wId)
                }
                return span
            }
        }
        for item in document.preface {
            switch item {
            case .longTitle(let blocks): blocks.forEach { addFixed(FlowParagraph(.title, spans($0.inlines))) }
            case .block(let block): addFixed(FlowParagraph(.subtitle, spans(block.inlines)))
            }
        }
        for note in document.notes where note.className == Note.transcriptionClass {
            note.blocks.forEach { addFixed(FlowParagraph(.note, spans($0.inlines))) }
        }
        for item in document.preamble {
            switch item {
            case .formula(_, let blocks): blocks.forEach { addFixed(FlowParagraph(.formula, spans($0.inlines))) }
            case .citations(let citations): for citation in citations { out += lines(citation, spans: spans) }
            case .block(let block): addFixed(FlowParagraph(.formula, spans(block.inlines)))
            }
        }
        for clause in document.body { out += lines(clause, spans: spans) }
        document.conclusions.forEach { addFixed(FlowParagraph($0.isEditorialNote ? .note : .formula, spans($0.inlines))) }
        for annex in document.annexes {
            out.append(Line(paragraph: FlowParagraph(.heading1, text: annex.number ?? annex.eId, anchor: annex.wId),
                            slot: .annexNumber(wId: annex.wId)))
            if let title = annex.title {
                out.append(Line(paragraph: FlowParagraph(.subtitle, text: title, anchor: annex.wId + ".titre"), slot: .annexTitle(wId: annex.wId)))
            }
            for clause in annex.clauses { out += lines(clause, spans: spans) }
        }
        return out
    }

    /// The heading line's text of a heading clause: number and heading.
    static func headingSpans(_ clause: Clause, spans: ([Inline]) -> [Span]) -> [Span] {
        var result: [Span] = []
        if let num = clause.num { result.append(.text(num)) }
        if let heading = clause.heading {
            if !result.isEmpty { result.append(.text(separator(clause.kind))) }
            result += spans(heading)
        }
        return result.isEmpty ? [.text(clause.kind.frenchName)] : result
    }

    /// One clause and its descendants.
    static func lines(_ clause: Clause, spans: ([Inline]) -> [Span]) -> [Line] {
        var out: [Line] = []
        var named = false
        func name(_ index: Int) -> String {
            defer { named = true }
            return named ? "\(clause.wId).\(index + 1)" : clause.wId
        }
        if hasHeadingLine(clause.kind) {
            let style: ParagraphStyle = clause.kind == .article ? .heading2 : .heading3
            out.append(Line(paragraph: FlowParagraph(style, headingSpans(clause, spans: spans), anchor: name(0)), slot: .heading(wId: clause.wId)))
        }
        let own = clause.intro + clause.content + clause.wrapUp
        func block(_ index: Int) -> Line {
            let block = own[index]
            var spanList = spans(block.inlines)
            let style: ParagraphStyle
            if block.isEditorialNote {
                style = .note
            } else {
                style = clause.kind == .point ? .point : .body
            }
            if index == 0, clause.kind == .point, let num = clause.num { spanList.insert(.text(num + " "), at: 0) }
            return Line(paragraph: FlowParagraph(style, spanList, anchor: name(index)), slot: .block(wId: clause.wId, index: index))
        }
        let introAndContent = clause.intro.count + clause.content.count
        for index in 0..<introAndContent { out.append(block(index)) }
        for child in clause.children { out += lines(child, spans: spans) }
        for index in introAndContent..<own.count { out.append(block(index)) }
        return out
    }
}
