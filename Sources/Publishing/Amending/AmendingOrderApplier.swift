import LegalText

/// Applies the operations of an amending order to the text it amends, as a drafter consolidating it
/// would: each designation is read on the text as the previous operations left it; eIds follow the
/// new numbering; a new clause gets its wId at the end (docs/FORMAT.md: its eId, or `<eId>-<year>`).
public struct AmendingOrderApplier: Sendable {
    public init() {}

    /// The consolidated text.
    /// - Parameter year: the revision's year, for the wIds of new clauses whose eId is already a wId.
    public func apply(_ operations: [AmendingOperation], to document: LegalDocument, year: Int) throws(PublishingError) -> LegalDocument {
        var current = document
        for operation in operations { current = try apply(operation, to: current) }
        return IdentifierAssignment.assignNewWIds(current, previous: document.allWIds, year: year)
    }

    /// One operation; new clauses keep an empty wId until ``apply(_:to:year:)`` ends.
    func apply(_ operation: AmendingOperation, to document: LegalDocument) throws(PublishingError) -> LegalDocument {
        var result = document
        func resolve(_ designation: Designation) throws(PublishingError) -> ClausePath {
            guard let path = designation.resolve(in: document) else { throw .clauseNotFound(designation: designation.french) }
            return path
        }
        func splice(_ path: ClausePath, remove: Int, insert clauses: [Clause], at index: Int) {
            let parent = path.parent ?? ClausePath(root: path.root, indices: [])
            var siblings = result.children(at: parent)
            siblings.replaceSubrange(index..<index + remove, with: clauses)
            result.setChildren(at: parent, siblings)
        }
        switch operation {
        case .replaceWords(let target, let old, let new):
            try editWords(target, path: resolve(target), in: &result, find: old) { atoms, range in
                atoms.replaceSubrange(range, with: InlineAtoms.atoms(new))
            }
        case .deleteWords(let target, let old):
            try editWords(target, path: resolve(target), in: &result, find: old) { atoms, range in
                var range = range
                if range.lowerBound > 0, atoms[range.lowerBound - 1].isSpace {
                    range = (range.lowerBound - 1)..<range.upperBound
                } else if range.upperBound < atoms.count, atoms[range.upperBound].isSpace {
                    range = range.lowerBound..<(range.upperBound + 1)
                }
                atoms.removeSubrange(range)
            }
        case .insertWords(let target, let after, let new):
            try editWords(target, path: resolve(target), in: &result, find: after) { atoms, range in
                atoms.insert(contentsOf: [Atom.character(" ")] + InlineAtoms.atoms(new), at: range.upperBound)
            }
        case .replaceClause(let target, let clauses):
            if target.steps.count == 1, case .annex = target.steps[0] { throw .clauseNotFound(designation: target.french) }
            let path = try resolve(target)
            guard let old = document.clause(at: path), let index = path.indices.last else { throw .clauseNotFound(designation: target.french) }
            var replacement = clauses
            if replacement.count == 1, replacement[0].kind == old.kind {
                replacement[0] = Self.keepingIdentity(replacement[0], of: old)
            }
            splice(path, remove: 1, insert: replacement, at: index)
        case .insertAfter(let target, let clauses):
            let path = try resolve(target)
            guard let index = path.indices.last else { throw .clauseNotFound(designation: target.french) }
            splice(path, remove: 0, insert: clauses, at: index + 1)
        case .insertBefore(let target, let clauses):
            let path = try resolve(target)
            guard let index = path.indices.last else { throw .clauseNotFound(designation: target.french) }
            splice(path, remove: 0, insert: clauses, at: index)
        case .append(let container, let clauses):
            let path = try resolve(container)
            result.setChildren(at: path, result.children(at: path) + clauses)
        case .delete(let target):
            if target.steps.count == 1, case .annex(let label) = target.steps[0] {
                guard let index = result.annexes.firstIndex(where: { Designation.annexLabel($0) == label }) else {
                    throw .clauseNotFound(designation: target.french)
                }
                result.annexes.remove(at: index)
                return IdentifierAssignment.assignEIds(result)
            }
            let path = try resolve(target)
            guard let index = path.indices.last else { throw .clauseNotFound(designation: target.french) }
            splice(path, remove: 1, insert: [], at: index)
        case .renumber(let container, let kind, let from, let to):
            var changes: [(ClausePath, String)] = []
            for (old, new) in zip(from, to) {
                let step: Designation.Step
                switch kind {
                case .article: step = .article(old)
                case .point: step = .point(old)
                default: step = .division(kind, old)
                }
                let designation = Designation(container.steps + [step])
                let path = try resolve(designation)
                guard let clause = document.clause(at: path), let num = clause.num else { throw .clauseNotFound(designation: designation.french) }
                let renumbered: String
                switch kind {
                case .article: renumbered = "Article " + new
                case .point: renumbered = new
                default:
                    guard let range = num.range(of: old) else { throw .clauseNotFound(designation: designation.french) }
                    renumbered = num.replacingCharacters(in: range, with: new)
                }
                changes.append((path, renumbered))
            }
            for (path, num) in changes { result.updateClause(at: path) { $0.num = num } }
        case .replaceHeading(let target, let heading):
            if target.steps.count == 1, case .annex(let label) = target.steps[0] {
                guard let index = result.annexes.firstIndex(where: { Designation.annexLabel($0) == label }),
                      let block = result.annexes[index].preface.firstIndex(where: { $0.className == "title" }) else {
                    throw .clauseNotFound(designation: target.french)
                }
                result.annexes[index].preface[block].inlines = heading
            } else {
                let path = try resolve(target)
                result.updateClause(at: path) { $0.heading = heading.isEmpty ? nil : heading }
            }
        case .appendAnnex(let number, let title, let clauses):
            let numberBlock = Block(number, attributes: ["class": "num"])
            let probe = Annex(eId: "", preface: [numberBlock], clauses: [])
            guard let label = Designation.annexLabel(probe), !result.annexes.contains(where: { Designation.annexLabel($0) == label }) else {
                throw .clauseNotFound(designation: "l'annexe")
            }
            let eId = "annex_" + (probe.number.flatMap(ClauseNumbering.annexComponent(of:)) ?? String(result.annexes.count + 1))
            guard !result.annexes.contains(where: { $0.eId == eId || $0.wId == eId }) else { throw .clauseNotFound(designation: "l'annexe \(label)") }
            var preface = [numberBlock]
            if let title { preface.append(Block(title, attributes: ["class": "title"])) }
            result.annexes.append(Annex(eId: eId, preface: preface, clauses: clauses))
        case .replaceTitle(let title):
            guard let index = result.preface.firstIndex(where: { if case .longTitle = $0 { return true }; return false }),
                  case .longTitle(let blocks) = result.preface[index] else {
                throw .clauseNotFound(designation: "l'intitulé")
            }
            result.preface[index] = .longTitle([Block(title, attributes: blocks.first?.attributes ?? [:])])
        case .replaceRange(let first, let last, let count, let clauses):
            let start = try resolve(first), end = try resolve(last)
            guard start.root == end.root, start.parent == end.parent, let from = start.indices.last, let to = end.indices.last, from < to,
                  count == 0 || to - from + 1 >= count else {
                throw .clauseNotFound(designation: first.french)
            }
            splice(start, remove: to - from + 1, insert: clauses, at: from)
        case .replaceAnnexTitle(let annex, let title):
            return try apply(.replaceHeading(target: Designation([.annex(annex)]), heading: title), to: document)
        }
        return IdentifierAssignment.assignEIds(result)
    }

    /// A clause replacing `old` keeps its wId; its descendants keep the wIds of the old descendants
    /// that had the same eId and kind.
    static func keepingIdentity(_ new: Clause, of old: Clause) -> Clause {
        var oldIds: [String: (ClauseKind, String)] = [:]
        for clause in old.flattened { oldIds[clause.eId] = (clause.kind, clause.wId) }
        var root = new
        root.eId = old.eId
        root.children = IdentifierAssignment.assign(root.children, parent: old.eId)
        root.wId = old.wId
        func visit(_ clause: Clause) -> Clause {
            var copy = clause
            if let (kind, wId) = oldIds[clause.eId], kind == clause.kind, copy.wId.isEmpty { copy.wId = wId }
            copy.children = copy.children.map(visit)
            return copy
        }
        root.children = root.children.map(visit)
        return root
    }

    /// Finds `words` exactly once among the clause's own blocks and edits that block.
    private func editWords(_ target: Designation, path: ClausePath, in document: inout LegalDocument, find words: [Inline],
                           _ edit: (inout [Atom], Range<Int>) -> Void) throws(PublishingError) {
        guard let clause = document.clause(at: path) else { throw .clauseNotFound(designation: target.french) }
        let needle = InlineAtoms.atoms(words)
        var hits: [(part: Int, block: Int, offset: Int)] = []
        let parts = [clause.intro, clause.content, clause.wrapUp]
        for (partIndex, blocks) in parts.enumerated() {
            for (blockIndex, block) in blocks.enumerated() {
                for offset in InlineAtoms.occurrences(of: needle, in: InlineAtoms.atoms(block.inlines)) {
                    hits.append((partIndex, blockIndex, offset))
                }
            }
        }
        guard hits.count == 1, let hit = hits.first else {
            throw .wordsNotFound(designation: target.french, words: words.plainText, occurrences: hits.count)
        }
        var atoms = InlineAtoms.atoms(parts[hit.part][hit.block].inlines)
        edit(&atoms, hit.offset..<hit.offset + needle.count)
        let inlines = InlineAtoms.inlines(atoms)
        document.updateClause(at: path) { clause in
            switch hit.part {
            case 0: clause.intro[hit.block].inlines = inlines
            case 1: clause.content[hit.block].inlines = inlines
            default: clause.wrapUp[hit.block].inlines = inlines
            }
        }
    }
}
