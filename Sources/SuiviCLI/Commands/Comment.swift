import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi {
    /// `suivi comment`: comments anchored to clauses of a review's draft.
    struct CommentCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "comment",
            abstract: "Commentaires sur les éléments du projet, ancrés à leur wId : ils suivent l'élément renuméroté.",
            discussion: """
              suivi comment add --review periodique-2020 --eid art_3__para_2 --as association-medicale "Préciser la continuité des soins."
              suivi comment reply --review periodique-2020 c-1a2b3c4d5e --as dgs "Repris dans le projet."
              suivi comment resolve --review periodique-2020 c-1a2b3c4d5e --as dgs --note "Alinéa réécrit."
              suivi comment list --review periodique-2020
            """,
            subcommands: [Add.self, Reply.self, Resolve.self, List.self]
        )
    }
}

extension Suivi.CommentCommand {
    static func describe(_ comment: Comment) -> String {
        "Commentaire \(comment.id) du siège \(comment.seat) sur \(comment.eId) (wId \(comment.wId), commit \(comment.commit.prefix(12)))."
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Commente un élément (eId ou wId) du projet de la révision.")

        @Argument(help: "Texte du commentaire.")
        var texte: String
        @Option(help: "Révision.")
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
            switch options.format {
            case .json: Swift.print(try jsonString(comment))
            case .text: Swift.print(Suivi.CommentCommand.describe(comment))
            }
        }
    }

    struct Reply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reply", abstract: "Répond à un commentaire.")

        @Argument(help: "Identifiant du commentaire auquel répondre.")
        var comment: String
        @Argument(help: "Texte de la réponse.")
        var texte: String
        @Option(help: "Révision.")
        var review: String

        @OptionGroup var options: ActingOptions

        func run() async throws {
            let (acting, day, committee) = try options.context()
            let (review, parent, text) = (self.review, comment, texte)
            let reply = try await committeeCall { () async throws(CommitteeError) in
                try await committee.addComment(review: review, eId: nil, text: text, replyTo: parent, acting: acting, today: day)
            }
            switch options.format {
            case .json: Swift.print(try jsonString(reply))
            case .text: Swift.print("Réponse \(reply.id) au commentaire \(reply.replyTo ?? parent).")
            }
        }
    }

    struct Resolve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "resolve", abstract: "Marque un commentaire comme résolu, avec une note (siège de la présidence, rédacteur).")

        @Argument(help: "Identifiant du commentaire.")
        var comment: String
        @Option(help: "Révision.")
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
            switch options.format {
            case .json: Swift.print(try jsonString(resolved))
            case .text: Swift.print("Commentaire \(resolved.id) résolu.")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Liste les commentaires d'une révision, chacun sur l'élément où il se trouve dans le projet actuel.")

        @Option(help: "Révision.")
        var review: String
        @OptionGroup var register: RegisterOptions
        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        func run() async throws {
            let committee = Committee(register: try register.open())
            let review = self.review
            let comments = try await committeeCall { () async throws(CommitteeError) in try await committee.comments(review: review) }
            switch format {
            case .json: Swift.print(try jsonString(comments))
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
