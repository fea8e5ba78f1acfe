/// Pairs the clauses of two versions by content first, identifiers as evidence, so that a renumbered
/// or moved clause is recognised as the same clause and an eId that shifted is never taken for identity.
///
/// The passes follow GumTree (Falleri et al. 2014), on the clause tree:
/// 1. wIds carried by both sources pair their clauses, unless content contradicts them: the texts
///    differ, one of the two reads exactly like another clause of the other version, and (for an
///    alinéa) the two share less than ``contradictionSimilarity``.
/// 2. Top-down, identical subtrees (same kind, heading, text and children, whatever their numbers)
///    are paired whole; among several identical candidates, the one whose parent is paired with the
///    clause's parent, then the one with the same eId, then the first in document order.
/// 3. Bottom-up, a container is paired with the container holding most of its paired children, when
///    they share at least ``minimumChildrenDice`` of their children.
/// 4. Top-down from paired parents, then across the whole text, the remaining clauses of the same kind
///    are paired by similarity, best scores first, when it reaches ``similarityThreshold``.
/// 5. What is left is paired by wId, or by eId when the texts share at least
///    ``minimumIdentifierSimilarity`` (a weak match: no better partner exists for either).
///
/// Similarity is the Dice coefficient of the longest common subsequence of words (the measure of
/// Python's `difflib.SequenceMatcher.ratio`, on word tokens): `2·|LCS(a, b)| / (|a| + |b|)`, over
/// the clause's whole text (heading, own text and children).
public struct ClauseMatcher: Sendable {
    /// Minimum similarity for pairing clauses by their text alone.
    public var similarityThreshold: Double
    /// Above this many candidate pairs in one comparison round, similarity matching is skipped
    /// for that round (unmatched clauses then show as deleted and inserted); it keeps a comparison
    /// of unrelated texts bounded.
    public var maximumCandidatePairs: Int
    /// A wId pair whose texts share less than this, while one of them has an identical clause
    /// elsewhere, is contradicted by content; an identifier pair below it is weak.
    public var contradictionSimilarity: Double
    /// Two leftover clauses with the same eId (and no wIds) are paired only above this similarity.
    public var minimumIdentifierSimilarity: Double
    /// Share of paired children (Dice) for pairing two containers bottom-up.
    public var minimumChildrenDice: Double

    public init(similarityThreshold: Double = 0.6, maximumCandidatePairs: Int = 250_000) {
        self.init(similarityThreshold: similarityThreshold, maximumCandidatePairs: maximumCandidatePairs,
                  contradictionSimilarity: 0.5, minimumIdentifierSimilarity: 0.2, minimumChildrenDice: 0.5)
    }

    public init(similarityThreshold: Double, maximumCandidatePairs: Int, contradictionSimilarity: Double,
                minimumIdentifierSimilarity: Double, minimumChildrenDice: Double) {
        self.similarityThreshold = similarityThreshold
        self.maximumCandidatePairs = maximumCandidatePairs
        self.contradictionSimilarity = contradictionSimilarity
        self.minimumIdentifierSimilarity = minimumIdentifierSimilarity
        self.minimumChildrenDice = minimumChildrenDice
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

    /// Pairs `old` and `new` (every clause of each version, in document order).
    public func match(old: [ClauseSnapshot], new: [ClauseSnapshot]) -> Pairing {
        var state = MatchingState(settings: self, old: ClauseTree(old), new: ClauseTree(new))
        state.run()
        var pairing = Pairing()
        for (oldIndex, newIndex) in state.newFor.enumerated() where newIndex >= 0 {
            pairing.pair(oldIndex, newIndex, state.evidence[oldIndex] ?? .content)
        }
        return pairing
    }

    /// The words of a text (no spaces or punctuation), as compared for similarity.
    static func words(_ text: String) -> [String] {
        FrenchTokenizer.tokenize(text).filter { $0.kind != .space && $0.kind != .punctuation }.map { $0.text.lowercased() }
    }

    /// Dice coefficient of the longest common subsequence: 1 for equal texts, 0 for disjoint ones.
    public static func similarity<T: Equatable>(_ a: [T], _ b: [T]) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return 2 * Double(MyersDiff.commonLength(a, b)) / Double(a.count + b.count)
    }

    /// Similarity of two texts, as ``similarity(_:_:)`` on their words.
    public static func similarity(_ a: String, _ b: String) -> Double {
        similarity(words(a), words(b))
    }
}

/// The state of one matching: who is paired with whom, and cached words for similarity.
private struct MatchingState {
    let settings: ClauseMatcher
    let old: ClauseTree
    let new: ClauseTree
    var newFor: [Int]
    var oldFor: [Int]
    var evidence: [MatchEvidence?]
    /// Words as interned numbers, in order and sorted (the sorted form bounds the similarity cheaply).
    private var oldWords: [Int: (ordered: [Int], sorted: [Int])] = [:]
    private var newWords: [Int: (ordered: [Int], sorted: [Int])] = [:]
    private var vocabulary: [CanonicalKey: Int] = [:]

    init(settings: ClauseMatcher, old: ClauseTree, new: ClauseTree) {
        self.settings = settings
        self.old = old
        self.new = new
        newFor = Array(repeating: -1, count: old.clauses.count)
        oldFor = Array(repeating: -1, count: new.clauses.count)
        evidence = Array(repeating: nil, count: old.clauses.count)
    }

    mutating func run() {
        let tentative = matchWIds()
        matchIdenticalSubtrees()
        matchContainersBottomUp()
        matchSimilarTopDown()
        matchSimilar(old.indices.filter { newFor[$0] < 0 }, new.indices.filter { oldFor[$0] < 0 })
        matchSimilarTopDown()
        matchLeftoverIdentifiers(tentative)
    }

    private func isFree(old index: Int) -> Bool { newFor[index] < 0 }
    private func isFree(new index: Int) -> Bool { oldFor[index] < 0 }

    private mutating func pair(_ o: Int, _ n: Int, _ why: MatchEvidence) {
        newFor[o] = n
        oldFor[n] = o
        evidence[o] = why
    }

    // MARK: 1. wIds

    /// Pairs the clauses whose sources both carry the same wId, unless content contradicts it; returns
    /// the contradicted pairs, tried again at the end if both clauses are still free.
    private mutating func matchWIds() -> [(Int, Int)] {
        var oldByWId: [String: Int] = [:]
        for index in old.indices where old.clauses[index].hasExplicitWId && oldByWId[old.clauses[index].wId] == nil {
            oldByWId[old.clauses[index].wId] = index
        }
        guard !oldByWId.isEmpty else { return [] }
        var oldByHash: [Int: [Int]] = [:]
        var newByHash: [Int: [Int]] = [:]
        for index in old.indices { oldByHash[old.hash[index], default: []].append(index) }
        for index in new.indices { newByHash[new.hash[index], default: []].append(index) }
        var tentative: [(Int, Int)] = []
        for n in new.indices where new.clauses[n].hasExplicitWId {
            guard let o = oldByWId[new.clauses[n].wId], old.clauses[o].kind == new.clauses[n].kind,
                  isFree(old: o), isFree(new: n) else { continue }
            if old.hash[o] == new.hash[n] {
                pair(o, n, .wId)
                continue
            }
            let identicalElsewhere = (newByHash[old.hash[o]]?.contains { $0 != n } ?? false)
                || (oldByHash[new.hash[n]]?.contains { $0 != o } ?? false)
            let isLeaf = old.children[o].isEmpty && new.children[n].isEmpty
            if !identicalElsewhere && !isLeaf {
                pair(o, n, .wId)
                continue
            }
            let score = similarity(o, n)
            if score >= settings.contradictionSimilarity {
                pair(o, n, .wId)
            } else if !identicalElsewhere {
                pair(o, n, .identifierOnly(byWId: true, score: rounded(score)))
            } else {
                tentative.append((o, n))
            }
        }
        return tentative
    }

    // MARK: 2. Identical subtrees, top-down

    private mutating func matchIdenticalSubtrees() {
        var groups: [Int: [Int]] = [:]
        for index in old.indices where isFree(old: index) { groups[old.hash[index], default: []].append(index) }
        guard !groups.isEmpty else { return }
        for n in new.indices where isFree(new: n) {
            guard let group = groups[new.hash[n]] else { continue }
            var sameParent = -1, sameEId = -1, first = -1, scanned = 0
            for o in group where isFree(old: o) && old.clauses[o].kind == new.clauses[n].kind {
                if parentsPaired(o, n) {
                    sameParent = o
                    break
                }
                if sameEId < 0 && old.clauses[o].eId == new.clauses[n].eId { sameEId = o }
                if first < 0 { first = o }
                scanned += 1
                if scanned >= 64 { break }
            }
            let chosen = sameParent >= 0 ? sameParent : sameEId >= 0 ? sameEId : first
            if chosen >= 0 { pairIdentical(chosen, n) }
        }
    }

    /// Whether the parents of `o` and `n` are paired (or both are the same container).
    private func parentsPaired(_ o: Int, _ n: Int) -> Bool {
        let oldParent = old.parent[o], newParent = new.parent[n]
        if oldParent < 0 && newParent < 0 { return old.clauses[o].parentWId == new.clauses[n].parentWId }
        return oldParent >= 0 && newParent >= 0 && newFor[oldParent] == newParent
    }

    /// Pairs two identical subtrees, clause by clause.
    private mutating func pairIdentical(_ o: Int, _ n: Int) {
        let a = old.clauses[o], b = new.clauses[n]
        let why: MatchEvidence = a.hasExplicitWId && b.hasExplicitWId && a.wId == b.wId ? .wId
            : a.eId == b.eId ? .eId : .content
        pair(o, n, why)
        let oldChildren = old.children[o], newChildren = new.children[n]
        guard oldChildren.count == newChildren.count else { return }
        for (oldChild, newChild) in zip(oldChildren, newChildren) where isFree(old: oldChild) && isFree(new: newChild) {
            pairIdentical(oldChild, newChild)
        }
    }

    // MARK: 3. Containers, bottom-up

    /// Rounds of best-first pairing: each round pairs containers whose children were paired before,
    /// so a chapter follows once its articles are paired.
    private mutating func matchContainersBottomUp() {
        while true {
            var candidates: [(dice: Double, sameText: Bool, sameEId: Bool, old: Int, new: Int)] = []
            for o in old.indices where isFree(old: o) && !old.children[o].isEmpty {
                var votes: [Int: Int] = [:]
                for child in old.children[o] {
                    let partner = newFor[child]
                    guard partner >= 0 else { continue }
                    let candidate = new.parent[partner]
                    guard candidate >= 0, isFree(new: candidate), new.clauses[candidate].kind == old.clauses[o].kind else { continue }
                    votes[candidate, default: 0] += 1
                }
                for (candidate, count) in votes {
                    let dice = 2 * Double(count) / Double(old.children[o].count + new.children[candidate].count)
                    guard dice >= settings.minimumChildrenDice else { continue }
                    let a = old.clauses[o], b = new.clauses[candidate]
                    candidates.append((dice, a.heading == b.heading && a.text == b.text, a.eId == b.eId, o, candidate))
                }
            }
            guard !candidates.isEmpty else { return }
            // Most shared children first; then the same heading and text; then the same eId; then document order.
            candidates.sort { a, b in
                if a.dice != b.dice { return a.dice > b.dice }
                if a.sameText != b.sameText { return a.sameText }
                if a.sameEId != b.sameEId { return a.sameEId }
                return (a.old, a.new) < (b.old, b.new)
            }
            var paired = false
            for candidate in candidates where isFree(old: candidate.old) && isFree(new: candidate.new) {
                pair(candidate.old, candidate.new, .similarity(rounded(similarity(candidate.old, candidate.new))))
                paired = true
            }
            if !paired { return }
        }
    }

    // MARK: 4. Similarity

    /// Under each paired parent (and each container), pairs the free children by similarity.
    private mutating func matchSimilarTopDown() {
        for key in old.roots.keys.sorted() {
            guard let newRoots = new.roots[key] else { continue }
            let oldFree = old.roots[key, default: []].filter { isFree(old: $0) }
            let newFree = newRoots.filter { isFree(new: $0) }
            if !oldFree.isEmpty && !newFree.isEmpty { matchSimilar(oldFree, newFree) }
        }
        for n in new.indices where !new.children[n].isEmpty {
            let o = oldFor[n]
            guard o >= 0 else { continue }
            let newFree = new.children[n].filter { isFree(new: $0) }
            guard !newFree.isEmpty else { continue }
            let oldFree = old.children[o].filter { isFree(old: $0) }
            if !oldFree.isEmpty { matchSimilar(oldFree, newFree) }
        }
    }

    /// Pairs clauses of the same kind whose similarity reaches the threshold, best scores first (ties:
    /// same eId, then document order).
    private mutating func matchSimilar(_ oldCandidates: [Int], _ newCandidates: [Int]) {
        guard !oldCandidates.isEmpty, !newCandidates.isEmpty,
              oldCandidates.count * newCandidates.count <= settings.maximumCandidatePairs else { return }
        var candidates: [(score: Double, sameEId: Bool, old: Int, new: Int)] = []
        for o in oldCandidates {
            for n in newCandidates where old.clauses[o].kind == new.clauses[n].kind {
                guard let score = similarity(o, n, atLeast: settings.similarityThreshold) else { continue }
                candidates.append((score, old.clauses[o].eId == new.clauses[n].eId, o, n))
            }
        }
        candidates.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.sameEId != b.sameEId { return a.sameEId }
            return (a.old, a.new) < (b.old, b.new)
        }
        for candidate in candidates where isFree(old: candidate.old) && isFree(new: candidate.new) {
            pair(candidate.old, candidate.new, .similarity(rounded(candidate.score)))
        }
    }

    // MARK: 5. Leftovers

    private mutating func matchLeftoverIdentifiers(_ tentative: [(Int, Int)]) {
        for (o, n) in tentative where isFree(old: o) && isFree(new: n) {
            let score = similarity(o, n)
            pair(o, n, score >= settings.contradictionSimilarity ? .wId : .identifierOnly(byWId: true, score: rounded(score)))
        }
        var oldByEId: [String: Int] = [:]
        for o in old.indices where isFree(old: o) { oldByEId[old.clauses[o].eId] = o }
        guard !oldByEId.isEmpty else { return }
        for n in new.indices where isFree(new: n) {
            guard let o = oldByEId[new.clauses[n].eId], isFree(old: o), old.clauses[o].kind == new.clauses[n].kind,
                  let score = similarity(o, n, atLeast: settings.minimumIdentifierSimilarity) else { continue }
            pair(o, n, score >= settings.contradictionSimilarity ? .similarity(rounded(score))
                 : .identifierOnly(byWId: false, score: rounded(score)))
        }
    }

    // MARK: Similarity of two clauses

    private func rounded(_ score: Double) -> Double { (score * 1000).rounded() / 1000 }

    /// The words of a clause's whole subtree: its heading and own text, then its children's.
    private mutating func words(old index: Int) -> (ordered: [Int], sorted: [Int]) {
        if let cached = oldWords[index] { return cached }
        var ordered = intern(old.clauses[index])
        for child in old.children[index] { ordered += words(old: child).ordered }
        let result = (ordered, ordered.sorted())
        oldWords[index] = result
        return result
    }

    private mutating func words(new index: Int) -> (ordered: [Int], sorted: [Int]) {
        if let cached = newWords[index] { return cached }
        var ordered = intern(new.clauses[index])
        for child in new.children[index] { ordered += words(new: child).ordered }
        let result = (ordered, ordered.sorted())
        newWords[index] = result
        return result
    }

    /// The clause's own words (heading, then text) as interned numbers.
    private mutating func intern(_ clause: ClauseSnapshot) -> [Int] {
        var ordered: [Int] = []
        for word in ClauseMatcher.words(((clause.heading.map { [$0] } ?? []) + clause.blocks).joined(separator: " ")) {
            let key = CanonicalKey(text: word)
            if let id = vocabulary[key] {
                ordered.append(id)
            } else {
                vocabulary[key] = vocabulary.count
                ordered.append(vocabulary.count - 1)
            }
        }
        return ordered
    }

    private mutating func similarity(_ o: Int, _ n: Int) -> Double {
        ClauseMatcher.similarity(words(old: o).ordered, words(new: n).ordered)
    }

    /// The similarity of two clauses if it can reach `threshold`: the shared words (as a bag) bound the
    /// common subsequence, which spares most comparisons of unrelated clauses.
    private mutating func similarity(_ o: Int, _ n: Int, atLeast threshold: Double) -> Double? {
        let a = words(old: o), b = words(new: n)
        let total = a.ordered.count + b.ordered.count
        guard total > 0 else { return 1 >= threshold ? 1 : nil }
        guard 2 * Double(min(a.ordered.count, b.ordered.count)) / Double(total) >= threshold else { return nil }
        var shared = 0, i = 0, j = 0
        while i < a.sorted.count && j < b.sorted.count {
            if a.sorted[i] == b.sorted[j] {
                shared += 1
                i += 1
                j += 1
            } else if a.sorted[i] < b.sorted[j] {
                i += 1
            } else {
                j += 1
            }
        }
        guard 2 * Double(shared) / Double(total) >= threshold else { return nil }
        let score = ClauseMatcher.similarity(a.ordered, b.ordered)
        return score >= threshold ? score : nil
    }
}
