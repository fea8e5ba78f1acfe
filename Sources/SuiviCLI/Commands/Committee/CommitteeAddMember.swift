import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi.CommitteeCommand {
    struct AddMember: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ajouter-membre", abstract: "Ajoute un membre à un siège.")

        @Argument(help: ArgumentHelp("Siège.", valueName: "siege"))
        var seat: String
        @Option(help: "Nom du membre.")
        var nom: String
        @Option(help: "Courriel du membre.")
        var courriel: String
        @Option(help: "Premier jour de fonction (AAAA-MM-JJ) ; par défaut --aujourdhui.")
        var debut: String?
        @Option(name: .customLong("cle-publique"),
                help: ArgumentHelp("Clé publique SSH ed25519 du membre (fichier .pub), qui vérifie ce qu'il signe.", valueName: "fichier.pub"))
        var publicKey: String?

        @OptionGroup var register: RegisterOptions
        @OptionGroup var person: AuthorOptions
        @OptionGroup var today: TodayOption
        @OptionGroup var format: FormatOption

        func run() async throws {
            let author = try person.identity()
            let from = try debut.map { try legalDate($0, option: "--debut") } ?? today.date()
            let committee = Committee(register: try register.open())
            let key = try publicKey.map(PublicKeyFile.read)
            let member = Member(name: nom, email: courriel, from: from, publicKey: key)
            let seat = self.seat
            let commit = try await committeeCall { () async throws(CommitteeError) in
                try await committee.addMember(member, toSeat: seat, author: author)
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-membre", member))
            case .text: print("\(member.name) membre du siège \(seat) depuis le \(from.french) (\(commit.abbreviated)).")
            }
        }
    }
}
