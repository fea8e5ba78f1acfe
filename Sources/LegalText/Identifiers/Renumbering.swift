import Foundation

/// Puts the identifiers and numbers of a hand-edited text back in order (`suivi draft renumeroter`):
///
/// - **numbers**: in each series of sibling clauses of one kind that carry a number (articles, points, sections…),
///   if a number is missing, appears twice, or the numbers are not in increasing order, the whole series is
///   numbered again from 1 in the style of its first number (« Article 1er, Article 2… », « 1°, 2°… »,
///   « a), b)… », « A., B.… », « I., II.… »); a series already in order is kept as it is (« Article 6-1 » stays),
///   and so is a series without any number (designated by position, « la première sous-section »);
/// - **eIds**: recomputed from the hierarchy and the numbers (docs/FORMAT.md);
/// - **wIds**: a clause keeps its wId when it is a wId of the text it was edited from (`previous`), of the same
///   kind, carried by no earlier clause; otherwise (no wId, a wId copied from another clause, one that clause
///   kind never had) it is a new clause and gets a new wId: its eId, or `<eId>-<year>` when that is taken by
///   `known` (every wId the text ever used) or by another clause.
public enum Renumbering {
    /// One identifier or number changed.
    public struct Change: Sendable, Hashable, Codable, CustomStringConvertible {
        public enum Field: String, Sendable, Hashable, Codable { case num, eId, wId }
        /// The clause's eId after the renumbering.
        public let eId: String
        public let field: Field
        public let old: String
        public let new: String

        public var description: String {
            let name = switch field { case .num: "numéro"; case .eId: "eId"; case .wId: "wId" }
            return "\(eId) : \(name) « \(old) » → « \(new) »"
        }
    }

    /// The renumbered document and what changed, clause by clause in document order.
    public static func renumber(_ document: LegalDocument, previous: LegalDocument, known: Set<String>, year: Int)
        -> (document: LegalDocument, changes: [Change])
    {
        var result = document
        result.body = numbered(result.body)
        for index in result.annexes.indices { result.annexes[index].clauses = numbered(result.annexes[index].clauses) }
        result = IdentifierAssignment.assignEIds(result)
        result = keepingKnownWIds(result, previous: previous)
        result = IdentifierAssignment.assignNewWIds(result, previous: known, year: year)
        let before = document.allClauses, after = result.allClauses
        var changes: [Change] = []
        for (old, new) in zip(before, after) {
            if old.num != new.num { changes.append(Change(eId: new.eId, field: .num, old: old.num ?? "", new: new.num ?? "")) }
            if old.eId != new.eId { changes.append(Change(eId: new.eId, field: .eId, old: old.eId, new: new.eId)) }
            let oldWId = old.hasExplicitWId ? old.wId : ""
            if oldWId != new.wId { changes.append(Change(eId: new.eId, field: .wId, old: oldWId, new: new.wId)) }
        }
        return (result, changes)
    }

    // MARK: Numbers

    /// The clauses with each numbered series put in order, recursively.
    static func numbered(_ clauses: [Clause]) -> [Clause] {
        var result = clauses.map { clause -> Clause in
            var copy = clause
            copy.children = numbered(clause.children)
            return copy
        }
        for kind in ClauseKind.allCases where kind.isNumberedByItsNum {
            let indices = result.indices.filter { result[$0].kind == kind }
            guard !indices.isEmpty else { continue }
            let nums = indices.map { result[$0].num?.trimmingCharacters(in: .whitespaces) ?? "" }
            guard needsNumbering(nums), let style = NumberStyle(series: nums, kind: kind) else { continue }
            for (position, index) in indices.enumerated() { result[index].num = style.printed(position + 1) }
        }
        return result
    }

    /// Whether a series of printed numbers has a gap to fill: a number missing or repeated, or numbers out of order.
    /// A series of identical dashes (« – ») is a bulleted list, not numbered.
    static func needsNumbering(_ nums: [String]) -> Bool {
        if nums.allSatisfy({ $0 == "–" || $0 == "-" || $0 == "•" }) { return false }
        // A series without any number is designated by position (« la première sous-section »).
        if nums.allSatisfy(\.isEmpty) { return false }
        if nums.contains(where: \.isEmpty) || Set(nums).count != nums.count { return true }
        let keys = nums.map(sortKey)
        guard keys.allSatisfy({ $0 != nil }) else { return false }
        let values = keys.compactMap { $0 }
        return zip(values, values.dropFirst()).contains { !$0.lexicographicallyPrecedes($1) }
    }

    /// "Article 6-1" → [6, 1], "3° bis" → [3, 2], "B." → [2], "IV" → [4], "a)" → [1]; nil when unreadable.
    static func sortKey(_ printed: String) -> [Int]? {
        var text = printed
        for prefix in ClauseNumbering.printedPrefixes where text.hasPrefix(prefix) { text = String(text.dropFirst(prefix.count)) }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: " .)°º:"))
        let latin = ["bis": 2, "ter": 3, "quater": 4, "quinquies": 5, "sexies": 6, "septies": 7, "octies": 8, "nonies": 9, "decies": 10]
        var parts = text.split(whereSeparator: { $0 == "-" || $0 == " " }).map(String.init)
        guard let head = parts.first else { return nil }
        parts.removeFirst()
        var key: [Int] = []
        if head.lowercased() == "1er" || head.lowercased() == "premier" {
            key.append(1)
        } else if let value = Int(head.filter(\.isNumber)), head.allSatisfy({ $0.isNumber || $0 == "°" }) {
            key.append(value)
        } else if let roman = ClauseNumbering.romanValue(head), head.count > 1 || "IVX".contains(head) {
            key.append(roman)
        } else if head.count == 1, let scalar = head.lowercased().unicodeScalars.first, ("a"..."z").contains(scalar) {
            key.append(Int(scalar.value) - 96)
        } else {
            return nil
        }
        for part in parts {
            if let value = Int(part) { key.append(value) } else if let value = latin[part.lowercased()] { key.append(value) } else { return nil }
        }
        return key
    }

    /// How a series prints its numbers, read from its first readable number.
    struct NumberStyle {
        enum Counter { case arabic, letterLower, letterUpper, roman }
        var prefix: String
        var counter: Counter
        var suffix: String
        var firstAsPremier: Bool

        init?(series nums: [String], kind: ClauseKind) {
            let sample = nums.first { !$0.isEmpty && Renumbering.sortKey($0) != nil }
            guard let sample else {
                // No readable number: the kind's usual form.
                switch kind {
                case .article: (prefix, counter, suffix, firstAsPremier) = ("Article ", .arabic, "", true)
                case .point: (prefix, counter, suffix, firstAsPremier) = ("", .arabic, "°", false)
                case .section, .subsection: (prefix, counter, suffix, firstAsPremier) = ("", .letterUpper, ".", false)
                default: (prefix, counter, suffix, firstAsPremier) = ("", .roman, ".", false)
                }
                return
            }
            var text = sample
            prefix = ""
            for candidate in ClauseNumbering.printedPrefixes where text.hasPrefix(candidate) {
                prefix = candidate
                text = String(text.dropFirst(candidate.count))
            }
            let head = String(text.prefix { $0.isLetter || $0.isNumber })
            let tail = String(text.dropFirst(head.count))
            suffix = tail.first.map { "°.)º".contains($0) ? String($0) : "" } ?? ""
            firstAsPremier = kind == .article
            if head.allSatisfy(\.isNumber) || head.lowercased() == "1er" {
                counter = .arabic
            } else if head.count > 1 || (head == "I" && nums.contains { $0.contains("II") || $0.contains("V") }) {
                counter = .roman
            } else if head.uppercased() == head {
                counter = .letterUpper
            } else {
                counter = .letterLower
            }
            if kind == .article, counter == .arabic, prefix.isEmpty { prefix = "Article " }
        }

        func printed(_ value: Int) -> String {
            let core: String
            switch counter {
            case .arabic: core = value == 1 && firstAsPremier ? "1er" : String(value)
            case .letterLower: core = Self.letters(value).lowercased()
            case .letterUpper: core = Self.letters(value)
            case .roman: core = Self.roman(value)
            }
            return prefix + core + suffix
        }

        /// 1 → "A", 26 → "Z", 27 → "AA".
        static func letters(_ value: Int) -> String {
            var value = value
            var text = ""
            while value > 0 {
                let scalar = UnicodeScalar(UInt8(65 + (value - 1) % 26))
                text = String(Character(scalar)) + text
                value = (value - 1) / 26
            }
            return text
        }

        static func roman(_ value: Int) -> String {
            let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                                          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
            var value = value
            var text = ""
            for (amount, symbol) in table {
                while value >= amount {
                    text += symbol
                    value -= amount
                }
            }
            return text
        }
    }

    // MARK: wIds

    /// Empties the wId of every clause that is not a known clause of `previous` (see ``Renumbering``). When
    /// several clauses carry one wId, the one whose wording is the previous clause's keeps it, else the first.
    static func keepingKnownWIds(_ document: LegalDocument, previous: LegalDocument) -> LegalDocument {
        var previousClauses: [String: Clause] = [:]
        for clause in previous.allClauses { previousClauses[clause.wId] = clause }
        // Which clause (by position in document order) keeps each wId.
        let clauses = document.allClauses
        var keeper: [String: Int] = [:]
        for (position, clause) in clauses.enumerated() where clause.hasExplicitWId {
            guard let old = previousClauses[clause.wId], old.kind == clause.kind else { continue }
            if let current = keeper[clause.wId] {
                let currentSame = Self.sameWording(clauses[current], old), candidateSame = Self.sameWording(clause, old)
                if candidateSame && !currentSame { keeper[clause.wId] = position }
            } else {
                keeper[clause.wId] = position
            }
        }
        var position = 0
        func visit(_ list: [Clause]) -> [Clause] {
            list.map { clause in
                var copy = clause
                if keeper[clause.wId] != position || !clause.hasExplicitWId { copy.wId = "" }
                position += 1
                copy.children = visit(clause.children)
                return copy
            }
        }
        return document.mappingRootClauses(visit)
    }

    static func sameWording(_ a: Clause, _ b: Clause) -> Bool {
        a.textBlocks == b.textBlocks && a.heading == b.heading
    }
}
