import Foundation
import ArgumentParser
import Committee
import LegalText
import Register

extension Suivi {
    /// `suivi provenance`: for each clause, the version that last changed it.
    struct Blame: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "provenance",
            abstract: "Pour chaque élément du texte, d'où viennent sa rédaction et son numéro.",
            discussion: """
            Pour chaque élément : la version qui a donné sa rédaction actuelle (« inséré » ou « reformulé »), \
            et, à part, la dernière version qui l'a renuméroté sans forcément le reformuler (« renuméroté », \
            avec son ancien eId). Pour chacune : sa date d'entrée en vigueur, la révision du comité qui l'a \
            adoptée et la personne qui a écrit le changement (l'auteur du commit qui l'a fait, sur le projet \
            adopté quand le comité l'a adopté).
              suivi provenance
              suivi provenance AFSP1638149A --version draft/2026-projet
              suivi provenance --format json
            """
        )

        @Argument(help: ArgumentHelp("Texte (NOR) ou chemin d'un fichier du registre (texts/<NOR>/…), s'il y en a plusieurs.", valueName: "texte"))
        var text: String?

        @OptionGroup var version: VersionOption

        @OptionGroup var register: RegisterOptions

        @OptionGroup var format: FormatOption

        func run() async throws {
            let registry = try register.openForReading()
            let work = text.map(TextRegister.work(named:))
            let (revision, date) = (version.revision, version.date)
            var at = revision
            if let date {
                at = try await registerCall { () async throws(RegisterError) in try await registry.versionInForce(on: date, work: work).name }
            }
            let lines = try await committeeCall { () async throws(CommitteeError) in
                try await Committee(register: registry).provenance(at: at, work: work)
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-provenance", list: "elements", lines))
            case .text:
                let width = min(40, (lines.map(\.eId.count).max() ?? 10) + 2)
                for line in lines {
                    let padded = line.eId.padding(toLength: max(width, line.eId.count + 1), withPad: " ", startingAt: 0)
                    print(padded + Self.describe(line.wording))
                    if let numbering = line.numbering {
                        print(String(repeating: " ", count: padded.count) + Self.describe(numbering))
                    }
                }
            }
        }

        /// "reformulé par v2021-09-01, en vigueur le 3 septembre 2021, révision r1, écrit par Prénom Nom <courriel>".
        static func describe(_ origin: ClauseOrigin) -> String {
            var parts = ["\(origin.change.french) par \(origin.version)"]
            if let previous = origin.previousEId { parts[0] += " (ex \(previous))" }
            if let date = origin.entryIntoForce {
                parts.append("en vigueur le \(date.french)")
            } else if let date = origin.signature {
                parts.append("projet du \(date.french)")
            }
            parts.append(origin.review.map { "révision \($0)" } ?? "hors révision du comité")
            parts.append("écrit par \(origin.author.name) <\(origin.author.email)>")
            return parts.joined(separator: ", ")
        }
    }
}
