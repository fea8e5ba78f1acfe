/// How printed numbers ("Article 1er", "1°", "a)", "Annexe II") become eId components.
public enum ClauseNumbering {
    /// The eId component of a printed number, or nil when the number gives none.
    ///
    /// "Article 1er" → "1", "Article 6-1" → "6-1", "1°" → "1", "a)" → "a", "A." → "A",
    /// "Annexe II" → "2" (annex numbers in Roman numerals are read as integers).
    public static func component(of printed: String, kind: ClauseKind? = nil) -> String? {
        // Fast path for the common printed forms "Article 12" and "12°".
        if let quick = quickComponent(printed) { return quick }
        var text = Substring(printed)
        while text.first == " " { text = text.dropFirst() }
        for prefix in ClauseNumbering.printedPrefixes where text.hasPrefix(prefix) {
            text = text.dropFirst(prefix.count)
        }
        while let last = text.last, "°.)º: ".contains(last) { text = text.dropLast() }
        let lowered = text.lowercased()
        if lowered == "premier" || (lowered == "unique" && kind == .article) { return "1" }
        if text.count > 2, text.hasSuffix("er"), text.dropLast(2).allSatisfy(\.isNumber) { text = text.dropLast(2) }
        let compact = String(text.filter { $0 != " " })
        guard !compact.isEmpty,
              compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
        return compact
    }

    /// The words that introduce a printed number and are not part of it ("Chapitre I" → "I").
    static let printedPrefixes = [
        "Article ", "article ", "Art. ", "Annexe ", "annexe ", "ANNEXE ", "Sous-section ", "Chapitre ", "Section ",
        "Titre ", "Partie ", "Livre ", "Paragraphe ", "Sous-paragraphe ",
    ]

    /// "Article 12" → "12", "12°" → "12", "3" → "3"; nil for anything else (the general path decides).
    private static func quickComponent(_ printed: String) -> String? {
        var utf8 = Substring(printed).utf8
        let articlePrefix = "Article ".utf8
        if utf8.starts(with: articlePrefix) { utf8 = utf8.dropFirst(articlePrefix.count) }
        let degree: [UInt8] = [0xC2, 0xB0]
        if utf8.count > 2, utf8.suffix(2).elementsEqual(degree) { utf8 = utf8.dropLast(2) }
        guard !utf8.isEmpty, utf8.count < 10, utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return String(Substring(utf8))
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
