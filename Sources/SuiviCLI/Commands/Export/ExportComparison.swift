import ArgumentParser
import Foundation
import LegalText
import Publishing
import Register

extension Suivi {
    struct ExportComparison: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "comparatif",
            abstract: "Tableau comparatif : texte en vigueur et texte proposé, élément par élément, changements marqués.")

        enum Format: String, CaseIterable, ExpressibleByArgument {
            case html, odt, json
            init?(argument: String) { self.init(rawValue: formatName(argument)) }
        }

        @Argument(help: ArgumentHelp("Version en vigueur (étiquette, projet, commit, date).", valueName: "ancienne"))
        var old: String
        @Argument(help: ArgumentHelp("Version proposée.", valueName: "nouvelle"))
        var new: String
        @Option(help: "Format de la publication.")
        var format: Format = .html
        @Option(name: .customLong("texte"), help: "Texte du registre (NOR), s'il y en a plusieurs.")
        var work: String?
        @OptionGroup var register: RegisterOptions
        @OptionGroup var output: OutputFileOptions

        func run() async throws {
            let publisher = Publisher(register: try register.openForReading())
            let (old, new, work) = (self.old, self.new, self.work)
            let table = try await publishingCall { () async throws(PublishingError) in try await publisher.comparison(from: old, to: new, work: work) }
            if let warning = try await publishingCall({ () async throws(PublishingError) in
                try await publisher.baseWarning(old: old, new: new, work: work, wording: .cli)
            }) {
                printError("suivi : \(warning)")
            }
            switch format {
            case .html: try output.write(ComparisonRenderer.html(table))
            case .json: try output.write(try ComparisonRenderer.json(table))
            case .odt:
                let data = try await publishingCall { () async throws(PublishingError) in try ComparisonRenderer.odt(table) }
                try output.write(data, binary: true)
            }
        }
    }
}
