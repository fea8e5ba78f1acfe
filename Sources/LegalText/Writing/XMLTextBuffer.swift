/// An append-only buffer for writing XML by hand: indentation, escaping, attributes in
/// alphabetical order. The canonical form depends on every byte written here; other records (the
/// committee's) are written with it too, so that every file suivi writes follows the same form.
public struct XMLTextBuffer: Sendable {
    public private(set) var text = ""
    private var depth = 0

    public init(capacity: Int = 1 << 16) {
        text.reserveCapacity(capacity)
    }

    /// `<name a="…" b="…">` on its own line, and one level deeper for what follows.
    public mutating func open(_ name: String, _ attributes: [String: String] = [:]) {
        indent()
        text += "<" + name
        appendAttributes(attributes)
        text += ">\n"
        depth += 1
    }

    /// `</name>` on its own line, one level up.
    public mutating func close(_ name: String) {
        depth -= 1
        indent()
        text += "</" + name + ">\n"
    }

    /// `<name a="…"/>` on its own line.
    public mutating func empty(_ name: String, _ attributes: [String: String]) {
        indent()
        text += "<" + name
        appendAttributes(attributes)
        text += "/>\n"
    }

    /// `<name …>inline content</name>` on one line.
    public mutating func line(_ name: String, _ attributes: [String: String] = [:], _ inlines: [Inline]) {
        indent()
        appendInline(name, attributes, inlines)
        text += "\n"
    }

    /// A line of raw text (the XML declaration).
    public mutating func raw(_ line: String) {
        text += line + "\n"
    }

    private mutating func appendInline(_ name: String, _ attributes: [String: String], _ inlines: [Inline]) {
        text += "<" + name
        appendAttributes(attributes)
        text += ">"
        for inline in inlines {
            switch inline {
            case .text(let value): appendEscaped(value, inAttribute: false)
            case .element(let childName, let childAttributes, let children):
                appendInline(childName, childAttributes, children)
            }
        }
        text += "</" + name + ">"
    }

    private mutating func indent() {
        text += String(repeating: "  ", count: depth)
    }

    private mutating func appendAttributes(_ attributes: [String: String]) {
        for key in attributes.keys.sorted() {
            text += " " + key + "=\""
            appendEscaped(attributes[key] ?? "", inAttribute: true)
            text += "\""
        }
    }

    private mutating func appendEscaped(_ value: String, inAttribute: Bool) {
        guard value.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 < 0x20 || $0 == 0xEF }) else {
            text += value
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": text += "&amp;"
            case "<": text += "&lt;"
            case ">": text += "&gt;"
            case "\"" where inAttribute: text += "&quot;"
            case "\n" where inAttribute: text += "&#10;"
            case "\t" where inAttribute: text += "&#9;"
            case "\r": text += "&#13;"
            // What XML 1.0 cannot hold, even as a reference (NUL, other C0 controls, U+FFFE, U+FFFF), would make
            // the whole file unreadable: it becomes U+FFFD. Writers refuse such text before it gets here
            // (Committee's RecordText, the readers for texts); this keeps every file well-formed regardless.
            case _ where !XMLCharacters.isAllowed(scalar): text.unicodeScalars.append("\u{FFFD}")
            default: text.unicodeScalars.append(scalar)
            }
        }
    }
}
