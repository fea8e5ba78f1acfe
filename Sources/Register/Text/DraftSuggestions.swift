import Foundation

/// The drafts a mistyped draft name most likely meant (« vouliez-vous dire « 2026-projet » ? »): the names within a
/// few typing mistakes of it (case and accents aside), or that contain it or that it contains, closest first.
enum DraftSuggestions {
    /// At most `limit` names of `existing` close to `name`, closest first.
    static func closest(to name: String, among existing: [String], limit: Int = 3) -> [String] {
        let wanted = folded(name)
        guard !wanted.isEmpty else { return [] }
        let allowed = max(2, wanted.count / 3)
        var scored: [(name: String, distance: Int)] = []
        for candidate in existing where candidate != name {
            let other = folded(candidate)
            let distance = editDistance(wanted, other)
            let contained = min(wanted.count, other.count) >= 3 && (other.contains(wanted) || wanted.contains(other))
            if distance <= allowed || contained { scored.append((candidate, distance)) }
        }
        return scored.sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.prefix(limit).map(\.name)
    }

    private static func folded(_ text: String) -> [Character] {
        Array(text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "fr_FR")))
    }

    /// Levenshtein distance (insertions, deletions, substitutions, and a swap of two neighbours counting one).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { best = min(best, table[i - 2][j - 2] + 1) }
                table[i][j] = best
            }
        }
        return table[a.count][b.count]
    }
}

extension TextRegister {
    /// ``RegisterError/unknownDraft(name:closest:)`` for `name`, with the drafts it most likely meant.
    func unknownDraft(_ name: String) async -> RegisterError {
        let drafts = ((try? await store.branches()) ?? []).compactMap { branch -> String? in
            branch.ref.hasPrefix(DraftName.refPrefix) ? String(branch.ref.dropFirst(DraftName.refPrefix.count)) : nil
        }
        return .unknownDraft(name: name, closest: DraftSuggestions.closest(to: name, among: drafts))
    }
}
