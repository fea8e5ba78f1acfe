import ArgumentParser
import Foundation
import Register

/// Where the register is: `--registre`, else `$SUIVI_REGISTRE`, else the nearest folder holding `register.git`
/// from the current folder up (as git finds its repository: from a draft's working copy
/// `registre/brouillons/<nom>/` it is `registre/`), else the current folder.
struct RegisterOptions: ParsableArguments {
    @Option(name: .customLong("registre"),
            help: ArgumentHelp("Dossier du registre (contient register.git). Par défaut : $SUIVI_REGISTRE, sinon le registre "
                               + "qui contient le dossier courant (comme git).", valueName: "dossier"))
    var repo: String?

    @Option(name: .customLong("cle-ssh"),
            help: ArgumentHelp("Clé SSH privée (ed25519, sans phrase de passe) qui signe les écritures : celle du membre qui agit. "
                               + "Par défaut : $SUIVI_CLE_SSH. Un chemin, jamais la clé elle-même.", valueName: "fichier"))
    var signingKey: String?

    /// The folder named by `--registre` or `$SUIVI_REGISTRE` (an empty variable is no folder), if any.
    private var named: (url: URL, by: String)? {
        if let repo { return (URL(fileURLWithPath: repo), "--registre") }
        if let variable = ProcessInfo.processInfo.environment["SUIVI_REGISTRE"], !variable.isEmpty {
            return (URL(fileURLWithPath: variable), "SUIVI_REGISTRE")
        }
        return nil
    }

    var url: URL {
        if let named { return named.url }
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return Self.enclosingRegister(of: here) ?? here
    }

    /// The nearest folder holding `register.git`, from `folder` up to the root; nil if there is none.
    static func enclosingRegister(of folder: URL) -> URL? {
        var current = folder.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: TextRegister.gitDirectory(of: current).path) { return current }
            let parent = current.deletingLastPathComponent().standardizedFileURL
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    /// Opens the register for a command that writes: every commit signed with the member's key (`--cle-ssh`,
    /// `$SUIVI_CLE_SSH`), a key that cannot sign refused before anything is read or written; where there is no register, says
    /// where it was looked for and how to name it.
    func open() throws -> TextRegister {
        try openForReading().signing(with: try signer())
    }

    /// Opens the register for a command that only reads it (`afficher`, `diff`, `etat`, `verifier`, the exports and
    /// lists): the signing key is not read, so a wrong `--cle-ssh` or `$SUIVI_CLE_SSH` does not stop reading. Nothing
    /// it could write would be signed, and a register whose roster records keys refuses unsigned committee writes.
    func openForReading() throws -> TextRegister {
        let url = self.url
        do {
            return try TextRegister.open(at: url)
        } catch RegisterError.notARegister {
            throw Refusal(Self.noRegisterMessage(at: url, namedBy: named?.by))
        }
    }

    /// Why no register was found: named by an option or the variable, or looked for from the current folder up.
    /// Inside a register, never a suggestion to create one.
    static func noRegisterMessage(at url: URL, namedBy: String?) -> String {
        let path = url.path
        guard let namedBy else {
            return "aucun registre dans le dossier courant (« \(path) ») ni dans ses dossiers parents. Indiquez le dossier "
                + "du registre avec --registre <dossier> ou la variable SUIVI_REGISTRE, ou créez-en un avec « suivi init <dossier> »."
        }
        if let enclosing = enclosingRegister(of: url.deletingLastPathComponent()) {
            return "« \(path) » (\(namedBy)) n'est pas le dossier d'un registre mais un dossier à l'intérieur du registre "
                + "« \(enclosing.path) » : indiquez --registre \(enclosing.path) (ou SUIVI_REGISTRE=\(enclosing.path)), "
                + "ou omettez les deux depuis un dossier du registre."
        }
        return "« \(path) » (\(namedBy)) ne contient pas de registre (dossier register.git absent). Vérifiez --registre "
            + "ou la variable SUIVI_REGISTRE ; sans eux, suivi cherche le registre depuis le dossier courant. "
            + "Pour créer un registre à cet endroit : « suivi init \(path) »."
    }

    /// The member's signing key: `--cle-ssh`, else `$SUIVI_CLE_SSH`; `nil` when neither is given.
    /// The draft whose working copy (`brouillons/<nom>/` in the register) holds the current folder, if any.
    func draftHere() -> String? {
        let drafts = TextRegister.draftsDirectory(of: url).resolvingSymlinksInPath().standardizedFileURL.pathComponents
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath().standardizedFileURL.pathComponents
        guard here.count > drafts.count, Array(here.prefix(drafts.count)) == drafts else { return nil }
        return here[drafts.count]
    }

    /// A key that cannot sign is refused saying where it was named (`--cle-ssh` or `SUIVI_CLE_SSH`) and what to do.
    func signer() throws -> Signer? {
        let environment = ProcessInfo.processInfo.environment["SUIVI_CLE_SSH"].flatMap { $0.isEmpty ? nil : $0 }
        guard let path = signingKey ?? environment else { return nil }
        let namedBy = signingKey != nil ? "--cle-ssh" : "SUIVI_CLE_SSH"
        let loaded = Result { () throws(RegisterError) -> Signer in try Signer(keyFile: URL(fileURLWithPath: path), role: .member) }
        switch loaded {
        case .success(let signer): return signer
        case .failure(.invalidKey(let source, let reason)): throw RegisterError.invalidKey(source: "\(source), donnée par \(namedBy)", reason: reason)
        case .failure(let error): throw error
        }
    }
}

/// What every import needs: the register, who writes, and the output format.
struct ImportOptions: ParsableArguments {
    @OptionGroup var register: RegisterOptions
    @OptionGroup var author: AuthorOptions
    @OptionGroup var format: FormatOption
}
