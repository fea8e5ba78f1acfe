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
            Par défaut le projet part du texte en vigueur ; --depuis le fait partir d'une autre version \
            (étiquette, date, commit) ou d'un autre projet : son texte est repris tel quel. Un projet parti \
            d'une version antérieure devra être mis à jour avant d'être adopté (suivi projet mettre-a-jour).
              suivi projet ouvrir revision-2026
              suivi projet ouvrir variante --depuis draft/revision-2026
              puis modifiez <registre>/brouillons/revision-2026/<NOR>.xml
            """
        )

        @Argument(help: ArgumentHelp("Nom du projet (lettres, chiffres, « - », « _ »).", valueName: "nom"))
        var name: String

        @Option(name: .customLong("depuis"),
                help: ArgumentHelp("Version ou projet dont le texte est repris : étiquette (v2017-01-05), projet (draft/<nom> ou "
                                   + "<nom>), commit, ou date AAAA-MM-JJ. Par défaut : le texte en vigueur.", valueName: "version"))
        var from: String?

        @OptionGroup var register: RegisterOptions
        @OptionGroup var author: AuthorOptions

        func run() async throws {
            // Who opens the draft, when known; the first commit only restates the text in force as a draft.
            // A person given but malformed is refused, never ignored.
            let identity = try author.explicit() ?? author.environment()
            let registry = try register.open()
            let (name, from) = (self.name, self.from)
            let draft = try await registerCall { () async throws(RegisterError) in
                var start: ResolvedRevision?
                if let from { start = try await registry.resolveRevision(from) }
                return try await registry.startDraft(name, author: identity, from: start?.commit, startLabel: start?.label)
            }
            print("Projet \(draft.name) ouvert sur la branche draft/\(draft.name) (\(draft.tip.abbreviated))"
                  + (from.map { " à partir de \($0)" } ?? "")
                  + (identity == nil ? ", premier commit signé « suivi » (aucun auteur indiqué)." : "."))
            print("Copie de travail : \(draft.workingCopy) — modifiez-la puis « suivi projet enregistrer \(draft.name) -m … ».")
        }
    }
}
