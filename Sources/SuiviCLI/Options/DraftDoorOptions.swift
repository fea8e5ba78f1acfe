import ArgumentParser
import Foundation

/// What every door that writes a draft from a document takes (`projet appliquer`, `projet importer-odt`): a dry run,
/// the text when the register holds several, and the colours of the clause diff shown before committing.
struct DraftDoorOptions: ParsableArguments {
    @Flag(name: .customLong("essai"), help: "Montre la comparaison sans rien enregistrer.")
    var dryRun = false

    @Option(name: .customLong("texte"), help: "Texte du registre (NOR), s'il y en a plusieurs.")
    var work: String?

    @Flag var colour: Suivi.Diff.Colour?
}

extension Optional where Wrapped == Suivi.Diff.Colour {
    /// `--couleur` / `--sans-couleur` when given; otherwise colours on a terminal, unless `NO_COLOR` is set.
    var usesColour: Bool {
        map { $0 == .couleur } ?? (isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
    }
}
