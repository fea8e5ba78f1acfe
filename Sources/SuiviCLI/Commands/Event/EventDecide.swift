import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi.EventCommand {
    struct Decide: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "classer",
            abstract: "Clôt l'évaluation d'un événement par une décision motivée de ne pas réviser (siège de la présidence).")

        @Argument(help: ArgumentHelp("Identifiant de l'événement.", valueName: "identifiant"))
        var id: String
        @Option(help: "Raison de ne pas réviser.")
        var motif: String

        @OptionGroup var options: ActingOptions

        func run() async throws {
            let (acting, day, committee) = try options.context()
            let (id, reason) = (self.id, motif)
            let event = try await committeeCall { () async throws(CommitteeError) in
                try await committee.decideNoRevision(event: id, reason: reason, acting: acting, today: day)
            }
            switch options.format.value {
            case .json: print(try jsonDocument("suivi-evenement", event))
            case .text: print("Événement \(event.id) : décision de ne pas réviser enregistrée le \(day.french).")
            }
        }
    }
}
