import Foundation

/// Renders a comparison in Markdown: a summary, then one section per changed clause, deleted words
/// struck through (`~~…~~`) and inserted words in bold (`**…**`).
public struct MarkdownDiffRenderer: Sendable {
    public init() {}

    public func render(_ diff: DocumentDiff) -> String {
        var out = "# Comparaison \(escape(diff.oldLabel)) → \(escape(diff.newLabel))\n\n"
        let counts = diff.counts
        out += "| Changement | Nombre |\n|---|---|\n"
        for kind in DiffSummary.order {
            if let count = counts[kind] { out += "| \(kind.french) | \(count) |\n" }
        }
        if !diff.metadataChanges.isEmpty {
            out += "\n## Métadonnées\n\n" + diff.metadataChanges.map { "- " + escape($0) }.joined(separator: "\n") + "\n"
        }
        out += "\n*Légende : ~~texte supprimé~~, **texte inséré**.*\n"
        let labels = ChangeLabels(diff)
        for change in diff.changes where change.change != .unchanged {
            let label = labels.label(of: change)
            out += "\n## " + (label == change.eId ? "`\(label)`" : "ex `\(change.eId)`") + " — \(change.change.french)"
            if let old = change.old, let new = change.new, old.eId != new.eId { out += " (ex `\(old.eId)`)" }
            let weakness = ChangeLabels.weakness(of: change)
            if !weakness.isEmpty { out += " *(\(escape(weakness)))*" }
            out += "\n\n"
            let oldNum = change.old?.num, newNum = change.new?.num
            if let oldNum, let newNum, oldNum != newNum {
                out += "Numéro : ~~\(escape(oldNum))~~ **\(escape(newNum))**\n\n"
            } else if let num = newNum ?? oldNum {
                out += "\(escape(num))\n\n"
            }
            if let heading = change.headingDiff { out += "Intitulé : " + words(heading) + "\n\n" }
            if change.change == .inserted, let heading = change.new?.heading { out += "Intitulé : **\(escape(heading))**\n\n" }
            if change.change == .deleted, let heading = change.old?.heading { out += "Intitulé : ~~\(escape(heading))~~\n\n" }
            switch change.change {
            case .inserted: out += (change.new?.blocks ?? []).map { "**" + escape($0) + "**" }.joined(separator: "\n\n") + "\n"
            case .deleted: out += (change.old?.blocks ?? []).map { "~~" + escape($0) + "~~" }.joined(separator: "\n\n") + "\n"
            default: if let text = change.textDiff { out += words(text).replacingOccurrences(of: "\n", with: "\n\n") + "\n" }
            }
        }
        return out
    }

    private func words(_ diff: WordDiff) -> String {
        diff.segments.map { segment in
            let text = escape(segment.text)
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return text }
            let lead = String(text.prefix { $0 == " " })
            let trail = String(text.reversed().prefix { $0 == " " })
            switch segment.kind {
            case .equal: return text
            case .deleted: return lead + "~~" + trimmed + "~~" + trail
            case .inserted: return lead + "**" + trimmed + "**" + trail
            }
        }.joined()
    }

    private func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>#|~".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
