import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi.CommitteeCommand {
    struct AddSeat: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ajouter-siege", abstract: "Ajoute un siège au comité.",
            discussion: "  suivi comite ajouter-siege societe-infectiologie --categorie societe-savante --organisation \"Société savante (infectiologie)\"")

        @Argument(help: ArgumentHelp("Identifiant du siège (lettres, chiffres, « - », « _ »).", valueName: "identifiant"))
        var id: String
        @Option(help: "Catégorie du siège.")
        var categorie: SeatCategory
        @Option(help: "Organisation représentée.")
        var organisation: String
        @Flag(help: "Ce siège préside le comité (la DGS).")
        var presidence = false

        @OptionGroup var register: RegisterOptions
        @OptionGroup var person: AuthorOptions
        @OptionGroup var format: FormatOption

        func run() async throws {
            let author = try person.identity()
            let committee = Committee(register: try register.open())
            let seat = Seat(id: id, category: categorie, organisation: organisation, isChair: presidence)
            let commit = try await committeeCall { () async throws(CommitteeError) in try await committee.addSeat(seat, author: author) }
            switch format.value {
            case .json: print(try jsonDocument("suivi-siege", seat))
            case .text: print("Siège \(seat.id) ajouté (\(commit.abbreviated)).")
            }
        }
    }
}
