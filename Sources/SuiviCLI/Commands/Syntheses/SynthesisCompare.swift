import ArgumentParser
import ClauseDiff
import Committee
import Foundation
import LegalText
import Publishing

extension Suivi.SynthesesCommand {
    struct Compare: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "comparer", abstract: "Compare mot à mot deux versions d'une synthèse (par défaut les deux dernières).",
            discussion: "Les versions sont numérotées à partir de 1 (« suivi syntheses afficher » les liste). [-supprimé-] {+inséré+}")

        @Argument(help: ArgumentHelp("Identifiant de la synthèse.", valueName: "identifiant"))
        var id: String
        @Argument(help: ArgumentHelp("Version de départ (numéro).", valueName: "version1"))
        var from: Int?
        @Argument(help: ArgumentHelp("Version d'arrivée (numéro).", valueName: "version2"))
        var to: Int?

        @OptionGroup var register: RegisterOptions
        @OptionGroup var format: FormatOption

        func run() async throws {
            let publisher = Publisher(register: try register.openForReading())
            let (id, from, to) = (self.id, self.from, self.to)
            if from != nil && to == nil {
                throw ValidationError("donnez les deux versions à comparer (par exemple 1 2), ou aucune pour les deux dernières.")
            }
            let comparison = try await publishingCall { () async throws(PublishingError) in
                try await publisher.synthesisComparison(id, from: from, to: to)
            }
            guard let comparison else {
                switch format.value {
                case .json: print(try jsonDocument("suivi-synthese-comparaison", [String: String]()))
                case .text: print("La synthèse \(id) n'a qu'une version : rien à comparer.")
                }
                return
            }
            switch format.value {
            case .json:
                struct Output: Encodable {
                    let id: String; let from: Int; let to: Int; let fromCommit: String; let toCommit: String
                    let title: [WordDiff.Segment]; let paragraphs: [[WordDiff.Segment]]; let fieldChanges: [String]
                }
                print(try jsonDocument("suivi-synthese-comparaison", Output(
                    id: comparison.id, from: comparison.old.number, to: comparison.new.number, fromCommit: comparison.old.commit,
                    toCommit: comparison.new.commit, title: comparison.title.segments, paragraphs: comparison.paragraphs,
                    fieldChanges: comparison.fieldChanges)))
            case .text: print(comparison.text)
            }
        }
    }
}
