import ArgumentParser
import Committee
import Foundation
import LegalText

extension Suivi.SourcesCommand {
    struct Confirm: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "confirmer",
            abstract: "Confirme, avec un motif, que le contenu d'une référence est toujours à jour (un commit).",
            discussion: """
            Une vérification automatique (suivi sources verifier) dit seulement si l'adresse répond ; seule une \
            personne qui a lu la source peut confirmer son contenu, ce qui fait repartir la période de vérification.
              suivi sources confirmer oms-indicateurs-pays --motif "Indicateurs 2026 publiés, cohérents avec l'annexe."
            """)

        @Argument(help: ArgumentHelp("Identifiant de la référence.", valueName: "identifiant"))
        var id: String
        @Option(help: "Ce qui a été lu, et pourquoi le contenu est toujours à jour (obligatoire).")
        var motif: String

        @OptionGroup var register: RegisterOptions
        @OptionGroup var person: AuthorOptions
        @OptionGroup var today: TodayOption
        @OptionGroup var format: FormatOption

        func run() async throws {
            let author = try person.identity()
            let day = try today.date()
            let committee = Committee(register: try register.open())
            let (id, motif) = (self.id, self.motif)
            let reference = try await committeeCall { () async throws(CommitteeError) in
                try await committee.confirmContent(reference: id, reason: motif, author: author, today: day)
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-source", reference))
            case .text: print("Référence \(reference.id) : contenu confirmé à jour le \(day.french) ; prochaine vérification au plus tard le "
                              + "\(ReferenceFreshness().due(reference)?.french ?? "—").")
            }
        }
    }
}
