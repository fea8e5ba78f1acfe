import ArgumentParser
import Foundation
import Register

extension Suivi {
    /// `suivi import`: brings texts into the register: a folder of versions (the default), a
    /// Légifrance LEGI XML extract, or one Akoma Ntoso file.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Importe des textes dans le registre : dossier de versions, extrait LEGI ou fichier Akoma Ntoso.",
            discussion: """
            Sans sous-commande, le chemin donné est un dossier de versions (comme corpus) ;
            un dossier nommé « legi » ou « akn » s'importe avec « suivi import dossier legi ».
              suivi import corpus --as "Prénom Nom <courriel>"   versions du corpus
              suivi import legi LEGITEXT000033879000/           texte officiel (LEGI)
              suivi import akn texte.xml                        Akoma Ntoso 3.0
            """,
            subcommands: [ImportFolder.self, ImportLegi.self, ImportAkn.self],
            defaultSubcommand: ImportFolder.self
        )
    }

    /// `suivi import [dossier] <folder>`: versions into the register.
    struct ImportFolder: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dossier",
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

        @OptionGroup var options: ImportOptions

        func run() async throws {
            let identity = try options.author.identity()
            let registry = try options.register.open()
            let outcomes = try await registerCall { () async throws(RegisterError) in
                try await registry.importVersions(from: folder, author: identity)
            }
            try printOutcomes(outcomes, format: options.format)
        }
    }
}

/// Prints what an import did, one line per version.
func printOutcomes(_ outcomes: [ImportOutcome], format: OutputFormat) throws {
    switch format {
    case .json: print(try jsonString(outcomes))
    case .text:
        for outcome in outcomes {
            let status = outcome.status == .created ? "importée" : "déjà présente"
            print("\(outcome.version) : \(status) (\(outcome.commit.abbreviated)) depuis \(outcome.source)")
        }
    }
}
