/// The successive consolidated versions of one text, as an official database gives them: for each
/// date on which the text changed, the whole text in force from that date. Built by an importer
/// (``LegiImporter``); the register commits it, one version per date.
public struct ConsolidationTimeline: Sendable, Hashable {
    /// The text as in force from `date` until the next version's date, or, for an abrogation, the
    /// date from which no article of the text is in force any more.
    public struct Version: Sendable, Hashable {
        /// What a version is: a consolidated text in force, or the abrogation of the whole text.
        public enum Kind: String, Sendable, Hashable {
            /// The text reads as `document` from `date` on.
            case consolidation
            /// From `date` on, no article of the text is in force; `document` is the text as it last
            /// stood, dated `#abrogation` (it is not in force from that date).
            case abrogation
        }

        /// The consolidation date: the text reads as `document` from that day on (or, for an
        /// abrogation, is no longer in force from that day).
        public let date: LegalDate
        public let document: LegalDocument
        /// The official publications (JORF references) that made this version, as the source gives them.
        public let officialReferences: [String]
        /// What changed on that date, one French line per article ("article 2 abrogé").
        public let changes: [String]
        public let kind: Kind

        public init(date: LegalDate, document: LegalDocument, officialReferences: [String], changes: [String],
                    kind: Kind = .consolidation) {
            self.date = date
            self.document = document
            self.officialReferences = officialReferences
            self.changes = changes
            self.kind = kind
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

    /// The version in force on `date`, if the text was in force then (not before its first version,
    /// nor from an abrogation until the text comes back into force).
    public func version(inForceOn date: LegalDate) -> Version? {
        guard let latest = versions.last(where: { $0.date <= date }), latest.kind == .consolidation else { return nil }
        return latest
    }
}
