import ArgumentParser
import Foundation
import Register

extension Suivi {
    /// `suivi envoyer [<url>]`: sends the register's writes to a remote.
    struct Push: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "envoyer",
            abstract: "Envoie les versions, projets et écritures du comité vers un registre distant.",
            discussion: """
            Rien n'est forcé : si le registre distant a reçu d'autres écritures, il refuse et « suivi recuperer » \
            doit d'abord les réunir. Les étiquettes (versions adoptées) partent aussi.
              suivi envoyer --registre registre
              suivi envoyer /partage/registre --registre registre
            """ + "\n\n" + RemoteAuthenticationHelp.text
        )

        @Argument(help: ArgumentHelp("Adresse du registre distant. Par défaut : celle du clonage (origin).", valueName: "adresse"))
        var destination: String?

        @OptionGroup var register: RegisterOptions

        @OptionGroup var format: FormatOption

        func run() async throws {
            let registry = try register.open()
            let report = try await registerCall { () async throws(RegisterError) in
                try await registry.push(to: destination)
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-envoi", report))
            case .text:
                if report.updates.isEmpty { print("Rien à envoyer : \(report.url) est à jour.") }
                else { print("Envoyé vers \(report.url) :"); report.frenchLines.forEach { print("  " + $0) } }
            }
        }
    }
}
