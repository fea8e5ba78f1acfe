import Foundation
import ArgumentParser
import Register

extension Suivi {
    /// `suivi historique <id>`: the versions in which a clause changed.
    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "historique",
            abstract: "Historique d'un élément : chaque version où il a changé, même renuméroté.",
            discussion: """
            L'élément est suivi par son wId (identifiant stable) : un alinéa renuméroté reste le même.
              suivi historique art_3__para_2
              suivi historique art_6-1 --jusqua draft/2026-projet
            """
        )

        @Argument(help: ArgumentHelp("eId ou wId de l'élément (par exemple art_4__para_2).", valueName: "element"))
        var identifier: String

        @Option(name: .customLong("jusqua"), help: "Inclut ce projet comme dernière étape (draft/<nom>).")
        var upTo: String?

        @Option(name: .customLong("texte"), help: "Texte du registre (NOR), s'il y en a plusieurs.")
        var work: String?

        @OptionGroup var register: RegisterOptions

        @OptionGroup var format: FormatOption

        func run() async throws {
            let registry = try register.open()
            let (identifier, work, upTo) = (self.identifier, self.work, self.upTo)
            let entries = try await registerCall { () async throws(RegisterError) in
                try await registry.history(of: identifier, work: work, upTo: upTo)
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-historique", list: "changements", entries))
            case .text:
                print("Historique de \(identifier) : \(entries.count) changement(s).")
                for entry in entries {
                    var line = "\(entry.version)  \(entry.date?.iso ?? "—")  \(entry.change.french)"
                    if let eId = entry.eId { line += "  \(eId)" }
                    if let previous = entry.previousEId, previous != entry.eId { line += " (ex \(previous))" }
                    print(line)
                    if !entry.text.isEmpty {
                        print("    " + entry.text.replacingOccurrences(of: "\n", with: "\n    "))
                    }
                }
            }
        }
    }
}
