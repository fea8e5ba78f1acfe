/// Renders a comparison for a terminal: one block per changed clause, word changes marked
/// `[-supprimé-]{+inséré+}` in plain text, or in red and green when `colour` is on (a TTY).
public struct TerminalDiffRenderer: Sendable {
    public var colour: Bool

    public init(colour: Bool) {
        self.colour = colour
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public func render(_ diff: DocumentDiff) -> String {
        var lines: [String] = []
        lines.append(paint("Comparaison \(diff.oldLabel) → \(diff.newLabel)", "1"))
        lines.append(summaryLine(diff))
        for change in diff.metadataChanges { lines.append("  " + change) }
        let labels = ChangeLabels(diff)
        for change in diff.changes where change.change != .unchanged {
            lines.append("")
            lines += render(change, label: labels.label(of: change))
        }
        if diff.isEmpty { lines.append("Aucune différence.") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The `--stat` form: counts per class and per part.
    public func renderStat(_ diff: DocumentDiff) -> String {
        let summary = DiffSummary(diff)
        var lines = [paint("Comparaison \(diff.oldLabel) → \(diff.newLabel)", "1"), summaryLine(diff)]
        for part in summary.parts {
            let counts = DiffSummary.order.compactMap { kind in part.counts[kind.rawValue].map { kind.french(count: $0) } }
            lines.append("  " + part.eId.padding(toLength: max(12, part.eId.count), withPad: " ", startingAt: 0) + "  "
                         + counts.joined(separator: ", "))
        }
        for change in diff.metadataChanges { lines.append("  " + change) }
        return lines.joined(separator: "\n") + "\n"
    }

    private func summaryLine(_ diff: DocumentDiff) -> String {
        let counts = diff.counts
        let parts = DiffSummary.order.compactMap { kind in counts[kind].map { kind.french(count: $0) } }
        return parts.isEmpty ? "Aucun élément." : parts.joined(separator: ", ") + "."
    }

    private func render(_ change: ClauseChange, label: String) -> [String] {
        let (marker, code): (String, String) = switch change.change {
        case .inserted: ("+", "32")
        case .deleted: ("-", "31")
        case .unchanged: (" ", "0")
        case .modified, .renumberedModified, .movedModified: ("~", "33")
        case .renumbered, .moved: (">", "36")
        }
        var title = "\(marker) \(label)"
        if let old = change.old, let new = change.new, old.eId != new.eId { title += " (ex \(old.eId))" }
        title += " [\(change.change.french)]"
        let oldNum = change.old?.num
        let newNum = change.new?.num
        if let oldNum, let newNum, oldNum != newNum {
            title += " \(oldNum) → \(newNum)"
        } else if let num = newNum ?? oldNum {
            title += " \(num)"
        }
        let weakness = ChangeLabels.weakness(of: change)
        if !weakness.isEmpty { title += " (\(weakness))" }
        var lines = [paint(title, code)]
        if let heading = change.headingDiff {
            lines.append("    intitulé : " + words(heading))
        }
        switch change.change {
        case .inserted:
            if let heading = change.new?.heading { lines.append("    intitulé : " + paint(heading, "32")) }
            lines += (change.new?.blocks ?? []).map { "    " + paint($0, "32") }
        case .deleted:
            if let heading = change.old?.heading { lines.append("    intitulé : " + paint(heading, "31")) }
            lines += (change.old?.blocks ?? []).map { "    " + paint($0, "31") }
        default:
            if let text = change.textDiff {
                lines += words(text).split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
            }
        }
        return lines
    }

    private func words(_ diff: WordDiff) -> String {
        diff.segments.map { segment in
            switch segment.kind {
            case .equal: return segment.text
            case .deleted: return colour ? paint(segment.text, "31;9") : "[-" + segment.text + "-]"
            case .inserted: return colour ? paint(segment.text, "32;4") : "{+" + segment.text + "+}"
            }
        }.joined()
    }
}
