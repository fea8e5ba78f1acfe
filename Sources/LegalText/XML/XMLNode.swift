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
        guard let name = pointer.pointee.name else { return false }
        let bytes = wanted.utf8Start
        let count = wanted.utf8CodeUnitCount
        for index in 0..<count where name[index] != bytes[index] { return false }
        return name[count] == 0
    }

    /// The namespace URI of the element, if any.
    var namespace: String? { string(pointer.pointee.ns?.pointee.href) }

    /// Whether the element is in the Akoma Ntoso 3.0 namespace.
    var isAKN: Bool {
        guard let href = pointer.pointee.ns?.pointee.href else { return false }
        return string(href) == AKN.namespace
    }

    /// The source line of the node.
    var line: Int { Int(xmlGetLineNo(pointer)) }

    /// The text of a text node.
    var text: String { string(pointer.pointee.content) ?? "" }

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

    /// The attributes of the element without namespace prefix, name → value.
    var attributes: [String: String] {
        var result: [String: String] = [:]
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if let name = string(current.pointee.name) {
                var value = ""
                var child = current.pointee.children
                while let node = child {
                    value += string(node.pointee.content) ?? ""
                    child = node.pointee.next
                }
                result[name] = value
            }
            attribute = current.pointee.next
        }
        return result
    }
}
