import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi.EventCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "lister", abstract: "Liste les événements et l'état de leur évaluation.")

        @OptionGroup var register: RegisterOptions
        @OptionGroup var format: FormatOption

        func run() async throws {
            let committee = Committee(register: try register.openForReading())
            let events = try await committeeCall { () async throws(CommitteeError) in
                try await committee.state().events.values.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-evenements", list: "evenements", events))
            case .text:
                if events.isEmpty { print("Aucun événement.") }
                for event in events {
                    var line = "\(event.id)  \(event.date.french)  \(event.kind.label)  \(event.status.label)  échéance \(event.deadline.french)"
                    if let review = event.review { line += "  révision \(review)" }
                    print(line)
                    print("  \(event.summary)")
                    if let reason = event.decisionReason { print("  décision de ne pas réviser : \(reason)") }
                }
            }
        }
    }
}
