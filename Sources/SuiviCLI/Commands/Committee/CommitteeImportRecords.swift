import ArgumentParser
import Committee
import Foundation
import LegalText
import Register

extension Suivi.CommitteeCommand {
    struct ImportRecords: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "importer",
            abstract: "Importe un dossier d'enregistrements du comité (sièges, révisions, événements) dans le registre.",
            discussion: """
            Tous les fichiers sont vérifiés d'abord : au moindre problème, rien n'est enregistré. Un \
            enregistrement déjà présent dans le registre n'est jamais remplacé ; relancer l'import ne change rien.
              suivi importer corpus && suivi comite importer committee
            """)

        @Argument(help: ArgumentHelp("Dossier organisé comme committee/ (members.xml, reviews/, events/).", valueName: "dossier"))
        var folder: String

        @OptionGroup var register: RegisterOptions
        @OptionGroup var person: AuthorOptions
        @OptionGroup var format: FormatOption

        func run() async throws {
            let author = try person.identity()
            let committee = Committee(register: try register.open())
            let folder = self.folder
            let outcomes = try await committeeCall { () async throws(CommitteeError) in
                try await committee.importRecords(from: folder, author: author)
            }
            switch format.value {
            case .json: print(try jsonDocument("suivi-comite-import", list: "enregistrements", outcomes))
            case .text:
                for outcome in outcomes {
                    let status: String
                    switch outcome.status {
                    case .created: status = "importé"
                    case .alreadyPresent: status = "déjà présent"
                    case .keptRegisterVersion: status = "différent dans le registre, version du registre conservée"
                    }
                    print("\(outcome.path) : \(status)")
                }
            }
        }
    }
}
