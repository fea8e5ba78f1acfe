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
    /// The same wId, carried by both sources.
    case wId
    /// The same eId, and the same text (identifiers and content agree).
    case eId
    /// The same text (and the same children), under other identifiers.
    case content
    /// Similar text: the word-LCS Dice coefficient of the whole subtree (0–1).
    case similarity(Double)
    /// The same wId (`byWId`) or eId, though the texts share little (`score`): kept because no better
    /// partner exists for either clause. Always a weak match.
    case identifierOnly(byWId: Bool, score: Double)

    /// Below this similarity a match is weak: renderers flag it for the reader to check.
    public static let strongSimilarity = 0.8

    /// Whether a reader should check the pairing.
    public var isWeak: Bool {
        switch self {
        case .wId, .eId, .content: return false
        case .similarity(let score): return score < Self.strongSimilarity
        case .identifierOnly: return true
        }
    }

    /// The method's name in JSON: `wId`, `eId`, `content` or `similarity`.
    public var method: String {
        switch self {
        case .wId: return "wId"
        case .eId: return "eId"
        case .content: return "content"
        case .similarity: return "similarity"
        case .identifierOnly(let byWId, _): return byWId ? "wId" : "eId"
        }
    }

    /// The similarity of the texts, when it was measured.
    public var score: Double? {
        switch self {
        case .wId, .eId, .content: return nil
        case .similarity(let score), .identifierOnly(_, let score): return score
        }
    }

    /// "similarité 0,62", for readers.
    public var frenchScore: String {
        guard let score else { return "" }
        return "similarité " + String(Int((score * 100).rounded())) + " %"
    }
}
