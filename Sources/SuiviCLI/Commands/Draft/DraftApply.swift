import ArgumentParser
import ClauseDiff
import Foundation
import LegalText
import Publishing
import Register

extension Suivi.Draft {
    /// `suivi projet appliquer <nom> modificatif.txt`: the drafter writes the amending order, suivi applies it.
    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "appliquer",
            abstract: "Applique un arrêté modificatif (formules du Guide de légistique) à un projet, puis l'enregistre.",
            discussion: """
            L'arrêté se lit en texte (tel que l'écrit suivi exporter modificatif, ou tapé par le rédacteur : une \
            modification par ligne, les lignes citées commençant par « ) ou en Akoma Ntoso (--format akn). Chaque \
            formule s'applique au texte tel que les précédentes l'ont laissé ; les eId sont renumérotés, les wId \
            existants gardés, les éléments nouveaux reçoivent un wId : aucun identifiant n'est à taper. La \
            comparaison élément par élément s'affiche, puis le projet est enregistré, l'arrêté cité dans le message \
            du commit, et la copie de travail réécrite. Une formule inapplicable est signalée avec sa ligne et sa \
            colonne, ce qu'elle attend et ce que porte le texte : rien n'est enregistré. Voir docs/DRAFTING.md.
              suivi projet appliquer revision-2026 modificatif.txt --essai
              suivi projet appliquer revision-2026 modificatif.txt --auteur "Prénom Nom <p.nom@sante.gouv.fr>"
              suivi exporter modificatif v2017-01-05 draft/2026-projet --format akn | suivi projet appliquer copie -
            """
        )

        @Argument(help: ArgumentHelp("Nom du projet.", valueName: "nom"))
        var name: String

        @Argument(help: ArgumentHelp("Fichier de l'arrêté modificatif (texte ou Akoma Ntoso), ou « - » pour l'entrée standard.",
                                     valueName: "arrete"))
        var order: String

        @OptionGroup var door: DraftDoorOptions

        @OptionGroup var register: RegisterOptions
        @OptionGroup var author: AuthorOptions

        func run() async throws {
            let identity = door.dryRun ? nil : try author.identity()
            let text = try Self.read(order)
            let publisher = Publisher(register: try register.open())
            let (name, work) = (self.name, door.work)
            let applied = try await publishingCall { () async throws(PublishingError) in
                try await publisher.applyOrder(text, toDraft: name, work: work)
            }
            let useColour = door.colour.usesColour
            print(TerminalDiffRenderer(colour: useColour).render(applied.diff.onlyChanged), terminator: "")
            let count = applied.instructions.count
            guard let identity else {
                print("Essai : \(count) modification(s) applicable(s) au projet \(name) ; rien n'a été enregistré.")
                return
            }
            let commit = try await publishingCall { () async throws(PublishingError) in
                try await publisher.commit(applied, order: text, author: identity)
            }
            if let commit {
                print("Projet \(name) : arrêté modificatif appliqué (\(count) modification(s)), enregistré (\(commit.abbreviated)).")
            } else {
                print("Projet \(name) : l'arrêté modificatif ne change rien au texte ; rien n'a été enregistré.")
            }
        }

        /// The order's text from a file, or from standard input for `-`.
        static func read(_ path: String) throws -> String {
            let data: Data
            if path == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let contents = FileManager.default.contents(atPath: path) else {
                    let reason = FileManager.default.fileExists(atPath: path) ? "illisible (droits, ou un dossier)" : "introuvable"
                    throw Refusal("arrêté modificatif « \(path) » \(reason) ; indiquez un fichier, ou « - » pour l'entrée standard.")
                }
                data = contents
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw Refusal("l'arrêté modificatif « \(path) » n'est pas en UTF-8 ; enregistrez-le en UTF-8 et recommencez.")
            }
            return text
        }
    }
}
