import Foundation

/// The fields of an `application/x-www-form-urlencoded` body.
public struct FormFields: Sendable, Hashable {
    public private(set) var values: [String: String] = [:]

    public init() {}

    /// Parses `a=1&b=deux+mots`: `+` is a space, `%XX` a byte of UTF-8.
    public init(urlEncoded body: String) {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = parts.first.flatMap({ Self.decode($0) }) else { continue }
            let value = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
            if values[key] == nil { values[key] = value }
        }
    }

    public subscript(_ key: String) -> String? { values[key] }

    /// Sets a field (for building a form in code).
    mutating func set(_ key: String, _ value: String) { values[key] = value }

    /// A field with surrounding spaces removed; nil when absent or empty.
    public func text(_ key: String) -> String? {
        guard let value = values[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
