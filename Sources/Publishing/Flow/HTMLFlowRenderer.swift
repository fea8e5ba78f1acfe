import ClauseDiff

/// Writes export paragraphs as HTML: headings, paragraphs with `id` anchors, `<ins>`/`<del>` for word
/// changes, French typography.
public enum HTMLFlowRenderer {
    static let e = HTMLEscaping.escape

    /// The paragraphs as HTML elements, one per line.
    public static func render(_ paragraphs: [FlowParagraph]) -> String {
        paragraphs.map(render).joined(separator: "\n")
    }

    public static func render(_ paragraph: FlowParagraph) -> String {
        let id = paragraph.anchor.map { " id=\"\(e($0))\"" } ?? ""
        let content = spans(paragraph.spans)
        switch paragraph.style {
        case .title: return "<h1\(id)>\(content)</h1>"
        case .heading1: return "<h2\(id) class=\"annexe\">\(content)</h2>"
        case .heading2: return "<h3\(id) class=\"article\">\(content)</h3>"
        case .heading3: return "<h4\(id) class=\"division\">\(content)</h4>"
        case .subtitle: return "<p\(id) class=\"sous-titre\">\(content)</p>"
        case .body: return "<p\(id)>\(content)</p>"
        case .point: return "<p\(id) class=\"point\">\(content)</p>"
        case .note: return "<p\(id) class=\"note\">\(content)</p>"
        case .meta: return "<p\(id) class=\"meta\">\(content)</p>"
        case .formula: return "<p\(id) class=\"formule\">\(content)</p>"
        case .quote: return "<p\(id) class=\"citation\">\(content)</p>"
        }
    }

    /// Spans as inline HTML.
    public static func spans(_ spans: [Span]) -> String {
        var html = ""
        for span in spans {
            let text = e(FrenchTypography.display(span.text))
            switch span {
            case .text: html += text
            case .inserted: html += "<ins>\(text)</ins>"
            case .deleted: html += "<del>\(text)</del>"
            case .emphasis: html += "<i>\(text)</i>"
            case .strong: html += "<strong>\(text)</strong>"
            case .link(_, let href): html += "<a href=\"\(e(href))\">\(text)</a>"
            }
        }
        return html
    }

    /// The style sheet of every HTML export: readable on screen, printable (A4, page breaks kept
    /// away from headings, links shown with their address, no navigation chrome).
    public static let style = """
    :root{--encre:#1a1a1a;--trait:#c8c8c8;--ins:#d4f4dd;--ins-texte:#0b4d1e;--del:#fde2e1;--del-texte:#8a1111}
    body{font-family:'DejaVu Serif',Georgia,'Times New Roman',serif;color:var(--encre);line-height:1.55;max-width:52rem;margin:2rem auto;padding:0 1.2rem;hyphens:auto}
    h1{font-size:1.35rem;line-height:1.35;text-align:center;margin:1.5rem 0 1rem}
    h2.annexe{font-size:1.2rem;text-align:center;margin-top:3rem;border-top:1px solid var(--trait);padding-top:1.5rem}
    h3.article{font-size:1.05rem;margin:1.6rem 0 .4rem}h4.division{font-size:1rem;font-style:italic;margin:1.2rem 0 .3rem}
    p{margin:.35rem 0;text-align:justify}p.sous-titre{text-align:center;font-weight:bold}p.point{margin-left:1.5rem}
    p.formule{font-style:italic}p.note{color:#555;font-size:.9rem;font-style:italic}p.citation{margin-left:2rem}
    ins{background:var(--ins);color:var(--ins-texte);text-decoration:underline}del{background:var(--del);color:var(--del-texte);text-decoration:line-through}
    .entete{font-family:'DejaVu Sans',system-ui,sans-serif;font-size:.9rem;border:1px solid var(--trait);border-radius:4px;padding:.6rem 1rem;margin-bottom:1.5rem;background:#f7f7f4}
    .entete dt{font-weight:bold;float:left;clear:left;width:11rem}.entete dd{margin:0 0 .2rem 11.5rem}
    .statut{display:inline-block;padding:0 .5rem;border-radius:3px;border:1px solid #555;font-weight:bold}
    .statut-projet{background:#fff3c4}.statut-consulte{background:#dbe9ff}.statut-adopte{background:var(--ins)}
    table.comparaison{border-collapse:collapse;width:100%;table-layout:fixed}table.comparaison th,table.comparaison td{border:1px solid var(--trait);padding:.4rem .6rem;vertical-align:top}
    table.comparaison th{background:#efefea;font-family:'DejaVu Sans',system-ui,sans-serif;font-size:.9rem}
    td.repere{font-family:'DejaVu Sans Mono',monospace;font-size:.75rem;color:#555;width:9rem;word-break:break-all}
    tr.inchange td{color:#444}details summary{cursor:pointer;color:#555;font-family:'DejaVu Sans',system-ui,sans-serif;font-size:.85rem}
    .legende{font-family:'DejaVu Sans',system-ui,sans-serif;font-size:.85rem}
    body.large{max-width:80rem}
    @page{size:A4;margin:2cm 1.8cm}
    @media print{body{max-width:none;margin:0;padding:0;font-size:11pt}h1,h2,h3,h4{break-after:avoid;page-break-after:avoid}
    p,tr{break-inside:avoid;page-break-inside:avoid}h2.annexe{break-before:page;page-break-before:always;border-top:none}
    .entete{background:none}a{color:inherit;text-decoration:none}a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em}
    details>summary{display:none}
    ins{background:none;text-decoration:underline;font-weight:bold}del{background:none}}
    """

    /// A standalone French page.
    public static func page(title: String, body: String, wide: Bool = false) -> String {
        """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(title))</title>
        <style>
        \(style)\(wide ? "\n@page{size:A4 landscape;margin:1.5cm}" : "")
        </style>
        </head>
        <body\(wide ? " class=\"large\"" : "")>
        <main>
        \(body)
        </main>
        <script>window.addEventListener("beforeprint",function(){document.querySelectorAll("details").forEach(function(d){d.open=true})})</script>
        </body>
        </html>

        """
    }
}
