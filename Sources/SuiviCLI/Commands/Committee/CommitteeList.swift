import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi.CommitteeCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "lister", abstract: "Liste les sièges du comité et leurs membres en fonction.")

        @OptionGroup var register: RegisterOptions
        @OptionGroup var today: TodayOption

        @OptionGroup var format: FormatOption

        func run() async throws {
            let committee = Committee(register: try register.openForReading())
            let day = try today.date()
            let roster = try await committeeCall { () async throws(CommitteeError) in try await committee.state().roster }
            switch format.value {
            case .json: print(try jsonDocument("suivi-comite", roster))
            case .text:
                if roster.seats.isEmpty { print("Aucun siège : importez le comité livré avec « suivi comite importer committee ».") }
                for seat in roster.seats {
                    let chair = seat.isChair ? " — présidence" : ""
                    print("\(seat.id)\(chair)\n  \(seat.category.label) : \(seat.organisation)")
                    let members = seat.currentMembers(on: day)
                    if members.isEmpty { print("  (aucun membre en fonction)") }
                    for member in members {
                        let key = member.publicKey.map { ", clé \($0.fingerprint)" } ?? ""
                        print("  \(member.name) <\(member.email)>, depuis le \(member.from.french)\(key)")
                    }
                }
                for server in roster.servers { print("Serveur « \(server.name) », clé \(server.publicKey.fingerprint)") }
                if roster.requiresSignatures { print("Registre signé : chaque écriture doit être signée (--cle-ssh).") }
            }
        }
    }
}
