/// One line of a comparison: a clause in the old version, the new one, or both, and what happened.
public struct ClauseChange: Sendable, Hashable, Codable {
    public let change: ChangeClass
    public let old: ClauseSnapshot?
    public let new: ClauseSnapshot?
    /// Word-level differences of the clause's own text, when its wording changed.
    public let textDiff: WordDiff?
    /// Word-level differences of the heading, when it changed.
    public let headingDiff: WordDiff?
    /// How the pair was matched: "wId", "eId" or "similarity" (with its score), nil if unmatched.
    public let matchedBy: MatchEvidence?

    public init(change: ChangeClass, old: ClauseSnapshot?, new: ClauseSnapshot?, textDiff: WordDiff? = nil,
                headingDiff: WordDiff? = nil, matchedBy: MatchEvidence? = nil) {
        self.change = change
        self.old = old
        self.new = new
        self.textDiff = textDiff
        self.headingDiff = headingDiff
        self.matchedBy = matchedBy
    }

    /// The clause's eId in the new version, or in the old one when it was deleted.
    public var eId: String { new?.eId ?? old?.eId ?? "" }

    /// The stable identifier of the clause.
    public var wId: String { new?.wId ?? old?.wId ?? "" }
}

/// Why two clauses were taken for the same clause.
public enum MatchEvidence: Sendable, Hashable, Codable {
    case wId
    case eId
    case similarity(Double)
}
