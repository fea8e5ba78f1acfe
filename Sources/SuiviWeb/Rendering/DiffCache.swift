import ClauseDiff
import Register

/// Comparisons already computed, by pair of commits: a commit never changes, so neither does its
/// comparison. Bounded: the least recently used entries go first.
actor DiffCache {
    struct Key: Hashable, Sendable {
        let old: ObjectID
        let new: ObjectID
        let work: String
    }

    private var diffs: BoundedLRU<Key, DocumentDiff>
    private var pages: BoundedLRU<Key, String>
    var capacity: Int { diffs.maximumCount }

    init(capacity: Int = 64) {
        diffs = BoundedLRU(maximumCount: capacity)
        pages = BoundedLRU(maximumCount: capacity)
    }

    func diff(for key: Key) -> DocumentDiff? { diffs.value(for: key) }

    func store(_ diff: DocumentDiff, for key: Key) {
        diffs.store(diff, for: key)
    }

    func html(for key: Key) -> String? { pages.value(for: key) }

    func store(html: String, for key: Key) {
        pages.store(html, for: key, cost: html.utf8.count)
    }
}
