import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi.CommentCommand {
    struct Resolve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "resoudre", abstract: "Marque un commentaire comme résolu, avec une note (siège de la présidence, rédacteur).")

        @Argument(help: ArgumentHelp("Identifiant du commentaire.", valueName: "commentaire"))
        var comment: String
        @Option(name: .customLong("revision"), help: "Révision.")
        var review: String
        @Option(help: "Note de résolution : ce qui a été fait.")
        var note: String

        @OptionGroup var options: ActingOptions

        func run() async throws {
            let (acting, day, committee) = try options.context()
            let (review, id, note) = (self.review, comment, self.note)
            let resolved = try await committeeCall { () async throws(CommitteeError) in
                try await committee.resolveComment(review: review, comment: id, note: note, acting: acting, today: day)
            }
            switch options.format.value {
            case .json: Swift.print(try jsonDocument("suivi-commentaire", resolved))
            case .text: Swift.print("Commentaire \(resolved.id) résolu.")
            }
        }
    }
}
