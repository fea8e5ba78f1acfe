/// The reverse proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed (`suivi web
/// --proxys-de-confiance`): from any other peer those headers are ignored, so a visitor cannot choose the address
/// the login throttle counts their failures by, nor make the server think the connection is encrypted.
public struct TrustedProxies: Sendable, Hashable {
    public let networks: [IPNetwork]

    /// An entry that is neither an address nor a CIDR range.
    public struct InvalidEntry: Error, Sendable, Equatable, CustomStringConvertible {
        public let entry: String
        public var description: String {
            "« \(entry) » n'est ni une adresse IP (192.0.2.10, 2001:db8::10) ni une plage CIDR (10.0.0.0/8, 2001:db8::/32)"
        }
    }

    /// No proxy: the headers are always ignored.
    public static let none = TrustedProxies(networks: [])

    public init(networks: [IPNetwork]) {
        self.networks = networks
    }

    /// Each entry an address or a CIDR range.
    public init(_ entries: [String]) throws(InvalidEntry) {
        var networks: [IPNetwork] = []
        for entry in entries {
            guard let network = IPNetwork(parsing: entry) else { throw InvalidEntry(entry: entry) }
            networks.append(network)
        }
        self.networks = networks
    }

    /// The entries of a list as a configuration writes it: separated by commas or spaces.
    public static func entries(of list: String) -> [String] {
        list.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
    }

    public func trusts(_ address: IPAddress) -> Bool {
        networks.contains { $0.contains(address) }
    }

    /// The most `X-Forwarded-For` hops looked at (a longer chain is no real deployment).
    static let maximumHops = 32

    /// Who the client is and whether it reached the first proxy over HTTPS, for a request from `peer` (the socket's
    /// remote address) carrying the values of its `X-Forwarded-For` and `X-Forwarded-Proto` headers.
    ///
    /// From a peer that is not a trusted proxy, the headers are ignored: the client is the peer. From a trusted
    /// proxy, the `X-Forwarded-For` chain is read from the right (each proxy appends the address it received the
    /// request from) and the client is the first address that is not itself a trusted proxy; whatever precedes it
    /// was written by the client and is never believed. An entry that is not an address ends the walk at the last
    /// address known. The scheme is the one the nearest proxy set (the last value).
    public func resolve(peer: IPAddress?, forwardedFor: [String], forwardedProto: [String]) -> (client: IPAddress?, isHTTPS: Bool) {
        guard let peer, trusts(peer) else { return (peer, false) }
        var client = peer
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.suffix(Self.maximumHops)
        for hop in hops.reversed() {
            guard let address = IPAddress(parsing: String(hop)) else { break }
            client = address
            if !trusts(address) { break }
        }
        let scheme = forwardedProto.flatMap { $0.split(separator: ",") }.last.map { String($0).trimmingSpaces.lowercased() }
        return (client, scheme == "https")
    }
}
