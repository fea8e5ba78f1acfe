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

        @OptionGroup var options: ImportOptions

        func run() async throws {
            let identity = try options.author.identity()
            let timeline: ConsolidationTimeline
            do {
                timeline = try LegiImporter.timeline(from: path)
            } catch {
                printError("suivi : \(error.description)")
                throw ExitCode.failure
            }
            let registry = try options.register.open()
            let outcomes = try await registerCall { () async throws(RegisterError) in
                try await registry.importTimeline(timeline, author: identity)
            }
            try printOutcomes(outcomes, format: options.format)
            if options.format == .text, let endsOn = timeline.endsOn {
                print("Plus aucun article en vigueur à partir du \(endsOn.french) (texte abrogé).")
            }
        }
    }
}
