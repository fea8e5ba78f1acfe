import Foundation
import ArgumentParser
import Register

extension Suivi {
    /// `suivi history <id>`: the versions in which a clause changed.
    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "Historique d'un élément : chaque version où il a changé, même renuméroté.",
            discussion: """
            L'élément est suivi par son wId (identifiant stable) : un alinéa renuméroté reste le même.
              suivi history art_3__para_2
              suivi history art_6-1 --jusqua draft/2026-projet
            """
        )

        @Argument(help: "eId ou wId de l'élément (par exemple art_4__para_2).")
        var identifier: String

        @Option(name: .customLong("jusqua"), help: "Inclut ce projet comme dernière étape (draft/<nom>).")
        var upTo: String?

        @Option(name: .customLong("texte"), help: "Texte du registre (NOR), s'il y en a plusieurs.")
        var work: String?

        @OptionGroup var register: RegisterOptions

        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        func run() async throws {
            let registry = try register.open()
            let (identifier, work, upTo) = (self.identifier, self.work, self.upTo)
            let entries = try await registerCall { () async throws(RegisterError) in
                try await registry.history(of: identifier, work: work, upTo: upTo)
            }
            switch format {
            case .json: print(try jsonString(entries))
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

    /// `suivi blame`: for each clause, the version that last changed it.
    struct Blame: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "blame",
            abstract: "Pour chaque élément du texte, la version qui l'a modifié en dernier.",
            discussion: "  suivi blame\n  suivi blame AFSP1638149A --at draft/2026-projet"
        )

        @Argument(help: "Texte (NOR) ou chemin d'un fichier du registre (texts/<NOR>/…), s'il y en a plusieurs.")
        var text: String?

        @Option(help: "Version examinée (par défaut : la dernière version adoptée).")
        var at: String?

        @OptionGroup var register: RegisterOptions

        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        func run() async throws {
            let registry = try register.open()
            let work = text.map(TextRegister.work(named:))
            let at = self.at
            let lines = try await registerCall { () async throws(RegisterError) in
                try await registry.blame(at: at, work: work)
            }
            switch format {
            case .json: print(try jsonString(lines))
            case .text:
                let width = min(40, (lines.map(\.eId.count).max() ?? 10) + 2)
                for line in lines {
                    let padded = line.eId.padding(toLength: max(width, line.eId.count + 1), withPad: " ", startingAt: 0)
                    print("\(padded)\(line.version)  \(line.date?.iso ?? "")")
                }
            }
        }
    }
}
