import ArgumentParser
import Foundation
import Register

extension Suivi {
    /// `suivi push [<url>]`: sends the register's writes to a remote.
    struct Push: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "push",
            abstract: "Envoie les versions, projets et écritures du comité vers un registre distant.",
            discussion: """
            Rien n'est forcé : si le registre distant a reçu d'autres écritures, il refuse et « suivi pull » \
            doit d'abord les réunir. Les étiquettes (versions adoptées) partent aussi.
              suivi push --repo registre
              suivi push /partage/registre --repo registre
            """
        )

        @Argument(help: "Adresse du registre distant. Par défaut : celle du clonage (origin).")
        var destination: String?

        @OptionGroup var register: RegisterOptions

        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        func run() async throws {
            let registry = try register.open()
            let report = try await registerCall { () async throws(RegisterError) in
                try await registry.push(to: destination)
            }
            switch format {
            case .json: print(try jsonString(report))
            case .text:
                if report.updates.isEmpty { print("Rien à envoyer : \(report.url) est à jour.") }
                else { print("Envoyé vers \(report.url) :"); report.frenchLines.forEach { print("  " + $0) } }
            }
        }
    }
}
