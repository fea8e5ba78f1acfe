import LegalText

/// Works out the amending order that turns one version into another. It walks both texts in step
/// (clauses paired by wId), writes each change with the finest formula it can (words, alinéa,
/// article, annex section), and checks every formula by reading it back with the
/// ``AmendingOrderParser`` and applying it with the ``AmendingOrderApplier``: a formula that does
/// not give the expected text is replaced by a coarser one (the whole alinéa, then the whole article
/// or section).
public struct AmendingOrderGenerator: Sendable {
    public init() {}

    public func order(from old: LegalDocument, to new: LegalDocument, date: LegalDate? = nil) -> AmendingOrder {
        let orderDate = date ?? new.date(of: .draft) ?? new.date(of: .signature) ?? LegalDate(year: 2026, month: 1, day: 1) ?? new.identification.work.date.date
        var session = Session(current: old, target: new, previousWIds: old.allWIds, year: orderDate.year)
        session.run()
        let consolidated = IdentifierAssignment.assignNewWIds(session.current, previous: old.allWIds, year: orderDate.year)
        let exact = AmendingOrder.normativeText(consolidated, like: new) == AmendingOrder.normativeText(new, like: new)
        return AmendingOrder(amended: old, date: orderDate, operations: session.operations, roundTripExact: exact)
    }

    struct Session {
        var current: LegalDocument
        let target: LegalDocument
        let previousWIds: Set<String>
        let year: Int
        var operations: [AmendingOperation] = []
        static let act = "l'arrêté susvisé"

        mutating func run() {
            _ = sync(ClausePath(root: .citations, indices: []), container: Designation([]), target.citations)
            _ = sync(ClausePath(root: .body, indices: []), container: Designation([]), target.body)
            for (index, annex) in current.annexes.enumerated() {
                guard let goal = target.annexes.first(where: { $0.wId == annex.wId }), let label = Designation.annexLabel(annex) else { continue }
                let designation = Designation([.annex(label)])
                if annex.preface != goal.preface, let title = goal.preface.first(where: { $0.className == "title" }) {
                    _ = emit(.replaceHeading(target: designation, heading: title.inlines))
                }
                _ = sync(ClausePath(root: .annex(index), indices: []), container: designation, goal.clauses)
            }
        }

        /// The clause with wIds of new clauses blanked, as the applier leaves them until the end.
        func normalized(_ clause: Clause) -> Clause {
            var copy = clause
            if !previousWIds.contains(copy.wId) { copy.wId = "" }
            copy.children = copy.children.map(normalized)
            return copy
        }

        /// Writes the operation, reads it back, applies what was read; false (and nothing changed) if
        /// any step fails.
        mutating func emit(_ operation: AmendingOperation) -> Bool {
            guard let written = FormulaWriter.write(operation, context: nil, act: Self.act) else { return false }
            let blocks = FormulaWriter.blocks(written, number: nil, last: true)
            do {
                let parsed = try AmendingOrderParser.operation(blocks, context: nil)
                current = try AmendingOrderApplier().apply(parsed, to: current)
                operations.append(parsed)
                return true
            } catch {
                return false
            }
        }

        /// The nearest designatable clause at or above `path` (a list is designated by its alinéa).
        func designatable(_ path: ClausePath, root: Designation) -> Designation? {
            var candidate: ClausePath? = path
            while let p = candidate {
                if let designation = Designation.of(p, in: current) { return designation }
                candidate = p.parent
            }
            return root
        }

        func label(_ clause: Clause) -> String? {
            switch clause.kind {
            case .article: return Designation.articleLabel(clause)
            case .point: return clause.num
            case .section, .subsection: return clause.num.flatMap { ClauseNumbering.component(of: $0, kind: clause.kind) }
            default: return nil
            }
        }

        /// Brings the children at `path` in line with `goal`. False when it cannot (clauses reordered).
        mutating func sync(_ path: ClausePath, container: Designation?, _ goal: [Clause]) -> Bool {
            var children = current.children(at: path)
            let goalIds = goal.map(\.wId)
            let matched = Set(children.map(\.wId)).intersection(goalIds)
            guard children.map(\.wId).filter(matched.contains) == goalIds.filter(matched.contains) else { return false }
            // Deletions.
            for clause in children where !matched.contains(clause.wId) {
                guard let index = current.children(at: path).firstIndex(where: { $0.wId == clause.wId }),
                      let designation = Designation.of(path.child(index), in: current),
                      emit(.delete(target: designation)) else { return false }
            }
            // Renumbering, all at once per kind.
            children = current.children(at: path)
            var renumbering: [ClauseKind: ([String], [String])] = [:]
            for clause in children {
                guard let partner = goal.first(where: { $0.wId == clause.wId }), partner.num != clause.num else { continue }
                guard let from = label(clause), let to = label(partner) else { return false }
                renumbering[clause.kind, default: ([], [])].0.append(from)
                renumbering[clause.kind, default: ([], [])].1.append(to)
            }
            for (kind, (from, to)) in renumbering.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                guard let container, emit(.renumber(container: container, kind: kind, from: from, to: to)) else { return false }
            }
            // In the order of the new text: changes inside the clauses that stay, and each run of new
            // clauses after its previous sibling.
            var index = 0
            while index < goal.count {
                if matched.contains(goal[index].wId) {
                    guard let childIndex = current.children(at: path).firstIndex(where: { $0.wId == goal[index].wId }) else { return false }
                    syncClause(path.child(childIndex), goal[index])
                    index += 1
                    continue
                }
                var run: [Clause] = []
                let start = index
                while index < goal.count, !matched.contains(goal[index].wId) { run.append(goal[index]); index += 1 }
                let now = current.children(at: path)
                let operation: AmendingOperation
                if start > 0, let previous = now.firstIndex(where: { $0.wId == goal[start - 1].wId }) {
                    guard let designation = Designation.of(path.child(previous), in: current) else { return false }
                    operation = .insertAfter(target: designation, clauses: run)
                } else if let first = now.indices.first {
                    guard let designation = Designation.of(path.child(first), in: current) else { return false }
                    operation = .insertBefore(target: designation, clauses: run)
                } else {
                    guard let container else { return false }
                    operation = .append(container: container, clauses: run)
                }
                guard emit(operation) else { return false }
            }
            return true
        }

        /// Brings one clause in line with `goal`, with the finest formulas that work, else by replacing it.
        mutating func syncClause(_ path: ClausePath, _ goal: Clause) {
            guard let clause = current.clause(at: path), normalized(clause) != normalized(goal) else { return }
            let snapshot = (current, operations)
            if fine(path, clause, goal), let now = current.clause(at: path), normalized(now) == normalized(goal) { return }
            (current, operations) = snapshot
            if let designation = Designation.of(path, in: current), emit(.replaceClause(target: designation, with: [goal])),
               let now = current.clause(at: path), normalized(now) == normalized(goal) { return }
            (current, operations) = snapshot
            // Left as it is: the order will not round-trip exactly (reported by `roundTripExact`).
        }

        mutating func fine(_ path: ClausePath, _ clause: Clause, _ goal: Clause) -> Bool {
            guard clause.kind == goal.kind, clause.attributes == goal.attributes, clause.num == goal.num,
                  clause.intro == goal.intro, clause.wrapUp == goal.wrapUp else { return false }
            let designation = Designation.of(path, in: current)
            if clause.heading != goal.heading {
                guard let designation, let heading = goal.heading, emit(.replaceHeading(target: designation, heading: heading)) else { return false }
            }
            if clause.children.isEmpty && goal.children.isEmpty {
                guard clause.content != goal.content else { return true }
                guard let designation else { return false }
                return words(path, designation, goal.content)
            }
            guard clause.content == goal.content else { return false }
            return sync(path, container: designatable(path, root: Designation([])), goal.children)
        }

        /// Word-level formulas for a leaf whose blocks changed in wording only.
        mutating func words(_ path: ClausePath, _ designation: Designation, _ goal: [Block]) -> Bool {
            guard let start = current.clause(at: path), start.content.count == goal.count,
                  zip(start.content, goal).allSatisfy({ $0.attributes == $1.attributes }) else { return false }
            for index in goal.indices {
                guard let clause = current.clause(at: path) else { return false }
                let old = InlineAtoms.atoms(clause.content[index].inlines)
                let new = InlineAtoms.atoms(goal[index].inlines)
                guard old != new else { continue }
                let all = clause.content.map { InlineAtoms.atoms($0.inlines) }
                guard let operation = wordOperation(designation, old, new, all: all), emit(operation) else { return false }
            }
            return true
        }

        /// The smallest word formula turning `old` into `new`, its quoted words unique in the clause.
        func wordOperation(_ designation: Designation, _ old: [Atom], _ new: [Atom], all: [[Atom]]) -> AmendingOperation? {
            var prefix = 0
            while prefix < min(old.count, new.count), old[prefix] == new[prefix] { prefix += 1 }
            var suffix = 0
            while suffix < min(old.count, new.count) - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
            var start = prefix
            while start > 0, !old[start - 1].isSpace { start -= 1 }
            var endOld = old.count - suffix, endNew = new.count - suffix
            while endOld < old.count, endNew < new.count, !old[endOld].isSpace { endOld += 1; endNew += 1 }
            func unique(_ atoms: ArraySlice<Atom>) -> Bool {
                all.reduce(0) { $0 + InlineAtoms.occurrences(of: Array(atoms), in: $1).count } == 1
            }
            // Too much changed: the whole alinéa reads better.
            if endOld - start > max(60, old.count * 6 / 10) { return nil }
            for _ in 0..<12 {
                // Spaces both sides share at the end are not part of the change; a deletion takes its
                // space along (the applier removes one space next to deleted words).
                var (xEnd, yEnd) = (endOld, endNew)
                while xEnd > start, yEnd > start, old[xEnd - 1].isSpace, new[yEnd - 1].isSpace { xEnd -= 1; yEnd -= 1 }
                if yEnd == start, xEnd > start, old[xEnd - 1].isSpace { xEnd -= 1 }
                let x = old[start..<xEnd], y = new[start..<yEnd]
                let trimmedX = x.first?.isSpace == false && x.last?.isSpace == false
                let trimmedY = y.isEmpty || (y.first?.isSpace == false && y.last?.isSpace == false)
                if !x.isEmpty, trimmedX, trimmedY, unique(x) {
                    if y.isEmpty { return .deleteWords(target: designation, old: InlineAtoms.inlines(x)) }
                    return .replaceWords(target: designation, old: InlineAtoms.inlines(x), new: InlineAtoms.inlines(y))
                }
                if x.isEmpty, start > 0, old[start - 1].isSpace, !y.isEmpty, y.last?.isSpace == true, y.first?.isSpace == false {
                    // Pure insertion before the word at `start`: after the previous word.
                    var wordStart = start - 1
                    while wordStart > 0, !old[wordStart - 1].isSpace { wordStart -= 1 }
                    let after = old[wordStart..<(start - 1)]
                    if !after.isEmpty, unique(after) {
                        return .insertWords(target: designation, after: InlineAtoms.inlines(after), new: InlineAtoms.inlines(y.dropLast()))
                    }
                }
                // Widen by one word on the left, else on the right.
                if start > 0 {
                    start -= 1
                    while start > 0, !old[start - 1].isSpace { start -= 1 }
                } else if endOld < old.count {
                    endOld += 1; endNew += 1
                    while endOld < old.count, endNew < new.count, !old[endOld].isSpace { endOld += 1; endNew += 1 }
                } else {
                    return nil
                }
            }
            return nil
        }
    }
}
