import ArgumentParser
import Foundation
import LegalText
import Register

extension Suivi {
    /// `suivi importer akn <file>`: one Akoma Ntoso 3.0 document from another tool.
    struct ImportAkn: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "akn",
            abstract: "Importe un document Akoma Ntoso 3.0 (version adoptée ou projet) dans le registre.",
            discussion: """
            Le document est lu en sécurité et vérifié comme par « suivi validate » ; ses eId, wId et sa \
            hiérarchie sont conservés. Un fichier écrit par suivi est tenu au profil suivi : un élément hors \
            du sous-ensemble (docs/FORMAT.md) est signalé avec sa ligne et rien n'est enregistré. Un document \
            Akoma Ntoso 3.0 d'un autre outil est importé tel quel : ce que suivi ne modélise pas est gardé et \
            ressort à l'export, les eId absents sont calculés. Une version adoptée devient un commit étiqueté \
            v<date de signature> (ou, pour un document d'un autre outil, de la date de son expression) ; un \
            projet, une branche draft/<nom> (--projet, par défaut le nom du fichier).
              suivi importer akn arrete.xml --registre registre --auteur "Prénom Nom <courriel>"
            """
        )

        @Argument(help: ArgumentHelp("Fichier Akoma Ntoso 3.0.", valueName: "fichier"))
        var file: String

        @Option(name: .customLong("projet"), help: "Nom du projet si le document est un projet (par défaut : nom du fichier).")
        var draftName: String?

        @OptionGroup var options: ImportOptions

        func run() async throws {
            let identity = try options.author.identity()
            let source: SourceDocument
            do {
                source = try LegalTextReader.readInItsProfile(contentsOf: file)
            } catch {
                var lines = [error.description]
                if case .unsupportedElement = error, let data = try? Data(contentsOf: URL(fileURLWithPath: file)),
                   let findings = try? SubsetScan.unsupportedElements(in: data, file: file), !findings.isEmpty {
                    lines.append("Éléments hors du sous-ensemble pris en charge (docs/FORMAT.md), rien n'a été enregistré :")
                    for finding in findings {
                        lines.append("  <\(finding.element)> × \(finding.count), d'abord ligne \(finding.firstLine) dans <\(finding.firstParent)>")
                    }
                }
                throw Refusal(lines.joined(separator: "\n"))
            }
            let name = draftName ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            let registry = try options.register.open()
            let outcome = try await registerCall { () async throws(RegisterError) in
                try await registry.importDocument(source, draftName: name, author: identity)
            }
            try printOutcomes([outcome], format: options.format.value)
        }
    }
}
