import Foundation
import LegalText

/// One edit of a draft made clause by clause (the web editor's door): the clause is named by its wId, which the
/// page carries and the user never types; numbers and eIds are computed (``Renumbering/numberingInserted(_:at:)``,
/// ``IdentifierAssignment``), existing wIds kept, new clauses given new wIds.
public enum DraftEdit: Sendable, Hashable, Codable {
    /// New wording of an alinéa or a point (its text block; inline markup outside the changed words is kept).
    case reword(wId: String, text: String)
    /// A new alinéa after the alinéa `after`.
    case insertAlinea(after: String, text: String)
    /// A new point after the point `after` (numbered after it; the following points move up).
    case insertPoint(after: String, text: String)
    /// Removes an article, alinéa, point or section (an abrogated number stays free, as in an amending order).
    case delete(wId: String)
    /// Swaps a clause with the one before (after) it; two numbered clauses of a kind exchange their numbers.
    case moveUp(wId: String)
    case moveDown(wId: String)
    /// A new article of one alinéa after article `after` (nil: first), numbered after it; the following articles
    /// move up by one.
    case insertArticle(after: String?, heading: String?, text: String)
    /// A new section of one alinéa in annex `annex` (its wId) after section `after` (nil: at the end), lettered after
    /// the previous one.
    case insertSection(annex: String, after: String?, heading: String?, text: String)

    /// The longest text a field of an edit may hold (characters).
    public static let maximumTextLength = 20_000

    /// The document with the edit applied, eIds recomputed, new clauses given wIds (never one of `known`, nor one
    /// the document holds). Nothing else changes.
    /// - Parameters:
    ///   - known: wIds the text ever used (a new clause never takes one).
    ///   - year: the revision's year, for new wIds whose eId is taken (`<eId>-<year>`).
    /// - Throws: ``PublishingError/editRefused(_:)`` with a French reason (clause not found, empty text, a character
    ///   a text cannot hold, a move past the end, a container left empty).
    public func applied(to document: LegalDocument, known: Set<String>, year: Int) throws(PublishingError) -> LegalDocument {
        var result = document
        switch self {
        case .reword(let wId, let text):
            let text = try Self.checked(text, field: "texte")
            let path = try Self.find(wId, in: document)
            guard let clause = document.clause(at: path), let (part, index) = Self.textBlock(of: clause) else {
                throw .editRefused("cet élément n'a pas de texte propre à reformuler : modifiez ses alinéas un par un.")
            }
            result.updateClause(at: path) { clause in
                switch part {
                case 0: clause.intro[index].inlines = Self.reworded(clause.intro[index].inlines, to: text)
                default: clause.content[index].inlines = Self.reworded(clause.content[index].inlines, to: text)
                }
            }
        case .insertAlinea(let after, let text):
            let text = try Self.checked(text, field: "texte")
            let path = try Self.find(after, in: document)
            guard document.clause(at: path)?.kind == .paragraph else {
                throw .editRefused("un alinéa s'insère après un alinéa ; choisissez l'alinéa qui le précède.")
            }
            Self.insert(Clause(kind: .paragraph, eId: "", wId: "", content: [Block(text: text)]), after: path, in: &result)
        case .insertPoint(let after, let text):
            let text = try Self.checked(text, field: "texte")
            let path = try Self.find(after, in: document)
            guard document.clause(at: path)?.kind == .point else {
                throw .editRefused("un point s'insère après un point (1°, a)…) ; choisissez le point qui le précède.")
            }
            Self.insert(Clause(kind: .point, eId: "", wId: "", content: [Block(text: text)]), after: path, in: &result)
        case .delete(let wId):
            let path = try Self.find(wId, in: document)
            guard let index = path.indices.last else { throw .editRefused("élément introuvable dans le projet.") }
            let parentPath = path.parent ?? ClausePath(root: path.root, indices: [])
            var siblings = result.children(at: parentPath)
            if siblings.count == 1, let parent = path.parent.flatMap({ document.clause(at: $0) }),
               parent.intro.isEmpty, parent.content.isEmpty {
                throw .editRefused("c'est le seul élément de \(parent.kind.frenchName) \(parent.num ?? "") : il ne resterait rien ; "
                    + "supprimez plutôt \(parent.kind.frenchName) entier, ou insérez d'abord un autre élément.")
            }
            if path.indices.count == 1, case .body = path.root, siblings.count == 1 {
                throw .editRefused("c'est le seul article du texte : un arrêté garde au moins un article.")
            }
            siblings.remove(at: index)
            result.setChildren(at: parentPath, siblings)
        case .moveUp(let wId), .moveDown(let wId):
            let path = try Self.find(wId, in: document)
            guard let index = path.indices.last else { throw .editRefused("élément introuvable dans le projet.") }
            let parentPath = path.parent ?? ClausePath(root: path.root, indices: [])
            var siblings = result.children(at: parentPath)
            let up: Bool
            if case .moveUp = self { up = true } else { up = false }
            let other = up ? index - 1 : index + 1
            guard siblings.indices.contains(other) else {
                throw .editRefused(up ? "cet élément est déjà le premier de sa liste : il ne peut pas monter."
                                      : "cet élément est déjà le dernier de sa liste : il ne peut pas descendre.")
            }
            if siblings[index].kind == siblings[other].kind, siblings[index].kind.isNumberedByItsNum,
               siblings[index].num != nil, siblings[other].num != nil {
                (siblings[index].num, siblings[other].num) = (siblings[other].num, siblings[index].num)
            }
            siblings.swapAt(index, other)
            result.setChildren(at: parentPath, siblings)
        case .insertArticle(let after, let heading, let text):
            let text = try Self.checked(text, field: "texte")
            let heading = try heading.flatMap { raw throws(PublishingError) in
                raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : try Self.checked(raw, field: "intitulé")
            }
            let article = Clause(kind: .article, eId: "", wId: "", heading: heading.map { [.text($0)] },
                                 children: [Clause(kind: .paragraph, eId: "", wId: "", content: [Block(text: text)])])
            if let after {
                let path = try Self.find(after, in: document)
                guard document.clause(at: path)?.kind == .article, case .body = path.root else {
                    throw .editRefused("un article s'insère après un article ; choisissez l'article qui le précède.")
                }
                Self.insert(article, after: path, in: &result)
            } else {
                let siblings = [article] + result.body
                result.body = Renumbering.numberingInserted(siblings, at: 0)
            }
        case .insertSection(let annexWId, let after, let heading, let text):
            let text = try Self.checked(text, field: "texte")
            let heading = try heading.flatMap { raw throws(PublishingError) in
                raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : try Self.checked(raw, field: "intitulé")
            }
            guard let annex = document.annexes.firstIndex(where: { $0.wId == annexWId }), document.annexes[annex].carried == nil else {
                throw .editRefused("annexe introuvable dans le projet ; rechargez la page d'édition.")
            }
            let section = Clause(kind: .section, eId: "", wId: "", heading: heading.map { [.text($0)] },
                                 children: [Clause(kind: .paragraph, eId: "", wId: "", content: [Block(text: text)])])
            var clauses = result.annexes[annex].clauses
            let index: Int
            if let after {
                guard let found = clauses.firstIndex(where: { $0.wId == after && $0.kind == .section }) else {
                    throw .editRefused("une section s'insère après une section de la même annexe ; rechargez la page d'édition.")
                }
                index = found + 1
            } else {
                index = clauses.count
            }
            clauses.insert(section, at: index)
            result.annexes[annex].clauses = Renumbering.numberingInserted(clauses, at: index)
        }
        result = IdentifierAssignment.assignEIds(result)
        return IdentifierAssignment.assignNewWIds(result, previous: known.union(document.allWIds), year: year)
    }

    /// Several edits in a row, each on the text the previous left.
    public static func applying(_ edits: [DraftEdit], to document: LegalDocument, known: Set<String>, year: Int)
        throws(PublishingError) -> LegalDocument {
        var current = document
        var seen = known
        for edit in edits {
            seen.formUnion(current.allWIds)
            current = try edit.applied(to: current, known: seen, year: year)
        }
        return current
    }

    /// What the edit does, in French, named on the document before the edit (for the commit message).
    public func summary(in document: LegalDocument) -> String {
        let designations = Designation.byEId(in: document)
        func name(_ wId: String?) -> String {
            guard let wId, let clause = document.allClauses.first(where: { $0.wId == wId }) else { return "le début du texte" }
            return designations[clause.eId]?.label ?? clause.eId
        }
        switch self {
        case .reword(let wId, _): return "nouvelle rédaction : \(name(wId))"
        case .insertAlinea(let after, _): return "alinéa inséré après : \(name(after))"
        case .insertPoint(let after, _): return "point inséré après : \(name(after))"
        case .delete(let wId): return "supprimé : \(name(wId))"
        case .moveUp(let wId): return "monté d'un rang : \(name(wId))"
        case .moveDown(let wId): return "descendu d'un rang : \(name(wId))"
        case .insertArticle(let after, _, _): return after == nil ? "article inséré au début du dispositif" : "article inséré après : \(name(after))"
        case .insertSection(let annex, let after, _, _):
            let annexName = document.annexes.first { $0.wId == annex }?.number ?? "l'annexe"
            return after.map { "section insérée après : \(name($0))" } ?? "section ajoutée à la fin : \(annexName)"
        }
    }

    // MARK: Helpers

    /// Where the clause of wId `wId` is (body or annexes).
    static func find(_ wId: String, in document: LegalDocument) throws(PublishingError) -> ClausePath {
        func walk(_ clauses: [Clause], _ path: ClausePath) -> ClausePath? {
            for (index, clause) in clauses.enumerated() {
                let here = path.child(index)
                if clause.wId == wId { return here }
                if let found = walk(clause.children, here) { return found }
            }
            return nil
        }
        if let found = walk(document.body, ClausePath(root: .body, indices: [])) { return found }
        for index in document.annexes.indices {
            if let found = walk(document.annexes[index].clauses, ClausePath(root: .annex(index), indices: [])) { return found }
        }
        throw .editRefused("l'élément visé n'est plus dans le projet (quelqu'un l'a peut-être supprimé) ; rechargez la page d'édition.")
    }

    /// Inserts `clause` right after the clause at `path`, numbered among its siblings.
    static func insert(_ clause: Clause, after path: ClausePath, in document: inout LegalDocument) {
        guard let index = path.indices.last else { return }
        let parentPath = path.parent ?? ClausePath(root: path.root, indices: [])
        var siblings = document.children(at: parentPath)
        siblings.insert(clause, at: index + 1)
        document.setChildren(at: parentPath, Renumbering.numberingInserted(siblings, at: index + 1))
    }

    /// The block holding a clause's own text: the first paragraph of its content that is not an editorial note,
    /// else of its introduction (part 0: intro, 1: content).
    public static func textBlock(of clause: Clause) -> (part: Int, index: Int)? {
        if let index = clause.content.firstIndex(where: { $0.isParagraph && !$0.isEditorialNote }) { return (1, index) }
        if let index = clause.intro.firstIndex(where: { $0.isParagraph && !$0.isEditorialNote }) { return (0, index) }
        return nil
    }

    /// The text a drafter edits for a clause (its ``textBlock(of:)``), if it has one.
    public static func editableText(of clause: Clause) -> String? {
        guard let (part, index) = textBlock(of: clause) else { return nil }
        return (part == 0 ? clause.intro : clause.content)[index].plainText
    }

    /// `inlines` with their text made `text`: the atoms before and after the changed words are kept (a reference or a
    /// date outside them keeps its markup); the changed words are plain text.
    static func reworded(_ inlines: [Inline], to text: String) -> [Inline] {
        let atoms = InlineAtoms.atoms(inlines)
        let pieces = atoms.map { atom -> [Character] in
            switch atom {
            case .character(let c): return [c]
            case .element(let inline): return Array(inline.plainText)
            }
        }
        let target = Array(text)
        var start = 0, position = 0
        while start < atoms.count, position + pieces[start].count <= target.count,
              Array(target[position..<position + pieces[start].count]) == pieces[start] {
            position += pieces[start].count
            start += 1
        }
        var end = atoms.count, tail = target.count
        while end > start, tail - pieces[end - 1].count >= position,
              Array(target[(tail - pieces[end - 1].count)..<tail]) == pieces[end - 1] {
            tail -= pieces[end - 1].count
            end -= 1
        }
        let middle = target[position..<tail].map { Atom.character($0) }
        return InlineAtoms.inlines(Array(atoms[..<start]) + middle + Array(atoms[end...]))
    }

    /// A text typed in a form, checked: line breaks and tabulations become spaces, runs of spaces one space,
    /// surrounding spaces go; refused when empty, too long, or holding a control character or one XML cannot hold.
    public static func checked(_ raw: String, field: String) throws(PublishingError) -> String {
        guard raw.count <= maximumTextLength else {
            throw .editRefused("le champ « \(field) » compte \(raw.count) caractères : \(maximumTextLength) au plus. "
                + "Découpez le texte en plusieurs alinéas.")
        }
        var text = ""
        var pendingSpace = false
        for (offset, scalar) in raw.unicodeScalars.enumerated() {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                pendingSpace = true
                continue
            }
            if scalar.properties.generalCategory == .control || !XMLCharacters.isAllowed(scalar)
                || scalar.properties.generalCategory == .surrogate {
                throw .editRefused("le champ « \(field) » contient le caractère invisible \(XMLCharacters.label(code: scalar.value)) "
                    + "en position \(offset + 1) : rien n'a été enregistré. Retirez-le (il vient souvent d'un copier-coller) et recommencez.")
            }
            if pendingSpace, !text.isEmpty { text.append(" ") }
            pendingSpace = false
            text.unicodeScalars.append(scalar)
        }
        guard !text.isEmpty else {
            throw .editRefused("le champ « \(field) » est vide : écrivez le texte puis recommencez (pour retirer un élément, "
                + "utilisez « Supprimer »).")
        }
        return text
    }
}
