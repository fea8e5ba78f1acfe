import Foundation

/// Where the identifiers for an authenticated remote come from, read at the moment a forge asks for them:
/// never from the command line, never stored in the register.
///
/// - HTTP(S), in order: the token `SUIVI_GIT_JETON` (user `SUIVI_GIT_UTILISATEUR`, else the address's, else
///   `oauth2`), then `SUIVI_GIT_UTILISATEUR` + `SUIVI_GIT_MOT_DE_PASSE`, then each git credential helper the
///   user's git configuration names (`credential.helper`, `credential.<adresse>.helper`), asked with git's
///   credential protocol (`get`).
/// - SSH: the SSH agent (`SSH_AUTH_SOCK`), then the key file `SUIVI_CLE_SSH_DISTANT` (passphrase
///   `SUIVI_CLE_SSH_PHRASE`), else `~/.ssh/id_ed25519`, `id_ecdsa`, `id_rsa`; the user is the address's
///   (`git@forge…`). The server's host key must be in `~/.ssh/known_hosts` or `/etc/ssh/ssh_known_hosts` (or
///   `SUIVI_KNOWN_HOSTS` alone).
///
/// Each source is offered once per connection: when the forge refuses them all, the exchange stops with
/// ``RegisterError/credentialsRefused(host:transport:tried:)``.
public struct RemoteCredentials: Sendable, Hashable {
    /// A forge token (personal or project access token), sent as the password.
    public static let tokenVariable = "SUIVI_GIT_JETON"
    /// The user name sent with the token or the password.
    public static let userVariable = "SUIVI_GIT_UTILISATEUR"
    /// A password, sent with `SUIVI_GIT_UTILISATEUR`.
    public static let passwordVariable = "SUIVI_GIT_MOT_DE_PASSE"
    /// The private key file for SSH remotes.
    public static let sshKeyVariable = "SUIVI_CLE_SSH_DISTANT"
    /// The passphrase of that key, if it has one.
    public static let sshPassphraseVariable = "SUIVI_CLE_SSH_PHRASE"
    /// The known_hosts file to check SSH host keys against, instead of `~/.ssh/known_hosts`.
    public static let knownHostsVariable = "SUIVI_KNOWN_HOSTS"

    /// The environment the sources are read from (variables above, `SSH_AUTH_SOCK`, `USER`, `XDG_CONFIG_HOME`,
    /// `GIT_CONFIG_GLOBAL`, `GIT_CONFIG_NOSYSTEM`, and what credential helpers run with).
    public let environment: [String: String]
    /// The home folder: `.gitconfig`, `.ssh/`.
    public let home: URL

    /// Sources read from `environment`, with `home` (default: its `HOME`).
    public init(environment: [String: String], home: URL? = nil) {
        self.environment = environment
        self.home = home ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory())
    }

    /// The sources of this process: its environment and home folder.
    public static var process: RemoteCredentials {
        RemoteCredentials(environment: ProcessInfo.processInfo.environment)
    }

    /// The user's known_hosts file: where a host key is to be added (`SUIVI_KNOWN_HOSTS`, else `~/.ssh/known_hosts`).
    public var knownHostsFile: URL {
        if let path = value(Self.knownHostsVariable) { return URL(fileURLWithPath: path) }
        return home.appendingPathComponent(".ssh/known_hosts")
    }

    /// Every file SSH host keys are checked against: `SUIVI_KNOWN_HOSTS` alone when set, else the user's
    /// `~/.ssh/known_hosts` and the system's `/etc/ssh/ssh_known_hosts` (as ssh reads them).
    public var knownHostsFiles: [URL] {
        if value(Self.knownHostsVariable) != nil { return [knownHostsFile] }
        return [knownHostsFile, URL(fileURLWithPath: "/etc/ssh/ssh_known_hosts")]
    }

    /// The user name and secret pairs of the environment, in the order they are offered.
    func environmentPasswords(for address: RemoteAddress) -> [PasswordCredential] {
        var offers: [PasswordCredential] = []
        let user = value(Self.userVariable)
        if let token = value(Self.tokenVariable) {
            offers.append(PasswordCredential(user: user ?? address.user ?? "oauth2", password: token,
                                             source: "la variable \(Self.tokenVariable)"))
        }
        if let user, let password = value(Self.passwordVariable) {
            offers.append(PasswordCredential(user: user, password: password,
                                             source: "les variables \(Self.userVariable) et \(Self.passwordVariable)"))
        }
        return offers
    }

    /// The SSH user: the address's, else `SUIVI_GIT_UTILISATEUR`, else the session's user.
    func sshUser(for address: RemoteAddress) -> String {
        address.user ?? value(Self.userVariable) ?? value("USER") ?? value("LOGNAME") ?? "git"
    }

    /// Whether an SSH agent is to be asked (`SSH_AUTH_SOCK` set). libssh2 itself reads `SSH_AUTH_SOCK` from the
    /// process's environment, so the agent asked is always the process's: an `environment` given here only
    /// decides whether it is asked.
    var hasAgent: Bool { value("SSH_AUTH_SOCK") != nil }

    /// The private key files to offer, in order: `SUIVI_CLE_SSH_DISTANT` alone when set, else the usual ones
    /// that exist.
    var sshKeyFiles: [URL] {
        if let path = value(Self.sshKeyVariable) { return [URL(fileURLWithPath: path)] }
        return ["id_ed25519", "id_ecdsa", "id_rsa"].map { home.appendingPathComponent(".ssh/" + $0) }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    var sshPassphrase: String? { value(Self.sshPassphraseVariable) }

    /// A variable's value, `nil` when unset or empty.
    func value(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }
}

extension RemoteCredentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The home folder and the names of the variables set, never their values: a value printed in a log or a
    /// test failure must not carry a token.
    public var description: String {
        let names = environment.keys.filter { $0.hasPrefix("SUIVI_") || $0 == "SSH_AUTH_SOCK" }.sorted()
        return "RemoteCredentials(home: \(home.path), variables: \(names.joined(separator: ", ")))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror { Mirror(self, children: ["description": description]) }
}

/// A user name and a secret for an HTTP(S) remote, and where they came from (said when they are refused; the
/// secret never is).
struct PasswordCredential: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let user: String
    let password: String
    /// In French: « la variable SUIVI_GIT_JETON », « l'assistant d'identification git « store » ».
    let source: String

    /// The user and the source, never the secret.
    var description: String { "\(user) (\(source))" }
    var debugDescription: String { description }
    var customMirror: Mirror { Mirror(self, children: ["user": user, "source": source]) }
}
