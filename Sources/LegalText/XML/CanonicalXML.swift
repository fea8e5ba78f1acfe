import Foundation

/// A model-free comparison of two XML documents, for checking that a document comes back equivalent after
/// going through suivi: elements and attributes compared by namespace URI and local name (prefixes and
/// namespace declarations do not matter), attributes in any order, comments and processing instructions
/// ignored, and text compared with runs of XML whitespace collapsed and trimmed (indentation does not matter).
public enum CanonicalXML {
    /// A node of the compared tree.
    public indirect enum Node: Sendable, Hashable {
        /// `name` is `{namespace}local`, or `local` without namespace; so are attribute names.
        case element(name: String, attributes: [String: String], children: [Node])
        case text(String)
    }

    /// Parses `data` under the hostile-input policy of the reader (no DTD, no entity, no network, limits).
    public static func tree(_ data: Data, file: String, limits: XMLParserLimits = .standard) throws(LegalTextError) -> Node {
        try SafeXMLParser.withDocument(data, file: file, limits: limits) { root throws(LegalTextError) in
            try node(root, depth: 1, file: file, limits: limits)
        }
    }

    /// The differences between `original` and `copy`, described one per line with where they are (empty when
    /// equivalent). With `allowingAddedIdentifiers`, an `eId` or `wId` the copy has where the original had
    /// none is not a difference (suivi gives every clause its identifiers).
    public static func differences(_ original: Node, _ copy: Node, allowingAddedIdentifiers: Bool = false,
                                   limit: Int = 20) -> [String] {
        var found: [String] = []
        compare(original, copy, path: "", allowing: allowingAddedIdentifiers, into: &found, limit: limit)
        return found
    }

    private static func compare(_ a: Node, _ b: Node, path: String, allowing: Bool, into found: inout [String], limit: Int) {
        guard found.count < limit else { return }
        switch (a, b) {
        case (.text(let x), .text(let y)):
            if x != y { found.append("\(path) : texte « \(x.prefix(80)) » devenu « \(y.prefix(80)) »") }
        case (.element(let nameA, let attributesA, let childrenA), .element(let nameB, var attributesB, let childrenB)):
            let here = path + "/" + local(nameA)
            guard nameA == nameB else {
                found.append("\(path) : élément \(nameA) devenu \(nameB)")
                return
            }
            if allowing {
                for key in ["eId", "wId"] where attributesA[key] == nil { attributesB[key] = nil }
            }
            if attributesA != attributesB {
                let keys = Set(attributesA.keys).union(attributesB.keys).filter { attributesA[$0] != attributesB[$0] }.sorted()
                for key in keys {
                    found.append("\(here) : attribut \(key) « \(attributesA[key] ?? "absent") » devenu « \(attributesB[key] ?? "absent") »")
                }
            }
            if childrenA.count != childrenB.count {
                found.append("\(here) : \(childrenA.count) enfants devenus \(childrenB.count) (\(summary(childrenA)) → \(summary(childrenB)))")
            }
            for (index, (x, y)) in zip(childrenA, childrenB).enumerated() {
                compare(x, y, path: here + "[\(index + 1)]", allowing: allowing, into: &found, limit: limit)
            }
        default:
            found.append("\(path) : \(summary([a])) devenu \(summary([b]))")
        }
    }

    private static func local(_ name: String) -> String {
        name.split(separator: "}").last.map(String.init) ?? name
    }

    private static func summary(_ nodes: [Node]) -> String {
        nodes.prefix(8).map { node -> String in
            switch node {
            case .element(let name, _, _): return local(name)
            case .text(let text): return "« \(text.prefix(20)) »"
            }
        }.joined(separator: ", ")
    }

    private static func node(_ element: XMLNode, depth: Int, file: String, limits: XMLParserLimits) throws(LegalTextError) -> Node {
        guard depth <= limits.maxDepth * 4 else { throw .tooDeep(file: file, line: element.line, limit: limits.maxDepth * 4) }
        var attributes: [String: String] = [:]
        for attribute in element.attributeList {
            attributes[attribute.namespace.map { "{\($0)}" + attribute.name } ?? attribute.name] = attribute.value
        }
        var children: [Node] = []
        var text = ""
        func flush() {
            let collapsed = TextNormalization.collapse(text).trimmingCharacters(in: .init(charactersIn: " "))
            if !collapsed.isEmpty { children.append(.text(collapsed)) }
            text = ""
        }
        try element.forEachChild { child throws(LegalTextError) in
            switch child.kind {
            case .text: text += child.text
            case .element:
                flush()
                children.append(try node(child, depth: depth + 1, file: file, limits: limits))
            case .entityReference:
                throw .malformed(file: file, line: child.line, column: 0, problem: .entity, detail: "entity reference")
            case .comment, .processingInstruction, .other: break
            }
        }
        flush()
        let name = element.namespace.map { "{\($0)}" + element.name } ?? element.name
        return .element(name: name, attributes: attributes, children: children)
    }
}
