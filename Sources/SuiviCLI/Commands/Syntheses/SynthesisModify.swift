import ArgumentParser
import Committee
import Foundation
import LegalText

extension Suivi.SynthesesCommand {
    struct Modify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "modifier", abstract: "Enregistre une nouvelle version d'une synthèse (un commit).",
            discussion: """
            Seuls les champs donnés changent. Les listes (--pathologie, --pays, --reference) données remplacent les \
            anciennes. Sans --a-reviser-le, la date de révision est conservée, sauf si elle est passée : la \
            modification vaut alors révision, et la prochaine est due 12 mois plus tard.
            """)

        @Argument(help: ArgumentHelp("Identifiant de la synthèse.", valueName: "identifiant"))
        var id: String
        @Option(help: "Nouveau titre.")
        var titre: String?
        @Option(help: "Pathologie couverte, répétable (remplace la liste).")
        var pathologie: [String] = []
        @Option(help: "Pays couvert, répétable (remplace la liste).")
        var pays: [String] = []
        @Option(help: "Référence documentaire, répétable (remplace la liste).")
        var reference: [String] = []
        @Option(help: "Autre auteur ajouté, « Prénom Nom <courriel> », répétable.")
        var coauteur: [String] = []
        @Option(help: "Fichier du nouveau texte, « - » pour l'entrée standard.")
        var fichier: String?
        @Option(name: .customLong("a-reviser-le"), help: "Nouvelle date de révision (AAAA-MM-JJ).")
        var reviewBy: String?

        @OptionGroup var person: AuthorOptions
        @OptionGroup var register: RegisterOptions
        @OptionGroup var today: TodayOption
        @OptionGroup var format: FormatOption

        func run() async throws {
            let author = try person.identity()
            let day = try today.date()
            let change = SynthesisChange(
                title: titre, paragraphs: try fichier.map(Suivi.SynthesesCommand.readBody),
                pathologies: pathologie.isEmpty ? nil : pathologie, countries: pays.isEmpty ? nil : pays,
                references: reference.isEmpty ? nil : reference,
                addedAuthors: try coauteur.map { let p = try parseIdentity($0); return "\(p.name) <\(p.email)>" },
                reviewBy: try reviewBy.map { try legalDate($0, option: "--a-reviser-le") })
            let committee = Committee(register: try register.open())
            let id = self.id
            let recorded = try await committeeCall { () async throws(CommitteeError) in
                try await committee.modifySynthesis(id, change, author: author, today: day)
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-synthese", recorded))
            case .text: print("Synthèse \(recorded.id) modifiée (\(recorded.date.french)) ; à réviser au plus tard le \(recorded.reviewBy.french).")
            }
        }
    }
}
