import ArgumentParser
import Committee
import Foundation
import Register

extension Suivi.Draft {
    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ouvrir",
            abstract: "Ouvre un projet : branche draft/<nom> à partir du texte en vigueur, et copie de travail.",
            discussion: """
            Le texte du projet est daté du jour (#projet) et porte l'URI de version …/<nom>/fr ; la date de \
            signature et de publication ne lui sont données qu'à l'adoption. Ce premier commit ne fait que \
            reprendre le texte en vigueur : sans --auteur ni SUIVI_AUTEUR, il est signé « suivi » ; chaque \
            enregistrement suivant du projet exige une personne. Un --auteur mal écrit est refusé.
              suivi projet ouvrir revision-2026
              puis modifiez <registre>/brouillons/revision-2026/<NOR>.xml
            """
        )

        @Argument(help: ArgumentHelp("Nom du projet (lettres, chiffres, « - », « _ »).", valueName: "nom"))
        var name: String

        @OptionGroup var register: RegisterOptions
        @OptionGroup var author: AuthorOptions

        func run() async throws {
            // Who opens the draft, when known; the first commit only restates the text in force as a draft.
            // A person given but malformed is refused, never ignored.
            let identity = try author.explicit() ?? author.environment()
            let registry = try register.open()
            let name = self.name
            let draft = try await registerCall { () async throws(RegisterError) in
                try await registry.startDraft(name, author: identity)
            }
            print("Projet \(draft.name) ouvert sur la branche draft/\(draft.name) (\(draft.tip.abbreviated))"
                  + (identity == nil ? ", premier commit signé « suivi » (aucun auteur indiqué)." : "."))
            print("Copie de travail : \(draft.workingCopy) — modifiez-la puis « suivi projet enregistrer \(draft.name) -m … ».")
        }
    }
}
