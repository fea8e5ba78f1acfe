import ArgumentParser
import Foundation
import LegalText
import Register

extension Suivi.Draft {
    /// `suivi projet renumeroter <nom>`: numbers and identifiers of a hand-edited working copy, computed.
    struct Renumber: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "renumeroter",
            abstract: "Recalcule les numéros, eId et wId d'une copie de travail modifiée à la main (essai par défaut).",
            discussion: """
            Pour qui a modifié le XML à la main : une série d'articles, de points ou de sections dont un numéro \
            manque, est en double ou hors d'ordre est renumérotée de 1 en 1 dans son propre style (Article 1er, 2… ; \
            1°, 2°… ; a), b)… ; A., B.…) ; une série en ordre est gardée telle quelle (Article 6-1 reste). Les eId \
            suivent la numérotation ; un élément garde son wId s'il le portait déjà dans le projet enregistré, sinon \
            (élément nouveau, wId copié d'un autre) il en reçoit un nouveau. Sans --enregistrer, la commande montre \
            ce qu'elle changerait et n'écrit rien ; avec, elle réécrit la copie de travail et l'enregistre (vos \
            modifications à la main comprises), comme suivi draft commit.
              suivi projet renumeroter revision-2026
              suivi projet renumeroter revision-2026 --enregistrer -m "Article 4 inséré" --auteur "Prénom Nom <p.nom@sante.gouv.fr>"
            """
        )

        @Argument(help: ArgumentHelp("Nom du projet.", valueName: "nom"))
        var name: String

        @Flag(name: .customLong("enregistrer"), help: "Réécrit la copie de travail et enregistre le projet (sinon : essai, rien n'est écrit).")
        var save = false

        @Option(name: .shortAndLong, help: "Message du commit (avec --enregistrer).")
        var message: String?

        @Option(name: .customLong("texte"), help: "Texte du registre (NOR), s'il y en a plusieurs.")
        var work: String?

        @OptionGroup var format: FormatOption

        @OptionGroup var register: RegisterOptions
        @OptionGroup var author: AuthorOptions

        func run() async throws {
            let identity = save ? try author.identity() : nil
            let registry = try register.open()
            let (name, work) = (self.name, self.work)
            let renumbering = try await registerCall { () async throws(RegisterError) in try await registry.renumberDraft(name, work: work) }
            var commit: ObjectID?
            if let identity {
                let message = self.message ?? "Renumérotation du projet \(name) (\(renumbering.changes.count) changement(s) d'identifiant ou de numéro)"
                commit = try await registerCall { () async throws(RegisterError) in
                    try await registry.commit(renumbering, message: message, author: identity)
                }
            }
            switch format.value {
            case .json:
                struct Output: Encodable { let draft: String; let saved: Bool; let commit: String?; let changes: [Renumbering.Change] }
                print(try jsonDocument("suivi-renumerotation", Output(draft: name, saved: save, commit: commit?.hex, changes: renumbering.changes)))
            case .text:
                if renumbering.changes.isEmpty { print("Projet \(name) : numéros et identifiants déjà en ordre.") }
                for change in renumbering.changes { print("  " + change.description) }
                if !save {
                    if !renumbering.changes.isEmpty {
                        print("Essai : rien n'a été écrit. Pour réécrire la copie de travail et enregistrer : "
                              + "suivi projet renumeroter \(name) --enregistrer -m \"…\"")
                    }
                } else if let commit {
                    print("Projet \(name) : renuméroté et enregistré (\(commit.abbreviated)).")
                } else {
                    print("Projet \(name) : aucun changement à enregistrer.")
                }
            }
        }
    }
}
