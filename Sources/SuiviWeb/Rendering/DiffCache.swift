import ClauseDiff
import Register

/// Comparisons already computed, by pair of commits: a commit never changes, so neither does its
/// comparison. Bounded: the oldest entries go first.
actor DiffCache {
    struct Key: Hashable, Sendable {
        let old: ObjectID
        let new: ObjectID
        let work: String
    }

    private var diffs: [Key: DocumentDiff] = [:]
    private var pages: [Key: String] = [:]
    private var order: [Key] = []
    private var pageOrder: [Key] = []
    let capacity: Int

    init(capacity: Int = 64) {
        self.capacity = capacity
    }

    func diff(for key: Key) -> DocumentDiff? { diffs[key] }

    func store(_ diff: DocumentDiff, for key: Key) {
        if diffs.updateValue(diff, forKey: key) == nil { order.append(key) }
        while order.count > capacity { diffs[order.removeFirst()] = nil }
    }

    func html(for key: Key) -> String? { pages[key] }

    func store(html: String, for key: Key) {
        if pages.updateValue(html, forKey: key) == nil { pageOrder.append(key) }
        while pageOrder.count > capacity { pages[pageOrder.removeFirst()] = nil }
    }
}
