import Foundation
import ArgumentParser
import Register

extension Suivi {
    /// `suivi historique <id>`: the versions in which a clause changed.
    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "historique",
            abstract: "Historique d'un élément : chaque version où il a changé, même renuméroté.",
            discussion: """
            L'élément est suivi par son wId (identifiant stable) : un alinéa renuméroté reste le même. \
            Avec --version, l'eId se lit tel que cette version numérote ses éléments : c'est l'élément qui \
            portait ce numéro à cette version qui est suivi, dans tout son historique (avant et après), même \
            si un autre élément porte ce numéro aujourd'hui.
              suivi historique art_3__para_2
              suivi historique art_4 --version v2017-01-05     l'article 4 tel que numéroté en 2017
              suivi historique art_6-1 --jusqua draft/2026-projet
            """
        )

        @Argument(help: ArgumentHelp("eId ou wId de l'élément (par exemple art_4__para_2).", valueName: "element"))
        var identifier: String

        @Option(name: .customLong("jusqua"), help: "Inclut ce projet comme dernière étape (draft/<nom>), ou s'arrête à cette version adoptée.")
        var upTo: String?

        @Option(name: .customLong("version"),
                help: ArgumentHelp("Lit l'eId tel que numéroté à cette version : étiquette (v2017-01-05), projet (draft/<nom>), "
                                   + "commit, ou date AAAA-MM-JJ (le texte en vigueur ce jour-là). Par défaut : un wId de "
                                   + "n'importe quelle version, sinon l'eId de la dernière.", valueName: "version"))
        var numbering: String?

        @Option(name: .customLong("texte"), help: "Texte du registre (NOR), s'il y en a plusieurs.")
        var work: String?

        @OptionGroup var register: RegisterOptions

        @OptionGroup var format: FormatOption

        func run() async throws {
            let registry = try register.openForReading()
            let (identifier, work, upTo, numbering) = (self.identifier, self.work, self.upTo, self.numbering)
            let entries = try await registerCall { () async throws(RegisterError) in
                try await registry.history(of: identifier, work: work, upTo: upTo, numberedAt: numbering)
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-historique", list: "changements", entries))
            case .text:
                let traced = entries.first.map { " (wId \($0.wId))" } ?? ""
                let reading = numbering.map { ", tel que numéroté à la version \($0)" } ?? ""
                print("Historique de \(identifier)\(reading)\(traced) : \(entries.count) changement(s).")
                // Read as a wId: say so when the last version gives that eId to another clause.
                if numbering == nil, let wId = entries.first?.wId, let last = entries.last?.version,
                   let other = try? await registry.identityOfClause(identifier, at: registry.resolveRevision(upTo ?? last, work: work), work: work),
                   other.wId != wId {
                    printError("(« \(identifier) » est lu comme l'identifiant stable wId ; dans la version \(upTo ?? last), l'eId \(identifier) "
                               + "désigne un autre élément, de wId \(other.wId) : pour celui-ci, suivi historique \(identifier) --version \(upTo ?? last).)")
                }
                for entry in entries {
                    var line = "\(entry.version)  \(entry.date?.iso ?? "—")  \(entry.change.french)"
                    if let eId = entry.eId { line += "  \(eId)" }
                    if let previous = entry.previousEId, previous != entry.eId { line += " (ex \(previous))" }
                    print(line)
                    if !entry.text.isEmpty {
                        print("    " + entry.text.replacingOccurrences(of: "\n", with: "\n    "))
                    }
                }
            }
        }
    }
}
