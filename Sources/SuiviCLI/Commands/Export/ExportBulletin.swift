import ArgumentParser
import Foundation
import LegalText
import Publishing
import Register

extension Suivi {
    struct ExportBulletin: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bulletin",
            abstract: "Bulletin pour les médecins de l'OFII : ce qui change et pourquoi, par thème (pathologies d'abord).")

        enum Format: String, CaseIterable, ExpressibleByArgument {
            case html, md = "markdown", json
            init?(argument: String) { self.init(rawValue: formatName(argument)) }
        }

        @Option(name: .customLong("revision"), help: "Révision du comité.")
        var review: String
        @Option(help: "Format de la publication.")
        var format: Format = .html
        @Option(help: "Adresse du texte consolidé, pour les liens vers chaque élément (#eId).")
        var lienTexte: String = ""
        @OptionGroup var register: RegisterOptions
        @OptionGroup var output: OutputFileOptions

        func run() async throws {
            let publisher = Publisher(register: try register.openForReading())
            let review = self.review
            let bulletin = try await publishingCall { () async throws(PublishingError) in try await publisher.bulletin(review: review) }
            switch format {
            case .html: try output.write(BulletinRenderer.html(bulletin, textURL: lienTexte))
            case .md: try output.write(BulletinRenderer.markdown(bulletin, textURL: lienTexte))
            case .json: try output.write(try BulletinRenderer.json(bulletin))
            }
        }
    }
}
