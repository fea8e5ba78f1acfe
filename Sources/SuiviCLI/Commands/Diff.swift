import ArgumentParser
import ClauseDiff
import Foundation
import LegalText

extension Suivi {
    /// `suivi diff A B`: what changed between two versions, clause by clause.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare deux versions d'un texte, élément par élément.",
            discussion: """
            Les éléments sont appariés par wId (identifiant stable), puis par eId, puis par similarité \
            du texte (≥ 0,6), de sorte qu'un article inséré au milieu donne une insertion et des \
            renumérotations, pas des modifications en cascade. Classes : inséré, supprimé, modifié, \
            renuméroté, déplacé, renuméroté et modifié, déplacé et modifié, inchangé.
              suivi diff corpus/2017-01-05/AFSP1638149A.xml corpus/2026-projet/AFSP1638149A.xml
              suivi diff A.xml B.xml --eid annex_2 --format html > comparaison.html
              suivi diff A.xml B.xml --stat
            """
        )

        enum Format: String, CaseIterable, ExpressibleByArgument {
            case text, markdown, html, json
        }

        @Argument(help: "Version de départ (fichier XML).")
        var old: String

        @Argument(help: "Version d'arrivée (fichier XML).")
        var new: String

        @Option(help: "Format de sortie.")
        var format: Format = .text

        @Flag(help: "N'affiche que les éléments changés (le texte et le HTML le font toujours).")
        var onlyChanged = false

        @Option(help: "Restreint la comparaison à une partie, par préfixe d'eId (par exemple annex_2 ou art_3).")
        var eid: String?

        @Flag(help: "Résumé sur un écran : nombre de changements par classe et par article ou annexe.")
        var stat = false

        @Flag(inversion: .prefixedNo, help: "Couleurs dans le terminal (par défaut : si la sortie est un terminal).")
        var colour: Bool?

        func run() throws {
            let oldDocument = try read(old)
            let newDocument = try read(new)
            var diff = ClauseDiffer().compare(oldDocument, newDocument, oldLabel: old, newLabel: new)
            if let eid { diff = diff.restricted(toEIdPrefix: eid) }
            if onlyChanged { diff = diff.onlyChanged }
            let useColour = colour ?? (isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
            switch (format, stat) {
            case (.json, _): print(try JSONDiffDocument(diff).encoded())
            case (_, true): print(TerminalDiffRenderer(colour: useColour).renderStat(diff), terminator: "")
            case (.text, false): print(TerminalDiffRenderer(colour: useColour).render(diff), terminator: "")
            case (.markdown, false): print(MarkdownDiffRenderer().render(diff), terminator: "")
            case (.html, false): print(HTMLDiffRenderer().render(diff), terminator: "")
            }
        }

        private func read(_ path: String) throws -> LegalDocument {
            do {
                return try LegalTextReader.read(contentsOf: path).document
            } catch {
                printError("suivi : \(error.description)")
                throw ExitCode.failure
            }
        }
    }
}
