import Foundation
import ArgumentParser
import Register

extension Suivi {
    /// `suivi provenance`: for each clause, the version that last changed it.
    struct Blame: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "provenance",
            abstract: "Pour chaque élément du texte, la version qui l'a modifié en dernier.",
            discussion: "  suivi provenance\n  suivi provenance AFSP1638149A --version draft/2026-projet"
        )

        @Argument(help: ArgumentHelp("Texte (NOR) ou chemin d'un fichier du registre (texts/<NOR>/…), s'il y en a plusieurs.", valueName: "texte"))
        var text: String?

        @OptionGroup var version: VersionOption

        @OptionGroup var register: RegisterOptions

        @OptionGroup var format: FormatOption

        func run() async throws {
            let registry = try register.open()
            let work = text.map(TextRegister.work(named:))
            let (revision, date) = (version.revision, version.date)
            var at = revision
            if let date {
                at = try await registerCall { () async throws(RegisterError) in try await registry.versionInForce(on: date, work: work).name }
            }
            let lines = try await registerCall { () async throws(RegisterError) in
                try await registry.blame(at: at, work: work)
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-provenance", list: "elements", lines))
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
