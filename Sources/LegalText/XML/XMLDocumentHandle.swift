import CXML2

/// Owns one parsed libxml2 document and frees it in `deinit`. Never shared across threads, never
/// returned out of ``SafeXMLParser/withDocument(_:file:limits:_:)``.
final class XMLDocumentHandle {
    private let pointer: xmlDocPtr

    init(_ pointer: xmlDocPtr) {
        self.pointer = pointer
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// The root element, if the document has one.
    var root: XMLNode? {
        xmlDocGetRootElement(pointer).map(XMLNode.init)
    }

    /// Whether the document carries a DTD (internal or external subset).
    var hasDTD: Bool {
        pointer.pointee.intSubset != nil || pointer.pointee.extSubset != nil
    }

    /// The encoding the document declared, if any.
    var declaredEncoding: String? {
        string(pointer.pointee.encoding)
    }
}
