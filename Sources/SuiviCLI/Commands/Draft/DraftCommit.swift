import ArgumentParser
import Committee
import Foundation
import Register

extension Suivi.Draft {
    struct Commit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enregistrer",
            abstract: "Vérifie la copie de travail d'un projet et enregistre ses changements sur sa branche.",
            discussion: """
            Les fichiers sont d'abord vérifiés (comme suivi validate) : au moindre problème, rien n'est \
            enregistré. Seuls les éléments changés sont écrits, par-dessus la branche telle qu'elle est : \
            les enregistrements d'autres personnes sur d'autres éléments sont conservés.
              suivi projet enregistrer revision-2026 -m "Article 3 : continuité des soins" --auteur "Prénom Nom <p.nom@sante.gouv.fr>"
            Depuis la copie de travail d'un projet (brouillons/<nom>/), le nom peut être omis :
              cd registre/brouillons/revision-2026 && suivi projet enregistrer -m "Article 3 : continuité des soins"
            """
        )

        @Argument(help: ArgumentHelp("Nom du projet (par défaut : celui dont la copie de travail contient le dossier courant).",
                                     valueName: "nom"))
        var name: String?

        @Option(name: .shortAndLong, help: "Message décrivant le changement.")
        var message: String

        @OptionGroup var register: RegisterOptions
        @OptionGroup var author: AuthorOptions

        func run() async throws {
            let identity = try author.identity()
            let registry = try register.open()
            guard let name = self.name ?? register.draftHere() else {
                throw Refusal("indiquez le nom du projet (suivi projet enregistrer <nom> -m \"…\"), ou lancez la commande depuis "
                              + "sa copie de travail (brouillons/<nom>/ dans le registre) ; « suivi projet lister » donne les projets.")
            }
            let message = self.message
            let commit = try await registerCall { () async throws(RegisterError) in
                try await registry.commitDraft(name, message: message, author: identity)
            }
            if let commit {
                print("Projet \(name) : enregistré (\(commit.abbreviated)).")
            } else {
                print("Projet \(name) : aucun changement dans la copie de travail.")
            }
        }
    }
}
