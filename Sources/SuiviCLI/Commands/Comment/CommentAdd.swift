import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi.CommentCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ajouter", abstract: "Commente un élément (eId ou wId) du projet de la révision.")

        @Argument(help: "Texte du commentaire.")
        var texte: String
        @Option(name: .customLong("revision"), help: "Révision.")
        var review: String
        @Option(help: "Élément commenté : son eId (art_3__para_2) ou son wId.")
        var eid: String

        @OptionGroup var options: ActingOptions

        func run() async throws {
            let (acting, day, committee) = try options.context()
            let (review, eid, text) = (self.review, self.eid, texte)
            let comment = try await committeeCall { () async throws(CommitteeError) in
                try await committee.addComment(review: review, eId: eid, text: text, acting: acting, today: day)
            }
            switch options.format.value {
            case .json: Swift.print(try jsonDocument("suivi-commentaire", comment))
            case .text: Swift.print(Suivi.CommentCommand.describe(comment))
            }
        }
    }
}
