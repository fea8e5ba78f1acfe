import Foundation

/// How printed numbers ("Article 1er", "1°", "a)", "Annexe II") become eId components.
public enum ClauseNumbering {
    /// The eId component of a printed number, or nil when the number gives none.
    ///
    /// "Article 1er" → "1", "Article 6-1" → "6-1", "1°" → "1", "a)" → "a", "A." → "A",
    /// "Annexe II" → "2" (annex numbers in Roman numerals are read as integers).
    public static func component(of printed: String, kind: ClauseKind? = nil) -> String? {
        var text = printed.trimmingCharacters(in: .whitespaces)
        for prefix in ["Article ", "article ", "Art. ", "Annexe ", "annexe ", "ANNEXE "] where text.hasPrefix(prefix) {
            text.removeFirst(prefix.count)
        }
        while let last = text.last, "°.)º:".contains(last) || last == " " { text.removeLast() }
        if text.lowercased() == "premier" || text.lowercased() == "unique" && kind == .article { return "1" }
        if text.hasSuffix("er"), text.dropLast(2).allSatisfy(\.isNumber), text.count > 2 { text.removeLast(2) }
        text = text.replacingOccurrences(of: " ", with: "")
        guard !text.isEmpty,
              text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
        return text
    }

    /// The eId component of an annex number: "Annexe II" → "2", "Annexe 3" → "3".
    public static func annexComponent(of printed: String) -> String? {
        guard let component = component(of: printed) else { return nil }
        if component.allSatisfy(\.isNumber) { return component }
        return romanValue(component).map(String.init)
    }

    /// The value of an upper-case Roman numeral, or nil.
    static func romanValue(_ text: String) -> Int? {
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000]
        var total = 0
        var previous = 0
        for character in text.reversed() {
            guard let value = values[character] else { return nil }
            total += value < previous ? -value : value
            previous = max(previous, value)
        }
        return total > 0 ? total : nil
    }
}
