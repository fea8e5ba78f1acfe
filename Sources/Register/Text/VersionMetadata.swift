import Foundation
import LegalText

/// The metadata a version gets from what it is (docs/FORMAT.md, "Identifiers" and "Dates"): a draft is dated
/// `#projet` and has the expression `{work}/{draft name}/fr`; an adopted version has its signature,
/// publication and entry-into-force dates and the expression `{work}/{YYYY-MM-DD}/fr` at its entry into force.
public enum VersionMetadata {
    /// `document` as draft `name` dated `date`: lifecycle `#projet` only, no publication, expression and
    /// manifestation URIs of the draft. The work, the text and the notes are unchanged.
    public static func draft(_ document: LegalDocument, name: String, date: LegalDate) -> LegalDocument {
        var draft = document
        draft.lifecycle = [LifecycleEvent(eId: "evt_projet", date: date, refersTo: LegalEventKind.draft.rawValue,
                                          type: "amendment")]
        draft.publication = nil
        let expression = "\(document.identification.work.uri)/\(name)/fr"
        draft.identification.expression.this = expression
        draft.identification.expression.uri = expression
        draft.identification.expression.date = FRBRDate(date: date, name: "projet")
        draft.identification.manifestation.this = ELI.manifestation(expression: expression)
        draft.identification.manifestation.uri = ELI.manifestation(expression: expression)
        return draft
    }

    /// `document` as the version adopted with `dates`: lifecycle signature, publication (if any) and entry into
    /// force, the publication reference, and the expression of the text consolidated at its entry into force.
    public static func adopted(_ document: LegalDocument, dates: AdoptionDates) -> LegalDocument {
        var adopted = document
        var lifecycle = [LifecycleEvent(eId: "evt_signature", date: dates.signature, refersTo: LegalEventKind.signature.rawValue,
                                        type: "amendment")]
        if let publication = dates.publication {
            lifecycle.append(LifecycleEvent(eId: "evt_publication", date: publication, refersTo: LegalEventKind.publication.rawValue,
                                            type: "amendment"))
            adopted.publication = Publication(date: publication, name: "JORF", number: nil,
                                              showAs: dates.publicationReference ?? "Journal officiel du \(publication.french)")
        } else {
            adopted.publication = nil
        }
        lifecycle.append(LifecycleEvent(eId: "evt_vigueur", date: dates.entryIntoForce, refersTo: LegalEventKind.entryIntoForce.rawValue,
                                        type: "amendment"))
        adopted.lifecycle = lifecycle
        let expression = ELI.expression(work: document.identification.work.uri, consolidatedOn: dates.entryIntoForce)
        adopted.identification.expression.this = expression
        adopted.identification.expression.uri = expression
        adopted.identification.expression.date = FRBRDate(date: dates.entryIntoForce, name: "version")
        adopted.identification.manifestation.this = ELI.manifestation(expression: expression)
        adopted.identification.manifestation.uri = ELI.manifestation(expression: expression)
        return adopted
    }
}
