import ArgumentParser
import LegalText

extension Suivi {
    /// `suivi show <file>`: the text, or one clause, as readable plain text.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Affiche un texte, ou un seul de ses éléments, en texte lisible.",
            discussion: """
              suivi show corpus/2017-01-05/AFSP1638149A.xml
              suivi show corpus/2017-01-05/AFSP1638149A.xml --eid art_3__para_2
              suivi show corpus/2017-01-05/AFSP1638149A.xml --eid annex_2 --ids
            """
        )

        @Argument(help: "Fichier XML du texte.")
        var file: String

        @Option(help: "Identifiant (eId) de l'élément à afficher, par exemple art_3 ou annex_2__sec_C.")
        var eid: String?

        @Flag(help: "Affiche l'eId de chaque élément dans la marge.")
        var ids = false

        func run() throws {
            let source: SourceDocument
            do {
                source = try LegalTextReader.read(contentsOf: file)
            } catch {
                printError("suivi : \(error.description)")
                throw ExitCode.failure
            }
            let renderer = PlainTextRenderer(showIdentifiers: ids)
            guard let eid else {
                print(renderer.render(source.document), terminator: "")
                return
            }
            if let annex = source.document.annex(eId: eid) {
                print(renderer.render(annex).joined(separator: "\n"))
            } else if let clause = source.document.clause(eId: eid) {
                print(renderer.render(clause, indent: 0).joined(separator: "\n"))
            } else {
                let known = source.document.allClauses.map(\.eId).filter { $0.hasPrefix(eid.split(separator: "_").first.map(String.init) ?? eid) }
                let hint = known.isEmpty ? "" : " Identifiants proches : " + known.prefix(8).joined(separator: ", ") + "."
                printError("suivi : aucun élément d'eId « \(eid) » dans \(file).\(hint) "
                           + "Utilisez --ids pour voir les identifiants.")
                throw ExitCode.failure
            }
        }
    }
}
