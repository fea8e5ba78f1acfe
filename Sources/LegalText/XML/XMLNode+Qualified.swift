import CXML2

/// Names and attributes of an element as they must be written back for the element to mean the same:
/// Akoma Ntoso elements unprefixed (the writer declares Akoma Ntoso as the default namespace), other
/// namespaces with their prefix and a declaration of it.
extension XMLNode {
    /// Whether the element has any attribute.
    var hasAttributes: Bool { pointer.pointee.properties != nil }

    /// The namespace prefix of the element, if any.
    var prefix: String? { string(pointer.pointee.ns?.pointee.prefix) }

    /// `name` for an Akoma Ntoso element, `prefix:name` for an element of another namespace.
    var qualifiedName: String {
        guard !isAKN, let prefix, !prefix.isEmpty else { return name }
        return prefix + ":" + name
    }

    /// The namespace declaration an element of another namespace needs once written under an Akoma Ntoso
    /// default namespace (`xmlns:mods="…"`, `xmlns="…"`, or `xmlns=""` for no namespace); nil for Akoma Ntoso.
    var namespaceDeclaration: (name: String, uri: String)? {
        guard !isAKN else { return nil }
        guard let uri = namespace else { return ("xmlns", "") }
        if let prefix, !prefix.isEmpty { return ("xmlns:" + prefix, uri) }
        return ("xmlns", uri)
    }

    /// The attributes with their prefix where they have one (`xml:id`, `xsi:schemaLocation`), and the
    /// declarations those prefixes need (`xml` needs none).
    var qualifiedAttributes: [String: String] {
        var result: [String: String] = [:]
        for attribute in attributeList {
            if let prefix = attribute.prefix {
                result[prefix + ":" + attribute.name] = attribute.value
                if prefix != "xml", let uri = attribute.namespace { result["xmlns:" + prefix] = uri }
            } else {
                result[attribute.name] = attribute.value
            }
        }
        return result
    }
}
