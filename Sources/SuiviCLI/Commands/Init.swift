import ArgumentParser
import Foundation
import Register

extension Suivi {
    /// `suivi init <dir>`: creates an empty register.
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Crée un registre vide (un dépôt git géré par suivi).",
            discussion: """
            Le dossier reçoit register.git (dépôt git nu, que tout git sait cloner) et brouillons/ \
            (copies de travail des projets). Ensuite : suivi importer corpus --registre <dossier>.
              suivi init registre
            """
        )

        @Argument(help: ArgumentHelp("Dossier du registre à créer.", valueName: "dossier"))
        var directory: String

        func run() async throws {
            let url = URL(fileURLWithPath: directory)
            if (try? TextRegister.open(at: url)) != nil {
                print("Registre déjà présent dans \(directory) : rien à faire.")
                return
            }
            _ = try await registerCall { () throws(RegisterError) in try TextRegister.create(at: url) }
            print("Registre créé dans \(directory) (dépôt git : \(TextRegister.gitDirectory(of: url).path)).")
        }
    }
}
