import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi.CommentCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lister",
            abstract: "Liste les commentaires d'une révision, chacun sur l'élément où il se trouve dans le projet actuel.")

        @Option(name: .customLong("revision"), help: "Révision.")
        var review: String
        @OptionGroup var register: RegisterOptions
        @OptionGroup var format: FormatOption

        func run() async throws {
            let committee = Committee(register: try register.openForReading())
            let review = self.review
            let comments = try await committeeCall { () async throws(CommitteeError) in try await committee.comments(review: review) }
            switch format.value {
            case .json: Swift.print(try jsonDocument("suivi-commentaires", list: "commentaires", comments))
            case .text:
                if comments.isEmpty { Swift.print("Aucun commentaire.") }
                for item in comments {
                    let comment = item.comment
                    var place = item.currentEId ?? "élément supprimé du projet"
                    if item.renumbered { place += " (écrit sur \(comment.eId), renuméroté depuis)" }
                    let state = comment.resolution.map { "résolu le \($0.date.french) : \($0.note)" } ?? "non résolu"
                    Swift.print("\(comment.id)  \(place)  \(comment.seat), \(comment.date.french) — \(state)")
                    Swift.print("  \(comment.text)")
                    for reply in item.replies { Swift.print("  ↳ \(reply.id) \(reply.seat), \(reply.date.french) : \(reply.text)") }
                }
            }
        }
    }
}
