/// A map that keeps at most `maximumCount` entries weighing at most `maximumCost` in all (a page's size in
/// bytes, say), dropping the least recently used first. An entry heavier than `maximumCost` alone is not kept.
/// The caches of the web front end (comparisons, rendered pages) are built on it.
struct BoundedLRU<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var value: Value
        var cost: Int
        var lastUse: UInt64
    }

    let maximumCount: Int
    let maximumCost: Int
    private var entries: [Key: Entry] = [:]
    private var clock: UInt64 = 0
    /// The sum of the costs of the entries kept.
    private(set) var totalCost = 0
    /// How many entries were dropped to respect the bounds.
    private(set) var evictions = 0

    init(maximumCount: Int, maximumCost: Int = .max) {
        self.maximumCount = max(0, maximumCount)
        self.maximumCost = max(0, maximumCost)
    }

    var count: Int { entries.count }

    /// The value kept for `key`, which becomes the most recently used.
    mutating func value(for key: Key) -> Value? {
        guard var entry = entries[key] else { return nil }
        clock += 1
        entry.lastUse = clock
        entries[key] = entry
        return entry.value
    }

    /// Whether `key` is kept, without counting as a use.
    func contains(_ key: Key) -> Bool { entries[key] != nil }

    /// Keeps `value` for `key` (replacing what was there), then drops the least recently used entries
    /// until both bounds hold.
    mutating func store(_ value: Value, for key: Key, cost: Int = 1) {
        if let old = entries.removeValue(forKey: key) { totalCost -= old.cost }
        guard cost <= maximumCost, maximumCount > 0 else { return }
        clock += 1
        entries[key] = Entry(value: value, cost: cost, lastUse: clock)
        totalCost += cost
        while entries.count > maximumCount || totalCost > maximumCost {
            // Linear scan: the caches hold at most a few hundred entries.
            guard let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) else { break }
            entries[oldest.key] = nil
            totalCost -= oldest.value.cost
            evictions += 1
        }
    }

    /// Drops every entry.
    mutating func removeAll() {
        entries.removeAll()
        totalCost = 0
    }
}
