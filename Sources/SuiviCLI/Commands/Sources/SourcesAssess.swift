import ArgumentParser
import Committee
import Foundation
import LegalText
import Publishing

extension Suivi.SourcesCommand {
    struct Assess: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "evaluer",
            abstract: "Ouvre l'évaluation des références à vérifier citées par le texte en vigueur, comme un événement (un commit).",
            discussion: """
            Crée un événement de nature « documentaire » qui nomme les références à vérifier et les clauses du texte \
            en vigueur qui les citent ; la règle des six mois du comité s'applique (révision ou décision de ne pas \
            réviser, suivi evenement classer). Refusé s'il n'y a rien à vérifier, ou si ces références sont déjà \
            nommées par un événement en cours d'évaluation.
              suivi sources evaluer --siege dgs --auteur "Prénom Nom <courriel>"
            """)

        @Option(name: .customLong("periode-verification-mois"), help: "Période de vérification des références, en mois (1 à 120).")
        var months: Int = ReferenceFreshness.defaultMonths
        @Option(name: .customLong("delai-mois"), help: "Délai de l'évaluation, en mois (1 à 120).")
        var delaiMois: Int = CommitteeEvent.defaultAssessmentMonths

        @OptionGroup var seat: SeatOptions
        @OptionGroup var register: RegisterOptions
        @OptionGroup var today: TodayOption
        @OptionGroup var format: FormatOption

        func validate() throws {
            guard (1...120).contains(delaiMois) else { throw ValidationError("--delai-mois : entre 1 et 120 mois.") }
        }

        func run() async throws {
            let acting = try seat.acting()
            let day = try today.date()
            let registry = try register.open()
            let committee = Committee(register: registry)
            let (months, delai) = (self.months, delaiMois)
            let event = try await committeeCall { () async throws(CommitteeError) in
                let freshness = try ReferenceFreshness.checked(months: months)
                let stale = try await committee.staleReferences(in: try await committee.state(), today: day, freshness: freshness)
                let names = await CitingClauseNames.names(of: stale, register: registry, on: day)
                return try await committee.openReferenceAssessment(acting: acting, today: day, freshness: freshness,
                                                                   clauseNames: names, months: delai)
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-evenement", event))
            case .text:
                print("Événement \(event.id) enregistré (documentaire) pour \(event.references.count) référence(s) : "
                      + event.references.joined(separator: ", ") + ".")
                print(event.summary)
                print("Décision (révision ou non) attendue au plus tard le \(event.deadline.french).")
            }
        }
    }
}
