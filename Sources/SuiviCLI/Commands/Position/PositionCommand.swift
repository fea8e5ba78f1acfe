import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi {
    /// `suivi position`: a seat's position on the draft under consultation.
    struct PositionCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "position",
            abstract: "Positions des sièges sur le projet soumis au comité (consultatif : pas de vote).",
            subcommands: [Record.self]
        )
    }
}
