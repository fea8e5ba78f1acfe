import ArgumentParser
import Foundation
import LegalText
import Register

extension Suivi {
    /// `suivi import legi <path>`: a text's consolidation history from Légifrance LEGI XML.
    struct ImportLegi: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "legi",
            abstract: "Importe l'historique consolidé d'un texte depuis un extrait LEGI (Légifrance, DILA).",
            discussion: """
            Le chemin est le dossier d'un texte de la base LEGI (texte/struct, texte/version, article/…, \
            section_ta/…) ou un dossier de fichiers LEGI. Chaque date de consolidation (début ou fin de \
            validité d'une version d'article) devient un commit daté de ce jour sur main, étiqueté \
            v<date> avec les références au Journal officiel. Un article garde son wId d'une version à \
            l'autre. Au moindre fichier inconnu ou mal formé, le fichier, la ligne et l'élément sont \
            indiqués et rien n'est enregistré.
              suivi import legi LEGITEXT000033879000/ --repo registre --as "Prénom Nom <courriel>"
            """
        )

        @Argument(help: "Dossier (ou fichier) de l'extrait LEGI.")
        var path: String

        @OptionGroup var register: RegisterOptions
        @OptionGroup var author: AuthorOptions

        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        func run() async throws {
            let identity = try author.identity()
            let timeline: ConsolidationTimeline
            do {
                timeline = try LegiImporter.timeline(from: path)
            } catch {
                printError("suivi : \(error.description)")
                throw ExitCode.failure
            }
            let registry = try register.open()
            let outcomes = try await registerCall { () async throws(RegisterError) in
                try await registry.importTimeline(timeline, author: identity)
            }
            try printOutcomes(outcomes, format: format)
            if format == .text, let endsOn = timeline.endsOn {
                print("Plus aucun article en vigueur à partir du \(endsOn.french) (texte abrogé).")
            }
        }
    }

    /// `suivi import akn <file>`: one Akoma Ntoso 3.0 document from another tool.
    struct ImportAkn: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "akn",
            abstract: "Importe un document Akoma Ntoso 3.0 (version adoptée ou projet) dans le registre.",
            discussion: """
            Le document est lu en sécurité et vérifié comme par « suivi validate » ; ses eId, wId et sa \
            hiérarchie sont conservés. Un élément hors du sous-ensemble pris en charge (docs/FORMAT.md) \
            est signalé avec sa ligne, jamais ignoré en silence ; rien n'est alors enregistré. Une \
            version adoptée devient un commit étiqueté v<date de signature> ; un projet, une branche \
            draft/<nom> (--brouillon, par défaut le nom du fichier).
              suivi import akn arrete.xml --repo registre --as "Prénom Nom <courriel>"
            """
        )

        @Argument(help: "Fichier Akoma Ntoso 3.0.")
        var file: String

        @Option(name: .customLong("brouillon"), help: "Nom du projet si le document est un projet (par défaut : nom du fichier).")
        var draftName: String?

        @OptionGroup var register: RegisterOptions
        @OptionGroup var author: AuthorOptions

        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        func run() async throws {
            let identity = try author.identity()
            let source: SourceDocument
            do {
                source = try LegalTextReader.read(contentsOf: file)
            } catch {
                printError("suivi : \(error.description)")
                if case .unsupportedElement = error, let data = try? Data(contentsOf: URL(fileURLWithPath: file)),
                   let findings = try? SubsetScan.unsupportedElements(in: data, file: file), !findings.isEmpty {
                    printError("Éléments hors du sous-ensemble pris en charge (docs/FORMAT.md), rien n'a été enregistré :")
                    for finding in findings {
                        printError("  <\(finding.element)> × \(finding.count), d'abord ligne \(finding.firstLine) dans <\(finding.firstParent)>")
                    }
                }
                throw ExitCode.failure
            }
            let name = draftName ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            let registry = try register.open()
            let outcome = try await registerCall { () async throws(RegisterError) in
                try await registry.importDocument(source, draftName: name, author: identity)
            }
            try printOutcomes([outcome], format: format)
        }
    }
}
