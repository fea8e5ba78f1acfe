/// Where a version was published: e.g. JORF n°0019 of 22 January 2017.
public struct Publication: Sendable, Hashable, Codable {
    public var date: LegalDate
    public var name: String
    public var number: String?
    public var showAs: String

    public init(date: LegalDate, name: String, number: String?, showAs: String) {
        self.date = date
        self.name = name
        self.number = number
        self.showAs = showAs
    }
}
