import LegalText

/// Compares two versions of a text clause by clause: pairs the clauses (``ClauseMatcher``),
/// classifies each pair, computes word diffs inside modified clauses, and orders the result as the
/// new version reads, with deleted clauses where they stood.
public struct ClauseDiffer: Sendable {
    public var matcher: ClauseMatcher

    public init(matcher: ClauseMatcher = ClauseMatcher()) {
        self.matcher = matcher
    }

    public func compare(_ old: LegalDocument, _ new: LegalDocument, oldLabel: String, newLabel: String) -> DocumentDiff {
        let oldClauses = ClauseSnapshot.all(in: old)
        let newClauses = ClauseSnapshot.all(in: new)
        let pairing = matcher.match(old: oldClauses, new: newClauses)
        // wId of the old parent → wId of its partner in the new version, to tell "moved" from "stayed".
        var partnerWId: [String: String] = [:]
        for (oldIndex, match) in pairing.newForOld {
            partnerWId[oldClauses[oldIndex].wId] = newClauses[match.new].wId
        }

        let reordered = Self.reordered(old: oldClauses, new: newClauses, pairing: pairing, partnerWId: partnerWId)

        var entries: [ClauseChange] = []
        var entryIndexForNew: [Int: Int] = [:]
        for (newIndex, clause) in newClauses.enumerated() {
            entryIndexForNew[newIndex] = entries.count
            guard let oldIndex = pairing.oldForNew[newIndex], let match = pairing.newForOld[oldIndex] else {
                entries.append(ClauseChange(change: .inserted, old: nil, new: clause))
                continue
            }
            entries.append(classify(old: oldClauses[oldIndex], new: clause, evidence: match.evidence, partnerWId: partnerWId,
                                    reordered: reordered.contains(newIndex)))
        }
        // Deleted clauses go where they stood: after the whole subtree of the partner of their previous
        // sibling, else right after their parent's partner, else after their deleted parent.
        let subtreeEnd = Self.subtreeEnds(newClauses)
        var deletionsAfter: [Int: [ClauseChange]] = [:]  // entry index (-1: at the start) → deletions
        var anchorOfDeleted: [String: Int] = [:]          // wId of a deleted clause → its anchor
        var lastSurvivorAnchor = -1
        var previousSibling: [String: Int] = [:]          // parent wId → last old index seen under it
        var firstOldIndexOfWId: [String: Int]?            // built on first need: a scan per deletion was quadratic
        for (oldIndex, clause) in oldClauses.enumerated() {
            defer { previousSibling[clause.parentWId] = oldIndex }
            if let match = pairing.newForOld[oldIndex] {
                lastSurvivorAnchor = entryIndexForNew[subtreeEnd[match.new]] ?? lastSurvivorAnchor
                continue
            }
            var anchor = lastSurvivorAnchor
            if let sibling = previousSibling[clause.parentWId] {
                if let match = pairing.newForOld[sibling] {
                    anchor = entryIndexForNew[subtreeEnd[match.new]] ?? anchor
                } else if let siblingAnchor = anchorOfDeleted[oldClauses[sibling].wId] {
                    anchor = siblingAnchor
                }
            } else if let parentAnchor = anchorOfDeleted[clause.parentWId] {
                anchor = parentAnchor
            } else if let parentIndex = Self.firstIndex(ofWId: clause.parentWId, in: oldClauses, cache: &firstOldIndexOfWId),
                      let match = pairing.newForOld[parentIndex] {
                anchor = entryIndexForNew[match.new] ?? anchor
            }
            anchorOfDeleted[clause.wId] = anchor
            deletionsAfter[anchor, default: []].append(ClauseChange(change: .deleted, old: clause, new: nil))
        }
        var ordered: [ClauseChange] = deletionsAfter[-1] ?? []
        for (index, entry) in entries.enumerated() {
            ordered.append(entry)
            ordered += deletionsAfter[index] ?? []
        }
        return DocumentDiff(oldLabel: oldLabel, newLabel: newLabel, changes: ordered,
                            metadataChanges: MetadataComparison.changes(old, new))
    }

    /// The index of the first clause with `wId` (as `clauses.firstIndex { $0.wId == wId }`), through a
    /// dictionary built on the first call.
    static func firstIndex(ofWId wId: String, in clauses: [ClauseSnapshot], cache: inout [String: Int]?) -> Int? {
        if cache == nil {
            var indices: [String: Int] = [:]
            for (index, clause) in clauses.enumerated() where indices[clause.wId] == nil { indices[clause.wId] = index }
            cache = indices
        }
        return cache?[wId]
    }

    /// For each clause (in document order), the index of the last clause of its subtree.
    static func subtreeEnds(_ clauses: [ClauseSnapshot]) -> [Int] {
        var ends = Array(clauses.indices)
        var stack: [Int] = []  // indices of the open ancestors
        for (index, clause) in clauses.enumerated() {
            while let top = stack.last, clauses[top].wId != clause.parentWId { stack.removeLast() }
            for ancestor in stack { ends[ancestor] = index }
            stack.append(index)
        }
        return ends
    }

    /// New indices of the clauses that stayed under the same parent but changed order among their
    /// siblings: those outside the longest run kept in order (Chawathe et al. 1996, "align children"),
    /// and a clause that exchanged its eId with one of those (a swap moves both).
    static func reordered(old: [ClauseSnapshot], new: [ClauseSnapshot], pairing: ClauseMatcher.Pairing,
                          partnerWId: [String: String]) -> Set<Int> {
        var siblings: [String: [(new: Int, old: Int)]] = [:]
        for (newIndex, clause) in new.enumerated() {
            guard let oldIndex = pairing.oldForNew[newIndex],
                  (partnerWId[old[oldIndex].parentWId] ?? old[oldIndex].parentWId) == clause.parentWId else { continue }
            siblings[clause.parentWId, default: []].append((newIndex, oldIndex))
        }
        var result: Set<Int> = []
        for group in siblings.values where group.count > 1 {
            // Among the longest runs, the one keeping most clauses at their own eId: of three alinéas put in reverse
            // order, the middle one (same place, same number) stays, the outer two move.
            let steady = group.map { old[$0.old].eId == new[$0.new].eId }
            let kept = Set(longestIncreasingRun(group.map(\.old), preferring: steady).map { group[$0].new })
            var moved: [String: String] = [:]  // old eId → new eId of the clauses out of order
            for member in group where !kept.contains(member.new) {
                result.insert(member.new)
                moved[old[member.old].eId] = new[member.new].eId
            }
            guard !moved.isEmpty else { continue }
            for member in group where kept.contains(member.new) {
                let before = old[member.old].eId, after = new[member.new].eId
                if before != after, moved[after] == before { result.insert(member.new) }
            }
        }
        return result
    }

    /// Positions in `values` (distinct) of a longest strictly increasing subsequence holding the most positions
    /// marked `preferred` among the longest: a Fenwick tree over the values' ranks keeps, for each prefix of ranks,
    /// the best (length, preferred count) run ending there. O(n log n).
    static func longestIncreasingRun(_ values: [Int], preferring preferred: [Bool]) -> [Int] {
        guard !values.isEmpty else { return [] }
        var rank = Array(repeating: 0, count: values.count)
        for (order, position) in values.indices.sorted(by: { values[$0] < values[$1] }).enumerated() { rank[position] = order + 1 }
        typealias Run = (length: Int, weight: Int, end: Int)
        func better(_ a: Run, _ b: Run) -> Bool { (a.length, a.weight) > (b.length, b.weight) }
        var tree = Array(repeating: Run(0, 0, -1), count: values.count + 1)
        var previous = Array(repeating: -1, count: values.count)
        var best = Run(0, 0, -1)
        for position in values.indices {
            var top = Run(0, 0, -1)
            var index = rank[position] - 1
            while index > 0 {
                if better(tree[index], top) { top = tree[index] }
                index -= index & -index
            }
            let run = Run(top.length + 1, top.weight + (preferred[position] ? 1 : 0), position)
            previous[position] = top.end
            index = rank[position]
            while index <= values.count {
                if better(run, tree[index]) { tree[index] = run }
                index += index & -index
            }
            if better(run, best) { best = run }
        }
        var result: [Int] = []
        var position = best.end
        while position >= 0 {
            result.append(position)
            position = previous[position]
        }
        return result.reversed()
    }

    private func classify(old: ClauseSnapshot, new: ClauseSnapshot, evidence: MatchEvidence,
                          partnerWId: [String: String], reordered: Bool) -> ClauseChange {
        let sameParent = (partnerWId[old.parentWId] ?? old.parentWId) == new.parentWId && !reordered
        let renumbered = old.eId != new.eId || old.num != new.num
        var textDiff: WordDiff?
        // Equal blocks give equal texts: most clauses are unchanged, and comparing the blocks
        // spares joining them.
        if !CanonicalText.equal(old.blocks, new.blocks), old.text != new.text {
            let diff = WordDiff(old: old.text, new: new.text)
            if !diff.isUnchanged { textDiff = diff }
        }
        var headingDiff: WordDiff?
        if !CanonicalText.equal(old.heading, new.heading) {
            headingDiff = WordDiff(old: old.heading ?? "", new: new.heading ?? "")
        }
        let modified = textDiff != nil || headingDiff != nil
        let change: ChangeClass
        switch (sameParent, renumbered, modified) {
        case (false, _, false): change = .moved
        case (false, _, true): change = .movedModified
        case (true, true, false): change = .renumbered
        case (true, true, true): change = .renumberedModified
        case (true, false, true): change = .modified
        case (true, false, false): change = .unchanged
        }
        return ClauseChange(change: change, old: old, new: new, textDiff: textDiff, headingDiff: headingDiff, matchedBy: evidence)
    }
}
