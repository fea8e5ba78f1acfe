import Foundation
import LegalText

/// Works out the amending order that turns one version into another. It walks both texts in step
/// (clauses paired by wId), in the order of the text, writes each change with the finest formula it
/// can (words, alinéa, article, annex section), and checks every formula by reading it back with the
/// ``AmendingOrderParser`` and applying it with the ``AmendingOrderApplier``: a formula that does
/// not give the expected text is replaced by a coarser one (the clauses that changed places rewritten
/// together, « … sont ainsi rédigés », then the whole alinéa, article or section).
///
/// Every normative difference (``NormativeContent``: title, articles, annex titles and clauses)
/// is either expressed or listed in ``AmendingOrder/unexpressed`` with the reason: an order is never
/// silently incomplete. Editorial notes are never amended nor quoted.
public struct AmendingOrderGenerator: Sendable {
    public init() {}

    /// The order from `old` to `new`.
    /// - Parameter date: the order's date (its year goes into new wIds). By default the draft date of
    ///   `new`, else its signature date when later than `old`'s, else `today`.
    public func order(from old: LegalDocument, to new: LegalDocument, date: LegalDate? = nil, today: LegalDate? = nil) -> AmendingOrder {
        let orderDate = date ?? Self.date(from: old, to: new, today: today ?? LegalDate.today(in: .paris))
        var session = Session(current: old, target: new, previousWIds: old.allWIds)
        session.run()
        let consolidated = IdentifierAssignment.assignNewWIds(session.current, previous: old.allWIds, year: orderDate.year)
        let reached = NormativeContent(consolidated), wanted = NormativeContent(new)
        var unexpressed: [UnexpressedChange] = []
        if reached != wanted {
            for place in reached.differences(from: wanted) {
                let reason = session.problems.last { Self.related($0.place, place) }?.reason ?? UnexpressedChange.Reason.generic
                unexpressed.append(UnexpressedChange(place: place, reason: reason))
            }
            if unexpressed.isEmpty { unexpressed.append(UnexpressedChange(place: "Texte", reason: UnexpressedChange.Reason.generic)) }
        }
        // The amended version's new visas are the order's own (a text's visas are never amended).
        let oldVisas = Set(old.citations.compactMap { NormativeContent.clause($0)?.content })
        var visas = new.citations.compactMap(NormativeContent.quotable).filter { visa in
            NormativeContent.clause(visa).map { !oldVisas.contains($0.content) } ?? false
        }
        // The references B's articles and annexes newly cite go into the order's visas too.
        visas += ReferenceVisas.visas(old: old, new: new, ownVisas: visas)
        return AmendingOrder(amended: old, date: orderDate, operations: session.operations, roundTripExact: reached == wanted,
                             unexpressed: unexpressed, visas: visas)
    }

    /// Whether one place contains the other ("Article 2" and "Article 2, alinéa 1").
    static func related(_ a: String, _ b: String) -> Bool {
        a == b || a.hasPrefix(b + ",") || b.hasPrefix(a + ",")
    }

    /// The draft's date; else its signature when later than the amended version's (a draft made by
    /// `draft start` may still carry the adopted version's dates); else today.
    static func date(from old: LegalDocument, to new: LegalDocument, today: LegalDate) -> LegalDate {
        if let draft = new.date(of: .draft) { return draft }
        if let signed = new.date(of: .signature), signed > (old.date(of: .signature) ?? signed) { return signed }
        return today
    }

    struct Session {
        var current: LegalDocument
        let target: LegalDocument
        let previousWIds: Set<String>
        var operations: [AmendingOperation] = []
        /// Why formulas failed, by place; reported for the places that still differ at the end.
        var problems: [UnexpressedChange] = []
        /// When true, a change that cannot be written is recorded and skipped, so that the rest is written.
        var bestEffort = false
        static let act = "l'arrêté susvisé"

        mutating func run() {
            // Text order: the title, the articles, then each annex. The visas are never amended (Guide de
            // légistique, 3.1.5): the new ones go into the order's own visas (``AmendingOrder``).
            let title = NormativeContent.blocks(current.preface.longTitleBlocks), goalTitle = NormativeContent.blocks(target.preface.longTitleBlocks)
            if title != goalTitle {
                if goalTitle.count == 1, let block = goalTitle.first, emit(.replaceTitle(title: block.inlines)) {
                } else {
                    problem("Intitulé de l'arrêté", goalTitle.count == 1 ? UnexpressedChange.Reason.formula : UnexpressedChange.Reason.title)
                }
            }
            syncRoot(ClausePath(root: .body, indices: []), container: Designation([]), target.body, place: "Dispositif")
            // Annexes in their order: each kept one amended, each removed one repealed where it stood
            // (looked up by wId, as a repeal shifts the others).
            for wId in current.annexes.map(\.wId) {
                guard let index = current.annexes.firstIndex(where: { $0.wId == wId }) else { continue }
                let annex = current.annexes[index]
                let name = annex.number ?? "Annexe \(index + 1)"
                guard let label = Designation.annexLabel(annex) else {
                    problem(name, UnexpressedChange.Reason.annex)
                    continue
                }
                let designation = Designation([.annex(label)])
                guard let goal = target.annexes.first(where: { $0.wId == wId }) else {
                    if !emit(.delete(target: designation)) { problem(name, UnexpressedChange.Reason.annex) }
                    continue
                }
                guard goal.number == annex.number else {
                    problem(name, UnexpressedChange.Reason.annex)
                    continue
                }
                let titleNow = NormativeContent.blocks(annex.preface.filter { $0.className == "title" })
                let titleGoal = NormativeContent.blocks(goal.preface.filter { $0.className == "title" })
                if titleNow != titleGoal {
                    if let title = goal.preface.first(where: { $0.className == "title" && !$0.isEditorialNote }), titleGoal.count == 1,
                       emit(.replaceHeading(target: designation, heading: title.inlines)) {
                    } else {
                        problem(name + ", intitulé", UnexpressedChange.Reason.formula)
                    }
                }
                syncRoot(ClausePath(root: .annex(index), indices: []), container: designation, goal.clauses, place: name)
            }
            // New annexes, after the last one kept: « Il est ajouté une annexe III ainsi rédigée : ».
            let kept = target.annexes.indices.filter { index in current.annexes.contains { $0.wId == target.annexes[index].wId } }
            for (index, annex) in target.annexes.enumerated() where !current.annexes.contains(where: { $0.wId == annex.wId }) {
                let name = annex.number ?? annex.eId
                let number = annex.preface.first { $0.className == "num" }
                let title = annex.preface.first { $0.className == "title" && !$0.isEditorialNote }
                guard index > (kept.last ?? -1), let number,
                      emit(.appendAnnex(number: number.inlines, title: title?.inlines, clauses: annex.clauses.compactMap(NormativeContent.quotable))) else {
                    problem(name, QuotedStructure.lines(annex.clauses.compactMap(NormativeContent.quotable)) == nil
                            ? UnexpressedChange.Reason.structure : UnexpressedChange.Reason.annex)
                    continue
                }
            }
        }

        mutating func problem(_ place: String, _ reason: String) {
            problems.append(UnexpressedChange(place: place, reason: reason))
        }

        mutating func problem(_ path: ClausePath, _ reason: String) {
            let designation = Designation.of(path, in: current) ?? designatable(path.parent ?? path, root: Designation([]))
            problem(designation.map(Self.place) ?? "Texte", reason)
        }

        /// "Article 2, alinéa 1, 4°", "Annexe I, section A", as ``NormativeContent/differences(from:)`` names places.
        static func place(_ designation: Designation) -> String {
            designation.steps.map { step in
                switch step {
                case .annex(let label): return "Annexe \(label)"
                case .article(let label): return "Article \(label)"
                default: return step.label
                }
            }.joined(separator: ", ")
        }

        /// A list of clauses at the top of the text (visas, body, annex): strictly, else as far as it goes.
        mutating func syncRoot(_ path: ClausePath, container: Designation, _ goal: [Clause], place: String) {
            if sync(path, container: container, goal) { return }
            bestEffort = true
            defer { bestEffort = false }
            if !syncById(path, container: container, goal) { problem(place, UnexpressedChange.Reason.formula) }
        }

        /// The normative form of a list of clauses (what must match).
        func normative(_ clauses: [Clause]) -> [Clause] { clauses.compactMap(NormativeContent.clause) }

        /// Writes the operation, reads it back, applies what was read; false (and nothing changed) if
        /// any step fails.
        mutating func emit(_ operation: AmendingOperation) -> Bool {
            guard let written = FormulaWriter.write(operation, context: nil, act: Self.act) else { return false }
            let blocks = FormulaWriter.blocks(written, label: nil, last: true)
            do {
                let parsed = try AmendingOrderParser.operation(blocks, context: nil)
                current = try AmendingOrderApplier().apply(parsed, to: current)
                operations.append(operation)
                return true
            } catch {
                return false
            }
        }

        /// The reason an operation on `clauses` failed: their structure, or the formula.
        func reason(quoting clauses: [Clause]) -> String {
            QuotedStructure.lines(clauses) == nil ? UnexpressedChange.Reason.structure : UnexpressedChange.Reason.formula
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

        /// Brings the children at `path` in line with `goal`: clause by clause (paired by wId), else by
        /// rewriting the clauses that differ together. False, with nothing changed, when neither works.
        mutating func sync(_ path: ClausePath, container: Designation?, _ goal: [Clause]) -> Bool {
            let snapshot = (current, operations)
            if syncById(path, container: container, goal), normative(current.children(at: path)) == normative(goal) { return true }
            (current, operations) = snapshot
            if syncByWindow(path, container: container, goal), normative(current.children(at: path)) == normative(goal) { return true }
            (current, operations) = snapshot
            return false
        }

        /// Clause by clause, in the order of the text: each clause removed, renumbered, changed or added
        /// where it stands. Clauses removed whose number another clause takes are removed before the
        /// renumbering (« L'article 3 est abrogé. L'article 4 devient l'article 3. »).
        mutating func syncById(_ path: ClausePath, container: Designation?, _ fullGoal: [Clause]) -> Bool {
            let children = current.children(at: path)
            let currentIds = Set(children.map(\.wId))
            // A new clause holding editorial notes only is not amended in; an old one is left in place.
            let goal = fullGoal.filter { currentIds.contains($0.wId) || !NormativeContent.isEditorialOnly($0) }
            let goalIds = goal.map(\.wId)
            let matched = currentIds.intersection(goalIds)
            guard children.map(\.wId).filter(matched.contains) == goalIds.filter(matched.contains) else {
                // Clauses that changed places: rewritten together, if that can be written.
                guard bestEffort else { return false }
                let snapshot = (current, operations)
                if syncByWindow(path, container: container, fullGoal), normative(current.children(at: path)) == normative(fullGoal) { return true }
                (current, operations) = snapshot
                piecewise(path, container: container, fullGoal)
                return true
            }
            let deleted = children.filter { !matched.contains($0.wId) && !NormativeContent.isEditorialOnly($0) }.map(\.wId)

            // Renumbering, all at once per kind, emitted before the first clause added or renumbered.
            var renumbering: [ClauseKind: ([String], [String])] = [:]
            var renumbered: Set<String> = []
            for clause in children {
                guard let partner = goal.first(where: { $0.wId == clause.wId }), partner.num != clause.num else { continue }
                guard let from = label(clause), let to = label(partner) else {
                    if bestEffort { problem(path.child(children.firstIndex(of: clause) ?? 0), UnexpressedChange.Reason.designation); continue }
                    return false
                }
                renumbering[clause.kind, default: ([], [])].0.append(from)
                renumbering[clause.kind, default: ([], [])].1.append(to)
                renumbered.insert(clause.wId)
            }
            let newLabels = Set(renumbering.values.flatMap(\.1) + goal.filter { !matched.contains($0.wId) }.compactMap(label))
            let hoisted = Set(children.filter { deleted.contains($0.wId) && label($0).map(newLabels.contains) == true }.map(\.wId))
            var deletedAlready: Set<String> = []
            var renumberDone = renumbering.isEmpty

            func delete(_ wId: String) -> Bool {
                guard !deletedAlready.contains(wId) else { return true }
                deletedAlready.insert(wId)
                guard let index = current.children(at: path).firstIndex(where: { $0.wId == wId }) else { return false }
                guard let designation = Designation.of(path.child(index), in: current) else {
                    if bestEffort { problem(path.child(index), UnexpressedChange.Reason.designation); return true }
                    return false
                }
                if emit(.delete(target: designation)) { return true }
                if bestEffort { problem(path.child(index), UnexpressedChange.Reason.formula); return true }
                return false
            }
            func renumber() -> Bool {
                guard !renumberDone else { return true }
                renumberDone = true
                for wId in children.map(\.wId) where hoisted.contains(wId) { guard delete(wId) else { return false } }
                for (kind, (from, to)) in renumbering.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    guard let container, emit(.renumber(container: container, kind: kind, from: from, to: to)) else {
                        if bestEffort { problem(container.map(Self.place).flatMap { $0.isEmpty ? nil : $0 } ?? "Dispositif", UnexpressedChange.Reason.formula); continue }
                        return false
                    }
                }
                return true
            }

            var i = 0, j = 0
            while i < children.count || j < goal.count {
                if i < children.count, !matched.contains(children[i].wId) {
                    if deleted.contains(children[i].wId) { guard delete(children[i].wId) else { return false } }
                    i += 1
                    continue
                }
                if j < goal.count, !matched.contains(goal[j].wId) {
                    guard renumber() else { return false }
                    let start = j
                    var run: [Clause] = []
                    while j < goal.count, !matched.contains(goal[j].wId) {
                        if let clause = NormativeContent.quotable(goal[j]) { run.append(clause) }
                        j += 1
                    }
                    guard !run.isEmpty else { continue }
                    let now = current.children(at: path)
                    let operation: AmendingOperation
                    var anchor: Int?
                    if start > 0, let previous = now.firstIndex(where: { $0.wId == goal[start - 1].wId }) {
                        anchor = previous
                        guard let designation = Designation.of(path.child(previous), in: current) else {
                            if bestEffort { problem(path.child(previous), UnexpressedChange.Reason.designation); continue }
                            return false
                        }
                        operation = .insertAfter(target: designation, clauses: run)
                    } else if start == 0, let first = now.indices.first {
                        anchor = first
                        guard let designation = Designation.of(path.child(first), in: current) else {
                            if bestEffort { problem(path.child(first), UnexpressedChange.Reason.designation); continue }
                            return false
                        }
                        operation = .insertBefore(target: designation, clauses: run)
                    } else {
                        guard let container else { return false }
                        operation = .append(container: container, clauses: run)
                    }
                    if !emit(operation) {
                        if bestEffort {
                            let place = anchor.map { path.child($0) } ?? path
                            problem(place.indices.isEmpty ? "Texte" : (designatable(place, root: Designation([])).map(Self.place) ?? "Texte"),
                                    reason(quoting: run))
                            continue
                        }
                        return false
                    }
                    continue
                }
                guard i < children.count, j < goal.count else { return false }
                if renumbered.contains(children[i].wId) { guard renumber() else { return false } }
                guard let index = current.children(at: path).firstIndex(where: { $0.wId == goal[j].wId }) else { return false }
                syncClause(path.child(index), goal[j])
                i += 1
                j += 1
            }
            return renumber()
        }

        /// As far as it goes, position by position: each clause that differs rewritten on its own, so that
        /// only the ones that cannot be written are reported (with their reason), the others written.
        mutating func piecewise(_ path: ClausePath, container: Designation?, _ goal: [Clause]) {
            let wanted = goal.compactMap(NormativeContent.quotable)
            var position = 0
            while position < wanted.count {
                let now = current.children(at: path)
                let real = now.indices.filter { !NormativeContent.isEditorialOnly(now[$0]) }
                defer { position += 1 }
                guard position < real.count else {
                    // Clauses beyond the old ones: added after the last.
                    let rest = Array(wanted[position...])
                    guard let last = real.last, let target = Designation.of(path.child(last), in: current),
                          emit(.insertAfter(target: target, clauses: rest)) else {
                        problem(container.map(Self.place).flatMap { $0.isEmpty ? nil : $0 } ?? "Dispositif", reason(quoting: rest))
                        return
                    }
                    return
                }
                let index = real[position]
                guard NormativeContent.clause(now[index]) != NormativeContent.clause(wanted[position]) else { continue }
                let snapshot = (current, operations)
                if let target = Designation.of(path.child(index), in: current), emit(.replaceClause(target: target, with: [wanted[position]])),
                   NormativeContent.clause(current.children(at: path)[index]) == NormativeContent.clause(wanted[position]) {
                    continue
                }
                (current, operations) = snapshot
                problem(path.child(index), Designation.of(path.child(index), in: current) == nil
                        ? UnexpressedChange.Reason.designation : reason(quoting: [wanted[position]]))
            }
            // Old clauses beyond the new ones: removed, last first.
            let now = current.children(at: path)
            let real = now.indices.filter { !NormativeContent.isEditorialOnly(now[$0]) }
            for index in real.dropFirst(wanted.count).reversed() {
                guard let target = Designation.of(path.child(index), in: current), emit(.delete(target: target)) else {
                    problem(path.child(index), UnexpressedChange.Reason.designation)
                    continue
                }
            }
        }

        /// The clauses between the longest common start and end, rewritten together: « Le deuxième
        /// alinéa … est remplacé par … », « Les deuxième et troisième alinéas … sont ainsi rédigés : ».
        mutating func syncByWindow(_ path: ClausePath, container: Designation?, _ goal: [Clause]) -> Bool {
            let now = current.children(at: path)
            let real = now.indices.filter { !NormativeContent.isEditorialOnly(now[$0]) }
            let a = real.map { NormativeContent.clause(now[$0]) }
            let wanted = goal.compactMap(NormativeContent.quotable)
            let b = wanted.map(NormativeContent.clause)
            var prefix = 0
            while prefix < min(a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
            var suffix = 0
            while suffix < min(a.count, b.count) - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
            let oldWindow = Array(real[prefix..<(real.count - suffix)])
            let newWindow = Array(wanted[prefix..<(wanted.count - suffix)])
            if oldWindow.isEmpty && newWindow.isEmpty { return true }
            func designation(_ index: Int) -> Designation? { Designation.of(path.child(index), in: current) }
            if oldWindow.isEmpty {
                if prefix > 0, let target = designation(real[prefix - 1]) { return emit(.insertAfter(target: target, clauses: newWindow)) }
                if prefix < real.count, let target = designation(real[prefix]) { return emit(.insertBefore(target: target, clauses: newWindow)) }
                guard let container else { return false }
                return emit(.append(container: container, clauses: newWindow))
            }
            if newWindow.isEmpty {
                for index in oldWindow.reversed() {
                    guard let target = designation(index), emit(.delete(target: target)) else { return false }
                }
                return true
            }
            guard let firstIndex = oldWindow.first, let lastIndex = oldWindow.last, let first = designation(firstIndex) else { return false }
            if oldWindow.count == 1 { return emit(.replaceClause(target: first, with: newWindow)) }
            guard let last = designation(lastIndex), now[firstIndex...lastIndex].allSatisfy({ $0.kind == now[firstIndex].kind }) else { return false }
            return emit(.replaceRange(first: first, last: last, count: lastIndex - firstIndex + 1, with: newWindow))
        }

        /// Brings one clause in line with `goal`, with the finest formulas that work, else by replacing it.
        mutating func syncClause(_ path: ClausePath, _ goal: Clause) {
            guard let clause = current.clause(at: path), NormativeContent.clause(clause) != NormativeContent.clause(goal) else { return }
            let snapshot = (current, operations)
            let wasBestEffort = bestEffort
            bestEffort = false
            defer { bestEffort = wasBestEffort }
            if fine(path, clause, goal), let now = current.clause(at: path), NormativeContent.clause(now) == NormativeContent.clause(goal) { return }
            (current, operations) = snapshot
            let replacement = NormativeContent.quotable(goal).map { [$0] } ?? []
            if let designation = Designation.of(path, in: current), !replacement.isEmpty, emit(.replaceClause(target: designation, with: replacement)),
               let now = current.clause(at: path), NormativeContent.clause(now) == NormativeContent.clause(goal) { return }
            (current, operations) = snapshot
            guard wasBestEffort else { return }
            // As far as it goes: the parts that can be written are, the others are reported.
            bestEffort = true
            let before = problems.count
            _ = fine(path, clause, goal)
            if problems.count == before {
                problem(path, Designation.of(path, in: current) == nil ? UnexpressedChange.Reason.designation : reason(quoting: replacement))
            }
        }

        mutating func fine(_ path: ClausePath, _ clause: Clause, _ goal: Clause) -> Bool {
            let blocks = NormativeContent.blocks
            guard clause.kind == goal.kind, clause.attributes == goal.attributes, clause.num == goal.num,
                  blocks(clause.intro) == blocks(goal.intro), blocks(clause.wrapUp) == blocks(goal.wrapUp) else { return false }
            let designation = Designation.of(path, in: current)
            if clause.heading.map(InlineAtoms.normalized) != goal.heading.map(InlineAtoms.normalized) {
                guard let designation, let heading = goal.heading, emit(.replaceHeading(target: designation, heading: heading)) else { return false }
            }
            if clause.children.isEmpty && goal.children.isEmpty {
                guard blocks(clause.content) != blocks(goal.content) else { return true }
                guard let designation else { return false }
                return words(path, designation, goal.content)
            }
            guard blocks(clause.content) == blocks(goal.content) else { return false }
            if bestEffort { return syncById(path, container: designatable(path, root: Designation([])), goal.children) }
            return sync(path, container: designatable(path, root: Designation([])), goal.children)
        }

        /// Word-level formulas for a leaf whose blocks changed in wording only (editorial notes aside).
        mutating func words(_ path: ClausePath, _ designation: Designation, _ fullGoal: [Block]) -> Bool {
            guard let start = current.clause(at: path) else { return false }
            let real = start.content.indices.filter { !start.content[$0].isEditorialNote }
            let goal = fullGoal.filter { !$0.isEditorialNote }
            guard real.count == goal.count, zip(real, goal).allSatisfy({ start.content[$0].attributes == $1.attributes }) else { return false }
            for (index, wanted) in zip(real, goal) {
                guard let clause = current.clause(at: path) else { return false }
                let old = InlineAtoms.atoms(clause.content[index].inlines)
                let new = InlineAtoms.atoms(wanted.inlines)
                guard old != new else { continue }
                // One formula per place that changed (« les mots : « X » … » twice rather than a long
                // quotation whose middle does not change); else one formula for the whole span.
                let snapshot = (current, operations)
                if hunks(path, index, designation, new), current.clause(at: path).map({ InlineAtoms.atoms($0.content[index].inlines) }) == new {
                    continue
                }
                (current, operations) = snapshot
                let all = clause.content.map { InlineAtoms.atoms($0.inlines) }
                guard let operation = wordOperation(designation, old, new, all: all), emit(operation) else { return false }
            }
            return true
        }

        /// Word formulas for block `index` of the clause at `path`, one changed run of words at a time
        /// (at most four; more reads better as the whole alinéa).
        mutating func hunks(_ path: ClausePath, _ index: Int, _ designation: Designation, _ new: [Atom]) -> Bool {
            for _ in 0..<4 {
                guard let clause = current.clause(at: path) else { return false }
                let old = InlineAtoms.atoms(clause.content[index].inlines)
                if old == new { return true }
                let all = clause.content.map { InlineAtoms.atoms($0.inlines) }
                guard let hunk = Self.firstHunk(old, new) else {
                    // A single run of changed words: quoted exactly, else the smallest span that works.
                    if let whole = Self.wholeHunk(old, new), let operation = hunkOperation(designation, hunk: whole, old: old, new: new, all: all),
                       emit(operation), current.clause(at: path).map({ InlineAtoms.atoms($0.content[index].inlines) }) == new {
                        return true
                    }
                    return false
                }
                if let operation = hunkOperation(designation, hunk: hunk, old: old, new: new, all: all), emit(operation),
                   current.clause(at: path).map({ InlineAtoms.atoms($0.content[index].inlines) }) == hunk.result {
                    continue
                }
                guard let operation = wordOperation(designation, old, hunk.result, all: all), emit(operation) else { return false }
            }
            return current.clause(at: path).map { InlineAtoms.atoms($0.content[index].inlines) } == new
        }

        /// A run of changed words: old words `i0..<i1` become new words `j0..<j1`; `result` is the old
        /// text with that run changed; `a` and `b` the atom ranges of the words of each side.
        struct Hunk {
            var i0: Int, i1: Int, j0: Int, j1: Int
            var a: [Range<Int>], b: [Range<Int>]
            var result: [Atom]
        }

        static func words(_ atoms: [Atom]) -> [Range<Int>] {
            var out: [Range<Int>] = []
            var start: Int?
            for (i, atom) in atoms.enumerated() {
                if atom.isSpace { if let s = start { out.append(s..<i); start = nil } } else if start == nil { start = i }
            }
            if let s = start { out.append(s..<atoms.count) }
            return out
        }

        static func hunk(_ old: [Atom], _ new: [Atom], _ a: [Range<Int>], _ b: [Range<Int>], _ i0: Int, _ i1: Int, _ j0: Int, _ j1: Int) -> Hunk {
            let result: [Atom]
            if i1 == i0 {
                // Words added before old word i0 (or at the end).
                if i0 < a.count {
                    result = Array(old[..<a[i0].lowerBound]) + Array(new[b[j0].lowerBound..<b[j1].lowerBound]) + Array(old[a[i0].lowerBound...])
                } else {
                    result = old + Array(new[b[j0 - 1].upperBound..<b[j1 - 1].upperBound])
                }
            } else if j1 == j0 {
                // Words i0..<i1 removed with the space after them (before them at the end).
                result = i1 < a.count ? Array(old[..<a[i0].lowerBound]) + Array(old[a[i1].lowerBound...])
                    : Array(old[..<(i0 > 0 ? a[i0 - 1].upperBound : a[i0].lowerBound)])
            } else {
                result = Array(old[..<a[i0].lowerBound]) + Array(new[b[j0].lowerBound..<b[j1 - 1].upperBound]) + Array(old[a[i1 - 1].upperBound...])
            }
            return Hunk(i0: i0, i1: i1, j0: j0, j1: j1, a: a, b: b, result: result)
        }

        /// The single run of changed words between the common words at both ends.
        static func wholeHunk(_ old: [Atom], _ new: [Atom]) -> Hunk? {
            let a = words(old), b = words(new)
            let x = a.map { Array(old[$0]) }, y = b.map { Array(new[$0]) }
            var i0 = 0
            while i0 < min(x.count, y.count), x[i0] == y[i0] { i0 += 1 }
            var k = 0
            while k < min(x.count, y.count) - i0, x[x.count - 1 - k] == y[y.count - 1 - k] { k += 1 }
            let hunk = Self.hunk(old, new, a, b, i0, x.count - k, i0, y.count - k)
            return hunk.result == new ? hunk : nil
        }

        /// The first run of changed words (by a word-level longest common subsequence), runs separated
        /// by fewer than four unchanged words counted as one; nil when there is a single run.
        static func firstHunk(_ old: [Atom], _ new: [Atom]) -> Hunk? {
            let a = words(old), b = words(new)
            guard a.count * b.count <= 250_000 else { return nil }
            let x = a.map { Array(old[$0]) }, y = b.map { Array(new[$0]) }
            // lcs[i][j]: length of the LCS of x[i...] and y[j...].
            var lcs = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
            for i in stride(from: x.count - 1, through: 0, by: -1) {
                for j in stride(from: y.count - 1, through: 0, by: -1) {
                    lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
                }
            }
            var i = 0, j = 0
            while i < x.count, j < y.count, x[i] == y[j] { i += 1; j += 1 }
            let (i0, j0) = (i, j)
            while true {
                // Walk the longest common subsequence to the next pair of equal words.
                while i < x.count || j < y.count {
                    if i < x.count, j < y.count, x[i] == y[j] { break }
                    if j < y.count, i == x.count || lcs[i][j + 1] >= lcs[i + 1][j] { j += 1 } else { i += 1 }
                }
                if i == x.count && j == y.count { return nil }
                var k = 0
                while i + k < x.count, j + k < y.count, x[i + k] == y[j + k] { k += 1 }
                if (i + k == x.count && j + k == y.count) || k >= 4 { break }
                i += k
                j += k
            }
            let hunk = Self.hunk(old, new, a, b, i0, i, j0, j)
            return hunk.i1 > hunk.i0 || hunk.j1 > hunk.j0 ? hunk : nil
        }

        /// The formula for one run of changed words, quoting whole words only (widened to the left until
        /// the quoted words occur once in the alinéa); punctuation both sides share is not quoted.
        func hunkOperation(_ designation: Designation, hunk: Hunk, old: [Atom], new: [Atom], all: [[Atom]]) -> AmendingOperation? {
            func unique(_ atoms: [Atom]) -> Bool { all.reduce(0) { $0 + InlineAtoms.occurrences(of: atoms, in: $1).count } == 1 }
            let (a, b) = (hunk.a, hunk.b)
            if hunk.i1 == hunk.i0 {
                // Added words: after the words before them.
                guard hunk.i0 > 0, hunk.j1 > hunk.j0 else { return nil }
                let added = Array(new[b[hunk.j0].lowerBound..<b[hunk.j1 - 1].upperBound])
                for first in stride(from: hunk.i0 - 1, through: max(0, hunk.i0 - 6), by: -1) {
                    let after = Array(old[a[first].lowerBound..<a[hunk.i0 - 1].upperBound])
                    if unique(after) { return .insertWords(target: designation, after: InlineAtoms.inlines(after), new: InlineAtoms.inlines(added)) }
                }
                return nil
            }
            if hunk.j1 == hunk.j0 {
                let removed = Array(old[a[hunk.i0].lowerBound..<a[hunk.i1 - 1].upperBound])
                return unique(removed) ? .deleteWords(target: designation, old: InlineAtoms.inlines(removed)) : nil
            }
            var x = old[a[hunk.i0].lowerBound..<a[hunk.i1 - 1].upperBound]
            var y = new[b[hunk.j0].lowerBound..<b[hunk.j1 - 1].upperBound]
            while x.count > 1, y.count > 1, let c = x.last, c == y.last, c.isPunctuation { x = x.dropLast(); y = y.dropLast() }
            while x.count > 1, y.count > 1, let c = x.first, c == y.first, c.isPunctuation { x = x.dropFirst(); y = y.dropFirst() }
            // Words added after words that stay, words removed after words that stay.
            if y.count > x.count + 1, y.starts(with: x), y[y.startIndex + x.count].isSpace, unique(Array(x)) {
                return .insertWords(target: designation, after: InlineAtoms.inlines(x), new: InlineAtoms.inlines(y.dropFirst(x.count + 1)))
            }
            if x.count > y.count + 1, x.starts(with: y), x[x.startIndex + y.count].isSpace, unique(Array(x.dropFirst(y.count + 1))) {
                return .deleteWords(target: designation, old: InlineAtoms.inlines(x.dropFirst(y.count + 1)))
            }
            guard unique(Array(x)) else { return nil }
            return .replaceWords(target: designation, old: InlineAtoms.inlines(x), new: InlineAtoms.inlines(y))
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
            // Words only added before a word: the change stops where that word starts.
            let addedOnly = endOld == start && start == prefix && (start == 0 || old[start - 1].isSpace)
            while !addedOnly, endOld < old.count, endNew < new.count, !old[endOld].isSpace { endOld += 1; endNew += 1 }
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
                var x = old[start..<xEnd], y = new[start..<yEnd]
                // Punctuation both sides share at the edges is not replaced, so it is not quoted
                // (« 313-11 » replaced by « 425-9 », not « 313-11, » by « 425-9, »).
                while x.count > 1, y.count > 1, let a = x.last, a == y.last, a.isPunctuation { x = x.dropLast(); y = y.dropLast() }
                while x.count > 1, y.count > 1, let a = x.first, a == y.first, a.isPunctuation { x = x.dropFirst(); y = y.dropFirst() }
                let trimmedX = x.first?.isSpace == false && x.last?.isSpace == false
                let trimmedY = y.isEmpty || (y.first?.isSpace == false && y.last?.isSpace == false)
                // Words added after the quoted ones: « après les mots : « X », sont insérés les mots : « Y » ».
                if !x.isEmpty, trimmedX, y.count > x.count + 1, y.starts(with: x), y[y.startIndex + x.count].isSpace, unique(x) {
                    let added = y.dropFirst(x.count + 1)
                    if added.first?.isSpace == false, added.last?.isSpace == false {
                        return .insertWords(target: designation, after: InlineAtoms.inlines(x), new: InlineAtoms.inlines(added))
                    }
                }
                // Words removed after words that stay: only the removed words are quoted.
                if !y.isEmpty, trimmedY, x.count > y.count + 1, x.starts(with: y), x[x.startIndex + y.count].isSpace {
                    let removed = x.dropFirst(y.count + 1)
                    if removed.first?.isSpace == false, removed.last?.isSpace == false, unique(removed) {
                        return .deleteWords(target: designation, old: InlineAtoms.inlines(removed))
                    }
                }
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

extension Array where Element == PrefaceItem {
    /// The blocks of the long title.
    var longTitleBlocks: [Block] {
        flatMap { item -> [Block] in
            if case .longTitle(let blocks) = item { return blocks }
            return []
        }
    }
}
