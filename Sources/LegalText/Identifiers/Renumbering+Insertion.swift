import Foundation

extension Renumbering {
    /// Numbers a clause just inserted without a number at `index` among `siblings`, as a drafter inserting it by an
    /// amending order would (« Les articles 4 à 7 deviennent les articles 5 à 8 ; il est inséré un article 4 ») :
    /// the new clause takes the number after its predecessor's of the same kind (the first number when it has none),
    /// and the following clauses of that kind whose number it would repeat move up by one, up to the first gap
    /// (an abrogated number stays free). A series whose numbers are not all simple (« Article 6-1 », « 3° bis »),
    /// is numbered again from 1 in its style (``renumber(_:previous:known:year:)``'s rule for a missing number); a
    /// series without any number stays without.
    /// - Returns: the siblings, numbered; unchanged when the clause at `index` already has a number or its kind is
    ///   not numbered by its number.
    public static func numberingInserted(_ siblings: [Clause], at index: Int) -> [Clause] {
        guard siblings.indices.contains(index) else { return siblings }
        let kind = siblings[index].kind
        guard kind.isNumberedByItsNum, (siblings[index].num ?? "").trimmingCharacters(in: .whitespaces).isEmpty else { return siblings }
        var result = siblings
        let series = result.indices.filter { result[$0].kind == kind }
        let others = series.filter { $0 != index }
        let nums = others.map { result[$0].num?.trimmingCharacters(in: .whitespaces) ?? "" }
        // A series without any number (designated by position): the new clause has none either.
        if !others.isEmpty, nums.allSatisfy(\.isEmpty) {
            result[index].num = nil
            return result
        }
        let keys = nums.map(sortKey)
        if kind == .article, !keys.allSatisfy({ $0?.count == 1 }), keys.allSatisfy({ $0 != nil }),
           let previous = others.last(where: { $0 < index }), let printed = result[previous].num,
           let number = intercalated(after: printed, taken: Set(nums)) {
            // Articles already numbered « 6-1 »: the new one is intercalated (« 3-1 », « 6-2 ») and nothing moves.
            result[index].num = number
            return result
        }
        guard let style = NumberStyle(series: nums.isEmpty ? [""] : nums, kind: kind),
              keys.allSatisfy({ $0?.count == 1 }) else {
            result[index].num = ""
            return numbered(result.map { $0 }).enumerated().map { position, clause in
                var copy = clause
                copy.children = result[position].children  // `numbered` recurses; only this level changes here
                return copy
            }
        }
        let values = keys.compactMap { $0?.first }
        // The predecessor of the same kind, if any.
        let before = Array(zip(others, values)).last { $0.0 < index }?.1 ?? 0
        var current = before + 1
        result[index].num = style.printed(current)
        for (position, value) in zip(others, values) where position > index {
            guard value <= current else { break }
            current += 1
            result[position].num = style.printed(current)
        }
        return result
    }

    /// The number of an article intercalated after article `printed` (« Article 6 » → « Article 6-1 », « Article 6-1 » →
    /// « Article 6-2 », else « Article 6-1-1 »), or nil when those are taken.
    static func intercalated(after printed: String, taken: Set<String>) -> String? {
        let trimmed = printed.trimmingCharacters(in: .whitespaces)
        let prefix = trimmed.hasPrefix("Article ") ? "Article " : ""
        var core = String(trimmed.dropFirst(prefix.count))
        if core.lowercased() == "1er" || core.lowercased() == "premier" { core = "1" }
        let parts = core.split(separator: "-").map(String.init)
        var candidates = [core + "-1"]
        if parts.count > 1, let last = parts.last.flatMap({ Int($0) }) {
            candidates.insert((parts.dropLast() + [String(last + 1)]).joined(separator: "-"), at: 0)
        }
        return candidates.map { prefix + $0 }.first { !taken.contains($0) }
    }
}
