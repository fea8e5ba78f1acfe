import Foundation

/// One node of an XML document with mixed content, copied out of libxml2 as a value: an element (with its
/// children in document order) or a run of text. For documents whose text and markup interleave and whose
/// order matters (the paragraphs of an OpenDocument file), where ``XMLElementValue`` keeps only the text.
public indirect enum XMLContentNode: Sendable, Hashable {
    case element(XMLContentElement)
    case text(String)
}

/// An element of ``XMLContentNode``: local name, namespace, attributes by local name, children in order.
public struct XMLContentElement: Sendable, Hashable {
    public let name: String
    public let namespace: String?
    /// The attributes by local name (the first one wins when two namespaces share a local name).
    public let attributes: [String: String]
    public let children: [XMLContentNode]
    public let line: Int

    public init(name: String, namespace: String?, attributes: [String: String], children: [XMLContentNode], line: Int) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    /// The child elements, in order.
    public var elements: [XMLContentElement] {
        children.compactMap { if case .element(let element) = $0 { return element } else { return nil } }
    }

    /// The first child element with this local name and namespace.
    public func first(_ name: String, in namespace: String) -> XMLContentElement? {
        elements.first { $0.name == name && $0.namespace == namespace }
    }

    /// Whether the element has this local name and namespace.
    public func `is`(_ name: String, in namespace: String) -> Bool { self.name == name && self.namespace == namespace }
}

/// Reads an XML file with mixed content under the same hostile-input policy as legal texts (``SafeXMLParser``:
/// no network, no entities, any `<!DOCTYPE>` refused, size and depth bounded) into a value tree.
public enum XMLContentReader {
    public static func read(_ data: Data, file: String, limits: XMLParserLimits) throws(LegalTextError) -> XMLContentElement {
        try SafeXMLParser.withDocument(data, file: file, limits: limits) { root throws(LegalTextError) in
            try copy(root, file: file, depth: 1, limits: limits)
        }
    }

    private static func copy(_ node: XMLNode, file: String, depth: Int, limits: XMLParserLimits) throws(LegalTextError) -> XMLContentElement {
        guard depth <= limits.maxDepth else { throw .tooDeep(file: file, line: node.line, limit: limits.maxDepth) }
        var children: [XMLContentNode] = []
        try node.forEachChild { child throws(LegalTextError) in
            switch child.kind {
            case .element: children.append(.element(try copy(child, file: file, depth: depth + 1, limits: limits)))
            case .text: children.append(.text(child.text))
            case .entityReference:
                throw .malformed(file: file, line: child.line, column: 0, problem: .entity, detail: "entity reference")
            case .comment, .processingInstruction, .other: break
            }
        }
        var attributes: [String: String] = [:]
        for attribute in node.attributeList where attributes[attribute.name] == nil { attributes[attribute.name] = attribute.value }
        return XMLContentElement(name: node.name, namespace: node.namespace, attributes: attributes, children: children, line: node.line)
    }
}
