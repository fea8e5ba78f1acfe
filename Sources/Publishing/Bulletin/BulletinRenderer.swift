import Foundation

/// Writes a bulletin as HTML, Markdown or JSON.
public enum BulletinRenderer {
    public static func paragraphs(_ bulletin: Bulletin, textURL: String) -> [FlowParagraph] {
        var out = [FlowParagraph(.title, text: bulletin.title),
                   FlowParagraph(.meta, text: bulletin.base.sentence),
                   FlowParagraph(.heading1, text: "Pourquoi ce changement")]
        out += bulletin.why.map { FlowParagraph(.body, text: $0) }
        out.append(FlowParagraph(.heading1, text: "Ce qui change"))
        if bulletin.topics.isEmpty { out.append(FlowParagraph(.body, text: "Aucun changement du texte.")) }
        for topic in bulletin.topics {
            out.append(FlowParagraph(.heading2, text: topic.title))
            for item in topic.items {
                // A clause absent from the new text (deleted) has no anchor there: it is named, never linked.
                let reference: Span = item.inNewText ? .link("(voir le texte)", href: textURL + "#" + item.eId)
                    : .text("(ne figure plus dans la version \(bulletin.newLabel))")
                out.append(FlowParagraph(.heading3, [.strong(item.what + " "), reference], anchor: item.eId))
                out += item.text.map { paragraph in
                    var p = paragraph
                    p.anchor = nil
                    // References inside the quoted text point into the new text, not into the bulletin: without
                    // the text's address they stay plain words.
                    p.spans = p.spans.map { span in
                        if case .link(let text, let href) = span, href.hasPrefix("#") {
                            return textURL.isEmpty ? .text(text) : .link(text, href: textURL + href)
                        }
                        return span
                    }
                    return p
                }
                out += item.notes.map { FlowParagraph(.note, text: $0) }
            }
        }
        out += documentaryParagraphs(bulletin.documentary)
        return out
    }

    /// The section on the documentary corpus: references checked, syntheses and news since the version compared with.
    static func documentaryParagraphs(_ updates: DocumentaryUpdates) -> [FlowParagraph] {
        let since = updates.since.map { " depuis le \($0.french)" } ?? ""
        var out = [FlowParagraph(.heading1, text: "Références, synthèses et actualités" + since)]
        if updates.isEmpty { out.append(FlowParagraph(.body, text: "Aucune mise à jour des références documentaires, des synthèses ni des actualités" + since + ".")) }
        out += updates.items.map { FlowParagraph(.point, text: $0.text) }
        return out
    }

    public static func html(_ bulletin: Bulletin, textURL: String = "") -> String {
        HTMLFlowRenderer.page(title: bulletin.title, body: HTMLFlowRenderer.render(paragraphs(bulletin, textURL: textURL)))
    }

    public static func markdown(_ bulletin: Bulletin, textURL: String = "") -> String {
        MarkdownFlowRenderer.render(paragraphs(bulletin, textURL: textURL))
    }

    public static func json(_ bulletin: Bulletin) throws -> String {
        struct Item: Encodable { let eId: String; let what: String; let text: [String]; let notes: [String] }
        struct Topic: Encodable { let title: String; let items: [Item] }
        struct Base: Encodable { let version: String; let date: String?; let commit: String; let sentence: String }
        struct Compared: Encodable { let label: String; let commit: String; let adopted: Bool }
        struct Output: Encodable {
            let schema = "suivi-bulletin"; let schemaVersion = 1; let title: String; let review: String
            let base: Base; let compared: Compared; let why: [String]; let topics: [Topic]; let documentary: DocumentaryUpdates
        }
        let base = Base(version: bulletin.base.baseVersion, date: bulletin.base.baseDate?.iso, commit: bulletin.base.baseCommit.hex,
                        sentence: bulletin.base.sentence)
        let compared = Compared(label: bulletin.base.newLabel, commit: bulletin.base.newCommit.hex, adopted: bulletin.base.adopted)
        return try JSONText.encode(Output(title: bulletin.title, review: bulletin.reviewId, base: base, compared: compared, why: bulletin.why, topics: bulletin.topics.map { topic in
            Topic(title: topic.title, items: topic.items.map { Item(eId: $0.eId, what: $0.what, text: $0.text.map(\.plainText), notes: $0.notes) })
        }, documentary: bulletin.documentary))
    }
}
