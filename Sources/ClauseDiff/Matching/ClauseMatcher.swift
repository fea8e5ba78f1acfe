/// Pairs the clauses of two versions: first by wId (stable identifier), then by eId, then by text
/// similarity, so that a renumbered or moved clause is recognised as the same clause.
///
/// Similarity is the Dice coefficient of the longest common subsequence of words (the measure of
/// Python's `difflib.SequenceMatcher.ratio`, on word tokens): `2·|LCS(a, b)| / (|a| + |b|)`, over
/// the clause's whole text (heading, own text and children). Two clauses of the same kind are paired
/// when it reaches ``similarityThreshold``; the best-scoring pairs are taken first.
public struct ClauseMatcher: Sendable {
    /// Minimum similarity for pairing clauses that share neither wId nor eId.
    public var similarityThreshold: Double
    /// Above this many candidate pairs, similarity matching is skipped (unmatched clauses then show
    /// as deleted and inserted); it keeps a comparison of unrelated texts bounded.
    public var maximumCandidatePairs: Int

    public init(similarityThreshold: Double = 0.6, maximumCandidatePairs: Int = 250_000) {
        self.similarityThreshold = similarityThreshold
        self.maximumCandidatePairs = maximumCandidatePairs
    }

    /// A pairing: index in the old list → index in the new list, with the evidence.
    public struct Pairing: Sendable {
        public var newForOld: [Int: (new: Int, evidence: MatchEvidence)] = [:]
        public var oldForNew: [Int: Int] = [:]

        mutating func pair(_ old: Int, _ new: Int, _ evidence: MatchEvidence) {
            newForOld[old] = (new, evidence)
            oldForNew[new] = old
        }
    }

    /// Pairs `old` and `new`; `fullText` gives the text of a clause's whole subtree, used for similarity.
    public func match(old: [ClauseSnapshot], new: [ClauseSnapshot],
                      fullText: (_ isOld: Bool, _ index: Int) -> String) -> Pairing {
        var pairing = Pairing()
        var oldByWId: [String: Int] = [:]
        for (index, clause) in old.enumerated() where oldByWId[clause.wId] == nil { oldByWId[clause.wId] = index }
        for (index, clause) in new.enumerated() {
            if let candidate = oldByWId[clause.wId], old[candidate].kind == clause.kind, pairing.newForOld[candidate] == nil {
                pairing.pair(candidate, index, .wId)
            }
        }
        var oldByEId: [String: Int] = [:]
        for (index, clause) in old.enumerated() where pairing.newForOld[index] == nil { oldByEId[clause.eId] = index }
        for (index, clause) in new.enumerated() where pairing.oldForNew[index] == nil {
            if let candidate = oldByEId[clause.eId], old[candidate].kind == clause.kind, pairing.newForOld[candidate] == nil {
                pairing.pair(candidate, index, .eId)
            }
        }
        let unmatchedOld = old.indices.filter { pairing.newForOld[$0] == nil }
        let unmatchedNew = new.indices.filter { pairing.oldForNew[$0] == nil }
        guard !unmatchedOld.isEmpty, !unmatchedNew.isEmpty,
              unmatchedOld.count * unmatchedNew.count <= maximumCandidatePairs else { return pairing }
        let oldWords = Dictionary(uniqueKeysWithValues: unmatchedOld.map { ($0, ClauseMatcher.words(fullText(true, $0))) })
        let newWords = Dictionary(uniqueKeysWithValues: unmatchedNew.map { ($0, ClauseMatcher.words(fullText(false, $0))) })
        var candidates: [(score: Double, old: Int, new: Int)] = []
        for o in unmatchedOld {
            for n in unmatchedNew where old[o].kind == new[n].kind {
                let score = ClauseMatcher.similarity(oldWords[o] ?? [], newWords[n] ?? [])
                if score >= similarityThreshold { candidates.append((score, o, n)) }
            }
        }
        candidates.sort { ($0.score, -$0.old, -$0.new) > ($1.score, -$1.old, -$1.new) }
        for candidate in candidates where pairing.newForOld[candidate.old] == nil && pairing.oldForNew[candidate.new] == nil {
            pairing.pair(candidate.old, candidate.new, .similarity((candidate.score * 1000).rounded() / 1000))
        }
        return pairing
    }

    /// The words of a text (no spaces or punctuation), as compared for similarity.
    static func words(_ text: String) -> [String] {
        FrenchTokenizer.tokenize(text).filter { $0.kind != .space && $0.kind != .punctuation }.map { $0.text.lowercased() }
    }

    /// Dice coefficient of the longest common subsequence: 1 for equal texts, 0 for disjoint ones.
    public static func similarity(_ a: [String], _ b: [String]) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return 2 * Double(MyersDiff.commonLength(a, b)) / Double(a.count + b.count)
    }

    /// Similarity of two texts, as ``similarity(_:_:)`` on their words.
    public static func similarity(_ a: String, _ b: String) -> Double {
        similarity(words(a), words(b))
    }
}
