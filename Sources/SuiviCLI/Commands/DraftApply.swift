import ArgumentParser
import ClauseDiff
import Foundation
import LegalText
import Publishing
import Register

extension Suivi.Draft {
    /// `suivi draft appliquer <nom> modificatif.txt`: the drafter writes the amending order, suivi applies it.
    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "appliquer",
            abstract: "Applique un arrêté modificatif (formules du Guide de légistique) à un projet, puis l'enregistre.",
            discussion: """
            L'arrêté se lit en texte (tel que l'écrit suivi export amending, ou tapé par le rédacteur : une \
            modification par ligne, les lignes citées commençant par « ) ou en Akoma Ntoso (--to akn). Chaque \
            formule s'applique au texte tel que les précédentes l'ont laissé ; les eId sont renumérotés, les wId \
            existants gardés, les éléments nouveaux reçoivent un wId : aucun identifiant n'est à taper. La \
            comparaison élément par élément s'affiche, puis le projet est enregistré, l'arrêté cité dans le message \
            du commit, et la copie de travail réécrite. Une formule inapplicable est signalée avec sa ligne et sa \
            colonne, ce qu'elle attend et ce que porte le texte : rien n'est enregistré. Voir docs/DRAFTING.md.
              suivi draft appliquer revision-2026 modificatif.txt --dry-run
              suivi draft appliquer revision-2026 modificatif.txt --as "Prénom Nom <p.nom@sante.gouv.fr>"
              suivi export amending v2017-01-05 draft/2026-projet --to akn | suivi draft appliquer essai -
            """,
            aliases: ["apply"])

        @Argument(help: "Nom du projet.")
        var name: String

        @Argument(help: "Fichier de l'arrêté modificatif (texte ou Akoma Ntoso), ou « - » pour l'entrée standard.")
        var order: String

        @Flag(name: [.customLong("dry-run"), .customLong("essai")], help: "Montre la comparaison sans rien enregistrer.")
        var dryRun = false

        @Option(name: .customLong("texte"), help: "Texte du registre (NOR), s'il y en a plusieurs.")
        var work: String?

        @Flag(inversion: .prefixedNo, help: "Couleurs dans le terminal (par défaut : si la sortie est un terminal).")
        var colour: Bool?

        @OptionGroup var register: RegisterOptions
        @OptionGroup var author: AuthorOptions

        func run() async throws {
            let identity = dryRun ? nil : try author.identity()
            let text = try Self.read(order)
            let publisher = Publisher(register: try register.open())
            let (name, work) = (self.name, self.work)
            let applied = try await publishingCall { () async throws(PublishingError) in
                try await publisher.applyOrder(text, toDraft: name, work: work)
            }
            let useColour = colour ?? (isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
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
                    printError("suivi : impossible de lire l'arrêté modificatif « \(path) » ; indiquez un fichier, ou « - » pour l'entrée standard.")
                    throw ExitCode.failure
                }
                data = contents
            }
            guard let text = String(data: data, encoding: .utf8) else {
                printError("suivi : l'arrêté modificatif « \(path) » n'est pas en UTF-8 ; enregistrez-le en UTF-8 et recommencez.")
                throw ExitCode.failure
            }
            return text
        }
    }
}
