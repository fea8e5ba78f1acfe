/// A unit of French legal text for word-level comparison.
public struct Token: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A word, possibly hyphenated ("peut-être", "6-1").
        case word
        /// An elided article or pronoun with its apostrophe ("l'", "d'", "qu'").
        case elision
        /// A number, with its thousands separators ("25 000", "1,5").
        case number
        /// A date written out ("5 janvier 2017", "1er mai 2021").
        case date
        /// A reference to a code article ("L. 425-9", "R. 313-22").
        case codeReference
        /// A punctuation sign or a guillemet.
        case punctuation
        /// A run of spaces of any kind (including non-breaking and narrow no-break spaces).
        case space
    }

    public let kind: Kind
    public let text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    /// The token as compared: spaces compare equal whatever their width (also inside "25 000"), so
    /// that replacing a space by a non-breaking space is not reported as a change of wording.
    var comparisonKey: String {
        if kind == .space { return " " }
        guard kind == .number || kind == .date || kind == .codeReference else { return text }
        return String(text.map { FrenchTokenizer.isSpace($0) ? " " : $0 })
    }
}
