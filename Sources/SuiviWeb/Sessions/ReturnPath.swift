import Foundation

/// Where to send the browser back after logging in (`retour`): only a path of this site, normalised, never
/// another site (no open redirect).
///
/// The value arrives percent-decoded. It is refused (nil) when it does not start with one `/`, or holds a
/// control character (a browser drops tabs and newlines, so `/\t/evil` would read `//evil`), a backslash
/// (read as `/`), a space, or is very long. What is kept is rebuilt: empty and `.` segments dropped, `..`
/// resolved, every byte outside the unreserved set percent-encoded, the fragment dropped. The result always
/// starts with exactly one `/` followed by a segment character, so no browser can read a host in it.
enum ReturnPath {
    /// The longest `retour` kept.
    static let maximumLength = 1024

    /// The normalised path, or nil when `value` is not a path of this site.
    static func normalized(_ value: String?) -> String? {
        guard let value, value.hasPrefix("/"), !value.hasPrefix("//"), value.utf8.count <= maximumLength else { return nil }
        for scalar in value.unicodeScalars {
            // C0 and C1 controls, DEL, backslash, and any kind of space or invisible format character.
            if scalar.value < 0x21 || (0x7F...0x9F).contains(scalar.value) || scalar == "\\" { return nil }
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .format { return nil }
        }
        let withoutFragment = value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = withoutFragment.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var segments: [Substring] = []
        for segment in parts[0].split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        let path = "/" + segments.map { encode($0, allowing: segmentAllowed) }.joined(separator: "/")
        guard parts.count > 1, !parts[1].isEmpty else { return path }
        return path + "?" + encode(parts[1], allowing: queryAllowed)
    }

    /// The normalised path, else the members' page.
    static func safe(_ value: String?, fallback: String = "/revisions") -> String {
        normalized(value) ?? fallback
    }

    private static let segmentAllowed: Set<UInt8> = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))
    private static let queryAllowed: Set<UInt8> = segmentAllowed.union(Array("=&".utf8))

    /// Percent-encodes every byte outside `allowed`; an existing `%XX` escape is kept as it is.
    private static func encode(_ text: Substring, allowing allowed: Set<UInt8>) -> String {
        let bytes = Array(text.utf8)
        var result = ""
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if allowed.contains(byte) {
                result.append(Character(Unicode.Scalar(byte)))
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) {
                result += String(decoding: bytes[index...(index + 2)], as: UTF8.self)
                index += 2
            } else {
                result += String(format: "%%%02X", byte)
            }
            index += 1
        }
        return result
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}
