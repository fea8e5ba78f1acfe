import Foundation

/// A tag of the register: an adopted version's name, the commit it designates, and its message.
public struct TagInfo: Sendable, Hashable, Codable {
    /// The short name (`v2017-01-05`), without `refs/tags/`.
    public let name: String
    /// The tag object for an annotated tag, else the commit itself (lightweight tag made by another tool).
    public let id: ObjectID
    /// The commit the tag designates, after peeling.
    public let target: ObjectID
    /// The annotation (publication and entry-into-force dates, JORF reference); `nil` for a lightweight tag.
    public let message: String?
    public let tagger: Identity?
    public let date: Date?
    public let timeZoneMinutes: Int?

    public init(
        name: String, id: ObjectID, target: ObjectID, message: String?, tagger: Identity?, date: Date?,
        timeZoneMinutes: Int?
    ) {
        self.name = name
        self.id = id
        self.target = target
        self.message = message
        self.tagger = tagger
        self.date = date
        self.timeZoneMinutes = timeZoneMinutes
    }

    /// Whether the tag carries a message and a tagger (`git tag -a`), as every adopted version must.
    public var isAnnotated: Bool { message != nil }
}
