import Foundation
import LegalText

/// Writes a consolidated draft as HTML (standalone, printable), Markdown, ODT, Akoma Ntoso or JSON.
public enum ConsolidatedRenderer {
    /// A standalone printable HTML page.
    public static func html(_ draft: ConsolidatedDraft) -> String {
        let e = HTMLFlowRenderer.e
        var body = "<header class=\"entete\" role=\"note\">\n<dl>\n"
        for (label, value) in draft.headerLines {
            let shown = label == "Statut"
                ? "<span class=\"statut statut-\(draft.status.rawValue)\">\(e(value))</span>"
                : (label == "Commit du projet" ? "<code>\(e(value))</code>" : e(FrenchTypography.display(value)))
            body += "<dt>\(e(label))</dt><dd>\(shown)</dd>\n"
        }
        body += "</dl>\n</header>\n"
        body += HTMLFlowRenderer.render(DocumentFlow.paragraphs(draft.document)) + "\n"
        return HTMLFlowRenderer.page(title: draft.title, body: body)
    }

    /// Markdown: the header as a list, then the text.
    public static func markdown(_ draft: ConsolidatedDraft) -> String {
        var out = "<!-- \(draft.title) -->\n\n"
        for (label, value) in draft.headerLines {
            out += "- **\(label)** : \(MarkdownFlowRenderer.escape(FrenchTypography.display(value)))\n"
        }
        out += "\n---\n\n"
        return out + MarkdownFlowRenderer.render(DocumentFlow.paragraphs(draft.document))
    }

    /// The ODT package, editable and re-importable: each paragraph carries a bookmark naming the clause it shows
    /// (``ODTClauseLayout``), and the metadata the commit it was exported from (``ODTImport/commitMeta``).
    public static func odt(_ draft: ConsolidatedDraft, modified: Date = Date()) throws(PublishingError) -> Data {
        var items: [ODTDocument.Item] = draft.headerLines.enumerated().map { index, line in
            .paragraph(FlowParagraph(.meta, [.strong(line.0 + " : "), .text(line.1)], anchor: ODTClauseLayout.headerPrefix + "\(index + 1)"))
        }
        items += ODTClauseLayout.lines(draft.document).map { .paragraph($0.paragraph) }
        var document = ODTDocument(title: draft.title, items: items)
        document.userMeta = [(ODTImport.commitMeta, draft.commit), (ODTImport.revisionMeta, draft.revision)]
        return try ODTPackage.data(document, modified: modified)
    }

    /// The canonical Akoma Ntoso XML of the consolidated text.
    public static func akomaNtoso(_ draft: ConsolidatedDraft) -> String {
        CanonicalWriter.string(draft.document)
    }

    /// JSON: the header and the text's clauses (eId, wId, kind, number, heading, text).
    public static func json(_ draft: ConsolidatedDraft) throws -> String {
        struct ClauseEntry: Encodable {
            let eId: String, wId: String, kind: String, num: String?, heading: String?, text: [String]
        }
        struct Output: Encodable {
            let schema = "suivi-consolide"
            let schemaVersion = 1
            let title: String
            let revision: String
            let commit: String
            let status: String
            let review: ConsolidatedDraft.ReviewHeader?
            let tag: String?
            let base: String?
            let adoptedSince: String?
            let clauses: [ClauseEntry]
        }
        let clauses = draft.document.allClauses.map { clause in
            ClauseEntry(eId: clause.eId, wId: clause.wId, kind: clause.kind.rawValue, num: clause.num, heading: clause.headingText,
                        text: (clause.intro + clause.content + clause.wrapUp).map(\.plainText))
        }
        return try JSONText.encode(Output(title: draft.title, revision: draft.revision, commit: draft.commit,
                                          status: draft.status.rawValue, review: draft.review, tag: draft.tag, base: draft.base,
                                          adoptedSince: draft.adoptedSince, clauses: clauses))
    }
}
