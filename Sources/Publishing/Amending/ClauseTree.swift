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
        case .citations: setCitations(clauses)
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
}
