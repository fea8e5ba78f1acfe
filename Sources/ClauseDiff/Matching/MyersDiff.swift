/// The shortest edit script between two sequences (Myers, "An O(ND) Difference Algorithm", 1986):
/// runs of equal, deleted and inserted elements. Linear space for the forward pass, with the
/// trace of each round kept to walk the path back.
enum MyersDiff {
    enum Operation: Equatable {
        case equal(oldRange: Range<Int>, newRange: Range<Int>)
        case delete(Range<Int>)
        case insert(Range<Int>)
    }

    /// Beyond this many differences the texts are treated as replaced wholesale: the trace would
    /// cost O(D²) memory for nothing a reader could use.
    static let maximumDifferences = 3_000

    static func diff<T: Equatable>(_ old: [T], _ new: [T]) -> [Operation] {
        let n = old.count
        let m = new.count
        let max = n + m
        guard max > 0 else { return [] }
        guard n > 0, m > 0 else { return n > 0 ? [.delete(0..<n)] : [.insert(0..<m)] }
        var v = [Int](repeating: 0, count: 2 * max + 3)
        // trace[d] holds v[k] for k in -(d+1)...(d+1), as it stood at the start of round d.
        var trace: [[Int]] = []
        let offset = max + 1
        var found = false
        for d in 0...max {
            if d > maximumDifferences { return [.delete(0..<n), .insert(0..<m)] }
            trace.append(Array(v[(offset - d - 1)...(offset + d + 1)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1]
                } else {
                    x = v[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, old[x] == new[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n && y >= m {
                    found = true
                    break
                }
            }
            if found { break }
        }
        // Walk back through the trace, collecting single steps, then merge them into runs.
        var steps: [(kind: Int, oldIndex: Int, newIndex: Int)] = []  // 0 equal, 1 delete, 2 insert
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let snapshot = trace[d]
            func v(_ k: Int) -> Int { snapshot[k + d + 1] }
            let k = x - y
            let previousK: Int
            if k == -d || (k != d && v(k - 1) < v(k + 1)) {
                previousK = k + 1
            } else {
                previousK = k - 1
            }
            let previousX = d == 0 ? 0 : v(previousK)
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                steps.append((0, x - 1, y - 1))
                x -= 1
                y -= 1
            }
            if d > 0 {
                if x == previousX {
                    steps.append((2, x, y - 1))
                } else {
                    steps.append((1, x - 1, y))
                }
            }
            x = previousX
            y = previousY
        }
        steps.reverse()
        var operations: [Operation] = []
        for step in steps {
            switch (step.kind, operations.last) {
            case (0, .equal(let o, let r)?) where o.upperBound == step.oldIndex && r.upperBound == step.newIndex:
                operations[operations.count - 1] = .equal(oldRange: o.lowerBound..<(step.oldIndex + 1),
                                                          newRange: r.lowerBound..<(step.newIndex + 1))
            case (0, _):
                operations.append(.equal(oldRange: step.oldIndex..<(step.oldIndex + 1),
                                         newRange: step.newIndex..<(step.newIndex + 1)))
            case (1, .delete(let r)?) where r.upperBound == step.oldIndex:
                operations[operations.count - 1] = .delete(r.lowerBound..<(step.oldIndex + 1))
            case (1, _):
                operations.append(.delete(step.oldIndex..<(step.oldIndex + 1)))
            case (_, .insert(let r)?) where r.upperBound == step.newIndex:
                operations[operations.count - 1] = .insert(r.lowerBound..<(step.newIndex + 1))
            default:
                operations.append(.insert(step.newIndex..<(step.newIndex + 1)))
            }
        }
        return operations
    }

    /// The length of the longest common subsequence, from the edit script.
    static func commonLength<T: Equatable>(_ old: [T], _ new: [T]) -> Int {
        diff(old, new).reduce(0) { total, operation in
            if case .equal(let range, _) = operation { return total + range.count }
            return total
        }
    }
}
