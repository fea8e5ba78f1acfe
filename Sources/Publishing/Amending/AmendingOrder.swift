import Foundation
import LegalText

/// An *arrêté modificatif*: the articles that turn the text in force into the proposed text, in the
/// drafting formulas of the Guide de légistique. It is itself an Akoma Ntoso act (``document``), so
/// it can be written, read back, parsed (``AmendingOrderParser``) and applied (``AmendingOrderApplier``).
public struct AmendingOrder: Sendable, Hashable {
    /// The operations, in the order they apply.
    public let operations: [AmendingOperation]
    /// The date the order bears (a draft's date), whose year goes into new wIds.
    public let date: LegalDate
    /// The order as an act.
    public let document: LegalDocument
    /// Whether applying the order to the old version gives the new one's normative content exactly
    /// (``NormativeContent``: wording, structure, numbers, headings; not identifiers nor metadata).
    public let roundTripExact: Bool
    /// The differences the order does not express, place by place; empty when the order is complete.
    public let unexpressed: [UnexpressedChange]

    /// "l'arrêté du 5 janvier 2017 susvisé": the act is named by its work's date (its first signature), whatever
    /// version of it is amended — a version adopted later is still the arrêté du 5 janvier 2017, as modified.
    static func actReference(_ amended: LegalDocument) -> String {
        "l'arrêté du \(amended.identification.work.date.date.french) susvisé"
    }

    public init(amended: LegalDocument, date: LegalDate, operations: [AmendingOperation], roundTripExact: Bool,
                unexpressed: [UnexpressedChange] = [], visas: [Clause] = []) {
        self.operations = operations
        self.date = date
        self.roundTripExact = roundTripExact
        self.unexpressed = unexpressed
        var document = Self.document(amended: amended, date: date, operations: operations, visas: visas)
        if !unexpressed.isEmpty, let index = document.notes.indices.first {
            // A partial order says so, and what it leaves out.
            document.notes[index].blocks.append(Block(text: "Projet partiel : les modifications suivantes ne sont pas rédigées. "
                + unexpressed.map(\.description).joined(separator: " ; ") + "."))
        }
        self.document = document
    }

    /// The version the order gives when applied to `base`.
    public func consolidate(_ base: LegalDocument) throws(PublishingError) -> LegalDocument {
        try AmendingOrderApplier().apply(operations, to: base, year: date.year)
    }

    // MARK: The order as an act

    /// The amended act's title with a lower-case initial ("arrêté du 5 janvier 2017 fixant …").
    static func amendedTitle(_ amended: LegalDocument) -> String {
        let date = amended.date(of: .signature) ?? amended.identification.work.date.date
        let title = amended.title ?? "arrêté du \(date.french)"
        return title.prefix(1).lowercased() + title.dropFirst()
    }

    /// The order as an arrêté modificatif: title with the date to come, NOR to come, the authority, its
    /// own visas (new references of the amended version, then the act amended), « Arrête : », one
    /// article « L'arrêté du … susvisé est ainsi modifié : » whose numbered items follow the text
    /// amended, the execution article, and the signature block to complete.
    static func document(amended: LegalDocument, date: LegalDate, operations: [AmendingOperation], visas: [Clause] = []) -> LegalDocument {
        let act = actReference(amended)
        let amendedDate = amended.date(of: .signature) ?? amended.identification.work.date.date
        let lowered = amendedTitle(amended)
        let body = articles(operations, act: act)
        let nor = amended.identification.work.number ?? "TEXTE"
        let work = "/eli/arrete/\(date.year)/projet/modifiant-\(nor)"
        let identification = Identification(
            work: FRBRWork(this: work, uri: work, date: FRBRDate(date: date, name: "projet"), author: "#suivi", country: "fr",
                           name: "Projet d'arrêté modifiant l'arrêté du \(amendedDate.french)"),
            expression: FRBRExpression(this: work + "/fr", uri: work + "/fr", date: FRBRDate(date: date, name: "projet"),
                                       author: "#suivi", language: "fra"),
            manifestation: FRBRManifestation(this: work + "/fr/xml", uri: work + "/fr/xml", date: FRBRDate(date: date, name: "generation"),
                                             author: "#suivi"))
        // Visas: each ends with « ; », the last with « , ».
        var citations: [Clause] = visas.map { visa in
            var copy = visa
            copy.children = []
            return copy
        }
        citations.append(Clause(kind: .citation, eId: "", content: [Block(text: "Vu l'" + lowered)]))
        for index in citations.indices {
            citations[index].eId = "cit_\(index + 1)"
            citations[index].wId = "cit_\(index + 1)"
            if let last = citations[index].content.indices.last {
                var atoms = InlineAtoms.atoms(citations[index].content[last].inlines)
                while let end = atoms.last, end == .character(";") || end == .character(",") || end == .character(".") || end.isSpace {
                    atoms.removeLast()
                }
                atoms += InlineAtoms.atoms([.text(index == citations.count - 1 ? "," : " ;")])
                citations[index].content[last].inlines = InlineAtoms.inlines(atoms)
            }
        }
        return LegalDocument(
            identification: identification,
            lifecycle: [LifecycleEvent(eId: "evt_projet", date: date, refersTo: LegalEventKind.draft.rawValue)],
            references: [TLCReference(element: "TLCOrganization", eId: "suivi", href: "/ontology/organization/fr/suivi", showAs: "Projet suivi")],
            notes: [Note(eId: "note_generation", attributes: ["class": "generation"], blocks: [
                Block(text: "Projet d'arrêté modificatif établi par suivi à partir de la comparaison des deux versions ; "
                      + "il n'a pas de valeur officielle tant qu'il n'est pas signé et publié. La date, le NOR et le signataire "
                      + "sont à compléter."),
            ])],
            preface: [.longTitle([Block(text: "Arrêté du … modifiant l'" + lowered)]), .block(Block(text: "NOR : …", className: "nor"))],
            preamble: [
                .formula(name: "autorite", blocks: [Block(text: "Le ministre chargé de la santé,")]),
                .citations(citations),
                .formula(name: "enactingFormula", blocks: [Block(text: "Arrête :")]),
            ],
            body: body,
            conclusions: [
                Block(text: "Fait le …", className: "fait"),
                Block(text: "[Signature à compléter : le ministre chargé de la santé ou, par délégation, l'autorité qui signe pour lui.]",
                      className: Block.editorialNoteClass),
            ])
    }

    /// One group of the order: a change standing alone, or the changes to one article, annex or the visas
    /// (« 2° L'article 3 est ainsi modifié : a) … ; b) … ; »).
    struct Entry {
        var context: Designation?
        var operations: [AmendingOperation]
    }

    /// The entries of the order, in the order of the operations: consecutive changes to one article, one
    /// annex or the visas share an entry.
    static func entries(_ operations: [AmendingOperation], act: String) -> [Entry] {
        var entries: [Entry] = []
        for operation in operations {
            let (context, _) = self.context(of: operation, act: act)
            if let context, let last = entries.last, last.context == context {
                entries[entries.count - 1].operations.append(operation)
            } else {
                entries.append(Entry(context: context, operations: [operation]))
            }
        }
        // A group of one is written as a change standing alone.
        return entries.flatMap { entry in
            entry.operations.count == 1 ? [Entry(context: nil, operations: entry.operations)] : [entry]
        }
    }

    /// "a)", "b)", … "z)", then "z1)", "z2)"….
    static func letter(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return index < letters.count ? "\(letters[index]))" : "z\(index - letters.count + 1))"
    }

    /// Article 1er amends the act item by item; the last article is the execution article.
    static func articles(_ operations: [AmendingOperation], act: String) -> [Clause] {
        var articles: [Clause] = []
        func article(_ paragraphs: [[Block]]) {
            let number = articles.count + 1
            let eId = "art_\(number)"
            let children = paragraphs.enumerated().map { index, blocks in
                Clause(kind: .paragraph, eId: "\(eId)__para_\(index + 1)", content: blocks)
            }
            articles.append(Clause(kind: .article, eId: eId, num: number == 1 ? "Article 1er" : "Article \(number)", children: children))
        }
        let whole = Designation([])
        let entries = self.entries(operations, act: act)
        if !entries.isEmpty {
            var paragraphs: [[Block]] = [[Block(text: FrenchWords.capitalized(act) + " est ainsi modifié :")]]
            for (index, entry) in entries.enumerated() {
                let number = "\(index + 1)°"
                let lastEntry = index == entries.count - 1
                guard let context = entry.context else {
                    for operation in entry.operations {
                        guard let written = FormulaWriter.write(operation, context: whole, act: act)
                            ?? FormulaWriter.write(operation, context: nil, act: act) else { continue }
                        paragraphs.append(FormulaWriter.blocks(written, label: number, last: lastEntry))
                    }
                    continue
                }
                paragraphs.append([Block(text: number + " " + opening(context))])
                for (subIndex, operation) in entry.operations.enumerated() {
                    guard let written = FormulaWriter.write(operation, context: context, act: act) else { continue }
                    paragraphs.append(FormulaWriter.blocks(written, label: letter(subIndex),
                                                           last: lastEntry && subIndex == entry.operations.count - 1))
                }
            }
            article(paragraphs)
        }
        article([[Block(text: "Le directeur général de la santé est chargé de l'exécution du présent arrêté, "
                        + "qui sera publié au Journal officiel de la République française.")]])
        return articles
    }

    /// The article, annex or visas an operation belongs to (nil: the operation stands alone).
    static func context(of operation: AmendingOperation, act: String) -> (Designation?, String) {
        let designation: Designation
        switch operation {
        case .replaceWords(let t, _, _), .deleteWords(let t, _), .insertWords(let t, _, _), .appendWords(let t, _, _), .replaceClause(let t, _),
             .insertAfter(let t, _), .insertBefore(let t, _), .delete(let t), .replaceHeading(let t, _):
            designation = t
        case .append(let c, _): designation = c
        case .renumber(let c, _, _, _):
            // A renumbering inside an article or an annex goes with its other changes.
            guard let first = c.steps.first else { return (nil, "") }
            let context = Designation([first])
            return (context, opening(context))
        case .replaceAnnexTitle, .replaceTitle, .appendAnnex: return (nil, "")
        case .replaceRange(let first, _, _, _):
            // A range of articles stands alone; a range inside an article goes with its other changes.
            guard let step = first.steps.first, first.steps.count > 1 else { return (nil, "") }
            if case .citation = step { return (Designation([]), "Les visas sont ainsi modifiés :") }
            let context = Designation([step])
            return (context, opening(context))
        }
        guard let first = designation.steps.first, designation.steps.count > 1 else {
            if case .citation = designation.steps.first { return (Designation([]), "Les visas sont ainsi modifiés :") }
            return (nil, "")
        }
        if case .citation = first { return (Designation([]), "Les visas sont ainsi modifiés :") }
        let context = Designation([first])
        return (context, opening(context))
    }

    /// « L'article 3 est ainsi modifié : », « L'annexe II est ainsi modifiée : », « Les visas sont ainsi modifiés : ».
    static func opening(_ context: Designation) -> String {
        if context.steps.isEmpty { return "Les visas sont ainsi modifiés :" }
        return FrenchWords.capitalized(context.french) + " est ainsi modifié\(context.isFeminine ? "e" : "") :"
    }

    // MARK: Comparing versions

    /// The normative content of `document` as text (``NormativeContent``): what the round trip compares.
    /// `reference` is unused and kept for existing callers.
    public static func normativeText(_ document: LegalDocument, like reference: LegalDocument) -> String {
        NormativeContent(document).text
    }
}
