#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address, as bytes (4 or 16). An IPv4 address written the IPv6 way (`::ffff:192.0.2.1`, as a
/// dual-stack socket reports IPv4 peers) is the IPv4 address: both spellings name one client.
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// 4 bytes (IPv4) or 16 (IPv6), in network order.
    public let bytes: [UInt8]

    public var isIPv4: Bool { bytes.count == 4 }

    /// Parses `192.0.2.1`, `2001:db8::1`, `[2001:db8::1]`, and the same with a port as proxies sometimes write them
    /// (`192.0.2.1:51234`, `[2001:db8::1]:443`); an IPv6 zone (`%eth0`) is dropped. Nil for anything else (host
    /// names included: an address a proxy reports is never resolved).
    public init?(parsing text: String) {
        var value = Substring(text.trimmingSpaces)
        if value.hasPrefix("[") {
            guard let close = value.firstIndex(of: "]") else { return nil }
            let rest = value[value.index(after: close)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && rest.dropFirst().allSatisfy(\.isNumber) && rest.count > 1) else { return nil }
            value = value[value.index(after: value.startIndex)..<close]
        } else if value.filter({ $0 == ":" }).count == 1, let colon = value.firstIndex(of: ":") {
            // IPv4 with a port (an IPv6 address has at least two colons).
            let port = value[value.index(after: colon)...]
            guard !port.isEmpty, port.allSatisfy(\.isNumber) else { return nil }
            value = value[..<colon]
        }
        if let percent = value.firstIndex(of: "%") { value = value[..<percent] }
        guard !value.isEmpty, value.utf8.count < 64, value.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }) else { return nil }
        let text = String(value)
        if !text.contains(":") {
            var address = in_addr()
            guard inet_pton(AF_INET, text, &address) == 1 else { return nil }
            bytes = withUnsafeBytes(of: &address) { Array($0) }
        } else {
            var address = in6_addr()
            guard inet_pton(AF_INET6, text, &address) == 1 else { return nil }
            let all = withUnsafeBytes(of: &address) { Array($0) }
            bytes = all.prefix(10).allSatisfy { $0 == 0 } && all[10] == 0xFF && all[11] == 0xFF ? Array(all.suffix(4)) : all
        }
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The usual spelling: `192.0.2.1`, `2001:db8::1` (RFC 5952, through inet_ntop).
    public var description: String {
        var buffer = [CChar](repeating: 0, count: 64)
        var copy = bytes
        let written = copy.withUnsafeMutableBytes { raw in
            inet_ntop(isIPv4 ? AF_INET : AF_INET6, raw.baseAddress, &buffer, socklen_t(buffer.count))
        }
        guard written != nil else { return bytes.map(String.init).joined(separator: ".") }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The same address with every bit after the first `length` set to zero.
    func masked(to length: Int) -> IPAddress {
        IPAddress(bytes: bytes.enumerated().map { index, byte in
            let kept = min(8, max(0, length - index * 8))
            return kept == 8 ? byte : kept == 0 ? 0 : byte & ~UInt8(0xFF >> kept)
        })
    }

    /// What the login throttle counts failures by: the address itself for IPv4, its /64 network for IPv6 (one
    /// subscriber holds a whole /64, and must not get a new allowance of attempts for each of its addresses).
    public var throttleKey: String {
        isIPv4 ? description : masked(to: 64).description + "/64"
    }
}

extension String {
    /// Without the spaces and tabs around it.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
