/// French typography for texts shown to readers (HTML, Markdown, ODT): a no-break space before the
/// colon and inside guillemets, a narrow no-break space before ; ! ?. Stored texts are never changed:
/// this applies only to what an export displays.
public enum FrenchTypography {
    public static let noBreakSpace: Character = "\u{00A0}"
    public static let narrowNoBreakSpace: Character = "\u{202F}"

    /// The text with French spacing around high punctuation and guillemets.
    public static func display(_ text: String) -> String {
        guard text.contains(where: { ":;!?«»".contains($0) }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        var characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case ":", ";", "!", "?", "»":
                // Replace an ordinary space before the sign; add none at the start of a text.
                let space = character == ":" || character == "»" ? noBreakSpace : narrowNoBreakSpace
                if result.last == " " {
                    result.removeLast()
                    result.append(space)
                } else if character == "»", let last = result.last, last != noBreakSpace, last != narrowNoBreakSpace {
                    result.append(space)
                }
                result.append(character)
            case "«":
                result.append(character)
                if index + 1 < characters.count, characters[index + 1] == " " {
                    characters[index + 1] = noBreakSpace
                } else if index + 1 < characters.count, characters[index + 1] != noBreakSpace {
                    result.append(noBreakSpace)
                }
            default:
                result.append(character)
            }
            index += 1
        }
        return result
    }
}
