import Foundation

/// The characters an XML 1.0 document can hold (production `Char`: tab, line feed, carriage return,
/// U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF), and where a text or a file holds one it cannot.
/// The one rule every writer and reader of suivi applies: a NUL, a C0 control other than tab, line feed
/// and carriage return, U+FFFE, U+FFFF or a lone surrogate can be neither written raw nor as a character
/// reference (`&#11;` is as ill-formed as the raw byte), so a file holding one is unreadable.
public enum XMLCharacters {
    /// Whether XML 1.0 can hold `scalar` (raw or as a character reference).
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        isAllowed(code: scalar.value)
    }

    /// Whether XML 1.0 can hold the code point `code`.
    public static func isAllowed(code: UInt32) -> Bool {
        switch code {
        case 0x09, 0x0A, 0x0D: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x1_0000...0x10_FFFF: return true
        default: return false
        }
    }

    /// `U+000B (tabulation verticale)`: the code and a French name for a user looking for it.
    public static func label(code: UInt32) -> String {
        let hex = String(code, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return "U+\(padded) (\(name(code: code)))"
    }

    /// A French name for a character XML cannot hold.
    static func name(code: UInt32) -> String {
        switch code {
        case 0x00: return "caractère nul"
        case 0x08: return "retour arrière"
        case 0x0B: return "tabulation verticale"
        case 0x0C: return "saut de page"
        case 0x1B: return "échappement"
        case 0x01...0x1F: return "caractère de contrôle"
        case 0xFFFE, 0xFFFF: return "non-caractère"
        case 0xD800...0xDFFF: return "demi-code de substitution isolé"
        default: return isAllowed(code: code) ? "caractère" : "hors d'Unicode"
        }
    }

    // MARK: Text values

    /// Where a text value holds a character XML cannot hold.
    public struct Occurrence: Sendable, Hashable {
        /// The code point.
        public let code: UInt32
        /// Its position in the text, in characters, from 1.
        public let position: Int
        /// Up to 20 characters just before it (empty at the start), for the user to find it.
        public let before: String
    }

    /// The first character of `text` that XML cannot hold, or nil when it can hold them all.
    public static func firstDisallowed(in text: String) -> Occurrence? {
        // Fast path: every byte of a disallowed scalar is below 0x20, or U+FFFE / U+FFFF (EF BF BE / EF BF BF).
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0xEF }) else { return nil }
        var position = 0
        for character in text {
            position += 1
            if let scalar = character.unicodeScalars.first(where: { !isAllowed($0) }) {
                let start = text.index(text.startIndex, offsetBy: max(0, position - 21))
                let end = text.index(text.startIndex, offsetBy: position - 1)
                return Occurrence(code: scalar.value, position: position, before: String(text[start..<end]))
            }
        }
        return nil
    }

    /// `text` without the characters XML cannot hold.
    public static func removingDisallowed(from text: String) -> String {
        guard firstDisallowed(in: text) != nil else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text.unicodeScalars.filter(isAllowed))
        return String(result)
    }

    // MARK: Files

    /// A character XML cannot hold, found in a file: raw, or as a character reference (`&#11;`, `&#xFFFE;`).
    public struct Finding: Sendable, Hashable, Codable, CustomStringConvertible {
        /// The code point (a lone surrogate encoded in UTF-8 gives its U+D800–U+DFFF code).
        public let code: UInt32
        /// The line, from 1.
        public let line: Int
        /// The column, in characters, from 1.
        public let column: Int
        /// Whether it is written as a character reference rather than raw.
        public let isReference: Bool
        /// Its bytes in the file (raw or the reference).
        let range: Range<Int>

        public var label: String { XMLCharacters.label(code: code) }

        /// `ligne 3, colonne 12 : U+000B (tabulation verticale…)`.
        public var description: String {
            "ligne \(line), colonne \(column) : \(label)\(isReference ? " écrit en référence de caractère" : "")"
        }

        enum CodingKeys: String, CodingKey { case code, line, column, isReference }

        init(code: UInt32, line: Int, column: Int, isReference: Bool, range: Range<Int>) {
            self.code = code
            self.line = line
            self.column = column
            self.isReference = isReference
            self.range = range
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(code: try container.decode(UInt32.self, forKey: .code), line: try container.decode(Int.self, forKey: .line),
                      column: try container.decode(Int.self, forKey: .column),
                      isReference: try container.decode(Bool.self, forKey: .isReference), range: 0..<0)
        }
    }

    /// Every character of the UTF-8 file `data` that XML cannot hold: raw control bytes, U+FFFE and U+FFFF,
    /// lone surrogates encoded in UTF-8, and character references to any of them (outside comments, CDATA
    /// sections and processing instructions, where a reference is plain text). Other invalid UTF-8 is left to
    /// the parser.
    public static func scan(_ data: Data) -> [Finding] {
        // Fast path: nothing below 0x20 but tab, LF, CR; no EF BF BE/BF, no ED A0–BF; no "&#".
        let suspicious = data.withUnsafeBytes { raw -> Bool in
            for (index, byte) in raw.enumerated() {
                switch byte {
                case 0x09, 0x0A, 0x0D: continue
                case 0x00..<0x20, 0xEF, 0xED: return true
                case 0x26 where index + 1 < raw.count && raw[index + 1] == 0x23: return true
                default: continue
                }
            }
            return false
        }
        guard suspicious else { return [] }
        let bytes = [UInt8](data)
        var findings: [Finding] = []
        var line = 1
        var column = 1
        var index = 0
        /// Where the current comment, CDATA section or processing instruction ends, if inside one.
        var closing: [UInt8]?

        func starts(_ pattern: String, at position: Int) -> Bool {
            let utf8 = Array(pattern.utf8)
            guard position + utf8.count <= bytes.count else { return false }
            return bytes[position..<(position + utf8.count)].elementsEqual(utf8)
        }

        while index < bytes.count {
            let byte = bytes[index]
            var length = 1
            if let end = closing, starts(String(decoding: end, as: UTF8.self), at: index) {
                closing = nil
                length = end.count
            } else if closing == nil, byte == 0x3C {  // "<"
                if starts("<!--", at: index) { closing = Array("-->".utf8); length = 4 }
                else if starts("<![CDATA[", at: index) { closing = Array("]]>".utf8); length = 9 }
                else if starts("<?", at: index) { closing = Array("?>".utf8); length = 2 }
            } else if closing == nil, byte == 0x26, let reference = characterReference(bytes, at: index) {  // "&#…;"
                length = reference.length
                if !isAllowed(code: reference.code) {
                    findings.append(Finding(code: reference.code, line: line, column: column, isReference: true,
                                            range: index..<(index + length)))
                }
            } else if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                findings.append(Finding(code: UInt32(byte), line: line, column: column, isReference: false, range: index..<(index + 1)))
            } else if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF {
                length = 3
                findings.append(Finding(code: bytes[index + 2] == 0xBE ? 0xFFFE : 0xFFFF, line: line, column: column,
                                        isReference: false, range: index..<(index + 3)))
            } else if byte == 0xED, index + 2 < bytes.count, (0xA0...0xBF).contains(bytes[index + 1]),
                      (0x80...0xBF).contains(bytes[index + 2]) {
                length = 3
                let code = 0xD000 | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
                findings.append(Finding(code: code, line: line, column: column, isReference: false, range: index..<(index + 3)))
            } else if byte >= 0xC0 {
                length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                length = min(length, bytes.count - index)
            }
            // Advance line and column over the bytes consumed (one column per character).
            for position in index..<(index + length) {
                let consumed = bytes[position]
                if consumed == 0x0A {
                    line += 1
                    column = 1
                } else if consumed & 0xC0 != 0x80 {
                    column += 1
                }
            }
            index += length
        }
        return findings
    }

    /// `data` without the characters ``scan(_:)`` finds (raw, or the whole character reference), and what was
    /// removed. Everything else is kept byte for byte.
    /// Removing one can make another (`&#` + U+000B + `11;` gives `&#11;`): removal goes on until none is left;
    /// each pass shortens the data, so it ends.
    public static func removingDisallowed(from data: Data) -> (data: Data, removed: [Finding]) {
        var current = data
        var removed: [Finding] = []
        while true {
            let findings = scan(current)
            guard !findings.isEmpty else { return (current, removed) }
            removed += findings
            var result = Data(capacity: current.count)
            var start = current.startIndex
            for finding in findings {
                let lower = current.startIndex + finding.range.lowerBound
                result.append(current[start..<lower])
                start = current.startIndex + finding.range.upperBound
            }
            result.append(current[start..<current.endIndex])
            current = result
        }
    }

    /// `&#11;` or `&#x0B;` at `index`: its code point and length in bytes.
    private static func characterReference(_ bytes: [UInt8], at index: Int) -> (code: UInt32, length: Int)? {
        guard index + 3 < bytes.count, bytes[index + 1] == 0x23 else { return nil }  // "&#"
        var position = index + 2
        let hex = bytes[position] == 0x78  // "x"
        if hex { position += 1 }
        var code: UInt32 = 0
        var digits = 0
        while position < bytes.count {
            let byte = bytes[position]
            let value: UInt32
            switch byte {
            case 0x30...0x39: value = UInt32(byte - 0x30)
            case 0x61...0x66 where hex: value = UInt32(byte - 0x61 + 10)
            case 0x41...0x46 where hex: value = UInt32(byte - 0x41 + 10)
            case 0x3B:  // ";"
                guard digits > 0 else { return nil }
                return (code, position + 1 - index)
            default: return nil
            }
            // Past U+10FFFF the value stays at 0x110000 (out of Unicode, disallowed), however many digits follow.
            code = min(code * (hex ? 16 : 10) + value, 0x11_0000)
            digits += 1
            position += 1
        }
        return nil
    }
}
