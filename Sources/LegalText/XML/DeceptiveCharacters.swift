import Foundation

/// Characters XML can hold but that make displayed text lie: bidirectional embeddings, overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069: « Mali‮ » shows the words after it reversed) and invisible characters
/// (zero-width space, joiners and marks, word joiner, byte-order mark inside a text). A pasted one is never
/// meant; on a public page it can disguise a title or a link. Committee records refuse them when written.
public enum DeceptiveCharacters {
    /// Whether `scalar` is one of them.
    public static func isDeceptive(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// The first such character of `text`, with its position and the text before it, or nil.
    public static func first(in text: String) -> XMLCharacters.Occurrence? {
        guard text.unicodeScalars.contains(where: isDeceptive) else { return nil }
        var position = 0
        for character in text {
            position += 1
            if let scalar = character.unicodeScalars.first(where: isDeceptive) {
                let start = text.index(text.startIndex, offsetBy: max(0, position - 21))
                let end = text.index(text.startIndex, offsetBy: position - 1)
                return XMLCharacters.Occurrence(code: scalar.value, position: position, before: String(text[start..<end]))
            }
        }
        return nil
    }

    /// `U+202E (inversion du sens d'écriture)`: the code and a French name.
    public static func label(code: UInt32) -> String {
        let hex = String(code, radix: 16, uppercase: true)
        let name: String
        switch code {
        case 0x202A...0x202E, 0x2066...0x2069: name = "contrôle du sens d'écriture"
        case 0x200E, 0x200F: name = "marque de sens d'écriture invisible"
        case 0xFEFF: name = "indicateur d'ordre des octets"
        default: name = "caractère invisible"
        }
        return "U+\(hex) (\(name))"
    }
}
