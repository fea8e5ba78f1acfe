import Foundation
import LegalText

/// One element of a committee record, copied out of libxml2 by LegalText's safe reader.
public typealias RecordElement = XMLElementValue

/// The committee's XML namespace and its reader: LegalText's ``XMLTreeReader`` (the same hostile-input
/// policy as legal texts), then the checks every record shares.
public enum CommitteeXML {
    /// The namespace of every committee record.
    public static let namespace = "urn:suivi:comite:1"
    /// Largest record accepted, in bytes.
    public static let maxBytes = 4 << 20
    /// Deepest nesting accepted.
    public static let maxDepth = 16

    /// Reads a record and checks its root element's name and namespace.
    /// - Throws: ``CommitteeError/invalidRecord(path:line:reason:)`` for anything unsafe, malformed or unexpected.
    public static func read(_ data: Data, file: String, root expected: String) throws(CommitteeError) -> RecordElement {
        let root: RecordElement
        do {
            root = try XMLTreeReader.read(data, file: file, limits: XMLParserLimits(maxBytes: maxBytes, maxDepth: maxDepth))
        } catch {
            throw .invalidRecord(path: file, line: error.line ?? 1, reason: error.reason)
        }
        guard root.name == expected, root.namespace == namespace else {
            throw .invalidRecord(path: file, line: root.line,
                                 reason: "élément racine <\(root.name)> (espace de noms \(root.namespace ?? "aucun")) ; "
                                     + "attendu <\(expected)> dans l'espace de noms \(namespace)")
        }
        try checkNamespace(root, file: file)
        return root
    }

    private static func checkNamespace(_ element: RecordElement, file: String) throws(CommitteeError) {
        for child in element.children {
            guard child.namespace == namespace else {
                throw .invalidRecord(path: file, line: child.line,
                                     reason: "élément <\(child.name)> hors de l'espace de noms \(namespace)")
            }
            try checkNamespace(child, file: file)
        }
    }
}
