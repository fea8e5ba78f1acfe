import Crypto
import Foundation

/// git's SSH signature format (OpenSSH's `PROTOCOL.sshsig`, what `ssh-keygen -Y sign -n git` writes into a
/// commit's `gpgsig` header): the Ed25519 signature of a SHA-512 digest of the signed text, bound to a namespace
/// (`git`), with the signer's public key, armored between `-----BEGIN SSH SIGNATURE-----` lines.
public struct SSHSignature: Sendable, Hashable {
    /// The namespace git signs commits in.
    public static let gitNamespace = "git"
    static let magic = "SSHSIG"
    static let begin = "-----BEGIN SSH SIGNATURE-----"
    static let end = "-----END SSH SIGNATURE-----"

    /// The key that made the signature (as the signature says: it proves nothing until verified).
    public let publicKey: SSHPublicKey
    public let namespace: String
    let hashAlgorithm: String
    let signature: Data

    /// What is actually signed for `message`: the magic, namespace, reserved field, hash name and digest.
    static func signedData(of message: Data, namespace: String, hashAlgorithm: String) -> Data? {
        let digest: Data
        switch hashAlgorithm {
        case "sha512": digest = Data(SHA512.hash(data: message))
        case "sha256": digest = Data(SHA256.hash(data: message))
        default: return nil
        }
        var writer = SSHWireWriter()
        writer.raw(magic)
        writer.string(namespace)
        writer.string("")
        writer.string(hashAlgorithm)
        writer.string(digest)
        return writer.data
    }

    /// Signs `message` with `key` (Ed25519 is deterministic: the same bytes `ssh-keygen -Y sign` writes).
    static func sign(_ message: Data, with key: Curve25519.Signing.PrivateKey, namespace: String = gitNamespace)
        throws(RegisterError) -> SSHSignature
    {
        guard let data = signedData(of: message, namespace: namespace, hashAlgorithm: "sha512") else {
            throw .signing(reason: "algorithme d'empreinte inconnu")
        }
        let raw: Data
        do {
            raw = try key.signature(for: data)
        } catch {
            throw .signing(reason: "la signature Ed25519 a échoué (\(error))")
        }
        return SSHSignature(publicKey: SSHPublicKey(rawKey: key.publicKey.rawRepresentation), namespace: namespace,
                            hashAlgorithm: "sha512", signature: raw)
    }

    init(publicKey: SSHPublicKey, namespace: String, hashAlgorithm: String, signature: Data) {
        self.publicKey = publicKey
        self.namespace = namespace
        self.hashAlgorithm = hashAlgorithm
        self.signature = signature
    }

    /// Reads an armored signature.
    /// - Throws: ``RegisterError/signing(reason:)`` naming what is malformed.
    public init(armored text: String) throws(RegisterError) {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = lines.firstIndex(of: Self.begin), let last = lines.lastIndex(of: Self.end), first < last else {
            throw .signing(reason: "ce n'est pas une signature SSH (« \(Self.begin) » attendu)")
        }
        guard let blob = Data(base64Encoded: lines[(first + 1)..<last].joined()) else {
            throw .signing(reason: "signature SSH : base64 invalide")
        }
        var reader = SSHWireReader(blob)
        guard reader.raw(count: 6) == Data(Self.magic.utf8), reader.uint32() == 1 else {
            throw .signing(reason: "signature SSH : en-tête SSHSIG version 1 attendu")
        }
        guard let keyBlob = reader.string(), let namespace = reader.text(), reader.string() != nil,
              let hash = reader.text(), let wrapped = reader.string(), reader.isAtEnd else {
            throw .signing(reason: "signature SSH tronquée")
        }
        let key = try SSHPublicKey(blob: keyBlob, source: "clé de la signature")
        var inner = SSHWireReader(wrapped)
        guard inner.text() == SSHPublicKey.ed25519, let raw = inner.string(), raw.count == 64, inner.isAtEnd else {
            throw .signing(reason: "signature SSH : signature ed25519 de 64 octets attendue")
        }
        self.init(publicKey: key, namespace: namespace, hashAlgorithm: hash, signature: raw)
    }

    /// Whether this is a valid signature of `message` in `namespace` by ``publicKey``.
    public func verifies(_ message: Data, namespace expected: String = gitNamespace) -> Bool {
        guard namespace == expected,
              let data = Self.signedData(of: message, namespace: namespace, hashAlgorithm: hashAlgorithm) else { return false }
        return publicKey.isValidSignature(signature, of: data)
    }

    /// The armored form, wrapped at 70 columns as `ssh-keygen` writes it, ending with a line break.
    public var armored: String {
        var writer = SSHWireWriter()
        writer.raw(Self.magic)
        writer.uint32(1)
        writer.string(publicKey.blob)
        writer.string(namespace)
        writer.string("")
        writer.string(hashAlgorithm)
        var inner = SSHWireWriter()
        inner.string(SSHPublicKey.ed25519)
        inner.string(signature)
        writer.string(inner.data)
        let base64 = writer.data.base64EncodedString()
        var lines = [Self.begin]
        var index = base64.startIndex
        while index < base64.endIndex {
            let next = base64.index(index, offsetBy: 70, limitedBy: base64.endIndex) ?? base64.endIndex
            lines.append(String(base64[index..<next]))
            index = next
        }
        lines.append(Self.end)
        return lines.joined(separator: "\n") + "\n"
    }
}
