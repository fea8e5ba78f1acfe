import ArgumentParser
import Foundation
import Register

extension Suivi {
    /// `suivi pull [<url>]`: brings a remote's writes into the register.
    struct Pull: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pull",
            abstract: "Récupère les écritures d'un registre distant (versions, projets, comité) et les réunit aux siennes.",
            discussion: """
            Une branche en retard avance ; une branche écrite des deux côtés (positions, commentaires, \
            articles différents d'un projet, faits hors ligne) reçoit un commit de fusion signé --as. Si les \
            deux côtés ont modifié différemment le même élément, rien n'est modifié et chaque élément en \
            conflit est affiché (NOR, wId, eId, les deux textes) ; le code de sortie est 1. Les étiquettes \
            (versions adoptées) sont copiées, jamais déplacées.
              suivi pull --repo registre --as "Prénom Nom <courriel>"
              suivi pull /partage/registre --repo registre --as "Prénom Nom <courriel>"
            """
        )

        @Argument(help: "Adresse du registre distant. Par défaut : celle du clonage (origin).")
        var source: String?

        @OptionGroup var register: RegisterOptions
        @OptionGroup var author: AuthorOptions

        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        func run() async throws {
            // Only a merge needs an author: none given is fine, a malformed one is an error.
            let identity: Identity? = author.author == nil ? try? author.identity() : try author.identity()
            let registry = try register.open()
            let report = try await registerCall { () async throws(RegisterError) in
                try await registry.pull(from: source, author: identity)
            }
            switch format {
            case .json: print(try jsonString(report))
            case .text: report.frenchLines.forEach { print($0) }
            }
        }
    }
}
