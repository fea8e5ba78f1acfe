/// An address or a range of addresses written in CIDR notation (`10.0.0.0/8`, `2001:db8::/32`; a lone address is
/// its own range: `/32`, `/128`).
public struct IPNetwork: Sendable, Hashable, CustomStringConvertible {
    public let address: IPAddress
    public let prefixLength: Int

    /// Nil for anything that is not an address, or an address and a prefix length within its family's bits.
    public init?(parsing text: String) {
        let parts = text.trimmingSpaces.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        // A bare address: no brackets, no port (an IPv6 address has at least two colons).
        let written = parts[0]
        guard written.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }), written.filter({ $0 == ":" }).count != 1,
              let address = IPAddress(parsing: String(written)) else { return nil }
        let bits = address.bytes.count * 8
        var length = bits
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].count <= 3, parts[1].allSatisfy(\.isNumber), let value = Int(parts[1]) else { return nil }
            // An IPv4 range written the IPv6 way (`::ffff:10.0.0.0/104`) counts its prefix over 128 bits.
            length = written.contains(":") && address.isIPv4 ? value - 96 : value
            guard (0...bits).contains(length) else { return nil }
        }
        self.address = address.masked(to: length)
        prefixLength = length
    }

    /// Whether `candidate` is in the range (an IPv4 address is never in an IPv6 range, nor the reverse).
    public func contains(_ candidate: IPAddress) -> Bool {
        candidate.bytes.count == address.bytes.count && candidate.masked(to: prefixLength) == address
    }

    public var description: String {
        prefixLength == address.bytes.count * 8 ? address.description : "\(address)/\(prefixLength)"
    }
}
