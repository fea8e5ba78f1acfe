import Foundation

/// Renders a comparison as one standalone HTML page (no external asset), in French, with accessible
/// markup: `<ins>` and `<del>` for word changes, a legend, one section per clause anchored on its eId.
public struct HTMLDiffRenderer: Sendable {
    /// How a lawyer names each clause (« Article 3, deuxième alinéa »), by eId: a clause with a name is headed by
    /// it, its eId kept as the anchor and in a tooltip; without names, clauses are headed by their eId.
    public var names: [String: String]

    public init(names: [String: String] = [:]) {
        self.names = names
    }

    static let style = """
    body{font-family:Georgia,'Times New Roman',serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
    h1{font-size:1.5rem}h2{font-size:1.05rem;margin:1.6rem 0 .4rem;font-family:system-ui,sans-serif}
    ins{background:#d4f4dd;color:#0b4d1e;text-decoration:underline}del{background:#fde2e1;color:#8a1111;text-decoration:line-through}
    .legend,.summary{font-family:system-ui,sans-serif;font-size:.9rem;border:1px solid #ccc;padding:.5rem .8rem;border-radius:4px}
    .class{display:inline-block;font-size:.8rem;padding:0 .4rem;border-radius:3px;border:1px solid #666;margin-left:.4rem}
    .inserted .class{background:#d4f4dd}.deleted .class{background:#fde2e1}.modified .class,.renumbered-modified .class,.moved-modified .class{background:#fff3c4}
    .weak{font-family:system-ui,sans-serif;font-size:.8rem;color:#7a4b00;margin-left:.4rem}
    code{font-size:.85rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .6rem;text-align:left}
    @media print{body{margin:0;max-width:none}.legend{break-inside:avoid}}
    """

    /// The stylesheet of the standalone page (also served by `suivi serve`).
    public static var stylesheet: String { style }

    public func render(_ diff: DocumentDiff) -> String {
        let e = HTMLEscaping.escape
        let title = "Comparaison \(diff.oldLabel) → \(diff.newLabel)"
        var html = """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(title))</title>
        <style>\(HTMLDiffRenderer.style)</style>
        </head>
        <body>
        <main>
        <h1>\(e(title))</h1>

        """
        html += renderFragment(diff)
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    /// The page's content without the document around it (legend, summary, one section per changed
    /// clause), for embedding in another page such as the web interface's.
    public func renderFragment(_ diff: DocumentDiff) -> String {
        var html = renderHeader(diff)
        let labels = ChangeLabels(diff)
        for change in diff.changes where change.change != .unchanged {
            html += section(change, anchor: labels.anchor(of: change), label: labels.label(of: change))
        }
        return html
    }

    /// The legend, the summary table and the metadata changes.
    public func renderHeader(_ diff: DocumentDiff) -> String {
        let e = HTMLEscaping.escape
        var html = "<p class=\"legend\" role=\"note\"><strong>Légende :</strong> <ins>texte inséré</ins> (souligné), "
            + "<del>texte supprimé</del> (barré). "
            + (names.isEmpty ? "Chaque élément est désigné par son identifiant (eId)."
                : "Chaque élément est désigné comme dans les textes ; son identifiant (eId) s’affiche au survol.")
            + "</p>\n"
        html += "<table class=\"summary\"><caption>Résumé des changements</caption><thead><tr><th scope=\"col\">Changement</th>"
            + "<th scope=\"col\">Nombre</th></tr></thead><tbody>\n"
        let counts = diff.counts
        for kind in DiffSummary.order {
            if let count = counts[kind] { html += "<tr><td>\(e(kind.french))</td><td>\(count)</td></tr>\n" }
        }
        html += "</tbody></table>\n"
        if !diff.metadataChanges.isEmpty {
            html += "<h2>Métadonnées</h2>\n<ul>\n" + diff.metadataChanges.map { "<li>\(e($0))</li>" }.joined(separator: "\n") + "\n</ul>\n"
        }
        if diff.isEmpty { html += "<p>Aucune différence.</p>\n" }
        return html
    }

    /// One changed clause: a section anchored on its eId.
    public func renderSection(_ change: ClauseChange) -> String {
        section(change, anchor: change.eId, label: change.eId)
    }

    private func section(_ change: ClauseChange, anchor: String, label: String) -> String {
        let e = HTMLEscaping.escape
        let cssClass = change.change.rawValue.replacingOccurrences(of: "+", with: "-")
        var html = "<section class=\"\(cssClass)\" id=\"\(e(anchor))\" aria-labelledby=\"h-\(e(anchor))\">\n"
        func named(_ eId: String) -> String {
            guard let name = names[eId] else { return "<code>\(e(eId))</code>" }
            return "<span class=\"clause-name\" title=\"Identifiant : \(e(eId))\">\(e(name))</span>"
        }
        var heading = label == change.eId ? named(change.eId) : "ex " + named(change.eId)
        if let old = change.old, let new = change.new, old.eId != new.eId { heading += " (ex \(named(old.eId)))" }
        let oldNum = change.old?.num, newNum = change.new?.num
        if let oldNum, let newNum, oldNum != newNum {
            heading += " — <del>\(e(oldNum))</del> <ins>\(e(newNum))</ins>"
        } else if let num = newNum ?? oldNum, names[change.eId] == nil {
            heading += " — \(e(num))"
        }
        heading += " <span class=\"class\">\(e(change.change.french))</span>"
        let weakness = ChangeLabels.weakness(of: change)
        if !weakness.isEmpty { heading += " <span class=\"weak\">\(e(weakness))</span>" }
        html += "<h2 id=\"h-\(e(anchor))\">\(heading)</h2>\n"
        if let headingDiff = change.headingDiff { html += "<p>Intitulé : \(words(headingDiff))</p>\n" }
        if change.change == .inserted, let title = change.new?.heading { html += "<p>Intitulé : <ins>\(e(title))</ins></p>\n" }
        if change.change == .deleted, let title = change.old?.heading { html += "<p>Intitulé : <del>\(e(title))</del></p>\n" }
        switch change.change {
        case .inserted: html += (change.new?.blocks ?? []).map { "<p><ins>\(e($0))</ins></p>" }.joined(separator: "\n") + "\n"
        case .deleted: html += (change.old?.blocks ?? []).map { "<p><del>\(e($0))</del></p>" }.joined(separator: "\n") + "\n"
        default:
            if let text = change.textDiff {
                html += words(text).components(separatedBy: "\n").map { "<p>\($0)</p>" }.joined(separator: "\n") + "\n"
            }
        }
        return html + "</section>\n"
    }

    private func words(_ diff: WordDiff) -> String {
        diff.segments.map { segment in
            let text = HTMLEscaping.escape(segment.text)
            switch segment.kind {
            case .equal: return text
            case .deleted: return "<del>" + text.replacingOccurrences(of: "\n", with: "</del>\n<del>") + "</del>"
            case .inserted: return "<ins>" + text.replacingOccurrences(of: "\n", with: "</ins>\n<ins>") + "</ins>"
            }
        }.joined()
    }
}
