import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi {
    /// `suivi commentaire`: comments anchored to clauses of a review's draft.
    struct CommentCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "commentaire",
            abstract: "Commentaires sur les éléments du projet, ancrés à leur wId : ils suivent l'élément renuméroté.",
            discussion: """
              suivi commentaire ajouter --revision periodique-2020 --eid art_3__para_2 --siege association-medicale "Préciser la continuité des soins."
              suivi commentaire repondre --revision periodique-2020 c-1a2b3c4d5e --siege dgs "Repris dans le projet."
              suivi commentaire resoudre --revision periodique-2020 c-1a2b3c4d5e --siege dgs --note "Alinéa réécrit."
              suivi commentaire lister --revision periodique-2020
            """,
            subcommands: [Add.self, Reply.self, Resolve.self, List.self]
        )
    }
}

extension Suivi.CommentCommand {
    static func describe(_ comment: Comment) -> String {
        "Commentaire \(comment.id) du siège \(comment.seat) sur \(comment.eId) (wId \(comment.wId), commit \(comment.commit.prefix(12)))."
    }
}
