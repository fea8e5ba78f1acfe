import ArgumentParser
import Foundation
import LegalText
import Register

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
        throw Refusal("\(outcome.signalName) reçu pendant l'écriture finale : l'import est allé à son terme ; "
                      + "\(written) version(s) enregistrée(s), toutes celles de l'import sont dans le registre.",
                      exitCode: Interruption.exitStatus)
    case .failure(let error):
        guard outcome.signal != nil else { throw error }
        var messages: [String] = []
        if let error = error as? RegisterError, error != .cancelled {
            messages.append(cliMessage(error))
        } else if let error = error as? LegalTextError {
            messages.append(cliMessage(error))
        } else if !(error is RegisterError) {
            throw error
        }
        messages.append("import interrompu (\(outcome.signalName)) : rien n'a été enregistré ; main, les étiquettes "
                        + "et les projets du registre sont inchangés, aucune version de l'import n'y figure. Les objets git "
                        + "déjà écrits ne sont reliés à rien (« git gc » les supprime). Relancez la commande pour importer.")
        // One message per line, each after « suivi : », as main prints a refusal.
        throw Refusal(messages.joined(separator: "\nsuivi : "), exitCode: Interruption.exitStatus)
    }
}

/// Prints what an import did, one line per version.
func printOutcomes(_ outcomes: [ImportOutcome], format: OutputFormat) throws {
    switch format {
    case .json: print(try jsonDocument("suivi-import", list: "versions", outcomes))
    case .text:
        for outcome in outcomes {
            let status = outcome.status == .created ? "importée" : "déjà présente"
            print("\(outcome.version) : \(status) (\(outcome.commit.abbreviated)) depuis \(outcome.source)")
        }
    }
}
