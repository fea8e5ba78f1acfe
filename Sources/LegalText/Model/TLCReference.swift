/// An entry of the `references` block: an organisation, person, role or concept the text refers to.
public struct TLCReference: Sendable, Hashable, Codable {
    /// The element name: `TLCOrganization`, `TLCPerson`, `TLCRole`, `TLCConcept`, `TLCLocation`…
    public var element: String
    public var eId: String
    public var href: String
    public var showAs: String

    public init(element: String, eId: String, href: String, showAs: String) {
        self.element = element
        self.eId = eId
        self.href = href
        self.showAs = showAs
    }

    /// The TLC element names of the subset.
    public static let supportedElements: Set<String> = [
        "TLCOrganization", "TLCPerson", "TLCRole", "TLCConcept", "TLCLocation", "TLCEvent", "TLCReference",
    ]
}
