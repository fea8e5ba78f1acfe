import CXML2
import Foundation

/// One element of a committee record, copied out of libxml2: nothing from libxml2 outlives the parse.
public struct RecordElement: Sendable, Hashable {
    /// The local name.
    public let name: String
    /// The namespace URI, if any.
    public let namespace: String?
    public let attributes: [String: String]
    public let children: [RecordElement]
    /// The element's own text (its text children joined, whitespace trimmed).
    public let text: String
    /// The source line.
    public let line: Int

    /// The child elements of that name.
    public func all(_ name: String) -> [RecordElement] { children.filter { $0.name == name } }

    /// The first child element of that name.
    public func first(_ name: String) -> RecordElement? { children.first { $0.name == name } }
}

/// The committee's XML namespace and its safe reader. The reader follows the rules of LegalText's
/// `SafeXMLParser`: libxml2 with network off, no entity substitution, no DTD loading, no XInclude,
/// no recovery; any `<!DOCTYPE>` is refused before a declaration is read; size and depth bounded.
public enum CommitteeXML {
    /// The namespace of every committee record.
    public static let namespace = "urn:suivi:comite:1"
    /// Largest record accepted, in bytes.
    public static let maxBytes = 4 << 20
    /// Deepest nesting accepted.
    public static let maxDepth = 16

    static let options: Int32 = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue
    )

    /// Reads a record and checks its root element's name and namespace.
    /// - Throws: ``CommitteeError/invalidRecord(path:line:reason:)`` for anything unsafe, malformed or unexpected.
    public static func read(_ data: Data, file: String, root expected: String) throws(CommitteeError) -> RecordElement {
        _ = libxml2Ready
        guard !data.isEmpty else { throw .invalidRecord(path: file, line: 1, reason: "fichier vide") }
        guard data.count <= maxBytes else {
            throw .invalidRecord(path: file, line: 1, reason: "fichier trop volumineux (\(data.count) octets, limite \(maxBytes))")
        }
        let outcome: Result<RecordElement, CommitteeError> = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self),
                  let context = xmlCreateMemoryParserCtxt(base, Int32(raw.count)) else {
                return .failure(.invalidRecord(path: file, line: 1, reason: "libxml2 n'a pas pu créer de contexte d'analyse"))
            }
            defer { xmlFreeParserCtxt(context) }
            _ = xmlCtxtUseOptions(context, options)
            let box = DoctypeBox()
            context.pointee.sax.pointee.internalSubset = refuseDoctype
            context.pointee._private = Unmanaged.passUnretained(box).toOpaque()
            _ = xmlParseDocument(context)
            let document = context.pointee.myDoc
            context.pointee.myDoc = nil
            defer { if let document { xmlFreeDoc(document) } }
            if let line = box.line {
                return .failure(.invalidRecord(path: file, line: line, reason: "déclaration <!DOCTYPE> refusée"))
            }
            guard context.pointee.wellFormed != 0, let document else {
                let error = context.pointee.lastError
                let message = (error.message.flatMap { String(validatingCString: $0) } ?? "XML mal formé")
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                return .failure(.invalidRecord(path: file, line: Int(max(1, error.line)), reason: "XML mal formé : \(message)"))
            }
            if document.pointee.intSubset != nil || document.pointee.extSubset != nil {
                return .failure(.invalidRecord(path: file, line: 1, reason: "déclaration <!DOCTYPE> refusée"))
            }
            if let encoding = text(document.pointee.encoding), encoding.uppercased() != "UTF-8" {
                return .failure(.invalidRecord(path: file, line: 1, reason: "encodage \(encoding) refusé : UTF-8 seulement"))
            }
            guard let root = xmlDocGetRootElement(document) else {
                return .failure(.invalidRecord(path: file, line: 1, reason: "aucun élément racine"))
            }
            return Result { () throws(CommitteeError) in try copy(root, file: file, depth: 0) }
        }
        let root = try outcome.get()
        guard root.name == expected, root.namespace == namespace else {
            throw .invalidRecord(path: file, line: root.line,
                                 reason: "élément racine <\(root.name)> (espace de noms \(root.namespace ?? "aucun")) ; "
                                     + "attendu <\(expected)> dans l'espace de noms \(namespace)")
        }
        return root
    }

    private static func copy(_ node: xmlNodePtr, file: String, depth: Int) throws(CommitteeError) -> RecordElement {
        let line = Int(xmlGetLineNo(node))
        guard depth < maxDepth else {
            throw .invalidRecord(path: file, line: line, reason: "éléments imbriqués trop profondément")
        }
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            var value = ""
            var child = current.pointee.children
            while let valueNode = child {
                value += text(valueNode.pointee.content) ?? ""
                child = valueNode.pointee.next
            }
            if let name = text(current.pointee.name) { attributes[name] = value }
            attribute = current.pointee.next
        }
        var children: [RecordElement] = []
        var content = ""
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let element = try copy(current, file: file, depth: depth + 1)
                guard element.namespace == namespace else {
                    throw .invalidRecord(path: file, line: element.line,
                                         reason: "élément <\(element.name)> hors de l'espace de noms \(namespace)")
                }
                children.append(element)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                content += text(current.pointee.content) ?? ""
            case XML_COMMENT_NODE, XML_PI_NODE:
                break
            default:
                throw .invalidRecord(path: file, line: Int(xmlGetLineNo(current)), reason: "entité XML interdite")
            }
            child = current.pointee.next
        }
        return RecordElement(
            name: text(node.pointee.name) ?? "", namespace: text(node.pointee.ns?.pointee.href), attributes: attributes,
            children: children, text: content.trimmingCharacters(in: .whitespacesAndNewlines), line: line)
    }

    private static func text(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: Int(xmlStrlen(pointer))), as: UTF8.self)
    }
}

/// libxml2 initialised once (LegalText does the same; `xmlInitParser` is idempotent).
private let libxml2Ready: Bool = {
    xmlInitParser()
    return true
}()

/// Where a `<!DOCTYPE>` was met; reached from the C callback through the context's `_private`.
private final class DoctypeBox {
    var line: Int?
}

/// SAX callback for `<!DOCTYPE …>`: note the line and stop before any declaration is read.
private let refuseDoctype: internalSubsetSAXFunc = { rawContext, _, _, _ in
    guard let rawContext else { return }
    let context = rawContext.assumingMemoryBound(to: xmlParserCtxt.self)
    if let box = context.pointee._private {
        Unmanaged<DoctypeBox>.fromOpaque(box).takeUnretainedValue().line = Int(xmlSAX2GetLineNumber(rawContext))
    }
    xmlStopParser(context)
}
