/// Constants of the Akoma Ntoso 3.0 vocabulary used by the subset.
public enum AKN {
    /// The OASIS Akoma Ntoso 3.0 namespace.
    public static let namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
}
