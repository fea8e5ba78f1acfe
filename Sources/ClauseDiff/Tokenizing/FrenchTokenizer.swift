/// Splits French legal text into tokens for word diffs: elisions ("l'accès" → "l'", "accès"), both
/// apostrophes (' and ’), non-breaking and narrow no-break spaces, « guillemets », numbers with
/// spaced thousands ("25 000"), dates ("5 janvier 2017") and code references ("L. 425-9") kept
/// whole. Concatenating the tokens gives the text back exactly.
public enum FrenchTokenizer {
    static let months: Set<String> = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre",
    ]
    static let elisions: Set<String> = ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"]
    static let codePrefixes: Set<String> = ["L", "R", "D", "A", "LO"]

    public static func tokenize(_ text: String) -> [Token] {
        let chars = characters(text)
        var tokens: [Token] = []
        var index = 0
        while index < chars.count {
            let start = index
            let character = chars[index]
            if isSpace(character) {
                while index < chars.count, isSpace(chars[index]) { index += 1 }
                tokens.append(Token(.space, String(chars[start..<index])))
            } else if character.isNumber {
                index = scanNumber(chars, from: index)
                var end = index
                // "5 janvier 2017", "1er mai 2021"
                if let dateEnd = scanDate(chars, dayStart: start, afterDay: end) { end = dateEnd }
                tokens.append(Token(end == index ? .number : .date, String(chars[start..<end])))
                index = end
            } else if character.isLetter {
                while index < chars.count, chars[index].isLetter || chars[index].isNumber
                        || (isHyphen(chars[index]) && index + 1 < chars.count && chars[index + 1].isLetter) {
                    index += 1
                }
                let word = String(chars[start..<index])
                if index < chars.count, isApostrophe(chars[index]), elisions.contains(word.lowercased()) {
                    index += 1
                    tokens.append(Token(.elision, String(chars[start..<index])))
                } else if let end = scanCodeReference(chars, prefix: word, afterPrefix: index) {
                    tokens.append(Token(.codeReference, String(chars[start..<end])))
                    index = end
                } else {
                    tokens.append(Token(.word, word))
                }
            } else {
                index += 1
                tokens.append(Token(.punctuation, String(character)))
            }
        }
        return tokens
    }

    /// `Array(text)`, without the grapheme-cluster segmentation when every scalar is a cluster of its own:
    /// scalars below U+0300 except the carriage return (CR LF is one cluster), general punctuation
    /// U+2002–U+206F except the joiners U+200C and U+200D, and the euro sign. Segmenting was most of
    /// the time spent tokenising French text.
    static func characters(_ text: String) -> [Character] {
        var text = text
        let scalars: [Unicode.Scalar]? = text.withUTF8 { bytes in
            guard CanonicalText.isQuickNFC(bytes) else { return nil }
            var scalars: [Unicode.Scalar] = []
            scalars.reserveCapacity(bytes.count)
            var decoder = UTF8()
            var iterator = bytes.makeIterator()
            while case .scalarValue(let scalar) = decoder.decode(&iterator) {
                if scalar == "\r" || scalar == "\u{200C}" || scalar == "\u{200D}" { return nil }
                scalars.append(scalar)
            }
            return scalars
        }
        guard let scalars else { return Array(text) }
        return scalars.map { Character($0) }
    }

    static func isSpace(_ character: Character) -> Bool {
        character == " " || character == "\u{00A0}" || character == "\u{202F}" || character == "\u{2009}"
            || character == "\t" || character == "\n"
    }

    static func isApostrophe(_ character: Character) -> Bool { character == "'" || character == "\u{2019}" }

    static func isHyphen(_ character: Character) -> Bool { character == "-" || character == "\u{2011}" }

    /// Digits, then groups of exactly three digits after a space of any kind ("25 000", only when
    /// the first group has at most three digits), then a decimal part ("1,5"), then an ordinal or
    /// degree mark ("1er", "11°").
    private static func scanNumber(_ chars: [Character], from start: Int) -> Int {
        var index = start
        while index < chars.count, chars[index].isNumber { index += 1 }
        if index - start <= 3 {
            while index + 3 < chars.count, isSpace(chars[index]), chars[index] != "\n",
                  chars[index + 1].isNumber, chars[index + 2].isNumber, chars[index + 3].isNumber,
                  index + 4 == chars.count || !chars[index + 4].isNumber {
                index += 4
            }
        }
        if index + 1 < chars.count, chars[index] == ",", chars[index + 1].isNumber {
            index += 1
            while index < chars.count, chars[index].isNumber { index += 1 }
        }
        if index + 1 < chars.count, chars[index] == "e", chars[index + 1] == "r",
           index + 2 >= chars.count || !chars[index + 2].isLetter {
            index += 2
        } else if index < chars.count, chars[index] == "°" {
            index += 1
        }
        return index
    }

    /// After a day number: a space, a month name, a space, a year of four digits.
    private static func scanDate(_ chars: [Character], dayStart: Int, afterDay: Int) -> Int? {
        let day = String(chars[dayStart..<afterDay])
        guard day.count <= 3, afterDay < chars.count, isSpace(chars[afterDay]) else { return nil }
        var index = afterDay + 1
        let monthStart = index
        while index < chars.count, chars[index].isLetter { index += 1 }
        guard months.contains(String(chars[monthStart..<index]).lowercased()),
              index < chars.count, isSpace(chars[index]) else { return nil }
        let yearStart = index + 1
        var yearEnd = yearStart
        while yearEnd < chars.count, chars[yearEnd].isNumber { yearEnd += 1 }
        guard yearEnd - yearStart == 4 else { return nil }
        return yearEnd
    }

    /// "L. 425-9", "R. 313-22", "L.425-9", "L 425-9-1": a code letter, an optional dot, an optional
    /// space, then digits joined by hyphens.
    private static func scanCodeReference(_ chars: [Character], prefix: String, afterPrefix: Int) -> Int? {
        guard prefix.utf8.count <= 2, codePrefixes.contains(prefix) else { return nil }
        var index = afterPrefix
        if index < chars.count, chars[index] == "." { index += 1 }
        if index < chars.count, isSpace(chars[index]) { index += 1 }
        guard index < chars.count, chars[index].isNumber else { return nil }
        while index < chars.count, chars[index].isNumber { index += 1 }
        while index + 1 < chars.count, isHyphen(chars[index]), chars[index + 1].isNumber {
            index += 1
            while index < chars.count, chars[index].isNumber { index += 1 }
        }
        return index
    }
}
