/// French words a drafter uses: ordinals, numbers in letters, contractions.
public enum FrenchWords {
    static let ordinalsMasculine = [
        "premier", "deuxième", "troisième", "quatrième", "cinquième", "sixième", "septième", "huitième", "neuvième",
        "dixième", "onzième", "douzième", "treizième", "quatorzième", "quinzième", "seizième", "dix-septième",
        "dix-huitième", "dix-neuvième", "vingtième",
    ]

    /// "premier", "deuxième", … "vingtième", then "21e".
    public static func ordinal(_ n: Int, feminine: Bool = false) -> String {
        if n == 1 { return feminine ? "première" : "premier" }
        if n >= 1 && n <= ordinalsMasculine.count { return ordinalsMasculine[n - 1] }
        return "\(n)e"
    }

    /// The position an ordinal names, masculine or feminine ("première" → 1, "21e" → 21).
    public static func position(ofOrdinal word: String) -> Int? {
        if word == "première" || word == "premier" { return 1 }
        if let index = ordinalsMasculine.firstIndex(of: word) { return index + 1 }
        if word.hasSuffix("e"), let value = Int(word.dropLast()) { return value }
        return nil
    }

    static let cardinals = ["un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"]

    /// "un", "deux", … "dix", then digits; "une" for a feminine one.
    public static func cardinal(_ n: Int, feminine: Bool = false) -> String {
        if n == 1 { return feminine ? "une" : "un" }
        if n >= 1 && n <= cardinals.count { return cardinals[n - 1] }
        return String(n)
    }

    /// The number a cardinal word names ("une" → 1, "trois" → 3, "12" → 12).
    public static func value(ofCardinal word: String) -> Int? {
        if word == "une" { return 1 }
        if let index = cardinals.firstIndex(of: word) { return index + 1 }
        return Int(word)
    }

    /// Joins "de" or "à" with a definite article: "de le" → "du", "à les" → "aux", "de l'" stays.
    public static func contract(_ preposition: String, _ phrase: String) -> String {
        if phrase.hasPrefix("le ") { return (preposition == "de" ? "du " : "au ") + phrase.dropFirst(3) }
        if phrase.hasPrefix("les ") { return (preposition == "de" ? "des " : "aux ") + phrase.dropFirst(4) }
        return preposition + " " + phrase
    }

    /// Upper-cases the first letter ("au 2°" → "Au 2°", "à l'article" → "À l'article").
    public static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// A plain-language list: "a", "a et b", "a, b et c".
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " et " + (items.last ?? "")
        }
    }
}
