import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi.ReviewCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "afficher", abstract: "Montre une révision : étape, projet, historique, positions, commentaires.")

        @Argument(help: ArgumentHelp("Identifiant de la révision.", valueName: "identifiant"))
        var id: String
        @OptionGroup var register: RegisterOptions
        @OptionGroup var today: TodayOption
        @OptionGroup var format: FormatOption

        struct Output: Encodable {
            let review: Review
            let summary: ReviewSummary
        }

        func run() async throws {
            let day = try today.date()
            let committee = Committee(register: try register.openForReading())
            let id = self.id
            let (review, summary) = try await committeeCall { () async throws(CommitteeError) in
                let state = try await committee.state()
                let review = try state.review(id)
                return (review, try await committee.summary(of: review, in: state, today: day))
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-revision-detail", Output(review: review, summary: summary)))
            case .text:
                let kind = review.kind.label + (review.kind == .event ? " \(review.event ?? "")" : "")
                print("Révision \(review.id) (\(kind)) de \(review.work) : \(review.status.label)")
                print("  objet : \(review.subject)")
                print("  ouverte le \(review.opened.french) ; échéance : \(review.due?.french ?? "—")\(summary.overdue ? " (dépassée)" : "")")
                if let branch = review.draftBranch { print("  projet : \(branch)\(summary.draftTip.map { " (\($0.prefix(12)))" } ?? "")") }
                if let consulted = review.consultedCommit { print("  consultation sur le commit \(consulted.prefix(12))") }
                if let version = review.adoptedVersion { print("  version adoptée : \(version)") }
                print("  historique :")
                for step in review.history {
                    let from = step.from.map { $0 == step.to ? "" : "\($0.label) → " } ?? ""
                    print("    \(step.date.french)  \(from)\(step.to.label)  par \(step.person) (\(step.seat))\(step.note.map { " : \($0)" } ?? "")")
                }
                for position in summary.positions {
                    print("  position \(position.seat) : \(position.opinion.label)\(summary.isStale(position) ? " [périmée]" : "") — \(position.reason)")
                }
                if review.status == .consultation {
                    print("  sièges sans position : \(summary.seatsWithoutPosition.isEmpty ? "aucun" : summary.seatsWithoutPosition.joined(separator: ", "))")
                }
                print("  commentaires non résolus : \(summary.unresolvedComments)")
            }
        }
    }
}
