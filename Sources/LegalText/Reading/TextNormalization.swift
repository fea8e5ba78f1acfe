/// Whitespace rules of the canonical form: runs of XML whitespace (space, tab, CR, LF) become one
/// space and blocks are trimmed at both ends; non-breaking (U+00A0) and narrow no-break (U+202F)
/// spaces are text, kept as they are.
enum TextNormalization {
    /// Collapses runs of XML whitespace to one space.
    static func collapse(_ text: String) -> String {
        var utf8 = Array(text.utf8)
        var write = 0
        var previousWasSpace = false
        for byte in utf8 {
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if isSpace {
                if !previousWasSpace {
                    utf8[write] = 0x20
                    write += 1
                }
                previousWasSpace = true
            } else {
                utf8[write] = byte
                write += 1
                previousWasSpace = false
            }
        }
        return String(decoding: utf8[0..<write], as: UTF8.self)
    }

    /// Whether the text is only XML whitespace.
    static func isBlank(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }
    }

    /// Normalises the inline content of a block: collapsed, adjacent runs merged, trimmed at both ends.
    static func normalizeBlock(_ inlines: [Inline]) -> [Inline] {
        var result = merge(inlines)
        trimLeading(&result)
        trimTrailing(&result)
        return result
    }

    /// Merges adjacent text runs (collapsing whitespace across them) and drops empty ones.
    static func merge(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines {
            switch inline {
            case .text(let text):
                if case .text(let previous)? = result.last {
                    result[result.count - 1] = .text(collapse(previous + text))
                } else {
                    result.append(.text(collapse(text)))
                }
            case .element(let name, let attributes, let children):
                result.append(.element(name: name, attributes: attributes, children: merge(children)))
            }
        }
        return result.filter { if case .text(let text) = $0 { return !text.isEmpty } else { return true } }
    }

    private static func trimLeading(_ inlines: inout [Inline]) {
        guard let first = inlines.first else { return }
        switch first {
        case .text(let text):
            let trimmed = String(text.drop { $0 == " " })
            if trimmed.isEmpty { inlines.removeFirst(); trimLeading(&inlines) } else { inlines[0] = .text(trimmed) }
        case .element(let name, let attributes, var children):
            trimLeading(&children)
            inlines[0] = .element(name: name, attributes: attributes, children: children)
        }
    }

    private static func trimTrailing(_ inlines: inout [Inline]) {
        guard let last = inlines.last else { return }
        switch last {
        case .text(let text):
            var trimmed = Substring(text)
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            if trimmed.isEmpty { inlines.removeLast(); trimTrailing(&inlines) } else { inlines[inlines.count - 1] = .text(String(trimmed)) }
        case .element(let name, let attributes, var children):
            trimTrailing(&children)
            inlines[inlines.count - 1] = .element(name: name, attributes: attributes, children: children)
        }
    }
}
