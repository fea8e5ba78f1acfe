import ArgumentParser
import Foundation
import Register

extension Suivi {
    /// `suivi import <folder>`: versions into the register.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Importe des versions (un sous-dossier par version) dans le registre.",
            discussion: """
            Tous les fichiers sont lus et vérifiés d'abord : au moindre problème, rien n'est enregistré. \
            Chaque version adoptée devient un commit daté de sa signature sur main, avec une étiquette \
            annotée v<date de signature> (publication et entrée en vigueur dans le message) ; chaque \
            projet devient une branche draft/<nom du dossier>. Relancer l'import ne crée rien de plus.
              suivi import corpus --repo registre --as "Prénom Nom <prenom.nom@sante.gouv.fr>"
            """
        )

        @Argument(help: "Dossier des versions (par exemple corpus).")
        var folder: String

        @OptionGroup var register: RegisterOptions
        @OptionGroup var author: AuthorOptions

        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        func run() async throws {
            let identity = try author.identity()
            let registry = try register.open()
            let outcomes = try await registerCall { () async throws(RegisterError) in
                try await registry.importVersions(from: folder, author: identity)
            }
            switch format {
            case .json: print(try jsonString(outcomes))
            case .text:
                for outcome in outcomes {
                    let status = outcome.status == .created ? "importée" : "déjà présente"
                    print("\(outcome.version) : \(status) (\(outcome.commit.abbreviated)) depuis \(outcome.source)")
                }
            }
        }
    }
}
