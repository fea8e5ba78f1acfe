import Foundation
import LegalText

/// Maps the paragraphs of an edited ODT export back onto the text it was exported from (the base), by the
/// bookmarks the export carries (``ODTClauseLayout``):
///
/// - an anchored paragraph whose text changed rewords its clause (the markup of the unchanged parts is kept);
/// - an anchored paragraph that is gone (or emptied) deletes its block, and its clause when nothing of it remains;
/// - a paragraph without anchor after an alinéa is a new alinéa after it; after an article's heading line, a new
///   first alinéa; a heading line « Article N » (or a paragraph in a level-2 heading style) opens a new article
///   after the article it follows, and the paragraphs without anchor after it are its alinéas; in an annex, a
///   level-3 heading (« D. Intitulé ») opens a new section likewise.
///
/// Whatever cannot be mapped with certainty is reported, never guessed: a bookmark found twice, a bookmark that
/// names no clause of the base (a copied paragraph), two clauses' bookmarks in one paragraph, an anchored paragraph
/// moved out of its order, a heading deleted while its content stays, an edit of a part this door does not edit
/// (title, formulas, annex headings), a new paragraph after a point or a visa, a footnote. Identifiers and
/// numbers are left to the caller (``Renumbering``): new clauses carry no wId, numbers are kept as they were.
public enum ODTImport {
    /// The metadata naming the commit the document was exported from, and the revision asked for.
    public static let commitMeta = "suivi-commit"
    public static let revisionMeta = "suivi-version"

    /// Where a new clause goes.
    enum Place: Hashable {
        case after(wId: String)
        case firstChild(wId: String)
        case annexStart(wId: String)
    }

    /// The base with the document's edits, or the problems that keep it from being certain.
    public static func map(_ read: ODTReadDocument, onto base: LegalDocument) -> Result<LegalDocument, ODTProblems> {
        var mapper = Mapper(base: base, paragraphs: read.paragraphs)
        return mapper.run()
    }

    /// The problems of a mapping, in document order.
    public struct ODTProblems: Error, Sendable, Hashable {
        public var problems: [ODTProblem]
    }

    struct Mapper {
        let base: LegalDocument
        let paragraphs: [ODTReadDocument.Paragraph]
        let lines: [ODTClauseLayout.Line]
        var lineIndex: [String: Int] = [:]
        var clauses: [String: Clause] = [:]
        /// The root clause (article of the body, clause of an annex, visa) holding each wId, and the annex it is in.
        var root: [String: String] = [:]
        var annexOf: [String: String] = [:]
        var problems: [ODTProblem] = []
        /// The paragraph (index) found for each line (index).
        var found: [Int: Int] = [:]
        /// Lines that a problem already accounts for (not reported as missing too).
        var excused: Set<Int> = []
        var editedBlocks: [String: [Int: [Inline]]] = [:]
        var editedHeadings: [String: [Inline]?] = [:]
        var inserted: [Place: [Clause]] = [:]
        /// The paragraphs taken as new clauses.
        var added: [ODTReadDocument.Paragraph] = []

        init(base: LegalDocument, paragraphs: [ODTReadDocument.Paragraph]) {
            self.base = base
            self.paragraphs = paragraphs
            lines = ODTClauseLayout.lines(base)
            for (index, line) in lines.enumerated() { lineIndex[line.name] = index }
            func index(_ clause: Clause, root rootWId: String, annex: String?) {
                clauses[clause.wId] = clause
                root[clause.wId] = rootWId
                if let annex { annexOf[clause.wId] = annex }
                for child in clause.children { index(child, root: rootWId, annex: annex) }
            }
            for clause in base.citations + base.body { index(clause, root: clause.wId, annex: nil) }
            for annex in base.annexes {
                for clause in annex.clauses { index(clause, root: clause.wId, annex: annex.wId) }
            }
        }

        mutating func problem(_ paragraph: ODTReadDocument.Paragraph, _ reason: String) {
            problems.append(ODTProblem(position: paragraph.position, text: paragraph.text, reason: reason))
        }

        /// Whether a bookmark name not in the layout looks like one of the export's (a copy LibreOffice renamed, an
        /// anchor of a clause the base does not have).
        func looksLikeAnchor(_ name: String) -> Bool {
            if name.hasPrefix(ODTClauseLayout.headerPrefix) { return false }
            if name.hasPrefix("suivi.") { return true }
            let prefixes = ["art_", "annex_", "cit_", "sec_", "subsec_", "para_", "chp_", "part_", "title_", "point_", "list_"]
            if prefixes.contains(where: name.hasPrefix) { return true }
            return lineIndex.keys.contains { name.hasPrefix($0) }
        }

        /// The text a line shows, as the document's paragraphs are read.
        func shown(_ spans: [Span]) -> String {
            ODTReader.normalized(spans.map { FrenchTypography.display($0.text) }.joined())
        }

        mutating func run() -> Result<LegalDocument, ODTProblems> {
            anchor()
            checkOrder()
            for (lineNumber, paragraphNumber) in found.sorted(by: { $0.key < $1.key }) {
                edit(lines[lineNumber], paragraphs[paragraphNumber])
            }
            insertions()
            let missing = Set(lines.indices).subtracting(found.keys).subtracting(excused)
            for lineNumber in missing.sorted() {
                switch lines[lineNumber].slot {
                case .fixed, .annexNumber, .annexTitle:
                    problems.append(ODTProblem(position: nil, text: shown(lines[lineNumber].paragraph.spans),
                                               reason: "cette partie du texte (titre, formules, annexes) ne se supprime pas par cette voie ; rétablissez-la"))
                case .heading, .block: break
                }
            }
            // A paragraph without anchor that repeats the text of a deleted one was moved (cut and pasted): the move
            // would cut its history in two.
            var deletedTexts: [String: String] = [:]
            for lineNumber in missing {
                guard case .block(let wId, _) = lines[lineNumber].slot else { continue }
                deletedTexts[shown(lines[lineNumber].paragraph.spans), default: wId] = clauses[wId]?.eId ?? wId
            }
            for paragraph in added {
                if let eId = deletedTexts[paragraph.text] {
                    problem(paragraph, "ce paragraphe reprend le texte de l'élément \(eId), supprimé à sa place : un déplacement ne se "
                            + "reprend pas (l'historique de l'élément serait rompu) ; laissez-le à sa place, ou modifiez-en le texte")
                }
            }
            let document = rebuild(missing: missing)
            guard problems.isEmpty else {
                return .failure(ODTProblems(problems: problems.sorted { ($0.position ?? 0) < ($1.position ?? 0) }))
            }
            return .success(document)
        }

        /// Which paragraph carries which line's bookmark.
        mutating func anchor() {
            for (number, paragraph) in paragraphs.enumerated() {
                let known = paragraph.bookmarks.filter { lineIndex[$0] != nil }
                for name in paragraph.bookmarks where lineIndex[name] == nil && looksLikeAnchor(name) {
                    problem(paragraph, "le signet « \(name) » ne désigne aucun élément du projet exporté (paragraphe copié ?) ; "
                            + "retapez le texte sans copier le paragraphe, ou supprimez ce signet")
                }
                guard !paragraph.text.isEmpty else { continue }
                if known.count > 1 {
                    problem(paragraph, "ce paragraphe porte les signets de plusieurs éléments (\(known.joined(separator: ", "))) : "
                            + "des paragraphes ont été fusionnés ; séparez-les, ou supprimez celui qui doit disparaître")
                    for name in known { if let line = lineIndex[name] { excused.insert(line) } }
                    continue
                }
                guard let name = known.first, let line = lineIndex[name] else { continue }
                if let other = found[line] {
                    problem(paragraph, "le signet « \(name) » figure aussi au paragraphe \(paragraphs[other].position) ; "
                            + "un seul paragraphe peut le porter")
                    excused.insert(line)
                    continue
                }
                found[line] = number
            }
        }

        /// The anchored paragraphs must come in the export's order.
        mutating func checkOrder() {
            var last = -1
            var lastParagraph: ODTReadDocument.Paragraph?
            for (line, number) in found.sorted(by: { $0.value < $1.value }) {
                if line < last, let lastParagraph {
                    problem(paragraphs[number], "ce paragraphe a été déplacé (il précédait « \(String(lastParagraph.text.prefix(40))) ») ; "
                            + "un déplacement ne se reprend pas : supprimez-le et retapez-le à sa nouvelle place sans son signet")
                }
                if line > last {
                    last = line
                    lastParagraph = paragraphs[number]
                }
            }
        }

        /// An anchored paragraph whose text changed.
        mutating func edit(_ line: ODTClauseLayout.Line, _ paragraph: ODTReadDocument.Paragraph) {
            if paragraph.hasNote {
                problem(paragraph, "ce paragraphe contient une note de bas de page, que le texte ne peut pas porter ; supprimez-la")
            }
            let expected = shown(line.paragraph.spans)
            guard paragraph.text != expected else { return }
            switch line.slot {
            case .fixed, .annexNumber, .annexTitle:
                problem(paragraph, "cette partie du texte (titre, formules, intitulé d'annexe) ne se modifie pas par cette voie ; "
                        + "rétablissez « \(expected) »")
            case .heading(let wId):
                guard let clause = clauses[wId] else { return }
                var rest = paragraph.text
                if let num = clause.num {
                    let printed = ODTReader.normalized(FrenchTypography.display(num))
                    guard rest.hasPrefix(printed) else {
                        problem(paragraph, "le numéro « \(num) » est calculé par suivi : gardez-le en tête de la ligne et ne modifiez que l'intitulé")
                        return
                    }
                    rest = String(rest.dropFirst(printed.count))
                    rest = String(rest.drop { $0 == " " || $0 == "–" || $0 == "—" || $0 == "-" || $0 == ":" })
                }
                if rest.isEmpty {
                    editedHeadings[wId] = .some(nil)
                } else if let heading = clause.heading {
                    guard let edited = ODTTextEdit.apply(to: heading, shown: shown(DocumentFlow.spans(heading)), new: rest) else {
                        problem(paragraph, "la modification de l'intitulé n'a pas pu être située dans le texte ; retapez l'intitulé entier")
                        return
                    }
                    editedHeadings[wId] = .some(edited)
                } else {
                    editedHeadings[wId] = .some([.text(rest)])
                }
            case .block(let wId, let index):
                guard let clause = clauses[wId] else { return }
                let block = (clause.intro + clause.content + clause.wrapUp)[index]
                var text = paragraph.text
                if index == 0, clause.kind == .point, let num = clause.num {
                    let printed = ODTReader.normalized(FrenchTypography.display(num))
                    guard text.hasPrefix(printed + " ") else {
                        problem(paragraph, "le numéro « \(num) » est calculé par suivi : gardez-le en tête du point")
                        return
                    }
                    text = String(text.dropFirst(printed.count + 1))
                }
                guard let edited = ODTTextEdit.apply(to: block.inlines, shown: shown(DocumentFlow.spans(block.inlines)), new: text) else {
                    problem(paragraph, "la modification n'a pas pu être située dans le texte de l'élément ; retapez l'alinéa entier")
                    return
                }
                editedBlocks[wId, default: [:]][index] = edited
            }
        }

        /// An « Article N » line: its number and heading.
        static func articleHeading(_ text: String) -> (num: String, heading: String?)? {
            guard text.hasPrefix("Article ") else { return nil }
            let rest = text.dropFirst("Article ".count)
            var numPart = Substring(rest)
            var heading: String?
            for separator in [" – ", " — "] {
                if let range = rest.range(of: separator) {
                    numPart = rest[..<range.lowerBound]
                    heading = String(rest[range.upperBound...])
                    break
                }
            }
            guard let first = numPart.first, first.isNumber, numPart.count <= 24, !numPart.contains(".") else { return nil }
            return ("Article " + numPart, heading.flatMap { $0.isEmpty ? nil : $0 })
        }

        /// A section line (« D. Intitulé », « D. – Intitulé », « IV. ») : its number and heading.
        static func sectionHeading(_ text: String) -> (num: String?, heading: String?) {
            let token = text.prefix { $0 != " " }
            let core = token.dropLast()
            if let mark = token.last, mark == "." || mark == ")", !core.isEmpty, core.count <= 5,
               core.allSatisfy({ $0.isNumber || ($0.isUppercase && $0.isLetter) }) {
                let rest = String(text.dropFirst(token.count).drop { $0 == " " || $0 == "–" || $0 == "—" || $0 == "-" })
                return (String(token), rest.isEmpty ? nil : rest)
            }
            return (nil, text)
        }

        /// The paragraphs without anchor: new alinéas, articles, sections.
        mutating func insertions() {
            var anchorLine: Int?
            var open: (place: Place, index: Int)?
            for (number, paragraph) in paragraphs.enumerated() {
                if let line = found.first(where: { $0.value == number })?.key {
                    anchorLine = line
                    open = nil
                    continue
                }
                guard !paragraph.text.isEmpty else { continue }
                if paragraph.bookmarks.contains(where: { lineIndex[$0] != nil }) { continue }  // already reported
                guard let line = anchorLine else {
                    if paragraph.style != "Meta", !paragraph.bookmarks.contains(where: { $0.hasPrefix(ODTClauseLayout.headerPrefix) }) {
                        problem(paragraph, "ce paragraphe précède le texte (en-tête de l'export) ; écrivez-le à sa place dans le texte")
                    }
                    continue
                }
                if paragraph.hasNote {
                    problem(paragraph, "ce paragraphe contient une note de bas de page, que le texte ne peut pas porter ; supprimez-la")
                    continue
                }
                let slot = lines[line].slot
                if paragraph.outlineLevel == 1 || paragraph.style == "Heading_20_1" {
                    problem(paragraph, "un titre de premier niveau (nouvelle annexe ?) ne se reprend pas par cette voie")
                    continue
                }
                let parsed = Self.articleHeading(paragraph.text)
                if paragraph.outlineLevel == 2 || paragraph.style == "Heading_20_2" || parsed != nil {
                    // A new article, after the article the anchor is in.
                    guard let wId = slotClause(slot), let rootWId = root[wId], annexOf[wId] == nil,
                          clauses[rootWId]?.kind == .article else {
                        problem(paragraph, "un nouvel article ne peut suivre qu'un article du dispositif ; placez-le après un article")
                        continue
                    }
                    let heading: String? = parsed != nil ? parsed?.heading : paragraph.text
                    let clause = Clause(kind: .article, eId: "art_nouveau", num: parsed?.num, heading: heading.map { [.text($0)] })
                    let place = Place.after(wId: rootWId)
                    open = (place, inserted[place, default: []].count)
                    inserted[place, default: []].append(clause)
                    continue
                }
                if paragraph.outlineLevel != nil || paragraph.style == "Heading_20_3" {
                    // A new section of an annex, after the annex's root clause the anchor is in.
                    let place: Place
                    switch slot {
                    case .annexNumber(let annex), .annexTitle(let annex): place = .annexStart(wId: annex)
                    default:
                        guard case let wId? = slotClause(slot), let rootWId = root[wId], annexOf[wId] != nil else {
                            problem(paragraph, "une nouvelle section ne peut s'ajouter qu'à une annexe ; placez-la dans l'annexe")
                            continue
                        }
                        place = .after(wId: rootWId)
                    }
                    let (num, heading) = Self.sectionHeading(paragraph.text)
                    let clause = Clause(kind: .section, eId: "sec_nouveau", num: num, heading: heading.map { [.text($0)] })
                    open = (place, inserted[place, default: []].count)
                    inserted[place, default: []].append(clause)
                    continue
                }
                added.append(paragraph)
                let alinea = Clause(kind: .paragraph, eId: "para_nouveau",
                                    content: [Block(text: paragraph.text, className: paragraph.style == "Note" ? Block.editorialNoteClass : nil)])
                if let open {
                    inserted[open.place, default: []][open.index].children.append(alinea)
                    continue
                }
                switch slot {
                case .heading(let wId):
                    inserted[.firstChild(wId: wId), default: []].append(alinea)
                case .block(let wId, _):
                    guard clauses[wId]?.kind == .paragraph else {
                        let kind = clauses[wId]?.kind.frenchName ?? "l'élément"
                        problem(paragraph, "un paragraphe ajouté après \(kind) ne se rattache à rien avec certitude ; "
                                + "placez-le après un alinéa, ou après l'intitulé d'un article")
                        continue
                    }
                    inserted[.after(wId: wId), default: []].append(alinea)
                case .annexNumber(let annex), .annexTitle(let annex):
                    inserted[.annexStart(wId: annex), default: []].append(alinea)
                case .fixed:
                    problem(paragraph, "ce paragraphe suit une partie du texte que cette voie ne modifie pas (titre, formules) ; "
                            + "placez-le dans un article ou une annexe")
                }
            }
        }

        func slotClause(_ slot: ODTClauseLayout.Slot) -> String? {
            switch slot {
            case .heading(let wId), .block(let wId, _): return wId
            default: return nil
            }
        }

        /// The base with the edits, deletions and insertions.
        mutating func rebuild(missing: Set<Int>) -> LegalDocument {
            var deletedBlocks: [String: Set<Int>] = [:]
            var deletedHeadings: Set<String> = []
            for lineNumber in missing {
                switch lines[lineNumber].slot {
                case .block(let wId, let index): deletedBlocks[wId, default: []].insert(index)
                case .heading(let wId): deletedHeadings.insert(wId)
                default: break
                }
            }
            var result = base
            let citations = rebuildList(base.citations, deletedBlocks: deletedBlocks, deletedHeadings: deletedHeadings)
            if !base.citations.isEmpty { result.setCitations(citations) }
            result.body = rebuildList(base.body, deletedBlocks: deletedBlocks, deletedHeadings: deletedHeadings)
            for index in result.annexes.indices {
                let annex = base.annexes[index]
                result.annexes[index].clauses = (inserted[.annexStart(wId: annex.wId)] ?? [])
                    + rebuildList(annex.clauses, deletedBlocks: deletedBlocks, deletedHeadings: deletedHeadings)
            }
            return result
        }

        mutating func rebuildList(_ list: [Clause], deletedBlocks: [String: Set<Int>], deletedHeadings: Set<String>) -> [Clause] {
            var out: [Clause] = []
            for clause in list {
                if let kept = rebuildClause(clause, deletedBlocks: deletedBlocks, deletedHeadings: deletedHeadings) { out.append(kept) }
                out += inserted[.after(wId: clause.wId)] ?? []
            }
            return out
        }

        mutating func rebuildClause(_ clause: Clause, deletedBlocks: [String: Set<Int>], deletedHeadings: Set<String>) -> Clause? {
            var copy = clause
            let deleted = deletedBlocks[clause.wId] ?? []
            let edits = editedBlocks[clause.wId] ?? [:]
            func part(_ blocks: [Block], from offset: Int) -> [Block] {
                blocks.enumerated().compactMap { index, block in
                    guard !deleted.contains(offset + index) else { return nil }
                    var block = block
                    if let inlines = edits[offset + index] { block.inlines = inlines }
                    return block
                }
            }
            copy.intro = part(clause.intro, from: 0)
            copy.content = part(clause.content, from: clause.intro.count)
            copy.wrapUp = part(clause.wrapUp, from: clause.intro.count + clause.content.count)
            if let heading = editedHeadings[clause.wId] { copy.heading = heading }
            copy.children = (inserted[.firstChild(wId: clause.wId)] ?? [])
                + rebuildList(clause.children, deletedBlocks: deletedBlocks, deletedHeadings: deletedHeadings)
            let ownBlocks = copy.intro.count + copy.content.count + copy.wrapUp.count
            if deletedHeadings.contains(clause.wId) {
                guard ownBlocks == 0, copy.children.isEmpty else {
                    let line = lines.first { $0.slot == .heading(wId: clause.wId) }
                    problems.append(ODTProblem(position: nil, text: line.map { shown($0.paragraph.spans) } ?? clause.eId,
                                               reason: "l'intitulé a été supprimé mais pas le contenu de l'élément ; "
                                                   + "supprimez tout l'élément, ou rétablissez son intitulé"))
                    return copy
                }
                return nil
            }
            let hadContent = !(clause.intro + clause.content + clause.wrapUp).isEmpty || !clause.children.isEmpty
            if hadContent, ownBlocks == 0, copy.children.isEmpty, !ODTClauseLayout.hasHeadingLine(clause.kind) { return nil }
            return copy
        }
    }
}
