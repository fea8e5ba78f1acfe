import ArgumentParser
import Foundation
import Register

extension Suivi {
    /// `suivi recuperer [<url>]`: brings a remote's writes into the register.
    struct Pull: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "recuperer",
            abstract: "Récupère les écritures d'un registre distant (versions, projets, comité) et les réunit aux siennes.",
            discussion: """
            Une branche en retard avance ; une branche écrite des deux côtés (positions, commentaires, \
            articles différents d'un projet, faits hors ligne) reçoit un commit de fusion signé --auteur. Si les \
            deux côtés ont modifié différemment le même élément, rien n'est modifié et chaque élément en \
            conflit est affiché (NOR, wId, eId, les deux textes) ; le code de sortie est 1. Les étiquettes \
            (versions adoptées) sont copiées, jamais déplacées.
              suivi recuperer --registre registre --auteur "Prénom Nom <courriel>"
              suivi recuperer /partage/registre --registre registre --auteur "Prénom Nom <courriel>"
            """ + "\n\n" + RemoteAuthenticationHelp.text
        )

        @Argument(help: ArgumentHelp("Adresse du registre distant. Par défaut : celle du clonage (origin).", valueName: "adresse"))
        var source: String?

        @OptionGroup var register: RegisterOptions
        @OptionGroup var author: AuthorOptions

        @OptionGroup var format: FormatOption

        func run() async throws {
            // Only a merge needs an author: none given is fine, a malformed one is an error.
            let identity: Identity? = author.author == nil ? try? author.identity() : try author.identity()
            let registry = try register.open()
            let report = try await registerCall { () async throws(RegisterError) in
                try await registry.pull(from: source, author: identity)
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-recuperation", report))
            case .text: report.frenchLines.forEach { print($0) }
            }
        }
    }
}
