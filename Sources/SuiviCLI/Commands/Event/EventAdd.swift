import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi.EventCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ajouter", abstract: "Enregistre un événement et ouvre son évaluation.")

        @Argument(help: ArgumentHelp("Identifiant de l'événement (lettres, chiffres, « - », « _ »).", valueName: "identifiant"))
        var id: String
        @Option(help: "Date de l'événement (AAAA-MM-JJ).")
        var date: String
        @Option(help: "Nature : therapeutique, sanitaire, economique, geopolitique.")
        var nature: EventKind
        @Option(help: "Résumé de l'événement.")
        var resume: String
        @Option(help: "Référence de la source (avis, rapport, article).")
        var source: String
        @Option(help: "Texte concerné (NOR), répétable ; par défaut tous.")
        var texte: [String] = []
        @Option(name: .customLong("delai-mois"), help: "Délai de l'évaluation, en mois à compter de --aujourdhui.")
        var delaiMois: Int = CommitteeEvent.defaultAssessmentMonths
        @Option(help: "Échéance de l'évaluation (AAAA-MM-JJ), à la place de --delai-mois.")
        var echeance: String?

        @OptionGroup var seat: SeatOptions
        @OptionGroup var register: RegisterOptions
        @OptionGroup var today: TodayOption
        @OptionGroup var format: FormatOption

        func validate() throws {
            guard delaiMois > 0 && delaiMois <= 120 else { throw ValidationError("--delai-mois : entre 1 et 120 mois.") }
        }

        func run() async throws {
            let acting = try seat.acting()
            let day = try today.date()
            let deadline = CommitteeEvent.deadline(recordedOn: day, months: delaiMois,
                                                   deadline: try echeance.map { try legalDate($0, option: "--echeance") })
            let event = CommitteeEvent(id: id, date: try legalDate(date, option: "--date"), kind: nature, summary: resume,
                                       source: source, works: texte, deadline: deadline)
            let committee = Committee(register: try register.open())
            let recorded = try await committeeCall { () async throws(CommitteeError) in
                try await committee.addEvent(event, acting: acting, today: day)
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-evenement", recorded))
            case .text: print("Événement \(recorded.id) enregistré ; décision (révision ou non) attendue au plus tard le \(recorded.deadline.french).")
            }
        }
    }
}
