import ArgumentParser
import Foundation
import Register

/// Where the register is: `--repo`, else `$SUIVI_REGISTRE`, else the current folder.
struct RegisterOptions: ParsableArguments {
    @Option(name: .long, help: "Dossier du registre (contient register.git). Par défaut : $SUIVI_REGISTRE, sinon le dossier courant.")
    var repo: String?

    var url: URL {
        URL(fileURLWithPath: repo ?? ProcessInfo.processInfo.environment["SUIVI_REGISTRE"] ?? ".")
    }

    /// Opens the register, or exits with a message saying how to create one.
    func open() throws -> TextRegister {
        do {
            return try TextRegister.open(at: url)
        } catch {
            printError("suivi : \(cliMessage(error))")
            throw ExitCode.failure
        }
    }
}

/// Who writes: `--as "Nom <courriel>"` (or `--auteur`, the name the committee's commands use for the
/// person), else `$SUIVI_AUTEUR`, else git's `GIT_AUTHOR_NAME` / `GIT_AUTHOR_EMAIL`.
struct AuthorOptions: ParsableArguments {
    @Option(name: [.customLong("as"), .customLong("auteur")],
            help: ArgumentHelp("Auteur de l'écriture, « Prénom Nom <courriel> ». Par défaut : $SUIVI_AUTEUR, sinon GIT_AUTHOR_NAME et GIT_AUTHOR_EMAIL.",
                               valueName: "personne"))
    var author: String?

    func identity() throws -> Identity {
        let environment = ProcessInfo.processInfo.environment
        let text = author ?? environment["SUIVI_AUTEUR"]
        if let text { return try parseIdentity(text) }
        if let name = environment["GIT_AUTHOR_NAME"], let email = environment["GIT_AUTHOR_EMAIL"], !name.isEmpty, !email.isEmpty {
            return Identity(name: name, email: email)
        }
        throw ValidationError("auteur inconnu : indiquez --as \"Prénom Nom <courriel>\" ou définissez SUIVI_AUTEUR. "
                              + "Chaque écriture du registre est signée par une personne.")
    }
}

/// Runs a register operation, printing its error in French and exiting 1 on failure.
func registerCall<T>(_ body: () async throws(RegisterError) -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        printError("suivi : \(cliMessage(error))")
        throw ExitCode.failure
    }
}

/// What every import needs: the register, who writes, and the output format.
struct ImportOptions: ParsableArguments {
    @OptionGroup var register: RegisterOptions
    @OptionGroup var author: AuthorOptions

    @Option(help: "Format de sortie.")
    var format: OutputFormat = .text
}
