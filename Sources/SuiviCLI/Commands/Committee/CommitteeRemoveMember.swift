import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi.CommitteeCommand {
    struct RemoveMember: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retirer-membre", abstract: "Met fin au mandat d'un membre (il reste dans l'historique du siège).")

        @Argument(help: ArgumentHelp("Siège.", valueName: "siege"))
        var seat: String
        @Option(help: "Courriel du membre.")
        var courriel: String
        @Option(help: "Dernier jour de fonction (AAAA-MM-JJ) ; par défaut --aujourdhui.")
        var fin: String?

        @OptionGroup var register: RegisterOptions
        @OptionGroup var person: AuthorOptions
        @OptionGroup var today: TodayOption
        @OptionGroup var format: FormatOption

        func run() async throws {
            let author = try person.identity()
            let to = try fin.map { try legalDate($0, option: "--fin") } ?? today.date()
            let committee = Committee(register: try register.open())
            let (seat, email) = (self.seat, courriel)
            let commit = try await committeeCall { () async throws(CommitteeError) in
                try await committee.removeMember(email: email, fromSeat: seat, on: to, author: author)
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-fin-de-mandat", ["siege": seat, "courriel": email, "fin": to.iso, "commit": commit.description]))
            case .text: print("\(email) quitte le siège \(seat) le \(to.french) (\(commit.abbreviated)).")
            }
        }
    }
}
