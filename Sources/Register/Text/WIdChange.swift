import Foundation
import LegalText

/// A clause that kept its place and its text but was given another wId: refused on every write of a draft,
/// because a wId never changes (history and comments follow it).
public struct WIdChange: Sendable, Hashable, Codable {
    /// The clause's eId (its place).
    public let eId: String
    /// The wId it has in the base, to keep.
    public let kept: String
    /// The wId the new text gives it.
    public let given: String

    public init(eId: String, kept: String, given: String) {
        self.eId = eId
        self.kept = kept
        self.given = given
    }

    /// The wId changes from `base` to `new`: each clause (or annex) of `base` whose wId is absent from `new` while
    /// the clause at the same place (same eId) in `new` has a wId unknown to `base` and the same content once
    /// wIds are set aside. A clause that really is new (another text, another place) is not one.
    public static func changes(from base: LegalDocument, to new: LegalDocument) -> [WIdChange] {
        let baseWIds = Set(base.allClauses.map(\.wId) + base.annexes.map(\.wId))
        let newWIds = Set(new.allClauses.map(\.wId) + new.annexes.map(\.wId))
        var newByEId: [String: Clause] = [:]
        for clause in new.allClauses where newByEId[clause.eId] == nil { newByEId[clause.eId] = clause }
        var changes: [WIdChange] = []
        for clause in base.allClauses where !newWIds.contains(clause.wId) {
            guard let candidate = newByEId[clause.eId], !baseWIds.contains(candidate.wId),
                  withoutWIds(candidate) == withoutWIds(clause) else { continue }
            changes.append(WIdChange(eId: clause.eId, kept: clause.wId, given: candidate.wId))
        }
        for annex in base.annexes where !newWIds.contains(annex.wId) {
            guard let candidate = new.annexes.first(where: { $0.eId == annex.eId }), !baseWIds.contains(candidate.wId),
                  candidate.preface == annex.preface, candidate.name == annex.name else { continue }
            changes.append(WIdChange(eId: annex.eId, kept: annex.wId, given: candidate.wId))
        }
        return changes
    }

    /// The clause with every wId (its own and its descendants') blanked.
    static func withoutWIds(_ clause: Clause) -> Clause {
        var copy = clause
        copy.wId = ""
        copy.children = clause.children.map(withoutWIds)
        return copy
    }

    /// "eId art_3__para_1 : wId « x » au lieu de « art_3__para_1 »".
    public var french: String {
        "l'élément \(eId) (même place, même texte) porte le wId « \(given) » : gardez son wId « \(kept) »"
    }
}
