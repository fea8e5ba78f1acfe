import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi.ReviewCommand {
    struct Advance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "avancer",
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
              suivi revision avancer periodique-2020 adoptee --siege dgs --signature 2027-03-01 --entree-en-vigueur 2027-03-15 \\
                --publication 2027-03-05 --journal "Journal officiel du 5 mars 2027" --confirmer
            """)

        @Argument(help: ArgumentHelp("Identifiant de la révision.", valueName: "identifiant"))
        var id: String
        @Argument(help: "Étape visée : redaction, consultation, adoptee, close-sans-modification, diffusee.")
        var etape: ReviewStatus
        @Option(help: "Motif ou note de l'étape (obligatoire pour close-sans-modification).")
        var motif: String?
        @Flag(name: .customLong("note-publique"), help: "Publier le motif ou la note dans le bulletin des médecins (sans cette option, c'est une note interne du comité, non publiée).")
        var notePublique = false
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
        @OptionGroup var format: FormatOption

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
                                                         confirmFutureSignature: dateFutureConfirmee, notePublic: notePublique))
            let review = try await committeeCall { () async throws(CommitteeError) in
                try await committee.advance(review: id, request, acting: acting, today: day)
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-revision", review))
            case .text:
                print("Révision \(review.id) : \(review.status.label).")
                switch review.status {
                case .drafting: print("Projet : \(review.draftBranch ?? "—") — modifiez la copie de travail puis « suivi projet enregistrer \(review.id) -m … ».")
                case .consultation: print("Le comité est consulté sur le commit \(review.consultedCommit?.prefix(12) ?? "—").")
                case .adopted: print("Version adoptée : \(review.adoptedVersion ?? "—") ; la prochaine révision périodique est due au plus tard trois ans après la dernière adoption ou révision achevée (suivi etat).")
                default: break
                }
            }
        }
    }
}
