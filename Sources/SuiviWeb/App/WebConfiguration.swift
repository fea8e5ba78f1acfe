import Foundation
import LegalText
import Register

/// What `suivi serve` needs: the register, where to listen, and the day deadlines are counted from.
public struct WebConfiguration: Sendable {
    /// The register folder (holds `register.git` and `comptes.json`).
    public var registerRoot: URL
    public var host: String
    public var port: Int
    /// Today's date (Europe/Paris by default; fixed in tests).
    public var today: @Sendable () -> LegalDate
    /// Seconds a connection may stay idle (no request in progress) before the server closes it.
    public var idleTimeout: TimeInterval
    /// Connections served at once; more wait in the system's queue until one closes (idle sockets cannot
    /// exhaust the process's file descriptors).
    public var maximumConnections: Int
    /// The server's signing key (`suivi web --cle-serveur`): every write is signed with it and names the member
    /// who acted (`Membre-authentifie:`); `nil`: unsigned writes.
    public var signer: Signer?
    /// The site's public address for the absolute links of the feeds (`suivi web --adresse-publique`); `nil`: the
    /// address the server listens on. Never the request's `Host` header, which a visitor chooses.
    public var publicAddress: String?
    /// The forge the server's clone syncs with (`origin` when `nil` and the clone has one; no sync when neither):
    /// pushed after each web write, pulled every `syncPeriod` seconds and on demand.
    public var remote: String?
    /// Seconds between two pulls from `remote`; `nil`: no periodic pull.
    public var syncPeriod: TimeInterval?
    /// Addresses (or CIDR ranges) of the reverse proxies whose `X-Forwarded-For` / `X-Forwarded-Proto` are
    /// believed; empty: those headers are ignored.
    public var trustedProxies: [String] = []
    /// The file holding the key that signs and encrypts session cookies (sessions survive a restart); `nil`:
    /// sessions live in memory only.
    public var sessionKeyFile: URL?

    public init(registerRoot: URL, host: String = "127.0.0.1", port: Int = 8080,
                today: @escaping @Sendable () -> LegalDate = WebConfiguration.parisToday,
                idleTimeout: TimeInterval = 30, maximumConnections: Int = 500) {
        self.registerRoot = registerRoot
        self.host = host
        self.port = port
        self.today = today
        self.idleTimeout = max(0.1, idleTimeout)
        self.maximumConnections = max(1, maximumConnections)
    }

    /// The calendar date in Paris now.
    public static let parisToday: @Sendable () -> LegalDate = { LegalDate.today(in: .paris) }
}
