import ArgumentParser
import Foundation
import Register

/// Who writes: `--auteur "Prénom Nom <courriel>"` (always a person), else `$SUIVI_AUTEUR`, else git's
/// `GIT_AUTHOR_NAME` / `GIT_AUTHOR_EMAIL`.
struct AuthorOptions: ParsableArguments {
    @Option(name: .customLong("auteur"),
            help: ArgumentHelp("Personne qui écrit, « Prénom Nom <courriel> ». Par défaut : pour un siège, son membre en fonction ; "
                               + "sinon $SUIVI_AUTEUR, puis GIT_AUTHOR_NAME et GIT_AUTHOR_EMAIL.",
                               valueName: "personne"))
    var author: String?

    /// The person named by `--auteur`, if any.
    func explicit() throws -> Identity? {
        try author.map(parseIdentity)
    }

    /// The person from the environment, if any.
    func environment() throws -> Identity? {
        let environment = ProcessInfo.processInfo.environment
        if let text = environment["SUIVI_AUTEUR"] { return try parseIdentity(text) }
        if let name = environment["GIT_AUTHOR_NAME"], let email = environment["GIT_AUTHOR_EMAIL"], !name.isEmpty, !email.isEmpty {
            return Identity(name: name, email: email)
        }
        return nil
    }

    /// `--auteur`, else the environment; required.
    func identity() throws -> Identity {
        if let person = try explicit() ?? environment() { return person }
        throw ValidationError("auteur inconnu : indiquez --auteur \"Prénom Nom <courriel>\" ou définissez SUIVI_AUTEUR. "
                              + "Chaque écriture du registre est signée par une personne.")
    }
}

/// The person named by an option or `$SUIVI_AUTEUR` (the rule is Register's ``Identity/init(parsing:)``).
func parseIdentity(_ text: String) throws -> Identity {
    do {
        return try Identity(parsing: text)
    } catch {
        throw ValidationError(error.description)
    }
}
