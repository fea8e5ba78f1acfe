import ArgumentParser
import Committee
import Foundation
import Register

extension Suivi {
    /// `suivi projet`: revision drafts on branches `draft/<name>`.
    struct Draft: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "projet",
            abstract: "Projets de révision : branches draft/<nom> et leurs copies de travail.",
            subcommands: [Start.self, Commit.self, Apply.self, ImportODT.self, Renumber.self, Update.self, List.self, Checkout.self]
        )
    }
}
