import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi {
    /// `suivi review`: reviews of a text, periodic or triggered by an event.
    struct ReviewCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "Révisions : ouverture, suivi, passage d'étape (ouverte → redaction → consultation → adoptee | close-sans-modification → diffusee).",
            discussion: """
              suivi review open periodique-2020 --periodique --as dgs
              suivi review advance periodique-2020 redaction --as dgs
              suivi draft commit periodique-2020 -m "Projet de révision" --as "Prénom Nom <courriel>"
              suivi review advance periodique-2020 consultation --as dgs
              suivi review advance periodique-2020 adoptee --as dgs --signature 2027-03-01 --entree-en-vigueur 2027-03-15 --confirmer
            """,
            subcommands: [Open.self, Show.self, List.self, Advance.self]
        )
    }
}

extension Suivi.ReviewCommand {
    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "open",
            abstract: "Ouvre une révision périodique ou à la suite d'un événement (siège de la présidence).")

        @Argument(help: "Identifiant de la révision (lettres, chiffres, « - », « _ ») ; sert aussi de nom au projet draft/<id>.")
        var id: String
        @Flag(help: "Révision périodique (due trois ans après la dernière adoption ou révision achevée).")
        var periodique = false
        @Option(help: "Événement qui déclenche la révision (voir « suivi event list »).")
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
            switch options.format {
            case .json: print(try jsonString(review))
            case .text:
                print("Révision \(review.id) ouverte (\(review.work)) ; échéance : \(review.due?.french ?? "—")\(review.isOverdue(on: day) ? " (dépassée)" : "").")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Montre une révision : étape, projet, historique, positions, commentaires.")

        @Argument(help: "Identifiant de la révision.")
        var id: String
        @OptionGroup var register: RegisterOptions
        @OptionGroup var today: TodayOption
        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        struct Output: Encodable {
            let review: Review
            let summary: ReviewSummary
        }

        func run() async throws {
            let day = try today.date()
            let committee = Committee(register: try register.open())
            let id = self.id
            let (review, summary) = try await committeeCall { () async throws(CommitteeError) in
                let state = try await committee.state()
                let review = try state.review(id)
                return (review, try await committee.summary(of: review, in: state, today: day))
            }
            switch format {
            case .json: print(try jsonString(Output(review: review, summary: summary)))
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

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Liste les révisions.")

        @OptionGroup var register: RegisterOptions
        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        func run() async throws {
            let committee = Committee(register: try register.open())
            let reviews = try await committeeCall { () async throws(CommitteeError) in
                try await committee.state().reviews.values.sorted { ($0.opened, $0.id) < ($1.opened, $1.id) }
            }
            switch format {
            case .json: print(try jsonString(reviews))
            case .text:
                if reviews.isEmpty { print("Aucune révision.") }
                for review in reviews {
                    print("\(review.id)  \(review.kind.label)  \(review.work)  \(review.status.label)  échéance \(review.due?.french ?? "—")")
                }
            }
        }
    }

    struct Advance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "advance",
            abstract: "Fait passer une révision à l'étape suivante (siège de la présidence).",
            discussion: """
            Étapes : redaction (crée le projet draft/<id>), consultation (fige le commit du projet soumis au \
            comité), adoptee (seulement si le projet n'a pas changé depuis la consultation ; écrit le texte \
            sur main, daté et étiqueté <NOR>/v<signature>), close-sans-modification (--motif obligatoire), diffusee.
            L'adoption vérifie les dates (signature ≤ publication ≤ entrée en vigueur, signature postérieure à la \
            dernière version adoptée, signature à plus de \(AdoptionDateRules.confirmableDays) jours seulement avec \
            --date-future-confirmee, jamais à plus de \(AdoptionDateRules.maximumYears) ans) et, s'il reste des commentaires non résolus, des sièges sans position ou des \
            positions périmées, les liste et refuse sans --confirmer. Les autres révisions ouvertes du texte \
            gardent une trace de l'adoption ; une révision périodique voit son échéance reportée (la cadence repart).
              suivi review advance periodique-2020 adoptee --as dgs --signature 2027-03-01 --entree-en-vigueur 2027-03-15 \\
                --publication 2027-03-05 --journal "Journal officiel du 5 mars 2027" --confirmer
            """)

        @Argument(help: "Identifiant de la révision.")
        var id: String
        @Argument(help: "Étape visée : redaction, consultation, adoptee, close-sans-modification, diffusee.")
        var etape: ReviewStatus
        @Option(help: "Motif ou note de l'étape (obligatoire pour close-sans-modification).")
        var motif: String?
        @Option(help: "Adoption : date de signature (AAAA-MM-JJ).")
        var signature: String?
        @Option(name: .customLong("entree-en-vigueur"), help: "Adoption : date d'entrée en vigueur (AAAA-MM-JJ).")
        var entreeEnVigueur: String?
        @Option(help: "Adoption : date de publication (AAAA-MM-JJ), facultative.")
        var publication: String?
        @Option(help: "Adoption : référence de publication, par exemple « Journal officiel n°… du … ».")
        var journal: String?
        @Flag(help: "Adoption : adopter en connaissance de cause malgré des commentaires non résolus, des sièges sans position ou des positions périmées (sans cette option, l'adoption est refusée et les liste).")
        var confirmer = false
        @Flag(name: .customLong("date-future-confirmee"),
              help: "Adoption : confirmer une date de signature à plus de \(AdoptionDateRules.confirmableDays) jours d'aujourd'hui (une date à plus de \(AdoptionDateRules.maximumYears) ans reste refusée).")
        var dateFutureConfirmee = false

        @OptionGroup var seat: SeatOptions
        @OptionGroup var register: RegisterOptions
        @OptionGroup var today: TodayOption
        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        func validate() throws {
            if etape == .adopted && (signature == nil || entreeEnVigueur == nil) {
                throw ValidationError("l'adoption indique --signature et --entree-en-vigueur (AAAA-MM-JJ).")
            }
            if etape != .adopted && (signature != nil || entreeEnVigueur != nil || publication != nil || journal != nil
                                     || confirmer || dateFutureConfirmee) {
                throw ValidationError("--signature, --entree-en-vigueur, --publication, --journal, --confirmer et --date-future-confirmee "
                                      + "ne servent qu'à l'adoption (étape adoptee).")
            }
        }

        func run() async throws {
            let acting = try seat.acting()
            let day = try today.date()
            var adoption: AdoptionDates?
            if etape == .adopted, let signature, let entreeEnVigueur {
                adoption = AdoptionDates(signature: try legalDate(signature, option: "--signature"),
                                         entryIntoForce: try legalDate(entreeEnVigueur, option: "--entree-en-vigueur"),
                                         publication: try publication.map { try legalDate($0, option: "--publication") },
                                         publicationReference: journal)
            }
            let committee = Committee(register: try register.open())
            let (id, request) = (self.id, AdvanceRequest(to: etape, note: motif, adoption: adoption, confirmOutstanding: confirmer,
                                                         confirmFutureSignature: dateFutureConfirmee))
            let review = try await committeeCall { () async throws(CommitteeError) in
                try await committee.advance(review: id, request, acting: acting, today: day)
            }
            switch format {
            case .json: print(try jsonString(review))
            case .text:
                print("Révision \(review.id) : \(review.status.label).")
                switch review.status {
                case .drafting: print("Projet : \(review.draftBranch ?? "—") — modifiez la copie de travail puis « suivi draft commit \(review.id) -m … ».")
                case .consultation: print("Le comité est consulté sur le commit \(review.consultedCommit?.prefix(12) ?? "—").")
                case .adopted: print("Version adoptée : \(review.adoptedVersion ?? "—") ; la prochaine révision périodique est due au plus tard trois ans après la dernière adoption ou révision achevée (suivi status).")
                default: break
                }
            }
        }
    }
}
