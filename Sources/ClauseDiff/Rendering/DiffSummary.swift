import Foundation

/// A one-screen summary of a comparison: counts per class, and per article or annex.
public struct DiffSummary: Sendable, Hashable, Codable {
    /// Changes counted under one top-level part (an article, an annex, the visas).
    public struct Part: Sendable, Hashable, Codable {
        public let eId: String
        public let counts: [String: Int]
    }

    public let counts: [String: Int]
    public let parts: [Part]

    public init(_ diff: DocumentDiff) {
        var totals: [String: Int] = [:]
        var byPart: [(String, [String: Int])] = []
        // Parts as the new version numbers them; an old part that kept its identity is counted under its new number,
        // an old part deleted whose number another part now bears is "ex art_4", never the same label as that part.
        var newParts: Set<String> = []
        var partnerOfOldPart: [String: String] = [:]
        for change in diff.changes {
            guard let new = change.new else { continue }
            newParts.insert(Self.topLevel(of: new.eId))
            if let old = change.old, !old.eId.contains("__"), !new.eId.contains("__") { partnerOfOldPart[old.eId] = new.eId }
        }
        for change in diff.changes {
            totals[change.change.rawValue, default: 0] += 1
            guard change.change != .unchanged else { continue }
            var part = DiffSummary.topLevel(of: change.new?.eId ?? change.old?.eId ?? "")
            if change.new == nil, let old = change.old {
                let oldPart = DiffSummary.topLevel(of: old.eId)
                if let partner = partnerOfOldPart[oldPart] {
                    part = partner
                } else if newParts.contains(oldPart) {
                    part = "ex " + oldPart
                }
            }
            if let index = byPart.firstIndex(where: { $0.0 == part }) {
                byPart[index].1[change.change.rawValue, default: 0] += 1
            } else {
                byPart.append((part, [change.change.rawValue: 1]))
            }
        }
        if !diff.unchangedUnlisted.isEmpty { totals[ChangeClass.unchanged.rawValue, default: 0] += diff.unchangedUnlisted.count }
        counts = totals
        parts = byPart.map { Part(eId: $0.0, counts: $0.1) }
    }

    /// "art_3__para_2" → "art_3"; "annex_2__sec_C__para_4" → "annex_2"; "cit_3" → "visas".
    static func topLevel(of eId: String) -> String {
        if eId.hasPrefix("cit_") { return "visas" }
        return eId.components(separatedBy: "__").first ?? eId
    }

    /// The classes in reading order, with their French labels.
    static let order: [ChangeClass] = [.inserted, .deleted, .modified, .renumbered, .renumberedModified, .moved,
                                       .movedModified, .unchanged]
}
