import ArgumentParser
import Foundation
import LegalText
import Register

extension Suivi {
    /// `suivi importer [dossier] <folder>`: versions into the register.
    struct ImportFolder: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dossier",
            abstract: "Importe des versions (un sous-dossier par version) dans le registre.",
            discussion: """
            Tous les fichiers sont lus et vérifiés d'abord : au moindre problème, rien n'est enregistré. \
            Chaque version adoptée devient un commit daté de sa signature sur main, avec une étiquette \
            annotée <texte>/v<date de signature> (publication et entrée en vigueur dans le message) ; \
            chaque projet devient une branche draft/<nom du dossier>. Relancer l'import ne crée rien de \
            plus. L'import est tout ou rien : interrompu (Ctrl-C), il n'enregistre rien et le dit.
              suivi importer corpus --registre registre --auteur "Prénom Nom <prenom.nom@sante.gouv.fr>"
            """
        )

        @Argument(help: ArgumentHelp("Dossier des versions (par exemple corpus).", valueName: "dossier"))
        var folder: String

        @OptionGroup var options: ImportOptions

        func run() async throws {
            let identity = try options.author.identity()
            let registry = try options.register.open()
            let folder = folder
            try await runInterruptibleImport({ () async throws in
                try await registry.importVersions(from: folder, author: identity)
            }, outcomes: { $0 }, report: { try printOutcomes($0, format: options.format.value) })
        }
    }
}
