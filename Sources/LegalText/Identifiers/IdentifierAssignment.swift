import Foundation

extension LegalDocument {
    /// Every wId of the document (annexes, clauses).
    public var allWIds: Set<String> {
        Set(allClauses.map(\.wId) + annexes.map(\.wId))
    }

    /// The document with `transform` applied to each list of root clauses: the visas (when there are
    /// any), the body, and each annex's clauses.
    public func mappingRootClauses(_ transform: ([Clause]) -> [Clause]) -> LegalDocument {
        var result = self
        let citations = transform(result.citations)
        if !citations.isEmpty { result.setCitations(citations) }
        result.body = transform(result.body)
        for index in result.annexes.indices { result.annexes[index].clauses = transform(result.annexes[index].clauses) }
        return result
    }

    /// Replaces the visas of the preamble (the first `citations` item), or adds them before the enacting formula.
    public mutating func setCitations(_ clauses: [Clause]) {
        var replaced = false
        preamble = preamble.map { item in
            if case .citations = item, !replaced { replaced = true; return .citations(clauses) }
            return item
        }
        if !replaced {
            let position = preamble.firstIndex { if case .formula(let name, _) = $0 { return name == "enactingFormula" }; return false }
            preamble.insert(.citations(clauses), at: position ?? preamble.count)
        }
    }
}

/// Computes identifiers as docs/FORMAT.md states them: eIds from the hierarchy, the number or the
/// position; a new clause's wId is its eId, or its eId followed by `-` and the revision's year when
/// that wId is already taken.
public enum IdentifierAssignment {
    /// The document with every clause's eId recomputed (wIds untouched).
    public static func assignEIds(_ document: LegalDocument) -> LegalDocument {
        var result = document
        var citations = result.citations
        for index in citations.indices { citations[index] = renamed(citations[index], eId: "cit_\(index + 1)") }
        if !citations.isEmpty { result.setCitations(citations) }
        result.body = assign(result.body, parent: nil)
        for index in result.annexes.indices {
            result.annexes[index].clauses = assign(result.annexes[index].clauses, parent: result.annexes[index].eId)
        }
        return result
    }

    /// eIds of a list of sibling clauses under a parent eId (nil: the body).
    public static func assign(_ clauses: [Clause], parent: String?) -> [Clause] {
        var positions: [ClauseKind: Int] = [:]
        return clauses.map { clause in
            positions[clause.kind, default: 0] += 1
            var component = String(positions[clause.kind] ?? 1)
            if clause.kind.isNumberedByItsNum, let num = clause.num, let fromNum = ClauseNumbering.component(of: num, kind: clause.kind) {
                component = fromNum
            }
            let own = clause.kind.eIdPrefix + "_" + component
            let eId = clause.kind == .article ? own : (parent.map { $0 + "__" + own } ?? own)
            var copy = clause
            copy.eId = eId
            copy.children = assign(clause.children, parent: eId)
            return copy
        }
    }

    private static func renamed(_ clause: Clause, eId: String) -> Clause {
        var copy = clause
        copy.eId = eId
        return copy
    }

    /// Gives every clause whose wId is empty (a new clause) its wId, in document order: its eId, or
    /// `<eId>-<year>` when taken by a clause of `previous` or of the document.
    public static func assignNewWIds(_ document: LegalDocument, previous: Set<String>, year: Int) -> LegalDocument {
        var taken = previous.union(document.allWIds.filter { !$0.isEmpty })
        func visit(_ clauses: [Clause]) -> [Clause] {
            clauses.map { clause in
                var copy = clause
                if copy.wId.isEmpty {
                    var candidate = copy.eId
                    if taken.contains(candidate) { candidate = copy.eId + "-\(year)" }
                    var suffix = 2
                    while taken.contains(candidate) {
                        candidate = copy.eId + "-\(year)-\(suffix)"
                        suffix += 1
                    }
                    copy.wId = candidate
                    taken.insert(candidate)
                }
                copy.children = visit(copy.children)
                return copy
            }
        }
        return document.mappingRootClauses(visit)
    }
}
