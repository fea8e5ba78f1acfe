import Foundation
import LegalText
import Testing
@testable import Register
import SuiviSynthetic

/// The three-way merge of a draft with the text in force, checked against a model on random edits: a part
/// changed on one side only takes that side's version, insertions keep their place, deletions stay deleted,
/// and a part changed differently on both sides is always reported, never silently resolved.
@Suite("Draft merge against a model")
struct DraftMergePropertyTests {
    /// One side's random edits of the base's articles.
    struct Edits {
        var modified: [String: String] = [:]
        var deleted: Set<String> = []
        /// New article wId → the wId of the article it follows on that side (`nil`: first).
        var inserted: [(wId: String, after: String?)] = []
    }

    static func article(_ wId: String, _ text: String) -> Clause {
        // eIds equal to wIds: the merge is checked here, the numbering by `updateDraft`'s validation.
        Clause(kind: .article, eId: wId, num: "Article", children: [Clause(kind: .paragraph, eId: wId + "__para_1", content: [Block(text: text)])])
    }

    static func text(_ clause: Clause) -> String? { clause.children.first?.content.first?.plainText }

    static func apply(_ edits: Edits, to base: [Clause]) -> [Clause] {
        var result = base.filter { !edits.deleted.contains($0.wId) }.map { clause in
            edits.modified[clause.wId].map { Self.article(clause.wId, $0) } ?? clause
        }
        for (wId, after) in edits.inserted {
            let at = after.flatMap { key in result.firstIndex { $0.wId == key } }.map { $0 + 1 } ?? 0
            result.insert(Self.article(wId, "inséré \(wId)"), at: at)
        }
        return result
    }

    static func randomEdits(_ base: [String], side: String, avoiding taken: Set<String>, generator: inout SplitMix64) -> Edits {
        var edits = Edits()
        for wId in base where !taken.contains(wId) {
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: edits.modified[wId] = "\(side) \(wId) \(Int.random(in: 0..<1000, using: &generator))"
            case 1: edits.deleted.insert(wId)
            default: break
            }
        }
        let kept = base.filter { !edits.deleted.contains($0) }
        for index in 0..<Int.random(in: 0..<3, using: &generator) {
            let after = kept.isEmpty || Bool.random(using: &generator) && Int.random(in: 0..<4, using: &generator) == 0
                ? nil : kept.randomElement(using: &generator)
            edits.inserted.append(("\(side)_\(index)", after))
        }
        return edits
    }

    @Test("disjoint edits on both sides merge into exactly what the model says; same-clause edits are conflicts", arguments: [UInt64(14), 2026, 0xC0FFEE])
    func modelCheck(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        let template = try SmallAct.v1()
        for round in 0..<300 {
            let count = Int.random(in: 1...8, using: &generator)
            let wIds = (1...count).map { "art_\($0)" }
            let baseBody = wIds.map { Self.article($0, "base \($0)") }
            let mainEdits = Self.randomEdits(wIds, side: "m", avoiding: [], generator: &generator)
            let touchedByMain = Set(mainEdits.modified.keys).union(mainEdits.deleted)
            // Half the rounds: the draft touches only other articles; otherwise it may touch the same ones.
            let disjoint = Bool.random(using: &generator)
            let draftEdits = Self.randomEdits(wIds, side: "d", avoiding: disjoint ? touchedByMain : [], generator: &generator)
            var base = template
            base.body = baseBody
            var inForce = base
            inForce.body = Self.apply(mainEdits, to: baseBody)
            var draft = VersionMetadata.draft(base, name: "essai", date: LegalDate(year: 2026, month: 12, day: 6)!)
            draft.body = Self.apply(draftEdits, to: baseBody)
            let context = "seed \(seed), round \(round): base \(wIds), main \(mainEdits), draft \(draftEdits)"

            // The model: clauses touched differently by both sides conflict.
            let touchedByDraft = Set(draftEdits.modified.keys).union(draftEdits.deleted)
            let clashing = touchedByMain.intersection(touchedByDraft).filter { wId in
                !(mainEdits.deleted.contains(wId) && draftEdits.deleted.contains(wId))
                    && (mainEdits.modified[wId] == nil || mainEdits.modified[wId] != draftEdits.modified[wId])
            }
            switch DraftMerge.merge(base: base, inForce: inForce, draft: draft) {
            case .conflicts(let conflicts):
                #expect(!clashing.isEmpty, "unexpected conflicts \(conflicts.map(\.wId)) — \(context)")
                #expect(Set(conflicts.compactMap(\.wId)) == clashing, "\(context)")
            case .merged(let merged, _):
                #expect(clashing.isEmpty, "a clash was silently resolved — \(context)")
                #expect(merged.identification == draft.identification && merged.lifecycle == draft.lifecycle, "draft metadata kept")
                let byWId = Dictionary(uniqueKeysWithValues: merged.body.map { ($0.wId, $0) })
                for wId in wIds {
                    if mainEdits.deleted.contains(wId) || draftEdits.deleted.contains(wId) {
                        #expect(byWId[wId] == nil, "\(wId) deleted on one side — \(context)")
                    } else {
                        let expected = draftEdits.modified[wId] ?? mainEdits.modified[wId] ?? "base \(wId)"
                        #expect(byWId[wId].flatMap(Self.text) == expected, "\(wId) — \(context)")
                    }
                }
                for (wId, after) in mainEdits.inserted + draftEdits.inserted {
                    let position = try #require(merged.body.firstIndex { $0.wId == wId }, "\(wId) inserted — \(context)")
                    // It follows the article it followed on its side, when that one is still there.
                    if let after, let previous = merged.body.firstIndex(where: { $0.wId == after }) {
                        #expect(previous < position, "\(wId) after \(after) — \(context)")
                    }
                }
                let keptBase = merged.body.map(\.wId).filter { wIds.contains($0) }
                #expect(keptBase == wIds.filter { keptBase.contains($0) }, "base order kept — \(context)")
                #expect(merged.body.count == Set(merged.body.map(\.wId)).count, "no duplicate — \(context)")
            }
        }
    }

    @Test("merging a side with itself or with an unchanged base gives that side")
    func identities() throws {
        let base = try SmallAct.v1()
        var edited = base
        edited.body[0].children[0].content = [Block(text: "Modifié.")]
        let draft = VersionMetadata.draft(edited, name: "essai", date: LegalDate(year: 2026, month: 12, day: 6)!)
        #expect(DraftMerge.merge(base: base, inForce: base, draft: draft) == .merged(draft, taken: []))
        guard case .merged(let merged, let taken) = DraftMerge.merge(base: base, inForce: edited, draft: VersionMetadata.draft(base, name: "essai", date: LegalDate(year: 2026, month: 12, day: 6)!)) else {
            Issue.record("expected a merge")
            return
        }
        #expect(merged.body == edited.body && taken == ["art_1"])
    }
}
