import ArgumentParser
import Committee
import Foundation
import LegalText

extension Suivi.SynthesesCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ajouter", abstract: "Publie une nouvelle synthèse (un commit).")

        @Argument(help: ArgumentHelp("Identifiant de la synthèse (lettres, chiffres, « - », « _ »).", valueName: "identifiant"))
        var id: String
        @Option(help: "Titre de la synthèse.")
        var titre: String
        @Option(help: "Pathologie couverte, répétable.")
        var pathologie: [String] = []
        @Option(help: "Pays couvert, répétable.")
        var pays: [String] = []
        @Option(help: "Identifiant d'une référence documentaire sur laquelle elle repose, répétable (voir « suivi sources lister »).")
        var reference: [String] = []
        @Option(help: "Autre auteur, « Prénom Nom <courriel> », répétable (la personne de --auteur est toujours auteur).")
        var coauteur: [String] = []
        @Option(help: "Fichier du texte (paragraphes séparés par une ligne vide), « - » pour l'entrée standard.")
        var fichier: String
        @Option(help: "Date de la synthèse (AAAA-MM-JJ) ; par défaut --aujourdhui.")
        var date: String?
        @Option(name: .customLong("a-reviser-le"), help: "Date à laquelle la réviser au plus tard (AAAA-MM-JJ) ; par défaut 12 mois après sa date.")
        var reviewBy: String?

        @OptionGroup var person: AuthorOptions
        @OptionGroup var register: RegisterOptions
        @OptionGroup var today: TodayOption
        @OptionGroup var format: FormatOption

        func run() async throws {
            let author = try person.identity()
            let coauthors = try coauteur.map { let p = try parseIdentity($0); return "\(p.name) <\(p.email)>" }
            let day = try date.map { try legalDate($0, option: "--date") } ?? (try today.date())
            let reviewBy = try self.reviewBy.map { try legalDate($0, option: "--a-reviser-le") }
                ?? day.adding(months: Synthesis.defaultReviewMonths)
            let paragraphs = try Suivi.SynthesesCommand.readBody(fichier)
            let synthesis = Synthesis(id: id, title: titre, pathologies: pathologie, countries: pays, paragraphs: paragraphs,
                                      authors: coauthors, references: reference, date: day, reviewBy: reviewBy)
            let committee = Committee(register: try register.open())
            let recorded = try await committeeCall { () async throws(CommitteeError) in
                try await committee.addSynthesis(synthesis, author: author)
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-synthese", recorded))
            case .text: print("Synthèse \(recorded.id) publiée (\(recorded.date.french)) ; à réviser au plus tard le \(recorded.reviewBy.french).")
            }
        }
    }
}
