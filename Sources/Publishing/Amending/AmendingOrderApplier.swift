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

    /// The consolidated text of an order read with its lines (``AmendingOrderParser/instructions(inText:)``): an
    /// instruction that cannot be applied is reported with its line and column, what it asks for and what the
    /// text has (``PublishingError/orderProblem(_:)``).
    /// - Parameter known: wIds a new clause may not take (those the text had before, deleted clauses' included).
    public func apply(_ instructions: [AmendingInstruction], to document: LegalDocument, year: Int,
                      known: Set<String> = []) throws(PublishingError) -> LegalDocument {
        var current = document
        for instruction in instructions {
            do {
                current = try apply(instruction.operation, to: current)
            } catch {
                throw .orderProblem(OrderProblem.applying(instruction, error: error, to: current))
            }
        }
        return IdentifierAssignment.assignNewWIds(current, previous: document.allWIds.union(known), year: year)
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
        case .appendWords(let target, let words, let sentence):
            var path = try resolve(target)
            // An article or an alinéa holding an enumeration is completed at its last words.
            while let clause = result.clause(at: path), clause.intro.isEmpty, clause.content.isEmpty, clause.wrapUp.isEmpty,
                  !clause.children.isEmpty {
                path = path.child(clause.children.count - 1)
            }
            guard let clause = result.clause(at: path) else { throw .clauseNotFound(designation: target.french) }
            let part = !clause.wrapUp.isEmpty ? 2 : (!clause.content.isEmpty ? 1 : 0)
            let blocks = [clause.intro, clause.content, clause.wrapUp][part]
            guard let last = blocks.indices.last(where: { !blocks[$0].isEditorialNote }) else {
                throw .clauseNotFound(designation: target.french)
            }
            var atoms = InlineAtoms.atoms(blocks[last].inlines)
            while atoms.last?.isSpace == true { atoms.removeLast() }
            let added = InlineAtoms.atoms(words)
            if sentence {
                atoms += [Atom.character(" ")] + added
            } else {
                // « complété par les mots : « et de l'intégration » »: before the final punctuation, which stays unless
                // the words bring their own.
                var final: [Atom] = []
                while let end = atoms.last, end == .character(".") || end == .character(";") || end == .character(":") || end == .character(",") {
                    final.insert(end, at: 0)
                    atoms.removeLast()
                }
                while atoms.last?.isSpace == true { atoms.removeLast() }
                let joins = added.first.map { $0 == .character(",") || $0 == .character(".") || $0 == .character(")") } ?? false
                atoms += (joins ? [] : [Atom.character(" ")]) + added
                if let end = added.last, !(end == .character(".") || end == .character(";") || end == .character(":")) { atoms += final }
            }
            let inlines = InlineAtoms.inlines(atoms)
            result.updateClause(at: path) { clause in
                switch part {
                case 0: clause.intro[last].inlines = inlines
                case 1: clause.content[last].inlines = inlines
                default: clause.wrapUp[last].inlines = inlines
                }
            }
        case .replaceClause(let target, let clauses):
            if target.steps.count == 1, case .annex = target.steps[0] { throw .clauseNotFound(designation: target.french) }
            let path = try resolve(target)
            guard let old = document.clause(at: path), let index = path.indices.last else { throw .clauseNotFound(designation: target.french) }
            var replacement = Self.shaped(clauses, replacing: old)
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

    /// What « … est ainsi rédigé : » quotes, in the shape of the clause it replaces: an article's alinéas without
    /// its « Art. 3. – » line become the article's alinéas (its number and heading kept); a point written without
    /// its number keeps the old one.
    static func shaped(_ clauses: [Clause], replacing old: Clause) -> [Clause] {
        if old.kind == .article, !clauses.isEmpty, !clauses.contains(where: { $0.kind == .article }) {
            var article = old
            article.intro = []
            article.content = []
            article.wrapUp = []
            article.children = clauses
            return [article]
        }
        if old.kind == .point, clauses.count == 1, clauses[0].kind == .paragraph, clauses[0].children.isEmpty {
            var point = clauses[0]
            point.kind = .point
            point.num = old.num
            return [point]
        }
        return clauses
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
        // The clause's own text; for an article or a division, which has none (« À l'article 6, les mots … »), the
        // text of the clauses it holds.
        var places: [(path: ClausePath, clause: Clause)] = [(path, clause)]
        if clause.intro.isEmpty, clause.content.isEmpty, clause.wrapUp.isEmpty {
            func walk(_ at: ClausePath, _ clause: Clause) {
                for (index, child) in clause.children.enumerated() {
                    places.append((at.child(index), child))
                    walk(at.child(index), child)
                }
            }
            walk(path, clause)
        }
        let needle = InlineAtoms.atoms(words)
        var hits: [(place: Int, part: Int, block: Int, offset: Int)] = []
        for (placeIndex, place) in places.enumerated() {
            for (partIndex, blocks) in [place.clause.intro, place.clause.content, place.clause.wrapUp].enumerated() {
                for (blockIndex, block) in blocks.enumerated() {
                    for offset in InlineAtoms.occurrences(of: needle, in: InlineAtoms.atoms(block.inlines)) {
                        hits.append((placeIndex, partIndex, blockIndex, offset))
                    }
                }
            }
        }
        var length = needle.count
        if hits.isEmpty, !needle.contains(where: { if case .element = $0 { return true }; return false }) {
            // Words read from plain text, around a reference or a date: found in the text as read, whole elements only.
            for (placeIndex, place) in places.enumerated() {
                for (partIndex, blocks) in [place.clause.intro, place.clause.content, place.clause.wrapUp].enumerated() {
                    for (blockIndex, block) in blocks.enumerated() {
                        for range in Self.plainOccurrences(of: InlineAtoms.text(needle), in: InlineAtoms.atoms(block.inlines)) {
                            hits.append((placeIndex, partIndex, blockIndex, range.lowerBound))
                            length = range.count
                        }
                    }
                }
            }
        }
        guard hits.count == 1, let hit = hits.first else {
            throw .wordsNotFound(designation: target.french, words: words.plainText, occurrences: hits.count)
        }
        let place = places[hit.place].clause
        var atoms = InlineAtoms.atoms([place.intro, place.content, place.wrapUp][hit.part][hit.block].inlines)
        edit(&atoms, hit.offset..<hit.offset + length)
        let inlines = InlineAtoms.inlines(atoms)
        document.updateClause(at: places[hit.place].path) { clause in
            switch hit.part {
            case 0: clause.intro[hit.block].inlines = inlines
            case 1: clause.content[hit.block].inlines = inlines
            default: clause.wrapUp[hit.block].inlines = inlines
            }
        }
    }

    /// Ranges of atoms whose text is `text`, starting and ending on whole atoms (an element is taken whole).
    static func plainOccurrences(of text: String, in atoms: [Atom]) -> [Range<Int>] {
        guard !text.isEmpty else { return [] }
        let pieces = atoms.map { atom -> String in
            switch atom {
            case .character(let c): return String(c)
            case .element(let inline): return inline.plainText
            }
        }
        var result: [Range<Int>] = []
        for start in atoms.indices {
            var joined = ""
            var end = start
            while end < atoms.count, joined.count < text.count {
                joined += pieces[end]
                end += 1
            }
            if joined == text { result.append(start..<end) }
        }
        return result
    }
}
