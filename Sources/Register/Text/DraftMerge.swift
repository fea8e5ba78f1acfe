import Foundation
import LegalText

/// The clause-level three-way merge that brings a draft up to date with the text in force: from the draft's
/// base, the text in force and the draft, part by part (each article of the body and each top-level section
/// of an annex, matched by wId, as the register stores them), annex headings, preface, preamble and
/// conclusions; the order of the parts is merged too (insertions on either side keep their place). The draft's
/// own metadata (identification, dates, references, notes) is kept.
///
/// A part changed on one side only takes that side's version; changed identically on both sides, that version;
/// changed differently on both sides, it is a ``DraftConflict``.
public enum DraftMerge {
    /// The merged text, or the conflicts.
    public enum Outcome: Sendable, Hashable {
        /// `taken`: the wIds of the parts taken from the text in force (changed there, untouched in the draft).
        case merged(LegalDocument, taken: [String])
        case conflicts([DraftConflict])
    }

    /// The three-way choice for one value.
    enum Pick<T> {
        case value(T)
        case conflict
    }

    static func pick<T: Equatable>(base: T, inForce: T, draft: T) -> Pick<T> {
        if inForce == draft || inForce == base { return .value(draft) }
        if draft == base { return .value(inForce) }
        return .conflict
    }

    /// Merges `draft` with `inForce`, both descended from `base`.
    public static func merge(base: LegalDocument, inForce: LegalDocument, draft: LegalDocument) -> Outcome {
        let work = RegisterLayout.workKey(of: draft)
        var conflicts: [DraftConflict] = []
        var taken: [String] = []
        var merged = draft

        // Preface, preamble, conclusions: one unit each.
        func structural<T: Equatable>(_ name: String, _ path: KeyPath<LegalDocument, T>, _ text: (T) -> String) -> T {
            switch pick(base: base[keyPath: path], inForce: inForce[keyPath: path], draft: draft[keyPath: path]) {
            case .value(let value): return value
            case .conflict:
                conflicts.append(DraftConflict(work: work, kind: .structure, wId: name, eId: nil,
                                               base: text(base[keyPath: path]), inForce: text(inForce[keyPath: path]),
                                               draft: text(draft[keyPath: path])))
                return draft[keyPath: path]
            }
        }
        merged.preface = structural("intitulé et préface", \.preface) { Self.text(ofPreface: $0) }
        merged.preamble = structural("préambule (visas)", \.preamble) { Self.text(ofPreamble: $0) }
        merged.conclusions = structural("formule finale et signatures", \.conclusions) { $0.map(\.plainText).joined(separator: "\n") }

        // The body's articles.
        let body = mergeParts(base: base.body, inForce: inForce.body, draft: draft.body, work: work, scope: "corps du texte")
        conflicts += body.conflicts
        taken += body.taken
        merged.body = body.parts

        // Annexes: headings as a unit, their clauses as parts.
        let annexOrder = mergeOrder(base: base.annexes.map(\.wId), inForce: inForce.annexes.map(\.wId),
                                    draft: draft.annexes.map(\.wId))
        var annexes: [Annex] = []
        if let annexOrder {
            for wId in annexOrder {
                let b = base.annexes.first { $0.wId == wId }
                let m = inForce.annexes.first { $0.wId == wId }
                let d = draft.annexes.first { $0.wId == wId }
                let header = { (annex: Annex?) -> Annex? in annex.map { var h = $0; h.clauses = []; return h } }
                var chosen: Annex?
                switch pick(base: header(b), inForce: header(m), draft: header(d)) {
                case .value(let value): chosen = value
                case .conflict:
                    conflicts.append(DraftConflict(work: work, kind: .annex, wId: wId, eId: (m ?? d ?? b)?.eId,
                                                   base: b.map(Self.text(ofAnnex:)), inForce: m.map(Self.text(ofAnnex:)),
                                                   draft: d.map(Self.text(ofAnnex:))))
                    chosen = header(d ?? m)
                }
                // An annex deleted on one side and changed on the other.
                if chosen == nil, let kept = d ?? m, kept.clauses != (b?.clauses ?? []) {
                    conflicts.append(DraftConflict(work: work, kind: .annex, wId: wId, eId: kept.eId,
                                                   base: b.map(Self.text(ofAnnex:)), inForce: m.map(Self.text(ofAnnex:)),
                                                   draft: d.map(Self.text(ofAnnex:))))
                }
                guard var annex = chosen else { continue }
                let parts = mergeParts(base: b?.clauses ?? [], inForce: m?.clauses ?? [], draft: d?.clauses ?? [],
                                       work: work, scope: "annexe \(wId)")
                conflicts += parts.conflicts
                taken += parts.taken
                annex.clauses = parts.parts
                annexes.append(annex)
            }
        } else {
            conflicts.append(DraftConflict(work: work, kind: .order, wId: "annexes", eId: nil,
                                           base: base.annexes.map(\.wId).joined(separator: ", "),
                                           inForce: inForce.annexes.map(\.wId).joined(separator: ", "),
                                           draft: draft.annexes.map(\.wId).joined(separator: ", ")))
        }
        merged.annexes = annexes
        guard conflicts.isEmpty else { return .conflicts(conflicts) }
        return .merged(merged, taken: taken)
    }

    /// Merges one list of top-level clauses (a body, an annex), by wId.
    static func mergeParts(base: [Clause], inForce: [Clause], draft: [Clause], work: String, scope: String)
        -> (parts: [Clause], taken: [String], conflicts: [DraftConflict])
    {
        func index(_ clauses: [Clause]) -> [String: Clause] {
            Dictionary(clauses.map { ($0.wId, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let (b, m, d) = (index(base), index(inForce), index(draft))
        var chosen: [String: Clause] = [:]
        var taken: [String] = []
        var conflicts: [DraftConflict] = []
        for wId in Set(b.keys).union(m.keys).union(d.keys) {
            switch pick(base: b[wId], inForce: m[wId], draft: d[wId]) {
            case .value(let value):
                if let value { chosen[wId] = value }
                if value != d[wId] { taken.append(wId) }
            case .conflict:
                // Renumbered on one side only (an article inserted before it), reworded on the other: the new
                // wording under the new number.
                if let old = b[wId], let ours = m[wId], let theirs = d[wId] {
                    if unnumbered(ours) == unnumbered(old), theirs.eId == old.eId, theirs.num == old.num {
                        chosen[wId] = renumbered(theirs, from: old.eId, to: ours.eId, num: ours.num)
                        taken.append(wId)
                        continue
                    }
                    if unnumbered(theirs) == unnumbered(old), ours.eId == old.eId, ours.num == old.num {
                        chosen[wId] = renumbered(ours, from: old.eId, to: theirs.eId, num: theirs.num)
                        taken.append(wId)
                        continue
                    }
                }
                // Deleted on one side, only renumbered on the other: deleted.
                if let old = b[wId], (m[wId] == nil && d[wId].map(unnumbered) == unnumbered(old))
                    || (d[wId] == nil && m[wId].map(unnumbered) == unnumbered(old)) {
                    if d[wId] != nil { taken.append(wId) }
                    continue
                }
                conflicts.append(DraftConflict(work: work, kind: .clause, wId: wId, eId: (m[wId] ?? d[wId] ?? b[wId])?.eId,
                                               base: b[wId].map(Self.text(ofClause:)), inForce: m[wId].map(Self.text(ofClause:)),
                                               draft: d[wId].map(Self.text(ofClause:))))
            }
        }
        guard let order = mergeOrder(base: base.map(\.wId), inForce: inForce.map(\.wId), draft: draft.map(\.wId)) else {
            conflicts.append(DraftConflict(work: work, kind: .order, wId: scope, eId: nil,
                                           base: base.map(\.eId).joined(separator: ", "),
                                           inForce: inForce.map(\.eId).joined(separator: ", "),
                                           draft: draft.map(\.eId).joined(separator: ", ")))
            return ([], [], conflicts)
        }
        return (order.compactMap { chosen[$0] }, taken.sorted(), conflicts.sorted { ($0.wId ?? "") < ($1.wId ?? "") })
    }

    /// The clause without its numbering: every eId blanked, and its own printed number (wIds and text kept).
    static func unnumbered(_ clause: Clause) -> Clause {
        var copy = withoutEIds(clause)
        copy.num = nil
        return copy
    }

    private static func withoutEIds(_ clause: Clause) -> Clause {
        var copy = clause
        copy.eId = ""
        copy.children = clause.children.map(withoutEIds)
        return copy
    }

    /// `clause` moved from eId `old` to eId `new` (its descendants' eIds following), printed as `num`.
    static func renumbered(_ clause: Clause, from old: String, to new: String, num: String?) -> Clause {
        func move(_ clause: Clause) -> Clause {
            var copy = clause
            if clause.eId == old {
                copy.eId = new
            } else if clause.eId.hasPrefix(old + "__") {
                copy.eId = new + clause.eId.dropFirst(old.count)
            }
            copy.children = clause.children.map(move)
            return copy
        }
        var moved = move(clause)
        moved.num = num
        return moved
    }

    /// The merged order of keys: the side that kept the base's relative order takes the other side's order,
    /// then the keys only it has are inserted after the key that precedes them on their side. `nil` when both
    /// sides reordered the common keys differently.
    static func mergeOrder(base: [String], inForce: [String], draft: [String]) -> [String]? {
        let common = Set(base).intersection(inForce).intersection(draft)
        let project = { (keys: [String]) in keys.filter { common.contains($0) } }
        let (b, m, d) = (project(base), project(inForce), project(draft))
        let skeleton: [String]
        let other: [String]
        if d == b || d == m {
            (skeleton, other) = (inForce, draft)
        } else if m == b {
            (skeleton, other) = (draft, inForce)
        } else {
            return nil
        }
        // Keys deleted on either side since the base are not kept (the clause merge decides about them: a key
        // deleted on one side and changed on the other is a conflict there).
        let deleted = Set(base).subtracting(inForce).union(Set(base).subtracting(draft))
        var result = skeleton.filter { !deleted.contains($0) }
        var placed = Set(result)
        for (position, key) in other.enumerated() where !placed.contains(key) && !deleted.contains(key) {
            let before = other[..<position].last { placed.contains($0) }
            let at = before.flatMap { result.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
            result.insert(key, at: at)
            placed.insert(key)
        }
        return result
    }

    // MARK: Plain text of the parts, for conflicts

    static func text(ofClause clause: Clause) -> String {
        PlainTextRenderer().render(clause, indent: 0).joined(separator: "\n")
    }

    static func text(ofAnnex annex: Annex) -> String {
        annex.preface.map(\.plainText).joined(separator: "\n")
    }

    static func text(ofPreface items: [PrefaceItem]) -> String {
        items.flatMap { item -> [String] in
            switch item {
            case .longTitle(let blocks): return blocks.map(\.plainText)
            case .block(let block): return [block.plainText]
            }
        }.joined(separator: "\n")
    }

    static func text(ofPreamble items: [PreambleItem]) -> String {
        items.flatMap { item -> [String] in
            switch item {
            case .formula(_, let blocks): return blocks.map(\.plainText)
            case .citations(let citations): return citations.map { "\($0.eId) : " + $0.content.map(\.plainText).joined(separator: " ") }
            case .block(let block): return [block.plainText]
            }
        }.joined(separator: "\n")
    }
}
