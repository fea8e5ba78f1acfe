import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi.CommentCommand {
    struct Reply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "repondre", abstract: "Répond à un commentaire.")

        @Argument(help: ArgumentHelp("Identifiant du commentaire auquel répondre.", valueName: "commentaire"))
        var comment: String
        @Argument(help: "Texte de la réponse.")
        var texte: String
        @Option(name: .customLong("revision"), help: "Révision.")
        var review: String

        @OptionGroup var options: ActingOptions

        func run() async throws {
            let (acting, day, committee) = try options.context()
            let (review, parent, text) = (self.review, comment, texte)
            let reply = try await committeeCall { () async throws(CommitteeError) in
                try await committee.addComment(review: review, eId: nil, text: text, replyTo: parent, acting: acting, today: day)
            }
            switch options.format.value {
            case .json: Swift.print(try jsonDocument("suivi-commentaire", reply))
            case .text: Swift.print("Réponse \(reply.id) au commentaire \(reply.replyTo ?? parent).")
            }
        }
    }
}
