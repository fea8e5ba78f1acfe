import ArgumentParser
import Foundation
import LegalText
import Register

extension Suivi {
    /// `suivi importer legi <path>`: a text's consolidation history from Légifrance LEGI XML.
    struct ImportLegi: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "legi",
            abstract: "Importe l'historique consolidé d'un texte depuis un extrait LEGI (Légifrance, DILA).",
            discussion: """
            Le chemin est le dossier d'un texte de la base LEGI (texte/struct, texte/version, article/…, \
            section_ta/…) ou un dossier de fichiers LEGI. Chaque date de consolidation (début ou fin de \
            validité d'une version d'article) devient un commit sur main, étiqueté <texte>/v<date> avec \
            les références au Journal officiel ; le jour où plus aucun article n'est en vigueur, \
            l'abrogation du texte est une version. Le commit est daté du jour de la version quand git \
            peut le conserver (1970 à 2099), sinon du moment de l'import (la date légale est dans le \
            texte et l'étiquette) ; une date que LEGI ne connaît pas (2999-01-01) reste inconnue. Un \
            article garde son wId d'une version à l'autre. Au moindre fichier inconnu ou mal formé, le \
            fichier, la ligne et l'élément sont indiqués et rien n'est enregistré. L'import est tout ou \
            rien : interrompu (Ctrl-C), il n'enregistre rien et le dit (code de sortie 130).
              suivi importer legi LEGITEXT000033879000/ --registre registre --auteur "Prénom Nom <courriel>"
            """
        )

        @Argument(help: ArgumentHelp("Dossier (ou fichier) de l'extrait LEGI.", valueName: "chemin"))
        var path: String

        @OptionGroup var options: ImportOptions

        func run() async throws {
            let identity = try options.author.identity()
            let registry = try options.register.open()
            let path = path
            let format = options.format.value
            try await runInterruptibleImport({ () async throws -> (ConsolidationTimeline, [ImportOutcome]) in
                let timeline = try LegiImporter.timeline(from: path)
                return (timeline, try await registry.importTimeline(timeline, author: identity))
            }, outcomes: { $0.1 }, report: { result in
                let (timeline, outcomes) = result
                try printOutcomes(outcomes, format: format)
                if format == .text, let endsOn = timeline.endsOn {
                    print("Plus aucun article en vigueur à partir du \(endsOn.french) (texte abrogé).")
                }
            })
        }
    }
}
