import ArgumentParser
import Committee
import Foundation
import Register

extension Suivi.Draft {
    struct Checkout: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restaurer",
            abstract: "Recrée la copie de travail d'un projet à partir de sa branche.",
            discussion: """
            Si la copie de travail contient des modifications non enregistrées, rien n'est fait : suivi dit \\
            ce qui serait perdu (fichiers, éléments). Enregistrez-les (suivi projet enregistrer), ou \\
            abandonnez-les avec --force.
              suivi projet restaurer revision-2026
              suivi projet restaurer revision-2026 --force
            """)

        @Argument(help: ArgumentHelp("Nom du projet.", valueName: "nom"))
        var name: String

        @Flag(name: .customLong("force"), help: "Abandonne les modifications non enregistrées de la copie de travail.")
        var force = false

        @OptionGroup var register: RegisterOptions

        func run() async throws {
            let registry = try register.open()
            let (name, force) = (self.name, self.force)
            let lost = force ? try await registerCall { () async throws(RegisterError) in try await registry.unsavedWork(ofDraft: name) } : nil
            let tip = try await registerCall { () async throws(RegisterError) in
                try await registry.restoreWorkingCopy(ofDraft: name, discarding: force)
            }
            if let lost, !lost.isEmpty { print("Modifications abandonnées : \(lost.french).") }
            print("Copie de travail de \(name) recréée depuis \(tip.abbreviated) : \(registry.workingCopy(ofDraft: name).path)")
        }
    }
}
