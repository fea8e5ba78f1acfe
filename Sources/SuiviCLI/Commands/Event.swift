import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi {
    /// `suivi event`: events that may justify a revision.
    struct EventCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "event",
            abstract: "Événements (thérapeutiques, sanitaires, économiques, géopolitiques) qui peuvent justifier une révision.",
            discussion: """
            Un événement ouvre une évaluation, close au plus tard à son échéance (6 mois par défaut) par une \
            révision (« suivi review open --evenement <id> ») ou une décision motivée de ne pas réviser.
              suivi event add crise-financement-vih-2025 --date 2025-12-18 --nature economique \\
                --resume "…" --source "Avis du CNS du 18 décembre 2025" --as dgs
              suivi event decide crise-financement-vih-2025 --motif "…" --as dgs
            """,
            subcommands: [Add.self, List.self, Decide.self]
        )
    }
}

extension Suivi.EventCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Enregistre un événement et ouvre son évaluation.")

        @Argument(help: "Identifiant de l'événement (lettres, chiffres, « - », « _ »).")
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
        @Option(name: .customLong("delai-mois"), help: "Délai de l'évaluation, en mois à compter de --today.")
        var delaiMois: Int = CommitteeEvent.defaultAssessmentMonths
        @Option(help: "Échéance de l'évaluation (AAAA-MM-JJ), à la place de --delai-mois.")
        var echeance: String?

        @OptionGroup var seat: SeatOptions
        @OptionGroup var register: RegisterOptions
        @OptionGroup var today: TodayOption
        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

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
            switch format {
            case .json: print(try jsonString(recorded))
            case .text: print("Événement \(recorded.id) enregistré ; décision (révision ou non) attendue au plus tard le \(recorded.deadline.french).")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Liste les événements et l'état de leur évaluation.")

        @OptionGroup var register: RegisterOptions
        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        func run() async throws {
            let committee = Committee(register: try register.open())
            let events = try await committeeCall { () async throws(CommitteeError) in
                try await committee.state().events.values.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            }
            switch format {
            case .json: print(try jsonString(events))
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

    struct Decide: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "decide",
            abstract: "Clôt l'évaluation d'un événement par une décision motivée de ne pas réviser (siège de la présidence).")

        @Argument(help: "Identifiant de l'événement.")
        var id: String
        @Option(help: "Raison de ne pas réviser.")
        var motif: String

        @OptionGroup var options: ActingOptions

        func run() async throws {
            let (acting, day, committee) = try options.context()
            let (id, reason) = (self.id, motif)
            let event = try await committeeCall { () async throws(CommitteeError) in
                try await committee.decideNoRevision(event: id, reason: reason, acting: acting, today: day)
            }
            switch options.format {
            case .json: print(try jsonString(event))
            case .text: print("Événement \(event.id) : décision de ne pas réviser enregistrée le \(day.french).")
            }
        }
    }
}
