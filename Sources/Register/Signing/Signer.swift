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
        let text: String
        do {
            text = try String(contentsOf: keyFile, encoding: .utf8)
        } catch {
            throw .invalidKey(source: keyFile.path, reason: "fichier illisible (\(error.localizedDescription))")
        }
        try self.init(openSSHPrivateKey: text, source: keyFile.path, role: role)
    }

    /// Reads the text of an OpenSSH private key (`-----BEGIN OPENSSH PRIVATE KEY-----`).
    public init(openSSHPrivateKey text: String, source: String = "clé privée", role: Role) throws(RegisterError) {
        let begin = "-----BEGIN OPENSSH PRIVATE KEY-----", end = "-----END OPENSSH PRIVATE KEY-----"
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = lines.firstIndex(of: begin), let last = lines.lastIndex(of: end), first < last else {
            if text.hasPrefix(SSHPublicKey.ed25519) {
                throw .invalidKey(source: source, reason: "c'est une clé publique ; pour signer, donnez la clé privée (le fichier sans .pub)")
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
        guard cipher == "none", kdf == "none" else {
            throw .invalidKey(source: source, reason: "la clé est protégée par une phrase de passe, que suivi ne lit pas ; "
                              + "utilisez une clé dédiée sans phrase de passe (ssh-keygen -t ed25519 -N '' -f <fichier>), rangée "
                              + "dans un fichier lisible de vous seul")
        }
        guard count == 1, let publicBlob = reader.string(), let secret = reader.string() else {
            throw .invalidKey(source: source, reason: "une seule clé attendue dans le fichier")
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
