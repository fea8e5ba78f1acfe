import LegalText

/// The differences of metadata a reader cares about: title, dates, version URI, status.
enum MetadataComparison {
    static func changes(_ old: LegalDocument, _ new: LegalDocument) -> [String] {
        var lines: [String] = []
        if old.title != new.title {
            lines.append("Titre : « \(old.title ?? "—") » → « \(new.title ?? "—") »")
        }
        let kinds: [(LegalEventKind, String)] = [(.signature, "Signature"), (.publication, "Publication"),
                                                  (.entryIntoForce, "Entrée en vigueur"), (.draft, "Projet")]
        for (kind, label) in kinds where old.date(of: kind) != new.date(of: kind) {
            lines.append("\(label) : \(old.date(of: kind)?.french ?? "—") → \(new.date(of: kind)?.french ?? "—")")
        }
        if old.isDraft != new.isDraft {
            lines.append("Statut : \(old.isDraft ? "projet" : "version adoptée") → \(new.isDraft ? "projet" : "version adoptée")")
        }
        return lines
    }
}
