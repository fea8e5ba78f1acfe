import ArgumentParser
import Committee
import Foundation
import LegalText

extension CheckOutcome: ExpressibleByArgument {}

extension Suivi.SourcesCommand {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verifier",
            abstract: "Enregistre la vérification manuelle d'une référence documentaire (un commit).",
            discussion: """
            Résultats : joignable, deplacee, disparue, perimee (contenu dépassé). Hors « joignable », la note est \
            obligatoire et dit ce qui a été constaté.
            """)

        @Argument(help: ArgumentHelp("Identifiant de la référence.", valueName: "identifiant"))
        var id: String
        @Option(name: .customLong("resultat"), help: "Résultat de la vérification : joignable, deplacee, disparue, perimee.")
        var outcome: CheckOutcome
        @Option(help: "Ce qui a été constaté.")
        var note: String = ""

        @OptionGroup var register: RegisterOptions
        @OptionGroup var person: AuthorOptions
        @OptionGroup var today: TodayOption
        @OptionGroup var format: FormatOption

        func run() async throws {
            let author = try person.identity()
            let day = try today.date()
            let committee = Committee(register: try register.open())
            let (id, outcome, note) = (self.id, self.outcome, self.note)
            let reference = try await committeeCall { () async throws(CommitteeError) in
                try await committee.recordCheck(reference: id, outcome: outcome, note: note, author: author, today: day)
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-source", reference))
            case .text: print("Référence \(reference.id) : vérification du \(day.french) enregistrée (\(outcome.label)).")
            }
        }
    }
}
