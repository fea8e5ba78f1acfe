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

    /// Reads a LEGI file held in memory; `file` names it in messages. The mixed-content walk is
    /// ``XMLContentReader``'s (same hostile-input policy); LEGI has no namespaces, so names are local names.
    static func read(_ data: Data, file: String, limits: XMLParserLimits = .standard) throws(LegalTextError) -> LegiElement {
        LegiElement(try XMLContentReader.read(data, file: file, limits: limits))
    }

    init(_ element: XMLContentElement) {
        name = element.name
        attributes = element.attributes
        line = element.line
        nodes = element.children.map { node in
            switch node {
            case .element(let child): .element(LegiElement(child))
            case .text(let text): .text(text)
            }
        }
    }
}
