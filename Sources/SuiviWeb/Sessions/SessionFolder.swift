import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The logged-in sessions of a server that outlive it (`suivi web --cle-sessions`): one file per session in
/// `<registre>/sessions/` (beside `register.git`, never in git; the folder mode 0700, each file 0600). A file is
/// named after its cookie through the key (``SessionKey/fileName(for:)``) and sealed with it: reading the folder
/// gives no cookie, a file cannot be altered, and with another key no session is found. Logging out removes the
/// file, so a logged-out cookie never comes back after a restart; a password change or a removed account ends the
/// session when it is next used (``SessionMiddleware`` compares the password hash it logged in with).
struct SessionFolder: Sendable {
    static let folderName = "sessions"
    static let suffix = ".session"

    let directory: URL
    let key: SessionKey

    /// What a file holds (never the cookie itself).
    struct Stored: Codable {
        var csrf: String
        var account: Account?
        var expires: Date
        var keptAction: String?
        var keptFields: [String: String]?
    }

    /// The folder of `registerRoot`, created (0700) if needed.
    init(registerRoot: URL, key: SessionKey) throws(SessionStorageError) {
        directory = registerRoot.appendingPathComponent(Self.folderName, isDirectory: true)
        self.key = key
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .folder(path: directory.path, reason: "un fichier porte ce nom") }
        } else {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw .folder(path: directory.path, reason: error.localizedDescription)
            }
        }
        guard access(directory.path, W_OK | X_OK) == 0 else {
            throw .folder(path: directory.path, reason: String(cString: strerror(errno)))
        }
    }

    private func file(for id: String) -> (name: String, url: URL) {
        let name = key.fileName(for: id)
        return (name, directory.appendingPathComponent(name + Self.suffix))
    }

    /// Writes `session` (atomically: a new file renamed over the old one).
    func save(_ session: Session) throws(SessionStorageError) {
        let (name, target) = file(for: session.id)
        let stored = Stored(csrf: session.csrfToken, account: session.account, expires: session.expires,
                            keptAction: session.kept?.action, keptFields: session.kept?.fields)
        let temporary = directory.appendingPathComponent(".\(name).\(UUID().uuidString).tmp")
        do {
            let sealed = try key.seal(try JSONEncoder().encode(stored), name: name)
            guard FileManager.default.createFile(atPath: temporary.path, contents: sealed, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown)
            }
            guard rename(temporary.path, target.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            unlink(temporary.path)
            throw .write(path: target.path, reason: error.localizedDescription)
        }
    }

    /// The session of cookie `id`; nil when there is no file for it, or it was not sealed with this key.
    func load(_ id: String) -> Session? {
        let (name, url) = file(for: id)
        guard let data = try? Data(contentsOf: url), let plain = key.unseal(data, name: name),
              let stored = try? JSONDecoder().decode(Stored.self, from: plain) else { return nil }
        var kept: KeptForm?
        if let action = stored.keptAction, let fields = stored.keptFields { kept = KeptForm(stored: action, fields: fields) }
        return Session(id: id, csrfToken: stored.csrf, account: stored.account, expires: stored.expires, kept: kept)
    }

    /// Removes the file of cookie `id` (none: nothing to do).
    func delete(_ id: String) throws(SessionStorageError) {
        let url = file(for: id).url
        guard unlink(url.path) == 0 || errno == ENOENT else {
            throw .remove(path: url.path, reason: String(cString: strerror(errno)))
        }
    }

    /// Removes the files of expired sessions, those sealed with another key (a key changed: no cookie can reach
    /// them), and leftovers of interrupted writes. Returns how many files remain.
    @discardableResult
    func purge(now: Date) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return 0 }
        var remaining = 0
        for fileName in names {
            let url = directory.appendingPathComponent(fileName)
            if fileName.hasSuffix(".tmp") {
                unlink(url.path)
                continue
            }
            guard fileName.hasSuffix(Self.suffix) else { continue }
            let name = String(fileName.dropLast(Self.suffix.count))
            guard let data = try? Data(contentsOf: url), let plain = key.unseal(data, name: name),
                  let stored = try? JSONDecoder().decode(Stored.self, from: plain), stored.expires > now else {
                unlink(url.path)
                continue
            }
            remaining += 1
        }
        return remaining
    }
}
