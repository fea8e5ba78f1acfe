/// Turns the HTML-like `CONTENU` of a LEGI file (article text, visas, signatories) into blocks, one
/// per alinéa: `<br/>` and block elements (`p`, `div`, `blockquote`, `center`) end an alinéa; `sup`,
/// `sub`, `i`/`em`, `b`/`strong`, `u` and `a href` are kept as inline elements; `font` and `span`
/// only style and are unwrapped. Anything else (tables, images, unknown tags) is reported with its
/// file and line: nothing is silently dropped.
struct LegiContent {
    let file: String

    private static let breaks: Set<String> = ["br", "BR"]
    private static let blocks: Set<String> = ["p", "P", "div", "DIV", "blockquote", "BLOCKQUOTE", "center", "CENTER"]
    private static let unwrapped: Set<String> = ["font", "FONT", "span", "SPAN"]
    private static let inline: [String: String] = [
        "sup": "sup", "SUP": "sup", "sub": "sub", "SUB": "sub", "i": "i", "I": "i", "em": "i", "EM": "i",
        "b": "b", "B": "b", "strong": "b", "STRONG": "b", "u": "u", "U": "u",
    ]

    /// The alinéas of `element` (a `CONTENU`), empty ones dropped.
    func blocks(of element: LegiElement) throws(LegalTextError) -> [Block] {
        var result: [Block] = []
        var current: [Inline] = []
        func flush() {
            let normalized = TextNormalization.normalizeBlock(current)
            if !normalized.plainText.trimmingCharacters(in: .whitespaces).isEmpty { result.append(Block(normalized)) }
            current = []
        }
        func walk(_ element: LegiElement) throws(LegalTextError) {
            for node in element.nodes {
                switch node {
                case .text(let text):
                    current.append(.text(TextNormalization.collapse(text)))
                case .element(let child):
                    if Self.breaks.contains(child.name) {
                        flush()
                    } else if Self.blocks.contains(child.name) {
                        flush()
                        try walk(child)
                        flush()
                    } else if Self.unwrapped.contains(child.name) {
                        try walk(child)  // styling only; it may hold line breaks
                    } else {
                        current.append(contentsOf: try inlines(of: child))
                    }
                }
            }
        }
        try walk(element)
        flush()
        return result
    }

    /// An inline element and its content, as model inlines.
    private func inlines(of element: LegiElement) throws(LegalTextError) -> [Inline] {
        let isAnchor = element.name == "a" || element.name == "A"
        guard Self.unwrapped.contains(element.name) || Self.inline[element.name] != nil || isAnchor else {
            throw .invalidContent(file: file, line: element.line, element: element.name,
                                  reason: "élément non pris en charge dans le texte d'un article LEGI (tableaux, images "
                                    + "et autres balises ne sont pas importés) ; reprenez ce passage à la main.")
        }
        var children: [Inline] = []
        for node in element.nodes {
            switch node {
            case .text(let text): children.append(.text(TextNormalization.collapse(text)))
            case .element(let child):
                guard !Self.breaks.contains(child.name), !Self.blocks.contains(child.name) else {
                    throw .invalidContent(file: file, line: child.line, element: child.name,
                                          reason: "saut de ligne ou bloc à l'intérieur de <\(element.name)> : "
                                            + "structure de texte non prise en charge.")
                }
                children += try inlines(of: child)
            }
        }
        if Self.unwrapped.contains(element.name) { return children }
        if let name = Self.inline[element.name] {
            return [.element(name: name, attributes: [:], children: children)]
        }
        guard let href = element.attributes["href"], !href.isEmpty else { return children }
        return [.element(name: "ref", attributes: ["href": href], children: children)]
    }
}
