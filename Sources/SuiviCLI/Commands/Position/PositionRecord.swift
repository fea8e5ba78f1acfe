import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi.PositionCommand {
    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enregistrer",
            abstract: "Enregistre la position d'un siège sur le projet en consultation (une par siège ; la dernière remplace la précédente).",
            discussion: "  suivi position enregistrer --revision periodique-2020 --siege ofii-medecins reserves --motif \"Préciser l'article 3.\"")

        @Argument(help: "Avis : favorable, reserves (favorable avec réserves), defavorable, abstention.")
        var avis: Opinion
        @Option(name: .customLong("revision"), help: "Révision.")
        var review: String
        @Option(help: "Motif de la position.")
        var motif: String = ""

        @OptionGroup var options: ActingOptions

        func run() async throws {
            let (acting, day, committee) = try options.context()
            let (review, opinion, reason) = (self.review, avis, motif)
            let position = try await committeeCall { () async throws(CommitteeError) in
                try await committee.recordPosition(review: review, opinion: opinion, reason: reason, acting: acting, today: day)
            }
            switch options.format.value {
            case .json: print(try jsonDocument("suivi-position", position))
            case .text:
                print("Position du siège \(position.seat) sur \(position.review) : \(position.opinion.label) "
                      + "(projet \(position.commit.prefix(12))).")
            }
        }
    }
}
