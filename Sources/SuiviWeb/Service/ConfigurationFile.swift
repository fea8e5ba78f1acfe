import Foundation

/// The configuration file of `suivi web --config <fichier>`: one `cle = valeur` per line, the keys those of the
/// command-line options (`port = 8080`, `registre = /var/lib/suivi/registre`); blank lines and `#` comments (at the
/// start of a line, or after a space) are ignored; a value may be put in double quotes. An unknown key, a line
/// without `=`, an empty value or a key given twice is refused with its line: a typo never falls back to a default.
public struct ConfigurationFile: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let value: String
        public let line: Int
    }

    /// The file's path, as messages show it.
    public let path: String
    public let entries: [ServiceSetting: Entry]

    /// The largest file read (a configuration is a few hundred bytes).
    static let maximumSize = 64 * 1024

    public init(contentsOf url: URL) throws(ServiceConfigurationError) {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            guard attributes[.type] as? FileAttributeType == .typeRegular else {
                throw ServiceConfigurationError.unreadableFile(path: url.path, reason: "ce n'est pas un fichier ordinaire")
            }
            if let size = attributes[.size] as? Int, size > Self.maximumSize {
                throw ServiceConfigurationError.unreadableFile(path: url.path, reason: "fichier de \(size) octets, trop grand pour une configuration")
            }
            data = try Data(contentsOf: url)
        } catch let error as ServiceConfigurationError {
            throw error
        } catch {
            let reason = (error as? CocoaError)?.code == .fileReadNoSuchFile || (error as? CocoaError)?.code == .fileNoSuchFile
                ? "fichier absent" : error.localizedDescription
            throw .unreadableFile(path: url.path, reason: reason)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadableFile(path: url.path, reason: "le fichier n'est pas en UTF-8")
        }
        try self.init(text: text, path: url.path)
    }

    public init(text: String, path: String) throws(ServiceConfigurationError) {
        self.path = path
        var entries: [ServiceSetting: Entry] = [:]
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        for (index, rawLine) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            let trimmed = String(line).trimmingSpaces
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let equals = trimmed.firstIndex(of: "=") else { throw .malformedLine(path: path, line: number, text: trimmed) }
            let key = String(trimmed[..<equals]).trimmingSpaces
            guard !key.isEmpty else { throw .malformedLine(path: path, line: number, text: trimmed) }
            guard let setting = ServiceSetting(rawValue: key) else {
                throw .unknownKey(path: path, line: number, key: key,
                                  suggestion: ServiceSetting.nearest(to: key, among: ServiceSetting.allCases.map(\.key)))
            }
            if let first = entries[setting] { throw .duplicateKey(path: path, line: number, key: key, firstLine: first.line) }
            let value = Self.value(String(trimmed[trimmed.index(after: equals)...]))
            guard let value, !value.isEmpty else {
                throw .invalidValue(source: .file(path: path, line: number), setting: setting, value: "",
                                    reason: "valeur vide ou guillemets non fermés : donnez une valeur, ou retirez la ligne pour garder "
                                        + "la valeur par défaut.")
            }
            guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw .invalidValue(source: .file(path: path, line: number), setting: setting, value: value,
                                    reason: "elle contient des caractères de contrôle.")
            }
            entries[setting] = Entry(value: value, line: number)
        }
        self.entries = entries
    }

    /// The value after `=`: in double quotes, kept as is; otherwise up to a `#` after a space, without the spaces
    /// around it. Nil when a quote is not closed, or something follows the closing quote (other than a comment).
    static func value(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces
        if trimmed.hasPrefix("\"") {
            let rest = trimmed.dropFirst()
            guard let close = rest.firstIndex(of: "\"") else { return nil }
            let after = String(rest[rest.index(after: close)...]).trimmingSpaces
            guard after.isEmpty || after.hasPrefix("#") else { return nil }
            return String(rest[..<close])
        }
        var value = trimmed
        if value.hasPrefix("#") { return "" }
        for marker in [" #", "\t#"] {
            if let range = value.range(of: marker) { value = String(value[..<range.lowerBound]) }
        }
        return value.trimmingSpaces
    }
}
