import ArgumentParser
import Committee
import Foundation
import Register

extension Suivi.Draft {
    struct Checkout: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restaurer",
            abstract: "Recrée la copie de travail d'un projet à partir de sa branche (les modifications non enregistrées sont perdues).")

        @Argument(help: ArgumentHelp("Nom du projet.", valueName: "nom"))
        var name: String

        @OptionGroup var register: RegisterOptions

        func run() async throws {
            let registry = try register.open()
            let name = self.name
            try await registerCall { () async throws(RegisterError) in
                let draft = try DraftName(name)
                guard let tip = try await registry.tip(of: draft) else { throw RegisterError.notFound(revision: draft.branch) }
                try await registry.writeWorkingCopy(name: name, at: tip)
            }
            print("Copie de travail de \(name) recréée : \(registry.workingCopy(ofDraft: name).path)")
        }
    }
}
