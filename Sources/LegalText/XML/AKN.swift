/// Constants of the Akoma Ntoso 3.0 vocabulary used by the subset.
public enum AKN {
    /// The OASIS Akoma Ntoso 3.0 namespace.
    public static let namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

    /// The namespace as NUL-terminated bytes, for comparisons with libxml2 strings.
    static let namespaceBytes: [UInt8] = Array(namespace.utf8) + [0]
}
