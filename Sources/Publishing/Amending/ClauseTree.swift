import LegalText

/// Where a list of clauses lives in a document: the visas, the body, or the main body of an annex.
enum ClauseRoot: Hashable, Sendable {
    case citations
    case body
    case annex(Int)
}

/// The place of one clause: its root, then the index at each level down.
struct ClausePath: Hashable, Sendable {
    var root: ClauseRoot
    var indices: [Int]

    var parent: ClausePath? {
        indices.count > 1 ? ClausePath(root: root, indices: Array(indices.dropLast())) : nil
    }

    func child(_ index: Int) -> ClausePath { ClausePath(root: root, indices: indices + [index]) }
}

/// Reading and writing clauses of a document by path.
extension LegalDocument {
    func roots(_ root: ClauseRoot) -> [Clause] {
        switch root {
        case .citations: return citations
        case .body: return body
        case .annex(let index): return annexes[index].clauses
        }
    }

    mutating func setRoots(_ root: ClauseRoot, _ clauses: [Clause]) {
        switch root {
        case .citations:
            var replaced = false
            preamble = preamble.map { item in
                if case .citations = item, !replaced { replaced = true; return .citations(clauses) }
                return item
            }
            if !replaced {
                // Visas go before the enacting formula.
                let position = preamble.firstIndex { if case .formula(let name, _) = $0 { return name == "enactingFormula" }; return false }
                preamble.insert(.citations(clauses), at: position ?? preamble.count)
            }
        case .body: body = clauses
        case .annex(let index): annexes[index].clauses = clauses
        }
    }

    func clause(at path: ClausePath) -> Clause? {
        var list = roots(path.root)
        var current: Clause?
        for index in path.indices {
            guard index >= 0, index < list.count else { return nil }
            current = list[index]
            list = list[index].children
        }
        return current
    }

    /// The children of the clause at `path`, or the root list when `path` has no index.
    func children(at path: ClausePath) -> [Clause] {
        path.indices.isEmpty ? roots(path.root) : (clause(at: path)?.children ?? [])
    }

    /// Replaces the children list at `path` (the root list when `path` has no index).
    mutating func setChildren(at path: ClausePath, _ children: [Clause]) {
        if path.indices.isEmpty {
            setRoots(path.root, children)
            return
        }
        var list = roots(path.root)
        Self.update(&list, indices: path.indices[...]) { $0.children = children }
        setRoots(path.root, list)
    }

    mutating func updateClause(at path: ClausePath, _ change: (inout Clause) -> Void) {
        var list = roots(path.root)
        Self.update(&list, indices: path.indices[...], change)
        setRoots(path.root, list)
    }

    private static func update(_ list: inout [Clause], indices: ArraySlice<Int>, _ change: (inout Clause) -> Void) {
        guard let first = indices.first, first < list.count else { return }
        if indices.count == 1 {
            change(&list[first])
        } else {
            update(&list[first].children, indices: indices.dropFirst(), change)
        }
    }

    /// Every wId of the document (annexes, clauses).
    package var allWIds: Set<String> {
        Set(allClauses.map(\.wId) + annexes.map(\.wId))
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
        if !citations.isEmpty { result.setRoots(.citations, citations) }
        result.body = assign(result.body, parent: nil)
        for index in result.annexes.indices {
            result.annexes[index].clauses = assign(result.annexes[index].clauses, parent: result.annexes[index].eId)
        }
        return result
    }

    /// eIds of a list of sibling clauses under a parent eId (nil: the body).
    static func assign(_ clauses: [Clause], parent: String?) -> [Clause] {
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
        var result = document
        let citations = visit(result.citations)
        if !citations.isEmpty { result.setRoots(.citations, citations) }
        result.body = visit(result.body)
        for index in result.annexes.indices { result.annexes[index].clauses = visit(result.annexes[index].clauses) }
        return result
    }
}
