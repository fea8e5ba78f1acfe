import Crypto
import Foundation

/// Who signs the commits a register writes, and with which key: a committee member's own key (the CLI), or the
/// web server's key (`suivi web --cle-serveur`), which signs for the member the server authenticated.
///
/// The key is an unencrypted OpenSSH Ed25519 private key file (`ssh-keygen -t ed25519 -N ''`), read and used in
/// process: signing needs no `ssh-keygen` and no agent (docs/COMMITTEE.md, « Signatures »).
public struct Signer: Sendable {
    /// Whether the key is a member's (it names the person acting) or the web server's (it vouches for the member
    /// it authenticated, named in the commit's `Membre-authentifie:` trailer).
    public enum Role: String, Sendable, Hashable, Codable {
        case member
        case server
    }

    public let role: Role
    public let publicKey: SSHPublicKey
    private let seed: Data

    /// Reads an OpenSSH private key file.
    /// - Throws: ``RegisterError/invalidKey(source:reason:)``: unreadable file, a public key given instead, a key
    ///   protected by a passphrase, another key type.
    public init(keyFile: URL, role: Role) throws(RegisterError) {
        let path = keyFile.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .invalidKey(source: path, reason: "aucun fichier à cet endroit ; vérifiez le chemin : c'est celui de la clé privée "
                              + "(par exemple ~/.ssh/id_ed25519, sans .pub). " + Self.dedicatedKeyAdvice)
        }
        guard !isFolder.boolValue else {
            throw .invalidKey(source: path, reason: "c'est un dossier ; donnez le fichier de la clé privée (par exemple ~/.ssh/id_ed25519)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalidKey(source: path, reason: "fichier illisible (droits insuffisants ?) : il doit être lisible par vous (chmod 600)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .invalidKey(source: path, reason: "ce fichier n'est pas une clé SSH (pas du texte) ; donnez la clé privée faite par ssh-keygen -t ed25519")
        }
        try self.init(openSSHPrivateKey: text, source: path, role: role)
    }

    /// What to do when the key cannot sign here (in an agent only, on a security key, of another type, a public key).
    static let dedicatedKeyAdvice = "suivi signe lui-même avec une clé ed25519 sans phrase de passe : il ne passe pas par "
        + "ssh-agent et ne peut pas utiliser une clé qui n'existe que dans l'agent ou sur une clé matérielle. Créez-vous une clé "
        + "dédiée (ssh-keygen -t ed25519 -N '' -f ~/.ssh/suivi_ed25519), faites inscrire sa clé publique (~/.ssh/suivi_ed25519.pub) "
        + "au comité pour votre siège, puis signez avec ~/.ssh/suivi_ed25519"

    /// `path` as a shell reads it (in single quotes when it holds anything but plain characters).
    static func shellQuoted(_ path: String) -> String {
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-~+")
        guard path.contains(where: { !plain.contains($0) }) else { return path }
        return "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Reads the text of an OpenSSH private key (`-----BEGIN OPENSSH PRIVATE KEY-----`).
    public init(openSSHPrivateKey text: String, source: String = "clé privée", role: Role) throws(RegisterError) {
        let begin = "-----BEGIN OPENSSH PRIVATE KEY-----", end = "-----END OPENSSH PRIVATE KEY-----"
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = lines.firstIndex(of: begin), let last = lines.lastIndex(of: end), first < last else {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.hasPrefix("ssh-") || trimmed.hasPrefix("ecdsa-") || trimmed.hasPrefix("sk-") {
                let privatePath = source.hasSuffix(".pub") ? String(source.dropLast(4)) : nil
                throw .invalidKey(source: source, reason: "c'est une clé publique ; pour signer, donnez la clé privée"
                                  + (privatePath.map { " (le même fichier sans .pub : \($0))" } ?? " (le fichier sans .pub)")
                                  + ". Si elle n'est que dans ssh-agent ou sur une clé matérielle : " + Self.dedicatedKeyAdvice)
            }
            if text.contains("-----BEGIN ") && text.contains(" PRIVATE KEY-----") {
                throw .invalidKey(source: source, reason: "clé privée dans un ancien format (PEM) ou d'un autre type qu'ed25519. " + Self.dedicatedKeyAdvice)
            }
            throw .invalidKey(source: source, reason: "clé privée OpenSSH attendue (« \(begin) », faite par ssh-keygen -t ed25519)")
        }
        guard let blob = Data(base64Encoded: lines[(first + 1)..<last].joined()) else {
            throw .invalidKey(source: source, reason: "clé privée : base64 invalide")
        }
        var reader = SSHWireReader(blob)
        guard reader.raw(count: 15) == Data("openssh-key-v1\0".utf8), let cipher = reader.text(), let kdf = reader.text(),
              reader.string() != nil, let count = reader.uint32() else {
            throw .invalidKey(source: source, reason: "clé privée OpenSSH tronquée ou d'un format inconnu")
        }
        guard count == 1, let publicBlob = reader.string(), let secret = reader.string() else {
            throw .invalidKey(source: source, reason: "une seule clé attendue dans le fichier")
        }
        var typeReader = SSHWireReader(publicBlob)
        if let type = typeReader.text(), type != SSHPublicKey.ed25519 {
            let hardware = type.hasPrefix("sk-") ? " (une clé matérielle FIDO, qui signe hors de l'ordinateur)" : ""
            throw .invalidKey(source: source, reason: "clé de type « \(type.prefix(40)) »\(hardware) : " + Self.dedicatedKeyAdvice)
        }
        guard cipher == "none", kdf == "none" else {
            // The public half is readable without the passphrase: the copy's is the same, already in the roster.
            let copy = Self.shellQuoted(source + "-suivi"), original = Self.shellQuoted(source)
            throw .invalidKey(source: source, reason: "la clé est protégée par une phrase de passe, que suivi ne peut pas demander "
                              + "(et suivi ne passe pas par ssh-agent). Faites-en une copie sans phrase de passe, lisible de vous seul, "
                              + "et signez avec elle : cp \(original) \(copy) && chmod 600 \(copy) && ssh-keygen -p -N '' -f \(copy) "
                              + "(ssh-keygen demande la phrase de passe actuelle ; la clé publique reste la même, rien à réinscrire "
                              + "au comité), puis signez avec \(copy)")
        }
        let publicKey = try SSHPublicKey(blob: publicBlob, source: source)
        var inner = SSHWireReader(secret)
        guard let check1 = inner.uint32(), let check2 = inner.uint32(), check1 == check2,
              inner.text() == SSHPublicKey.ed25519, inner.string() == publicKey.rawKey,
              let secretKey = inner.string(), secretKey.count == 64, secretKey.suffix(32) == publicKey.rawKey else {
            throw .invalidKey(source: source, reason: "clé privée ed25519 incohérente (endommagée ?)")
        }
        let seed = Data(secretKey.prefix(32))
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed),
              key.publicKey.rawRepresentation == publicKey.rawKey else {
            throw .invalidKey(source: source, reason: "la clé privée ne correspond pas à sa clé publique")
        }
        self.role = role
        self.publicKey = publicKey
        self.seed = seed
    }

    /// A fresh random key (for the tests: real keys come from `ssh-keygen`).
    package init(randomFor role: Role) {
        let key = Curve25519.Signing.PrivateKey()
        self.role = role
        self.publicKey = SSHPublicKey(rawKey: key.publicKey.rawRepresentation)
        self.seed = key.rawRepresentation
    }

    /// The armored SSH signature (namespace `git`) of `payload`: what goes into a commit's `gpgsig` header.
    package func sign(_ payload: Data) throws(RegisterError) -> String {
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else {
            throw .signing(reason: "clé privée inutilisable")
        }
        return try SSHSignature.sign(payload, with: key).armored
    }
}
