import Foundation

/// Lists every element of an Akoma Ntoso file that the supported subset (docs/FORMAT.md) does not
/// know, so that a document from another tool is reported in full rather than one element at a
/// time. The reader (``LegalTextReader``) stays the authority on where each element may appear;
/// this scan only looks at names and namespaces.
public enum SubsetScan {
    /// One element name outside the subset: how often it occurs, where first, and in what.
    public struct Finding: Sendable, Hashable, Codable {
        public let element: String
        public let count: Int
        public let firstLine: Int
        public let firstParent: String
    }

    /// The element names the subset reads (structure, metadata, clauses, blocks and inlines).
    static let knownElements: Set<String> = {
        var names: Set<String> = [
            "akomaNtoso", "act", "meta", "identification", "FRBRWork", "FRBRExpression", "FRBRManifestation",
            "FRBRthis", "FRBRuri", "FRBRdate", "FRBRauthor", "FRBRcountry", "FRBRnumber", "FRBRname", "FRBRlanguage",
            "publication", "lifecycle", "eventRef", "references", "notes", "note", "preface", "longTitle", "p",
            "preamble", "formula", "citations", "citation", "body", "conclusions", "attachments", "attachment", "doc",
            "mainBody", "num", "heading", "content", "intro", "wrapUp",
        ]
        names.formUnion(ClauseKind.profileKinds.map(\.elementName))
        names.formUnion(Inline.supportedElements)
        names.formUnion(TLCReference.supportedElements)
        return names
    }()

    /// The elements of `data` outside the subset, by first occurrence; empty when every name is known.
    public static func unsupportedElements(in data: Data, file: String,
                                           limits: XMLParserLimits = .standard) throws(LegalTextError) -> [Finding] {
        try SafeXMLParser.withDocument(data, file: file, limits: limits) { root throws(LegalTextError) in
            var found: [String: (count: Int, line: Int, parent: String)] = [:]
            var order: [String] = []
            func visit(_ node: XMLNode, parent: String, depth: Int) throws(LegalTextError) {
                guard depth <= limits.maxDepth * 4 else { throw .tooDeep(file: file, line: node.line, limit: limits.maxDepth * 4) }
                let name = node.isAKN ? node.name : (node.namespace.map { "{\($0)}" } ?? "") + node.name
                if !node.isAKN || !knownElements.contains(node.name) {
                    if let existing = found[name] {
                        found[name] = (existing.count + 1, existing.line, existing.parent)
                    } else {
                        found[name] = (1, node.line, parent)
                        order.append(name)
                    }
                }
                try node.forEachChild { child throws(LegalTextError) in
                    if child.kind == .element { try visit(child, parent: node.name, depth: depth + 1) }
                }
            }
            try visit(root, parent: "", depth: 1)
            return order.compactMap { name in
                found[name].map { Finding(element: name, count: $0.count, firstLine: $0.line, firstParent: $0.parent) }
            }
        }
    }
}
