/// Writes a committee record in canonical form: one element per line, two-space indent,
/// attributes in alphabetical order, so that plain `git diff` on the register is readable.
struct RecordWriter {
    private(set) var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var depth = 0
    private var rootWritten = false

    private mutating func open(_ name: String, _ attributes: [String: String?], close: Bool) {
        var line = String(repeating: "  ", count: depth) + "<" + name
        if !rootWritten {
            line += " xmlns=\"\(CommitteeXML.namespace)\""
            rootWritten = true
        }
        for key in attributes.keys.sorted() {
            guard let value = attributes[key] ?? nil else { continue }
            line += " \(key)=\"\(Self.escape(value, attribute: true))\""
        }
        output += line + (close ? "/>\n" : ">\n")
    }

    /// An element holding other elements.
    mutating func element(_ name: String, _ attributes: [String: String?] = [:], _ body: (inout RecordWriter) -> Void) {
        open(name, attributes, close: false)
        depth += 1
        body(&self)
        depth -= 1
        output += String(repeating: "  ", count: depth) + "</\(name)>\n"
    }

    /// An element with attributes only, or with text when `text` is given.
    mutating func leaf(_ name: String, _ attributes: [String: String?] = [:], text: String? = nil) {
        guard let text else { return open(name, attributes, close: true) }
        open(name, attributes, close: false)
        output.removeLast()  // the newline: text stays on the element's line
        output += Self.escape(text, attribute: false) + "</\(name)>\n"
    }

    static func escape(_ text: String, attribute: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where attribute: result += "&quot;"
            case "\n" where attribute: result += "&#10;"
            case "\t" where attribute: result += "&#9;"
            case "\r": result += "&#13;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
