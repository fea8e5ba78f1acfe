import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi.ReviewCommand {
    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ouvrir",
            abstract: "Ouvre une révision périodique ou à la suite d'un événement (siège de la présidence).")

        @Argument(help: ArgumentHelp("Identifiant de la révision (lettres, chiffres, « - », « _ ») ; sert aussi de nom au projet draft/<id>.", valueName: "identifiant"))
        var id: String
        @Flag(help: "Révision périodique (due trois ans après la dernière adoption ou révision achevée).")
        var periodique = false
        @Option(help: "Événement qui déclenche la révision (voir « suivi evenement lister »).")
        var evenement: String?
        @Option(help: "Texte révisé (NOR) ; par défaut le seul texte du registre.")
        var texte: String?
        @Option(help: "Objet de la révision.")
        var objet: String?

        @OptionGroup var options: ActingOptions

        func validate() throws {
            guard periodique != (evenement != nil) else {
                throw ValidationError("indiquez soit --periodique, soit --evenement <id>.")
            }
        }

        func run() async throws {
            let (acting, day, committee) = try options.context()
            let (id, kind, event, work, subject) = (self.id, periodique ? ReviewKind.periodic : .event, evenement, texte, objet)
            let review = try await committeeCall { () async throws(CommitteeError) in
                try await committee.openReview(id: id, kind: kind, work: work, event: event, subject: subject, acting: acting, today: day)
            }
            switch options.format.value {
            case .json: print(try jsonDocument("suivi-revision", review))
            case .text:
                print("Révision \(review.id) ouverte (\(review.work)) ; échéance : \(review.due?.french ?? "—")\(review.isOverdue(on: day) ? " (dépassée)" : "").")
            }
        }
    }
}
