import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi {
    /// `suivi evenement`: events that may justify a revision.
    struct EventCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "evenement",
            abstract: "Événements (thérapeutiques, sanitaires, économiques, géopolitiques) qui peuvent justifier une révision.",
            discussion: """
            Un événement ouvre une évaluation, close au plus tard à son échéance (6 mois par défaut) par une \
            révision (« suivi revision ouvrir --evenement <id> ») ou une décision motivée de ne pas réviser.
              suivi evenement ajouter crise-financement-vih-2025 --date 2025-12-18 --nature economique \\
                --resume "…" --source "Avis du CNS du 18 décembre 2025" --auteur dgs
              suivi evenement classer crise-financement-vih-2025 --motif "…" --siege dgs
            """,
            subcommands: [Add.self, List.self, Decide.self]
        )
    }
}
