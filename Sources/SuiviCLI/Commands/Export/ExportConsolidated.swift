import ArgumentParser
import Foundation
import LegalText
import Publishing
import Register

extension Suivi {
    struct ExportConsolidated: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "consolide",
            abstract: "Texte consolidé : le texte entier tel qu'il se lirait après adoption, annexes comprises.",
            discussion: "En-tête : révision, commit du projet et statut (projet, soumis à consultation, adopté). "
                + "L'ODT d'un projet, modifié dans un traitement de texte, se réimporte par « projet importer-odt ».")

        enum Format: String, CaseIterable, ExpressibleByArgument {
            case html, md = "markdown", odt, akn, json
            init?(argument: String) { self.init(rawValue: formatName(argument)) }
        }

        @OptionGroup var version: VersionOption
        @Option(help: "Format de la publication.")
        var format: Format = .html
        @Option(name: .customLong("texte"), help: "Texte du registre (NOR), s'il y en a plusieurs.")
        var work: String?
        @OptionGroup var register: RegisterOptions
        @OptionGroup var output: OutputFileOptions

        func run() async throws {
            let publisher = Publisher(register: try register.openForReading())
            guard let at = version.revision else { throw ValidationError("indiquez la version à publier : --version <version>.") }
            let work = self.work
            let draft = try await publishingCall { () async throws(PublishingError) in try await publisher.consolidated(at: at, work: work) }
            switch format {
            case .html: try output.write(ConsolidatedRenderer.html(draft))
            case .md: try output.write(ConsolidatedRenderer.markdown(draft))
            case .akn: try output.write(ConsolidatedRenderer.akomaNtoso(draft))
            case .json: try output.write(try ConsolidatedRenderer.json(draft))
            case .odt:
                let data = try await publishingCall { () async throws(PublishingError) in try ConsolidatedRenderer.odt(draft) }
                try output.write(data, binary: true)
            }
        }
    }
}
