/// The successive consolidated versions of one text, as an official database gives them: for each
/// date on which the text changed, the whole text in force from that date. Built by an importer
/// (``LegiImporter``); the register commits it, one version per date.
public struct ConsolidationTimeline: Sendable, Hashable {
    /// The text as in force from `date` until the next version's date.
    public struct Version: Sendable, Hashable {
        /// The consolidation date: the text reads as `document` from that day on.
        public let date: LegalDate
        public let document: LegalDocument
        /// The official publications that made this version (JORF references), as the source gives them.
        public let officialReferences: [String]
        /// What changed on that date, one French line per article ("article 2 abrogé").
        public let changes: [String]

        public init(date: LegalDate, document: LegalDocument, officialReferences: [String], changes: [String]) {
            self.date = date
            self.document = document
            self.officialReferences = officialReferences
            self.changes = changes
        }
    }

    /// Where the timeline was read from (a folder), for messages.
    public let source: String
    /// The versions, by date.
    public let versions: [Version]
    /// The date from which no article is in force any more (the whole text abrogated), if any.
    public let endsOn: LegalDate?

    public init(source: String, versions: [Version], endsOn: LegalDate?) {
        self.source = source
        self.versions = versions
        self.endsOn = endsOn
    }

    /// The version in force on `date`, if the text was in force then.
    public func version(inForceOn date: LegalDate) -> Version? {
        if let endsOn, date >= endsOn { return nil }
        return versions.last { $0.date <= date }
    }
}
