import ArgumentParser

/// `suivi-bench`: the performance measurements of README and docs/BENCHMARKS.md, reported with the machine
/// and the input. A separate executable: nothing here ships in the user's `suivi`, and nothing here writes
/// into a register it did not create (see ``ScratchRegister``).
@main
struct SuiviBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suivi-bench",
        abstract: "Mesures de performance de suivi (hors produit) : lecture, comparaison, registre, LEGI, publications, écritures concurrentes.",
        discussion: """
        Toutes les mesures de docs/BENCHMARKS.md : Benchmarks/run (build release, puis chaque mesure). \
        suivi-bench n'écrit jamais dans un registre réel : write n'accepte qu'un registre jetable créé par \
        suivi-bench scratch-register ou suivi-bench generate.
        """,
        subcommands: [Parse.self, Diff.self, ContentDiff.self, Write.self, ScratchRegisterCommand.self, Generate.self, Register.self,
                      Legi.self, Export.self]
    )
}
