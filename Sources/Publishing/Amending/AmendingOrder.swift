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
    /// Whether applying the order to the old version gives exactly the new one (checked when generated).
    public let roundTripExact: Bool

    /// "l'arrêté du 5 janvier 2017 susvisé".
    static func actReference(_ amended: LegalDocument) -> String {
        let date = amended.date(of: .signature) ?? amended.identification.work.date.date
        return "l'arrêté du \(date.french) susvisé"
    }

    public init(amended: LegalDocument, date: LegalDate, operations: [AmendingOperation], roundTripExact: Bool) {
        self.operations = operations
        self.date = date
        self.roundTripExact = roundTripExact
        document = Self.document(amended: amended, date: date, operations: operations)
    }

    /// The version the order gives when applied to `base`.
    public func consolidate(_ base: LegalDocument) throws(PublishingError) -> LegalDocument {
        try AmendingOrderApplier().apply(operations, to: base, year: date.year)
    }

    // MARK: The order as an act

    static func document(amended: LegalDocument, date: LegalDate, operations: [AmendingOperation]) -> LegalDocument {
        let act = actReference(amended)
        let amendedDate = amended.date(of: .signature) ?? amended.identification.work.date.date
        let amendedTitle = amended.title ?? "arrêté du \(amendedDate.french)"
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
        let lowered = amendedTitle.prefix(1).lowercased() + amendedTitle.dropFirst()
        return LegalDocument(
            identification: identification,
            lifecycle: [LifecycleEvent(eId: "evt_projet", date: date, refersTo: LegalEventKind.draft.rawValue)],
            references: [TLCReference(element: "TLCOrganization", eId: "suivi", href: "/ontology/organization/fr/suivi", showAs: "Projet suivi")],
            notes: [Note(eId: "note_generation", attributes: ["class": "generation"], blocks: [
                Block(text: "Projet d'arrêté modificatif établi par suivi à partir de la comparaison des deux versions ; "
                      + "il n'a pas de valeur officielle tant qu'il n'est pas signé et publié."),
            ])],
            preface: [.longTitle([Block(text: "Projet d'arrêté modifiant l'" + lowered)])],
            preamble: [
                .formula(name: "autorite", blocks: [Block(text: "Le ministre chargé de la santé,")]),
                .citations([Clause(kind: .citation, eId: "cit_1", content: [Block(text: "Vu l'" + lowered + " ;")])]),
                .formula(name: "enactingFormula", blocks: [Block(text: "Arrête :")]),
            ],
            body: body)
    }

    /// Groups the operations into articles: consecutive changes to one article, one annex or the visas
    /// share an article ("L'article 3 … est ainsi modifié : 1° … ; 2° … ."); the rest stand alone.
    static func articles(_ operations: [AmendingOperation], act: String) -> [Clause] {
        var groups: [(context: Designation?, name: String, operations: [AmendingOperation])] = []
        for operation in operations {
            let (context, name) = self.context(of: operation, act: act)
            if let context, let last = groups.last, last.context == context {
                groups[groups.count - 1].operations.append(operation)
            } else {
                groups.append((context, name, [operation]))
            }
        }
        var articles: [Clause] = []
        func article(_ paragraphs: [[Block]]) {
            let number = articles.count + 1
            let eId = "art_\(number)"
            let children = paragraphs.enumerated().map { index, blocks in
                Clause(kind: .paragraph, eId: "\(eId)__para_\(index + 1)", content: blocks)
            }
            articles.append(Clause(kind: .article, eId: eId, num: number == 1 ? "Article 1er" : "Article \(number)", children: children))
        }
        for group in groups {
            if group.operations.count == 1 || group.context == nil {
                for operation in group.operations {
                    guard let written = FormulaWriter.write(operation, context: nil, act: act) else { continue }
                    article([FormulaWriter.blocks(written, number: nil, last: true)])
                }
                continue
            }
            var paragraphs: [[Block]] = [[Block(text: group.name)]]
            for (index, operation) in group.operations.enumerated() {
                guard let written = FormulaWriter.write(operation, context: group.context, act: act) else { continue }
                paragraphs.append(FormulaWriter.blocks(written, number: index + 1, last: index == group.operations.count - 1))
            }
            article(paragraphs)
        }
        article([[Block(text: "Le directeur général de la santé est chargé de l'exécution du présent arrêté, "
                        + "qui sera publié au Journal officiel de la République française.")]])
        return articles
    }

    /// The article, annex or visas an operation belongs to, and the sentence that opens their article.
    static func context(of operation: AmendingOperation, act: String) -> (Designation?, String) {
        let designation: Designation
        switch operation {
        case .replaceWords(let t, _, _), .deleteWords(let t, _), .insertWords(let t, _, _), .replaceClause(let t, _),
             .insertAfter(let t, _), .insertBefore(let t, _), .delete(let t), .replaceHeading(let t, _):
            designation = t
        case .append(let c, _): designation = c
        case .renumber(let c, _, _, _):
            // A renumbering inside an article or an annex goes with its other changes.
            guard let first = c.steps.first else { return (nil, "") }
            let context = Designation([first])
            return (context, opening(context, act: act))
        case .replaceAnnexTitle: return (nil, "")
        }
        guard let first = designation.steps.first, designation.steps.count > 1 else {
            if case .citation = designation.steps.first { return (Designation([]), "Les visas de \(act) sont ainsi modifiés :") }
            return (nil, "")
        }
        if case .citation = first { return (Designation([]), "Les visas de \(act) sont ainsi modifiés :") }
        let context = Designation([first])
        return (context, opening(context, act: act))
    }

    static func opening(_ context: Designation, act: String) -> String {
        FrenchWords.capitalized(context.french) + " " + FrenchWords.contract("de", act) + " est ainsi modifié\(context.isFeminine ? "e" : "") :"
    }

    // MARK: Comparing versions

    /// The canonical XML of `document` with the metadata of `reference` (an order changes the text,
    /// not the version's identification and dates): what the round trip compares.
    public static func normativeText(_ document: LegalDocument, like reference: LegalDocument) -> String {
        var copy = document
        copy.identification = reference.identification
        copy.publication = reference.publication
        copy.lifecycle = reference.lifecycle
        copy.references = reference.references
        copy.notes = reference.notes
        return CanonicalWriter.string(copy)
    }
}
