import Foundation

/// The parts of a remote's address that authentication needs: how it is reached (a folder, `git://`, `http(s)://`,
/// SSH), the host and port (for messages and known_hosts), the user name written in it (`git@forge…`), and
/// whether it carries a password (refused: a secret never goes into an address nor into the register's
/// configuration).
public struct RemoteAddress: Sendable, Hashable {
    /// How the remote is reached.
    public enum Transport: String, Sendable, Hashable {
        case local, git, http, https, ssh
    }

    /// The address as given.
    public let url: String
    public let transport: Transport
    /// The host (without brackets for an IPv6 address); `nil` for a folder.
    public let host: String?
    /// The port written in the address, if any.
    public let port: Int?
    /// The user name written in the address (`git` in `git@forge:registre.git`), decoded.
    public let user: String?
    /// Whether the address carries a password (`https://nom:secret@forge/…`).
    public let hasPassword: Bool
    /// The path on the host (`/groupe/registre.git`), or the folder.
    public let path: String

    /// Reads `url`: `scheme://[user[:password]@]host[:port]/path`, or the scp-like SSH form `[user@]host:path`
    /// (no `/` before the first `:`), or a folder.
    public init(_ url: String) {
        self.url = url
        if let range = url.range(of: "://") {
            let scheme = url[..<range.lowerBound].lowercased()
            let rest = url[range.upperBound...]
            let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
            let authority = String(rest[..<authorityEnd])
            path = authorityEnd == rest.endIndex ? "/" : String(rest[authorityEnd...])
            switch scheme {
            case "http": transport = .http
            case "https": transport = .https
            case "ssh", "ssh+git", "git+ssh": transport = .ssh
            case "git": transport = .git
            default: transport = .local
            }
            var hostPort = authority
            var userInfo: String?
            if let at = authority.lastIndex(of: "@") {
                userInfo = String(authority[..<at])
                hostPort = String(authority[authority.index(after: at)...])
            }
            if let userInfo {
                let parts = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                user = String(parts[0]).removingPercentEncoding ?? String(parts[0])
                hasPassword = parts.count == 2
            } else {
                user = nil
                hasPassword = false
            }
            (host, port) = Self.splitHostPort(hostPort)
            return
        }
        // scp-like SSH: `[user@]host:path`, with no slash before the colon and not a folder that exists.
        if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/"), url.distance(from: url.startIndex, to: colon) > 1,
           !FileManager.default.fileExists(atPath: url)
        {
            let authority = url[..<colon]
            transport = .ssh
            if let at = authority.lastIndex(of: "@") {
                user = String(authority[..<at])
                host = String(authority[authority.index(after: at)...])
            } else {
                user = nil
                host = String(authority)
            }
            port = nil
            hasPassword = false
            path = String(url[url.index(after: colon)...])
            return
        }
        transport = .local
        host = nil
        port = nil
        user = nil
        hasPassword = false
        path = url
    }

    /// Whether this is a network address (not a folder).
    public var isNetwork: Bool { transport != .local }

    /// `https://forge.example/groupe/registre.git` without the user name and password, to show in messages.
    public var redacted: String {
        guard hasPassword || user != nil, let range = url.range(of: "://"),
              let at = url[range.upperBound...].prefix(while: { $0 != "/" }).lastIndex(of: "@") else { return url }
        return String(url[..<range.upperBound]) + String(url[url.index(after: at)...])
    }

    /// The host as a message names it (`forge.example`, `127.0.0.1:2222`).
    public var hostDescription: String {
        guard let host else { return url }
        return port.map { "\(host):\($0)" } ?? host
    }

    /// The name OpenSSH records in known_hosts: `host` on port 22, else `[host]:port`.
    var knownHostsName: String {
        guard let host else { return "" }
        guard let port, port != 22 else { return host }
        return "[\(host)]:\(port)"
    }

    private static func splitHostPort(_ text: String) -> (String?, Int?) {
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            let host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            return (host, rest.hasPrefix(":") ? Int(rest.dropFirst()) : nil)
        }
        if let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]) {
            return (String(text[..<colon]), port)
        }
        return (text.isEmpty ? nil : text, nil)
    }
}
