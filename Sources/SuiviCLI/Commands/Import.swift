import ArgumentParser
import Foundation
import LegalText
import Register

extension Suivi {
    /// `suivi import`: brings texts into the register: a folder of versions (the default), a
    /// Légifrance LEGI XML extract, or one Akoma Ntoso file.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Importe des textes dans le registre : dossier de versions, extrait LEGI ou fichier Akoma Ntoso.",
            discussion: """
            Sans sous-commande, le chemin donné est un dossier de versions (comme corpus) ;
            un dossier nommé « legi » ou « akn » s'importe avec « suivi import dossier legi ».
              suivi import corpus --as "Prénom Nom <courriel>"   versions du corpus
              suivi import legi LEGITEXT000033879000/           texte officiel (LEGI)
              suivi import akn texte.xml                        Akoma Ntoso 3.0
            """,
            subcommands: [ImportFolder.self, ImportLegi.self, ImportAkn.self],
            defaultSubcommand: ImportFolder.self
        )
    }

    /// `suivi import [dossier] <folder>`: versions into the register.
    struct ImportFolder: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dossier",
            abstract: "Importe des versions (un sous-dossier par version) dans le registre.",
            discussion: """
            Tous les fichiers sont lus et vérifiés d'abord : au moindre problème, rien n'est enregistré. \
            Chaque version adoptée devient un commit daté de sa signature sur main, avec une étiquette \
            annotée <texte>/v<date de signature> (publication et entrée en vigueur dans le message) ; \
            chaque projet devient une branche draft/<nom du dossier>. Relancer l'import ne crée rien de \
            plus. L'import est tout ou rien : interrompu (Ctrl-C), il n'enregistre rien et le dit.
              suivi import corpus --repo registre --as "Prénom Nom <prenom.nom@sante.gouv.fr>"
            """
        )

        @Argument(help: "Dossier des versions (par exemple corpus).")
        var folder: String

        @OptionGroup var options: ImportOptions

        func run() async throws {
            let identity = try options.author.identity()
            let registry = try options.register.open()
            let folder = folder
            try await runInterruptibleImport({ () async throws in
                try await registry.importVersions(from: folder, author: identity)
            }, outcomes: { $0 }, report: { try printOutcomes($0, format: options.format) })
        }
    }
}

/// Runs an import that Ctrl-C (SIGINT) or SIGTERM may stop (``Interruption``), then reports it with
/// `report`. An import is all or nothing: stopped before its final step it wrote nothing, and says so;
/// a signal received during that step lets it finish, and it says that everything was written. Either
/// way the command exits 130 after a signal.
func runInterruptibleImport<T: Sendable>(_ body: @escaping @Sendable () async throws -> T,
                                         outcomes: (T) -> [ImportOutcome], report: (T) throws -> Void) async throws {
    let outcome = await Interruption.run(body)
    switch outcome.result {
    case .success(let value):
        try report(value)
        guard outcome.signal != nil else { return }
        let written = outcomes(value).filter { $0.status == .created }.count
        printError("suivi : \(outcome.signalName) reçu pendant l'écriture finale : l'import est allé à son terme ; "
                   + "\(written) version(s) enregistrée(s), toutes celles de l'import sont dans le registre.")
        throw ExitCode(Interruption.exitStatus)
    case .failure(let error):
        if let error = error as? RegisterError, error != .cancelled || outcome.signal == nil {
            printError("suivi : \(cliMessage(error))")
        } else if let error = error as? LegalTextError {
            printError("suivi : \(cliMessage(error))")
        } else if !(error is RegisterError) {
            throw error
        }
        guard outcome.signal != nil else { throw ExitCode.failure }
        printError("suivi : import interrompu (\(outcome.signalName)) : rien n'a été enregistré ; main, les étiquettes "
                   + "et les projets du registre sont inchangés, aucune version de l'import n'y figure. Les objets git "
                   + "déjà écrits ne sont reliés à rien (« git gc » les supprime). Relancez la commande pour importer.")
        throw ExitCode(Interruption.exitStatus)
    }
}

/// Prints what an import did, one line per version.
func printOutcomes(_ outcomes: [ImportOutcome], format: OutputFormat) throws {
    switch format {
    case .json: print(try jsonString(outcomes))
    case .text:
        for outcome in outcomes {
            let status = outcome.status == .created ? "importée" : "déjà présente"
            print("\(outcome.version) : \(status) (\(outcome.commit.abbreviated)) depuis \(outcome.source)")
        }
    }
}
