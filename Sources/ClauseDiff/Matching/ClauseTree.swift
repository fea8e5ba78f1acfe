/// The clauses of one version as a tree, for matching: parent and children of each clause (by
/// index in document order), and a hash of each subtree's content (kind, heading, own text and the
/// children's hashes; never the number or the identifiers, which a renumbering changes).
struct ClauseTree {
    let clauses: [ClauseSnapshot]
    /// Index of the parent clause, or -1 for a clause directly under a container (body, visas, annex).
    private(set) var parent: [Int]
    private(set) var children: [[Int]]
    /// The clauses directly under each container (their `parentWId`), in document order.
    private(set) var roots: [String: [Int]] = [:]
    /// Equal for clauses whose whole subtrees read the same.
    private(set) var hash: [Int]

    init(_ clauses: [ClauseSnapshot]) {
        self.clauses = clauses
        parent = Array(repeating: -1, count: clauses.count)
        children = Array(repeating: [], count: clauses.count)
        hash = Array(repeating: 0, count: clauses.count)
        // In document order a parent precedes its children: the last clause seen with a wId is the open one.
        var indexOfWId: [String: Int] = [:]
        for (index, clause) in clauses.enumerated() {
            if let parentIndex = indexOfWId[clause.parentWId] {
                parent[index] = parentIndex
                children[parentIndex].append(index)
            } else {
                roots[clause.parentWId, default: []].append(index)
            }
            indexOfWId[clause.wId] = index
        }
        for index in clauses.indices.reversed() {
            var hasher = Hasher()
            let clause = clauses[index]
            hasher.combine(clause.kind)
            // As `combine(clause.heading)` and `combine(clause.text)`, without normalising or joining.
            if let heading = clause.heading {
                hasher.combine(1 as UInt8)
                CanonicalText.combine(heading, into: &hasher)
            } else {
                hasher.combine(0 as UInt8)
            }
            CanonicalText.combine(blocks: clause.blocks, into: &hasher)
            for child in children[index] { hasher.combine(hash[child]) }
            hash[index] = hasher.finalize()
        }
    }

    var indices: Range<Int> { clauses.indices }
}
