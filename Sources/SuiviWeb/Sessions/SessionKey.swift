import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The secret that lets sessions outlive the server process (`suivi web --cle-sessions <fichier>`): 32 or more
/// random bytes in a file only its owner can read. Two keys are derived from it (HKDF-SHA-256): one names a
/// session's file after its cookie (HMAC, so the folder of sessions never shows a cookie), one seals the file's
/// content (AES-GCM, so a file cannot be read or altered without the key). A third signs the login form's token,
/// so a login form shown before a restart still works after it.
public struct SessionKey: Sendable {
    public static let minimumLength = 32
    public static let maximumLength = 4096

    let naming: SymmetricKey
    let sealing: SymmetricKey
    let loginForms: [UInt8]

    /// Derives the keys from `material` (the key file's bytes).
    public init(material: [UInt8]) {
        let input = SymmetricKey(data: material)
        func derive(_ purpose: String) -> SymmetricKey {
            HKDF<SHA256>.deriveKey(inputKeyMaterial: input, salt: Data("suivi-sessions".utf8), info: Data(purpose.utf8), outputByteCount: 32)
        }
        naming = derive("noms des fichiers de session")
        sealing = derive("contenu des fichiers de session")
        loginForms = derive("jeton du formulaire de connexion").withUnsafeBytes { Array($0) }
    }

    /// Reads the key file, refusing one that other users may read or write, or that is too short to be a key.
    public init(contentsOf file: URL) throws(SessionKeyError) {
        let path = file.path
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT { throw .missing(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard (status.st_mode & 0o170000) == 0o100000 else { throw .notAFile(path: path) }  // S_IFMT, S_IFREG
        let permissions = status.st_mode & 0o777
        guard permissions & 0o077 == 0 else { throw .exposed(path: path, mode: String(permissions, radix: 8)) }
        guard Int(status.st_size) <= Self.maximumLength else { throw .tooLong(path: path, length: Int(status.st_size)) }
        let data: Data
        do { data = try Data(contentsOf: file) } catch { throw .unreadable(path: path, reason: error.localizedDescription) }
        guard data.count >= Self.minimumLength else { throw .tooShort(path: path, length: data.count) }
        self.init(material: Array(data))
    }

    /// Writes a new key of 32 random bytes to `file`, readable by its owner only; never over an existing file.
    public static func generate(at file: URL) throws(SessionKeyError) {
        let path = file.path
        let descriptor = createExclusively(path)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw .alreadyExists(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<minimumLength).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        let reason = String(cString: strerror(errno))
        close(descriptor)
        guard written == bytes.count, synced else {
            unlink(path)
            throw .unreadable(path: path, reason: reason)
        }
    }

    /// The file name of the session whose cookie is `id`: 64 hexadecimal digits nobody can trace back to the cookie.
    func fileName(for id: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data("session:\(id)".utf8), using: naming)
            .map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }

    /// `data` encrypted and authenticated, bound to file `name` (a file copied under another name does not open).
    func seal(_ data: Data, name: String) throws -> Data {
        guard let combined = try AES.GCM.seal(data, using: sealing, authenticating: Data(name.utf8)).combined else {
            throw CryptoKitError.incorrectParameterSize
        }
        return combined
    }

    /// What ``seal(_:name:)`` sealed, or nil when the data was not sealed with this key for this name.
    func unseal(_ data: Data, name: String) -> Data? {
        guard let box = try? AES.GCM.SealedBox(combined: data) else { return nil }
        return try? AES.GCM.open(box, using: sealing, authenticating: Data(name.utf8))
    }
}

/// Opens a new file for writing, readable by its owner only; fails when the path exists (`O_EXCL`).
private func createExclusively(_ path: String) -> Int32 {
    open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
}
