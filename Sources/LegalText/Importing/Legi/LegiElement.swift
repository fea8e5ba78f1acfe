import Foundation

/// One element of a Légifrance LEGI XML file copied out of libxml2 as a value, keeping mixed content
/// in order (the article text is HTML-like: text runs between `<br/>` and `<p>`). Read through
/// ``SafeXMLParser``: no network, no entities, any `<!DOCTYPE>` refused, size and depth bounded.
struct LegiElement: Sendable, Hashable {
    /// A child node: an element or a run of text.
    enum Node: Sendable, Hashable {
        case element(LegiElement)
        case text(String)
    }

    let name: String
    let attributes: [String: String]
    let nodes: [Node]
    let line: Int

    /// The child elements, in order.
    var children: [LegiElement] {
        nodes.compactMap { if case .element(let element) = $0 { return element } else { return nil } }
    }

    /// The first child element of that name.
    func first(_ name: String) -> LegiElement? { children.first { $0.name == name } }

    /// The child elements of that name.
    func all(_ name: String) -> [LegiElement] { children.filter { $0.name == name } }

    /// The element at a path of child names (`META/META_COMMUN/ID`).
    func at(_ path: String) -> LegiElement? {
        var current: LegiElement? = self
        for step in path.split(separator: "/") { current = current?.first(String(step)) }
        return current
    }

    /// All the text below the element, whitespace collapsed and trimmed.
    var text: String {
        var result = ""
        func collect(_ element: LegiElement) {
            for node in element.nodes {
                switch node {
                case .text(let text): result += text
                case .element(let child): collect(child)
                }
            }
        }
        collect(self)
        return TextNormalization.collapse(result).trimmingCharacters(in: .whitespaces)
    }

    /// The trimmed text at `path`, nil when the element is absent or empty.
    func value(_ path: String) -> String? {
        guard let text = at(path)?.text, !text.isEmpty else { return nil }
        return text
    }

    /// Reads a LEGI file held in memory; `file` names it in messages.
    static func read(_ data: Data, file: String, limits: XMLParserLimits = .standard) throws(LegalTextError) -> LegiElement {
        try SafeXMLParser.withDocument(data, file: file, limits: limits) { root throws(LegalTextError) in
            try copy(root, file: file, depth: 1, limits: limits)
        }
    }

    private static func copy(_ node: XMLNode, file: String, depth: Int, limits: XMLParserLimits) throws(LegalTextError) -> LegiElement {
        guard depth <= limits.maxDepth else { throw .tooDeep(file: file, line: node.line, limit: limits.maxDepth) }
        var nodes: [Node] = []
        try node.forEachChild { child throws(LegalTextError) in
            switch child.kind {
            case .element: nodes.append(.element(try copy(child, file: file, depth: depth + 1, limits: limits)))
            case .text: nodes.append(.text(child.text))
            case .entityReference:
                throw .malformed(file: file, line: child.line, column: 0, problem: .entity, detail: "entity reference")
            case .comment, .processingInstruction, .other: break
            }
        }
        return LegiElement(name: node.name, attributes: node.attributes, nodes: nodes, line: node.line)
    }
}
