import ArgumentParser
import ClauseDiff
import Foundation
import LegalText
import Publishing
import Register

extension Suivi.Draft {
    /// `suivi projet importer-odt <nom> fichier.odt`: the drafter edits the ODT export in a word processor, suivi reads it back.
    struct ImportODT: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "importer-odt",
            abstract: "Importe dans un projet l'export ODT consolidé modifié dans un traitement de texte (ODT ou DOCX).",
            discussion: """
            Le document est l'export de « exporter consolide --version draft/<nom> --format odt », modifié puis \
            enregistré dans LibreOffice ou Word (un DOCX est converti en ODT par LibreOffice, soffice --headless). \
            Chaque paragraphe de l'export porte un signet qui le rattache à son élément : un texte modifié reformule \
            l'élément ; un paragraphe ajouté sans signet après un alinéa est un nouvel alinéa ; une ligne « Article N » \
            ouvre un nouvel article ; un titre de niveau 3 dans une annexe (« D. Intitulé ») une nouvelle section ; un \
            paragraphe supprimé supprime son élément. Les eId sont renumérotés, les wId existants gardés, les éléments \
            nouveaux reçoivent un wId : aucun identifiant n'est à taper. Les modifications suivies doivent d'abord être \
            acceptées ou rejetées. Un paragraphe qui ne se rattache pas avec certitude est signalé avec sa place et son \
            texte, et rien n'est enregistré. La comparaison élément par élément s'affiche, puis le projet est enregistré. \
            Voir docs/DRAFTING.md.
              suivi exporter consolide --version draft/revision-2026 --format odt --sortie projet.odt
              suivi projet importer-odt revision-2026 projet.odt --essai
              suivi projet importer-odt revision-2026 projet.docx --auteur "Prénom Nom <p.nom@sante.gouv.fr>"
            """
        )

        @Argument(help: ArgumentHelp("Nom du projet.", valueName: "nom"))
        var name: String

        @Argument(help: ArgumentHelp("Document modifié : export ODT du projet, ou sa version DOCX.", valueName: "fichier"))
        var file: String

        @OptionGroup var door: DraftDoorOptions

        @OptionGroup var register: RegisterOptions
        @OptionGroup var author: AuthorOptions

        func run() async throws {
            let identity = door.dryRun ? nil : try author.identity()
            let path = file
            let data = try await publishingCall { () async throws(PublishingError) in try WordProcessorFile.odtData(at: path) }
            let publisher = Publisher(register: try register.open())
            let (name, work) = (self.name, door.work)
            let fileName = URL(fileURLWithPath: file).lastPathComponent
            let imported = try await publishingCall { () async throws(PublishingError) in
                try await publisher.importODT(data, file: fileName, toDraft: name, work: work)
            }
            let useColour = door.colour.usesColour
            print(TerminalDiffRenderer(colour: useColour).render(imported.diff.onlyChanged), terminator: "")
            let count = imported.diff.onlyChanged.changes.count
            guard let identity else {
                print("Essai : \(count) élément(s) modifié(s) dans le projet \(name) ; rien n'a été enregistré.")
                return
            }
            let commit = try await publishingCall { () async throws(PublishingError) in
                try await publisher.commit(imported, author: identity)
            }
            if let commit {
                print("Projet \(name) : document « \(fileName) » importé (\(count) élément(s) modifié(s)), enregistré (\(commit.abbreviated)).")
            } else {
                print("Projet \(name) : le document « \(fileName) » ne change rien au texte ; rien n'a été enregistré.")
            }
        }
    }
}
