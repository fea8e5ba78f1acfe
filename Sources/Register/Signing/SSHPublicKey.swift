import Crypto
import Foundation

/// An Ed25519 public key in OpenSSH's one-line form (`ssh-ed25519 AAAAC3Nza… commentaire`), the form of a
/// `.pub` file and of git's allowed-signers file.
public struct SSHPublicKey: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The only key type accepted: the one `ssh-keygen -t ed25519` makes, and git signs with.
    public static let ed25519 = "ssh-ed25519"

    /// The 32 bytes of the Ed25519 key.
    public let rawKey: Data

    /// Reads one `.pub` line: `ssh-ed25519 <base64> [commentaire]` (the comment is not kept).
    /// - Throws: ``RegisterError/invalidKey(source:reason:)`` saying in French what is wrong (another key type,
    ///   a private key, truncated or damaged base64, a key whose content does not match its type).
    public init(openSSH text: String, source: String = "clé publique") throws(RegisterError) {
        let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if line.contains("PRIVATE KEY") {
            throw .invalidKey(source: source, reason: "c'est une clé privée ; donnez la clé publique (le fichier .pub), jamais la clé privée")
        }
        guard !line.isEmpty else { throw .invalidKey(source: source, reason: "le texte est vide") }
        guard !line.contains("\n") else {
            throw .invalidKey(source: source, reason: "une clé publique tient sur une seule ligne (« ssh-ed25519 AAAA… »)")
        }
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count >= 2 else {
            throw .invalidKey(source: source, reason: "il faut le type puis la clé en base64 (« ssh-ed25519 AAAA… »)")
        }
        guard fields[0] == Self.ed25519 else {
            let known = ["ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-dss",
                         "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com"]
            let what = known.contains(fields[0]) ? "clé de type « \(fields[0]) »" : "type « \(fields[0].prefix(40)) » inconnu"
            throw .invalidKey(source: source, reason: "\(what) : seules les clés ed25519 sont acceptées (ssh-keygen -t ed25519)")
        }
        guard let blob = Data(base64Encoded: fields[1]) else {
            throw .invalidKey(source: source, reason: "la clé n'est pas du base64 valide (tronquée ou modifiée ?)")
        }
        try self.init(blob: blob, source: source)
    }

    /// Reads the wire form of a key (`string "ssh-ed25519"`, `string key`), as in a signature.
    init(blob: Data, source: String) throws(RegisterError) {
        var reader = SSHWireReader(blob)
        guard reader.text() == Self.ed25519, let key = reader.string(), reader.isAtEnd else {
            throw .invalidKey(source: source, reason: "le contenu de la clé ne correspond pas à une clé ed25519 (tronquée ou modifiée ?)")
        }
        guard key.count == 32, (try? Curve25519.Signing.PublicKey(rawRepresentation: key)) != nil else {
            throw .invalidKey(source: source, reason: "une clé ed25519 fait 32 octets (celle-ci : \(key.count))")
        }
        self.rawKey = key
    }

    init(rawKey: Data) { self.rawKey = rawKey }

    /// The key's wire form (`string "ssh-ed25519"`, `string key`).
    var blob: Data {
        var writer = SSHWireWriter()
        writer.string(Self.ed25519)
        writer.string(rawKey)
        return writer.data
    }

    /// `ssh-ed25519 <base64>`, without comment: the form kept in the roster and the allowed-signers file.
    public var openSSH: String { Self.ed25519 + " " + blob.base64EncodedString() }

    /// `SHA256:<base64 without padding>`, as `ssh-keygen -l` prints it.
    public var fingerprint: String {
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }

    public var description: String { openSSH }

    /// Encoded as its one-line OpenSSH form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(openSSH: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(openSSH)
    }

    /// Whether `signature` is this key's Ed25519 signature of `message`.
    func isValidSignature(_ signature: Data, of message: Data) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawKey) else { return false }
        return key.isValidSignature(signature, for: message)
    }
}
