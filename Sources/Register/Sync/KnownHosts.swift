import Crypto
import Foundation

/// An OpenSSH known_hosts file, read to decide whether an SSH server's host key is the one recorded for it:
/// plain host patterns (`forge.example`, `[127.0.0.1]:2222`, `*.example`, `!exclu`), hashed names
/// (`|1|sel|empreinte`, HMAC-SHA1), `@revoked` lines; `@cert-authority` lines are not used (host certificates
/// are not supported: such a host must be recorded by its key).
struct KnownHosts {
    /// One line of the file.
    struct Entry {
        let patterns: [String]
        let revoked: Bool
        let keyType: String
        let key: Data
    }

    /// What the file says about a host's key.
    enum Verdict: Equatable {
        /// The key is recorded for the host.
        case trusted
        /// Nothing is recorded for the host.
        case unknown
        /// Keys of other types are recorded for the host, not this one (`recorded`: their types).
        case otherTypeKnown(recorded: [String])
        /// Another key of the same type is recorded: the server's key changed, or someone stands in between.
        case changed
        /// The key is marked `@revoked`.
        case revoked
    }

    let entries: [Entry]

    /// Reads `files` as one; an absent file records nothing.
    init(files: [URL]) {
        let text = files.map { (try? String(contentsOf: $0, encoding: .utf8)) ?? "" }.joined(separator: "\n")
        self.init(text: text)
    }

    init(text: String) {
        var entries: [Entry] = []
        for line in text.split(whereSeparator: \.isNewline) {
            var fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let first = fields.first, !first.hasPrefix("#") else { continue }
            var revoked = false
            if first.hasPrefix("@") {
                guard first == "@revoked" else { continue }  // @cert-authority: not supported
                revoked = true
                fields.removeFirst()
            }
            guard fields.count >= 3, let key = Data(base64Encoded: fields[2]) else { continue }
            entries.append(Entry(patterns: fields[0].split(separator: ",").map(String.init), revoked: revoked,
                                 keyType: fields[1], key: key))
        }
        self.entries = entries
    }

    /// The verdict for `key` (its SSH wire form) presented by the host known as `name` (`host`, or
    /// `[host]:port` off port 22).
    func verdict(name: String, key: Data) -> Verdict {
        let type = Self.keyType(of: key)
        let matching = entries.filter { Self.matches(name: name, patterns: $0.patterns) }
        if matching.contains(where: { $0.revoked && $0.key == key }) { return .revoked }
        let recorded = matching.filter { !$0.revoked }
        if recorded.contains(where: { $0.key == key }) { return .trusted }
        if recorded.contains(where: { $0.keyType == type }) { return .changed }
        if recorded.isEmpty { return .unknown }
        return .otherTypeKnown(recorded: Array(Set(recorded.map(\.keyType))).sorted())
    }

    /// The same verdict when only the key's SHA-256 is known.
    func verdict(name: String, sha256: Data) -> Verdict {
        let matching = entries.filter { Self.matches(name: name, patterns: $0.patterns) }
        if matching.contains(where: { $0.revoked && Data(SHA256.hash(data: $0.key)) == sha256 }) { return .revoked }
        let recorded = matching.filter { !$0.revoked }
        if recorded.contains(where: { Data(SHA256.hash(data: $0.key)) == sha256 }) { return .trusted }
        return recorded.isEmpty ? .unknown : .changed
    }

    /// Whether `name` is designated by the comma-separated patterns of a line (a negated pattern that matches
    /// excludes it).
    static func matches(name: String, patterns: [String]) -> Bool {
        var matched = false
        for pattern in patterns {
            if pattern.hasPrefix("!") {
                if glob(String(pattern.dropFirst()), name) { return false }
            } else if pattern.hasPrefix("|1|") {
                if hashedMatch(pattern, name) { matched = true }
            } else if glob(pattern, name) {
                matched = true
            }
        }
        return matched
    }

    /// `|1|<base64 salt>|<base64 HMAC-SHA1(salt, name)>`.
    static func hashedMatch(_ pattern: String, _ name: String) -> Bool {
        let parts = pattern.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 4, let salt = Data(base64Encoded: String(parts[2])),
              let hash = Data(base64Encoded: String(parts[3])) else { return false }
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Data(name.utf8), using: SymmetricKey(data: salt))
        return Data(mac) == hash
    }

    /// OpenSSH's host pattern: `*` any run, `?` one character, case-insensitive.
    static func glob(_ pattern: String, _ name: String) -> Bool {
        let p = Array(pattern.lowercased())
        let n = Array(name.lowercased())
        func match(_ i: Int, _ j: Int) -> Bool {
            if i == p.count { return j == n.count }
            if p[i] == "*" { return (j...n.count).contains { match(i + 1, $0) } }
            guard j < n.count, p[i] == "?" || p[i] == n[j] else { return false }
            return match(i + 1, j + 1)
        }
        return match(0, 0)
    }

    /// The type a key's wire form starts with (`ssh-ed25519`, `ssh-rsa`…).
    static func keyType(of key: Data) -> String {
        var reader = SSHWireReader(key)
        return reader.text() ?? "?"
    }

    /// `SHA256:<base64 without padding>`, as ssh prints a host key's fingerprint.
    static func fingerprint(sha256: Data) -> String {
        "SHA256:" + sha256.base64EncodedString().replacingOccurrences(of: "=", with: "")
    }
}
