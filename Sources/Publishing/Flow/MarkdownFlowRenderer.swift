/// Writes export paragraphs as Markdown (CommonMark with `<ins>`/`<del>` for word changes).
public enum MarkdownFlowRenderer {
    public static func render(_ paragraphs: [FlowParagraph]) -> String {
        paragraphs.map(render).filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
    }

    public static func render(_ paragraph: FlowParagraph) -> String {
        let content = spans(paragraph.spans)
        let anchor = paragraph.anchor.map { "<a id=\"\($0)\"></a>" } ?? ""
        switch paragraph.style {
        case .title: return "# " + content + (anchor.isEmpty ? "" : " " + anchor)
        case .heading1: return "## " + content + (anchor.isEmpty ? "" : " " + anchor)
        case .heading2: return "### " + content + (anchor.isEmpty ? "" : " " + anchor)
        case .heading3: return "#### " + content + (anchor.isEmpty ? "" : " " + anchor)
        case .subtitle: return "**" + content + "**"
        case .note, .formula: return anchor + "*" + content + "*"
        case .meta: return anchor + content
        case .quote: return "> " + anchor + content
        case .point: return anchor + "- " + content
        case .body: return anchor + content
        }
    }

    /// Spans as inline Markdown; characters Markdown would read as markup are escaped.
    public static func spans(_ spans: [Span]) -> String {
        var out = ""
        for span in spans {
            let text = escape(FrenchTypography.display(span.text))
            guard !span.text.isEmpty else { continue }
            switch span {
            case .text: out += text
            case .inserted: out += "<ins>\(text)</ins>"
            case .deleted: out += "<del>\(text)</del>"
            case .emphasis: out += "*\(text)*"
            case .strong: out += "**\(text)**"
            case .link(_, let href): out += "[\(text)](\(href))"
            }
        }
        return out
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
