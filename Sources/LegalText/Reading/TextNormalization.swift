/// Whitespace rules of the canonical form: runs of XML whitespace (space, tab, CR, LF) become one
/// space and blocks are trimmed at both ends; non-breaking (U+00A0) and narrow no-break (U+202F)
/// spaces are text, kept as they are.
enum TextNormalization {
    /// Collapses runs of XML whitespace to one space.
    static func collapse(_ text: String) -> String {
        var text = text
        return text.withUTF8 { collapse($0) }
    }

    /// Collapses runs of XML whitespace in UTF-8 bytes, giving a string.
    static func collapse(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { output in
            var write = 0
            var previousWasSpace = false
            for byte in bytes {
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                    if !previousWasSpace {
                        output[write] = 0x20
                        write += 1
                    }
                    previousWasSpace = true
                } else {
                    output[write] = byte
                    write += 1
                    previousWasSpace = false
                }
            }
            return write
        }
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
        if inlines.count == 1, case .text(let text) = inlines[0] {
            return text.isEmpty ? [] : inlines
        }
        var result: [Inline] = []
        result.reserveCapacity(inlines.count)
        for inline in inlines {
            switch inline {
            case .text(let text):
                guard !text.isEmpty else { continue }
                if case .text(let previous)? = result.last {
                    result[result.count - 1] = .text(collapse(previous + text))
                } else {
                    result.append(inline)
                }
            case .element(let name, let attributes, let children):
                result.append(.element(name: name, attributes: attributes, children: merge(children)))
            }
        }
        return result
    }

    private static func trimLeading(_ inlines: inout [Inline]) {
        guard let first = inlines.first else { return }
        switch first {
        case .text(let text):
            guard text.utf8.first == 0x20 else { return }
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
            guard text.utf8.last == 0x20 else { return }
            var trimmed = Substring(text)
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            if trimmed.isEmpty { inlines.removeLast(); trimTrailing(&inlines) } else { inlines[inlines.count - 1] = .text(String(trimmed)) }
        case .element(let name, let attributes, var children):
            trimTrailing(&children)
            inlines[inlines.count - 1] = .element(name: name, attributes: attributes, children: children)
        }
    }
}
