import Register

extension SyncReport {
    /// The report in French, one line per reference.
    var frenchLines: [String] {
        var lines: [String] = []
        for update in updates {
            let name = update.ref.replacingOccurrences(of: "refs/heads/", with: "").replacingOccurrences(of: "refs/tags/", with: "étiquette ")
            switch update.change {
            case .created: lines.append("\(name) : créée (\(update.new.abbreviated))")
            case .fastForward: lines.append("\(name) : avancée \(update.old?.abbreviated ?? "—") → \(update.new.abbreviated)")
            case .merged: lines.append("\(name) : fusionnée (\(update.old?.abbreviated ?? "—") + distant → \(update.new.abbreviated))")
            }
        }
        for ref in ahead { lines.append("\(ref.replacingOccurrences(of: "refs/heads/", with: "")) : en avance sur l'autre côté") }
        for name in refreshedWorkingCopies { lines.append("copie de travail brouillons/\(name) : mise à jour") }
        for name in keptWorkingCopies {
            lines.append("copie de travail brouillons/\(name) : modifications non enregistrées conservées "
                         + "(« suivi projet enregistrer \(name) » les appliquera sur la nouvelle version)")
        }
        if updates.isEmpty { lines.append("Déjà à jour avec \(url).") }
        return lines
    }
}
