import ArgumentParser

/// `suivi export`: texts out of the register. Holds only `akn` on this branch; the coordinator fuses
/// it with the publishing group (consolidated, comparison, amending, bulletin, feed) at merge.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Exporte un texte du registre.",
        subcommands: [ExportAkn.self]
    )
}
