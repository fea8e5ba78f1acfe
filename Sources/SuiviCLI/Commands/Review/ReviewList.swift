import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi.ReviewCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "lister", abstract: "Liste les révisions.")

        @OptionGroup var register: RegisterOptions
        @OptionGroup var format: FormatOption

        func run() async throws {
            let committee = Committee(register: try register.openForReading())
            let reviews = try await committeeCall { () async throws(CommitteeError) in
                try await committee.state().reviews.values.sorted { ($0.opened, $0.id) < ($1.opened, $1.id) }
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-revisions", list: "revisions", reviews))
            case .text:
                if reviews.isEmpty { print("Aucune révision.") }
                for review in reviews {
                    print("\(review.id)  \(review.kind.label)  \(review.work)  \(review.status.label)  échéance \(review.due?.french ?? "—")")
                }
            }
        }
    }
}
