import ArgumentParser
import Committee
import Foundation
import LegalText

extension Suivi.SynthesesCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "lister", abstract: "Liste les synthèses et leur date de révision.")

        @OptionGroup var register: RegisterOptions
        @OptionGroup var today: TodayOption
        @OptionGroup var format: FormatOption

        func run() async throws {
            let committee = Committee(register: try register.openForReading())
            let day = try today.date()
            let syntheses = try await committeeCall { () async throws(CommitteeError) in try await committee.syntheses() }
            switch format.value {
            case .json: print(try jsonDocument("suivi-syntheses", list: "syntheses", syntheses))
            case .text:
                if syntheses.isEmpty { print("Aucune synthèse.") }
                for synthesis in syntheses { print(Suivi.SynthesesCommand.render(synthesis, today: day)) }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "afficher", abstract: "Affiche une synthèse et la liste de ses versions.")

        @Argument(help: ArgumentHelp("Identifiant de la synthèse.", valueName: "identifiant"))
        var id: String

        @OptionGroup var register: RegisterOptions
        @OptionGroup var today: TodayOption
        @OptionGroup var format: FormatOption

        func run() async throws {
            let committee = Committee(register: try register.openForReading())
            let day = try today.date()
            let id = self.id
            let versions = try await committeeCall { () async throws(CommitteeError) in try await committee.synthesisVersions(id) }
            guard let current = versions.last else { return }
            switch format.value {
            case .json:
                struct Output: Encodable { let synthesis: Synthesis; let versions: [SynthesisVersion] }
                print(try jsonDocument("suivi-synthese-versions", Output(synthesis: current.synthesis, versions: versions)))
            case .text:
                print(Suivi.SynthesesCommand.render(current.synthesis, today: day))
                print("")
                for paragraph in current.synthesis.paragraphs { print(paragraph + "\n") }
                print("Versions")
                for version in versions {
                    print("  \(version.number) : \(version.synthesis.date.french), \(version.commit.prefix(12)), par \(version.author) — \(version.summary)")
                }
            }
        }
    }
}
