import CXML2

/// A view of one libxml2 node, valid only while its ``XMLDocumentHandle`` is alive.
struct XMLNode {
    let pointer: xmlNodePtr

    enum Kind { case element, text, comment, processingInstruction, entityReference, other }

    var kind: Kind {
        switch pointer.pointee.type {
        case XML_ELEMENT_NODE: return .element
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: return .text
        case XML_COMMENT_NODE: return .comment
        case XML_PI_NODE: return .processingInstruction
        case XML_ENTITY_REF_NODE, XML_ENTITY_NODE, XML_ENTITY_DECL: return .entityReference
        default: return .other
        }
    }

    /// The local name of the element.
    var name: String { string(pointer.pointee.name) ?? "" }

    /// Whether the element has this local name (compared without building a Swift string).
    func isNamed(_ wanted: StaticString) -> Bool {
        XMLNode.equal(pointer.pointee.name, wanted)
    }

    /// The namespace URI of the element, if any.
    var namespace: String? { string(pointer.pointee.ns?.pointee.href) }

    /// Whether this element uses the same namespace declaration as `other` (a cheap pointer test;
    /// elements nearly always share their parent's declaration).
    func sharesNamespace(with other: XMLNode) -> Bool {
        pointer.pointee.ns != nil && pointer.pointee.ns == other.pointer.pointee.ns
    }

    /// Whether the element is in the Akoma Ntoso 3.0 namespace.
    var isAKN: Bool {
        guard let href = pointer.pointee.ns?.pointee.href else { return false }
        return AKN.namespaceBytes.withUnsafeBufferPointer { xmlStrEqual(href, $0.baseAddress) != 0 }
    }

    /// The source line of the node.
    var line: Int { Int(xmlGetLineNo(pointer)) }

    /// The text of a text node.
    var text: String { string(pointer.pointee.content) ?? "" }

    /// The text of a text node with runs of XML whitespace collapsed to one space, in one pass over
    /// the C bytes (the reader's hot path: most text needs no change and is copied once).
    var collapsedText: String {
        guard let content = pointer.pointee.content else { return "" }
        let count = Int(xmlStrlen(content))
        let bytes = UnsafeBufferPointer(start: content, count: count)
        var needsWork = false
        var previousWasSpace = false
        for byte in bytes {
            switch byte {
            case 0x0A, 0x09, 0x0D: needsWork = true
            case 0x20: if previousWasSpace { needsWork = true }
            default: break
            }
            if needsWork { break }
            previousWasSpace = byte == 0x20
        }
        guard needsWork else { return String(decoding: bytes, as: UTF8.self) }
        return TextNormalization.collapse(bytes)
    }

    /// The value of one attribute (without namespace), read without building a dictionary.
    func attribute(_ wanted: StaticString) -> String? {
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if XMLNode.equal(current.pointee.name, wanted) {
                var value = ""
                var child = current.pointee.children
                while let node = child {
                    value += string(node.pointee.content) ?? ""
                    child = node.pointee.next
                }
                return value
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// Whether the element has attributes other than `eId` and `wId`.
    var hasAttributesBesideIdentifiers: Bool {
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if !XMLNode.equal(current.pointee.name, "eId") && !XMLNode.equal(current.pointee.name, "wId") { return true }
            attribute = current.pointee.next
        }
        return false
    }

    /// Compares a NUL-terminated libxml2 name with a static string, byte for byte.
    static func equal(_ name: UnsafePointer<xmlChar>?, _ wanted: StaticString) -> Bool {
        guard let name else { return false }
        let bytes = wanted.utf8Start
        let count = wanted.utf8CodeUnitCount
        for index in 0..<count where name[index] != bytes[index] { return false }
        return name[count] == 0
    }

    /// Whether a text node holds only XML whitespace, checked on the C bytes without copying them.
    var isBlankText: Bool {
        guard var byte = pointer.pointee.content else { return true }
        while byte.pointee != 0 {
            switch byte.pointee {
            case 0x20, 0x0A, 0x09, 0x0D: byte += 1
            default: return false
            }
        }
        return true
    }

    /// Calls `body` on each child node, in order, without building an array.
    func forEachChild(_ body: (XMLNode) throws(LegalTextError) -> Void) throws(LegalTextError) {
        var child = pointer.pointee.children
        while let node = child {
            try body(XMLNode(pointer: node))
            child = node.pointee.next
        }
    }

    /// The child nodes, in order.
    var children: [XMLNode] {
        var result: [XMLNode] = []
        var child = pointer.pointee.children
        while let node = child {
            result.append(XMLNode(pointer: node))
            child = node.pointee.next
        }
        return result
    }

    /// One attribute as libxml2 holds it: local name, namespace prefix and URI (nil when none), value.
    struct Attribute {
        let name: String
        let prefix: String?
        let namespace: String?
        let value: String
    }

    /// The attributes of the element in document order, with their namespace: the one walk over libxml2's
    /// attribute list that the views below share.
    var attributeList: [Attribute] {
        var result: [Attribute] = []
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if let name = string(current.pointee.name) {
                var value = ""
                var child = current.pointee.children
                while let node = child {
                    value += string(node.pointee.content) ?? ""
                    child = node.pointee.next
                }
                let prefix = string(current.pointee.ns?.pointee.prefix).flatMap { $0.isEmpty ? nil : $0 }
                result.append(Attribute(name: name, prefix: prefix, namespace: string(current.pointee.ns?.pointee.href), value: value))
            }
            attribute = current.pointee.next
        }
        return result
    }

    /// The attributes of the element without namespace prefix, name → value.
    var attributes: [String: String] {
        var result: [String: String] = [:]
        for attribute in attributeList { result[attribute.name] = attribute.value }
        return result
    }
}
