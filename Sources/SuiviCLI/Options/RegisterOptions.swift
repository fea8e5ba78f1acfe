import ArgumentParser
import Foundation
import Register

/// Where the register is: `--registre`, else `$SUIVI_REGISTRE`, else the current folder.
struct RegisterOptions: ParsableArguments {
    @Option(name: .customLong("registre"),
            help: ArgumentHelp("Dossier du registre (contient register.git). Par défaut : $SUIVI_REGISTRE, sinon le dossier courant.",
                               valueName: "dossier"))
    var repo: String?

    var url: URL {
        URL(fileURLWithPath: repo ?? ProcessInfo.processInfo.environment["SUIVI_REGISTRE"] ?? ".")
    }

    /// Opens the register; its error says how to create one.
    func open() throws -> TextRegister {
        try TextRegister.open(at: url)
    }
}

/// What every import needs: the register, who writes, and the output format.
struct ImportOptions: ParsableArguments {
    @OptionGroup var register: RegisterOptions
    @OptionGroup var author: AuthorOptions
    @OptionGroup var format: FormatOption
}
