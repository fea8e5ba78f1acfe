import ArgumentParser
import Committee
import Foundation
import Register

extension Suivi.Draft {
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "supprimer",
            abstract: "Supprime un projet : sa branche draft/<nom> et sa copie de travail.",
            discussion: """
            Refusé pour le projet d'une révision en cours (la présidence clôt d'abord la révision) ou d'une \\
            révision où le comité a été consulté (sa branche garde le texte soumis au comité). Une copie de \\
            travail qui contient des modifications non enregistrées n'est pas supprimée : suivi dit lesquelles \\
            (fichiers, éléments) ; --force les abandonne.
              suivi projet supprimer essai
              suivi projet supprimer essai --force
            """
        )

        @Argument(help: ArgumentHelp("Nom du projet.", valueName: "nom"))
        var name: String

        @Flag(name: .customLong("force"), help: "Supprime même si la copie de travail contient des modifications non enregistrées.")
        var force = false

        @OptionGroup var register: RegisterOptions

        func run() async throws {
            let registry = try register.open()
            let (name, force) = (self.name, self.force)
            let tip = try await committeeCall { () async throws(CommitteeError) in
                try await Committee(register: registry).deleteDraft(name, discarding: force)
            }
            print("Projet \(name) supprimé : branche draft/\(name) (\(tip.abbreviated)) et copie de travail.")
        }
    }
}
