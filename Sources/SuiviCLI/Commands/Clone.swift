import ArgumentParser
import Foundation
import Register

extension Suivi {
    /// `suivi clone <url> <dir>`: a register copied from another.
    struct Clone: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clone",
            abstract: "Copie un registre distant (toutes ses versions, projets et étiquettes) dans un nouveau dossier.",
            discussion: """
            L'adresse est un dossier de registre, un dépôt git nu, ou une URL git:// ou http(s)://. Le dossier \
            reçoit la même organisation que « suivi init » : register.git et brouillons/ (une copie de travail \
            par projet). L'adresse est retenue (origin) pour « suivi pull » et « suivi push ».
              suivi clone /partage/registre registre-local
              suivi clone git://serveur.example/registre.git registre-local
            """
        )

        @Argument(help: "Adresse du registre à copier (dossier, dépôt git nu, git://, http://).")
        var source: String

        @Argument(help: "Dossier du nouveau registre.")
        var directory: String

        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        func run() async throws {
            let (_, report) = try await registerCall { () async throws(RegisterError) in
                try await TextRegister.clone(from: source, to: URL(fileURLWithPath: directory))
            }
            switch format {
            case .json: print(try jsonString(report))
            case .text:
                print("Registre copié depuis \(report.url) dans \(directory) :")
                report.frenchLines.forEach { print("  " + $0) }
            }
        }
    }
}
