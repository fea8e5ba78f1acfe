/// Brings a document from another tool into the suivi profile (docs/FORMAT.md) and says what it changed:
/// metadata written in suivi's form, hierarchy outside the profile mapped onto it, carried elements turned
/// into paragraphs of their text (or, where they hold no text of the body, left out), eIds recomputed by the
/// naming convention. Nothing is invented: dates, an ELI or a title the document lacks are left for the
/// validator to report.
public enum ProfileConversion {
    /// The converted document and the changes made, one French sentence each, in document order.
    public struct Result: Sendable {
        public let document: LegalDocument
        public let changes: [String]
    }

    public static func convert(_ original: LegalDocument) -> Result {
        var run = ConversionRun()
        let document = run.convert(original)
        return Result(document: document, changes: run.changes)
    }
}

/// One conversion: the changes noted as they are made.
private struct ConversionRun {
    var changes: [String] = []
    /// How many elements of each kind were turned into paragraphs, or inline elements unwrapped.
    private var flattenedBlocks: [String: Int] = [:]
    private var unwrappedInlines: [String: Int] = [:]
    private var droppedInlines: [String: Int] = [:]
    private var renamedKinds: [String: Int] = [:]
    private var recomputedEIds = 0
    private var strippedPartAttributes = 0

    mutating func convert(_ original: LegalDocument) -> LegalDocument {
        var document = original
        if let carried = original.carriedMeta {
            let dropped = Set(ConversionRun.elementNames(in: carried.element.inlines)).subtracting(ConversionRun.profileMetaElements)
            document.carriedMeta = nil
            changes.append("métadonnées réécrites dans la forme du profil suivi (sources #suivi)"
                           + (dropped.isEmpty ? "." : " ; éléments non repris : " + dropped.sorted().joined(separator: ", ") + "."))
        }
        if original.documentType != "act" {
            document.documentType = "act"
            changes.append("le document <\(original.documentType)> devient un <act>.")
        }
        if !original.documentAttributes.isEmpty {
            document.documentAttributes = [:]
            changes.append("attributs de <\(original.documentType)> retirés : \(original.documentAttributes.keys.sorted().joined(separator: ", ")).")
        }
        if !original.rootAttributes.isEmpty {
            document.rootAttributes = [:]
            changes.append("attributs de <akomaNtoso> retirés : \(original.rootAttributes.keys.sorted().joined(separator: ", ")).")
        }
        if original.coverPage != nil {
            document.coverPage = nil
            changes.append("page de couverture (coverPage) retirée : le profil n'en a pas ; son texte reste dans le fichier d'origine.")
        }
        if !original.partAttributes.isEmpty {
            document.partAttributes = [:]
            changes.append("attributs retirés de : \(original.partAttributes.keys.sorted().joined(separator: ", ")).")
        }
        fixMetadata(&document)
        document.preface = original.preface.map { item in
            switch item {
            case .longTitle(let blocks): return .longTitle(paragraphs(blocks))
            case .block(let block) where block.name == "longTitle":
                // A long title with attributes was carried whole: its paragraphs are the title.
                let paragraphs = block.inlines.compactMap { inline -> Block? in
                    guard case .element("p", let attributes, let children) = inline else { return nil }
                    return Block(children, attributes: attributes)
                }
                changes.append("attributs du titre long (longTitle) retirés.")
                return .longTitle(self.paragraphs(paragraphs))
            case .block(let block): return .block(paragraph(block))
            }
        }
        document.preamble = original.preamble.map { item in
            switch item {
            case .formula(let name, let blocks): return .formula(name: name, blocks: paragraphs(blocks))
            case .citations(let citations):
                return .citations(citations.enumerated().map { index, citation in
                    var converted = citation
                    converted.content = paragraphs(citation.content)
                    setEId(&converted, "cit_\(index + 1)")
                    return converted
                })
            case .block(let block):
                flattenedBlocks[block.name, default: 0] += 1
                return .formula(name: block.name == "p" ? "preambule" : block.name, blocks: [Block(text: block.plainText)])
            }
        }
        document.body = clauses(original.body, parentEId: nil)
        document.conclusions = paragraphs(original.conclusions)
        var annexes: [Annex] = []
        for annex in original.annexes {
            if annex.carried != nil {
                changes.append("annexe \(annex.eId) (document <\(annex.carried?.name ?? "doc")> d'un autre outil) retirée : "
                               + "le profil décrit ses annexes autrement ; reprenez-la à la main.")
                continue
            }
            var converted = annex
            converted.attributes = [:]
            converted.preface = paragraphs(annex.preface)
            converted.clauses = clauses(annex.clauses, parentEId: annex.eId)
            annexes.append(converted)
        }
        document.annexes = annexes
        for (kind, count) in renamedKinds.sorted(by: { $0.key < $1.key }) { changes.append("\(count) × \(kind).") }
        for (name, count) in flattenedBlocks.sorted(by: { $0.key < $1.key }) where name != "p" {
            changes.append("\(count) élément(s) <\(name)> remplacé(s) par un paragraphe de leur texte.")
        }
        if let carriedParagraphs = flattenedBlocks["p"] {
            changes.append("\(carriedParagraphs) paragraphe(s) du préambule mis dans une formule.")
        }
        for (name, count) in unwrappedInlines.sorted(by: { $0.key < $1.key }) {
            changes.append("\(count) balise(s) <\(name)> retirée(s), leur texte gardé.")
        }
        for (name, count) in droppedInlines.sorted(by: { $0.key < $1.key }) {
            changes.append("\(count) élément(s) <\(name)> retiré(s) avec leur contenu (le profil n'a pas de notes d'auteur ni de fins de ligne).")
        }
        if strippedPartAttributes > 0 {
            changes.append("attributs (eId…) retirés des parties (heading, intro, content, wrapUp) de \(strippedPartAttributes) élément(s).")
        }
        if recomputedEIds > 0 {
            changes.append("\(recomputedEIds) eId recalculé(s) selon la convention de nommage du profil (les wId présents sont gardés).")
        }
        return document
    }

    /// The metadata elements the suivi profile writes.
    static let profileMetaElements: Set<String> = Set([
        "meta", "identification", "FRBRWork", "FRBRExpression", "FRBRManifestation", "FRBRthis", "FRBRuri", "FRBRdate",
        "FRBRauthor", "FRBRcountry", "FRBRnumber", "FRBRname", "FRBRlanguage", "publication", "lifecycle", "eventRef",
        "references", "notes", "note", "p",
    ]).union(TLCReference.supportedElements).union(Inline.supportedElements)

    static func elementNames(in inlines: [Inline]) -> [String] {
        inlines.flatMap { inline -> [String] in
            guard case .element(let name, _, let children) = inline else { return [] }
            return [name] + elementNames(in: children)
        }
    }

    /// Values the strict reader requires and a document from another tool may leave empty: given a neutral value.
    private mutating func fixMetadata(_ document: inout LegalDocument) {
        var named = 0
        for index in document.lifecycle.indices {
            if document.lifecycle[index].eId.isEmpty { document.lifecycle[index].eId = "evt_\(index + 1)"; named += 1 }
            if document.lifecycle[index].source.isEmpty { document.lifecycle[index].source = "#suivi" }
            if document.lifecycle[index].type.isEmpty { document.lifecycle[index].type = "generation" }
            if document.lifecycle[index].refersTo.isEmpty {
                document.lifecycle[index].refersTo = "#" + document.lifecycle[index].eId
                changes.append("l'événement du \(document.lifecycle[index].date.french) ne dit pas ce qu'il date : "
                               + "refersTo=\"#\(document.lifecycle[index].eId)\" ; remplacez-le par #signature, #publication, "
                               + "#entreeEnVigueur ou #projet selon le cas.")
            }
        }
        // The schema requires a `name` on TLCReference, which the profile's references do not hold.
        let nameless = document.references.filter { $0.element == "TLCReference" }.count
        if nameless > 0 {
            document.references.removeAll { $0.element == "TLCReference" }
            changes.append("\(nameless) référence(s) <TLCReference> retirée(s) : le profil ne garde pas leur attribut name, "
                           + "que le schéma exige.")
        }
        for index in document.references.indices where document.references[index].eId.isEmpty {
            document.references[index].eId = "ref_\(index + 1)"
            named += 1
        }
        for index in document.references.indices where document.references[index].showAs.isEmpty || document.references[index].href.isEmpty {
            if document.references[index].showAs.isEmpty { document.references[index].showAs = document.references[index].eId }
            if document.references[index].href.isEmpty { document.references[index].href = "#" + document.references[index].eId }
        }
        for index in document.notes.indices {
            if document.notes[index].eId.isEmpty { document.notes[index].eId = "note_\(index + 1)"; named += 1 }
            document.notes[index].blocks = paragraphs(document.notes[index].blocks)
        }
        if var publication = document.publication {
            if publication.name.isEmpty { publication.name = "publication" }
            if publication.showAs.isEmpty { publication.showAs = publication.name }
            document.publication = publication
        }
        if named > 0 { changes.append("\(named) identifiant(s) de métadonnées ajouté(s) (événements, références, notes).") }
    }

    // MARK: Clauses

    private mutating func clauses(_ originals: [Clause], parentEId: String?) -> [Clause] {
        var positions: [ClauseKind: Int] = [:]
        return originals.map { original in
            var clause = original
            if !original.kind.isInProfile {
                let kind: ClauseKind = original.kind == .subparagraph || original.kind == .alinea ? .paragraph
                    : original.kind == .indent || original.kind == .sublist ? .point : .section
                renamedKinds["<\(original.kind.elementName)> devenu(s) <\(kind.elementName)>"
                             + (original.attributes["name"] != nil ? " (son name devenu class)" : ""), default: 0] += 1
                clause.kind = kind
                // An hcontainer's `name` (what kind of container it is) is not an attribute of the profile's
                // elements: it becomes the class, unless there is one.
                if let name = clause.attributes.removeValue(forKey: "name"), clause.attributes["class"] == nil {
                    clause.attributes["class"] = name
                }
            }
            clause.numMarkup = nil
            if original.partAttributes != nil {
                clause.partAttributes = nil
                strippedPartAttributes += 1
            }
            if let heading = original.heading { clause.heading = inlines(heading) }
            clause.intro = paragraphs(original.intro)
            clause.content = paragraphs(original.content)
            clause.wrapUp = paragraphs(original.wrapUp)
            positions[clause.kind, default: 0] += 1
            let position = positions[clause.kind] ?? 1
            var component = String(position)
            if clause.kind.isNumberedByItsNum, let num = clause.num, let fromNum = ClauseNumbering.component(of: num, kind: clause.kind) {
                let safe = String(fromNum.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
                if !safe.isEmpty { component = safe }
            }
            let own = clause.kind.eIdPrefix + "_" + component
            let eId = clause.kind == .article ? own : (parentEId.map { $0 + "__" + own } ?? own)
            setEId(&clause, eId)
            clause.children = clauses(original.children, parentEId: eId)
            return clause
        }
    }

    /// Gives the clause `eId`, keeping an explicit wId and counting the change.
    private mutating func setEId(_ clause: inout Clause, _ eId: String) {
        guard clause.eId != eId else { return }
        let wId = clause.hasExplicitWId && LegalTextValidator.isValidWId(clause.wId) ? clause.wId : nil
        clause.eId = eId
        if let wId { clause.wId = wId } else { clause.wId = eId; clause.hasExplicitWId = false }
        recomputedEIds += 1
    }

    // MARK: Blocks and inlines

    private mutating func paragraphs(_ blocks: [Block]) -> [Block] {
        var result: [Block] = []
        for block in blocks { result.append(paragraph(block)) }
        return result
    }

    private mutating func paragraph(_ block: Block) -> Block {
        guard block.isParagraph else {
            flattenedBlocks[block.name, default: 0] += 1
            return Block(text: block.plainText.trimmingCharacters(in: .whitespaces))
        }
        var converted = block
        converted.attributes = block.attributes.filter { !$0.key.contains(":") }
        converted.inlines = inlines(block.inlines)
        return converted
    }

    private mutating func inlines(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines {
            switch inline {
            case .text: result.append(inline)
            case .element(let name, let attributes, let children):
                if Inline.supportedElements.contains(name) {
                    result.append(.element(name: name, attributes: attributes.filter { !$0.key.contains(":") },
                                           children: self.inlines(children)))
                } else if name == "authorialNote" || name == "noteRef" || name == "eol" || name == "eop" {
                    droppedInlines[name, default: 0] += 1
                    if name == "eol" || name == "eop" { result.append(.text(" ")) }
                } else {
                    unwrappedInlines[name, default: 0] += 1
                    result += self.inlines(children)
                }
            }
        }
        return TextNormalization.normalizeBlock(result)
    }
}
