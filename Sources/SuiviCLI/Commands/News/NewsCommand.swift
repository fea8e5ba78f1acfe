import ArgumentParser
import Committee
import Foundation
import LegalText

extension Suivi {
    /// `suivi actualites`: the news items of the OFII medical service and the DGS (R3.3).
    struct NewsCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "actualites",
            abstract: "Actualités du service médical de l'OFII et de la DGS (rupture de stock, nouvelle recommandation, crise de financement…).",
            discussion: """
            Chaque actualité est un enregistrement committee/news/<id>.xml, publié par le siège de la DGS ou de la \
            direction du service médical de l'OFII, lié à des pathologies, des pays, des références documentaires et, \
            s'il justifie une révision, à un événement du comité.
              suivi actualites publier rupture-2026-03 --titre "…" --texte "…" --pathologie VIH --pays Cameroun \\
                    --reference onusida-aidsinfo --evenement crise-financement-vih-2025 --siege dgs --auteur "Prénom Nom <courriel>"
              suivi actualites lister
            """,
            subcommands: [Publish.self, List.self]
        )
    }
}

extension Suivi.NewsCommand {
    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "publier", abstract: "Publie une actualité (un commit).")

        @Argument(help: ArgumentHelp("Identifiant de l'actualité (lettres, chiffres, « - », « _ »).", valueName: "identifiant"))
        var id: String
        @Option(help: "Titre de l'actualité.")
        var titre: String
        @Option(help: "Texte de l'actualité (ou --fichier).")
        var texte: String?
        @Option(help: "Fichier du texte, « - » pour l'entrée standard.")
        var fichier: String?
        @Option(help: "Pathologie concernée, répétable.")
        var pathologie: [String] = []
        @Option(help: "Pays concerné, répétable.")
        var pays: [String] = []
        @Option(help: "Référence documentaire liée, répétable.")
        var reference: [String] = []
        @Option(help: "Événement du comité lié (identifiant).")
        var evenement: String?
        @Option(help: "Date de l'actualité (AAAA-MM-JJ) ; par défaut --aujourdhui.")
        var date: String?

        @OptionGroup var seat: SeatOptions
        @OptionGroup var register: RegisterOptions
        @OptionGroup var today: TodayOption
        @OptionGroup var format: FormatOption

        func validate() throws {
            guard (texte == nil) != (fichier == nil) else { throw ValidationError("donnez le texte de l'actualité : --texte ou --fichier (l'un des deux).") }
        }

        func run() async throws {
            let acting = try seat.acting()
            let day = try today.date()
            let text = try texte ?? Suivi.SynthesesCommand.readBody(fichier ?? "-").joined(separator: "\n\n")
            let item = NewsItem(id: id, date: try date.map { try legalDate($0, option: "--date") } ?? day, publisher: .dgs,
                                seat: acting.seat, person: "", title: titre, text: text, pathologies: pathologie, countries: pays,
                                references: reference, event: evenement)
            let committee = Committee(register: try register.open())
            let recorded = try await committeeCall { () async throws(CommitteeError) in
                try await committee.publishNews(item, acting: acting, today: day)
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-actualite", recorded))
            case .text: print("Actualité \(recorded.id) publiée le \(recorded.date.french) (\(recorded.publisher.label)).")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "lister", abstract: "Liste les actualités, les plus récentes d'abord.")

        @OptionGroup var register: RegisterOptions
        @OptionGroup var format: FormatOption

        func run() async throws {
            let committee = Committee(register: try register.openForReading())
            let news = try await committeeCall { () async throws(CommitteeError) in try await committee.news() }
            switch format.value {
            case .json: print(try jsonDocument("suivi-actualites", list: "actualites", news))
            case .text:
                if news.isEmpty { print("Aucune actualité.") }
                for item in news {
                    print("\(item.date.french) — \(item.title) (\(item.publisher.label), \(item.id))")
                    print("  \(item.text)")
                    var links: [String] = []
                    if !item.pathologies.isEmpty { links.append("pathologies : " + item.pathologies.joined(separator: ", ")) }
                    if !item.countries.isEmpty { links.append("pays : " + item.countries.joined(separator: ", ")) }
                    if !item.references.isEmpty { links.append("références : " + item.references.joined(separator: ", ")) }
                    if let event = item.event { links.append("événement : " + event) }
                    if !links.isEmpty { print("  " + links.joined(separator: " ; ")) }
                }
            }
        }
    }
}
