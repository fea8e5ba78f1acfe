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
            case .emphasis: out += delimited(text, by: "*")
            case .strong: out += delimited(text, by: "**")
            case .link(_, let href): out += "[\(text)](\(href))"
            }
        }
        return out
    }

    /// `text` between `marker`s, its leading and trailing spaces kept outside: in Markdown, `**gras **`
    /// is not bold (a closing marker cannot follow a space), and the markers would show.
    static func delimited(_ text: String, by marker: String) -> String {
        let leading = text.prefix { $0.isWhitespace }
        let trailing = String(text.reversed().prefix { $0.isWhitespace }.reversed())
        let core = text.trimmingCharacters(in: .whitespaces)
        guard !core.isEmpty else { return text }
        return leading + marker + core + marker + trailing
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
