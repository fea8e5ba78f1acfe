import Foundation

/// One element of an XML document copied out of libxml2 as a value: for small record files (the
/// committee's) that are not Akoma Ntoso. Nothing from libxml2 outlives the read.
public struct XMLElementValue: Sendable, Hashable {
    /// The local name.
    public let name: String
    /// The namespace URI, if any.
    public let namespace: String?
    public let attributes: [String: String]
    public let children: [XMLElementValue]
    /// The element's own text (its text children joined, whitespace trimmed).
    public let text: String
    /// The source line.
    public let line: Int

    public init(name: String, namespace: String?, attributes: [String: String], children: [XMLElementValue],
                text: String, line: Int) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.text = text
        self.line = line
    }

    /// The child elements of that name.
    public func all(_ name: String) -> [XMLElementValue] { children.filter { $0.name == name } }

    /// The first child element of that name.
    public func first(_ name: String) -> XMLElementValue? { children.first { $0.name == name } }
}

/// Reads any small XML file under the same hostile-input policy as legal texts (``SafeXMLParser``:
/// no network, no entities, any `<!DOCTYPE>` refused, size and depth bounded) into a value tree.
public enum XMLTreeReader {
    public static func read(_ data: Data, file: String, limits: XMLParserLimits) throws(LegalTextError) -> XMLElementValue {
        try SafeXMLParser.withDocument(data, file: file, limits: limits) { root throws(LegalTextError) in
            try copy(root, file: file, depth: 1, limits: limits)
        }
    }

    private static func copy(_ node: XMLNode, file: String, depth: Int, limits: XMLParserLimits) throws(LegalTextError) -> XMLElementValue {
        guard depth <= limits.maxDepth else { throw .tooDeep(file: file, line: node.line, limit: limits.maxDepth) }
        var children: [XMLElementValue] = []
        var content = ""
        try node.forEachChild { child throws(LegalTextError) in
            switch child.kind {
            case .element: children.append(try copy(child, file: file, depth: depth + 1, limits: limits))
            case .text: content += child.text
            case .entityReference:
                throw .malformed(file: file, line: child.line, column: 0, problem: .entity, detail: "entity reference")
            case .comment, .processingInstruction, .other: break
            }
        }
        return XMLElementValue(name: node.name, namespace: node.namespace, attributes: node.attributes, children: children,
                               text: content.trimmingCharacters(in: .whitespacesAndNewlines), line: node.line)
    }
}
