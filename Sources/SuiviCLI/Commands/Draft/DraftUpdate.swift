import ArgumentParser
import Foundation
import Register

extension Suivi.Draft {
    /// `suivi projet mettre-a-jour <nom>`: brings a draft up to date with the text in force (three-way merge by clause).
    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mettre-a-jour",
            abstract: "Met un projet à jour avec le texte en vigueur (versions adoptées depuis son départ).",
            discussion: """
            Fusion à trois voies, élément par élément (article, section d'annexe, identifiés par leur wId) : \
            la version de départ du projet, le texte en vigueur et le projet. Un élément modifié d'un seul côté \
            prend cette modification ; un élément modifié différemment des deux côtés est un conflit : les \
            conflits sont listés avec les trois rédactions, rien n'est enregistré et la commande sort avec le \
            code 1. Sinon, un commit de fusion est enregistré sur draft/<nom> et la copie de travail est \
            réécrite. Les modifications non enregistrées de la copie de travail empêchent la mise à jour. \
            Un projet en consultation change de commit : le comité doit être consulté de nouveau.
              suivi projet mettre-a-jour revision-2026 --auteur "Prénom Nom <p.nom@sante.gouv.fr>"
            """
        )

        @Argument(help: ArgumentHelp("Nom du projet.", valueName: "nom"))
        var name: String

        @OptionGroup var register: RegisterOptions
        @OptionGroup var author: AuthorOptions

        @OptionGroup var format: FormatOption

        func run() async throws {
            let identity = try author.identity()
            let registry = try register.open()
            let name = self.name
            let update = try await registerCall { () async throws(RegisterError) in
                try await registry.updateDraft(name, author: identity)
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-projet-mise-a-jour", update))
            case .text: print(Self.text(update, workingCopy: registry.workingCopy(ofDraft: name).path))
            }
        }

        static func text(_ update: DraftUpdate, workingCopy: String) -> String {
            let from = update.previousBase?.version ?? update.previousBase?.commit.abbreviated ?? "?"
            guard let commit = update.commit else {
                return "Projet \(update.draft) : déjà à jour, le texte en vigueur n'a pas changé depuis son départ (\(from))."
            }
            let to = update.base?.version ?? update.base?.commit.abbreviated ?? "?"
            var lines = ["Projet \(update.draft) mis à jour (\(commit.abbreviated)) : version de départ \(from) → \(to)."]
            if !update.versions.isEmpty {
                lines.append("Versions adoptées intégrées : \(update.versions.joined(separator: ", ")).")
            }
            lines.append("Changé dans le texte en vigueur depuis le départ du projet :")
            lines += update.changes.map { "  - " + $0.french }
            if update.takenFromInForce.isEmpty {
                lines.append("Aucun élément du projet n'a été remplacé : il contenait déjà ces changements.")
            } else {
                lines.append("Éléments repris du texte en vigueur (non modifiés par le projet) : "
                             + update.takenFromInForce.joined(separator: ", ") + ".")
            }
            lines.append("Copie de travail réécrite : \(workingCopy)")
            lines.append("Si le projet était en consultation, consultez de nouveau le comité sur ce commit avant l'adoption.")
            return lines.joined(separator: "\n")
        }
    }
}
