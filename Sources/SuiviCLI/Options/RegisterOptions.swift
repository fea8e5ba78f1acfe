import ArgumentParser
import Foundation
import Register

/// Where the register is: `--registre`, else `$SUIVI_REGISTRE`, else the current folder.
struct RegisterOptions: ParsableArguments {
    @Option(name: .customLong("registre"),
            help: ArgumentHelp("Dossier du registre (contient register.git). Par défaut : $SUIVI_REGISTRE, sinon le dossier courant.",
                               valueName: "dossier"))
    var repo: String?

    @Option(name: .customLong("cle-ssh"),
            help: ArgumentHelp("Clé SSH privée (ed25519, sans phrase de passe) qui signe les écritures : celle du membre qui agit. "
                               + "Par défaut : $SUIVI_CLE_SSH. Un chemin, jamais la clé elle-même.", valueName: "fichier"))
    var signingKey: String?

    var url: URL {
        URL(fileURLWithPath: repo ?? ProcessInfo.processInfo.environment["SUIVI_REGISTRE"] ?? ".")
    }

    /// Opens the register; its error says how to create one.
    func open() throws -> TextRegister {
        try TextRegister.open(at: url).signing(with: try signer())
    }

    /// The member's signing key: `--cle-ssh`, else `$SUIVI_CLE_SSH`; `nil` when neither is given.
    func signer() throws -> Signer? {
        let environment = ProcessInfo.processInfo.environment["SUIVI_CLE_SSH"].flatMap { $0.isEmpty ? nil : $0 }
        guard let path = signingKey ?? environment else { return nil }
        return try Signer(keyFile: URL(fileURLWithPath: path), role: .member)
    }
}

/// What every import needs: the register, who writes, and the output format.
struct ImportOptions: ParsableArguments {
    @OptionGroup var register: RegisterOptions
    @OptionGroup var author: AuthorOptions
    @OptionGroup var format: FormatOption
}
