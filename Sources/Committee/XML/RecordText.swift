import Foundation
import LegalText

/// A record of `committee/` as the committee writes it: the value and its canonical XML.
protocol CommitteeRecord: Sendable {
    /// The record's canonical XML.
    var xml: String { get }
    /// What the record is, in French, for messages (« commentaire », « position »…).
    static var recordKind: String { get }
}

extension Comment: CommitteeRecord { static var recordKind: String { "commentaire" } }
extension Position: CommitteeRecord { static var recordKind: String { "position" } }
extension Review: CommitteeRecord { static var recordKind: String { "révision" } }
extension CommitteeEvent: CommitteeRecord { static var recordKind: String { "événement" } }
extension DocumentaryReference: CommitteeRecord { static var recordKind: String { "référence documentaire" } }
extension Roster: CommitteeRecord { static var recordKind: String { "composition du comité" } }

/// The rule for text written into a committee record, applied in one place (``Committee/data(_:)``, which
/// every write of the committee goes through, whatever the door: CLI, web, import, pull):
/// a character XML 1.0 cannot hold (NUL, a C0 control other than tab, line feed and carriage return,
/// U+FFFE, U+FFFF) is refused, with the field, the character and its position, and nothing is written; so is a
/// character that disguises what a reader sees (``DeceptiveCharacters``: bidi overrides, zero-width characters).
/// Such a character would make the record ill-formed, and an unreadable record took every committee page
/// and command offline. Tabs and line breaks are kept; a carriage return is kept too (written `&#13;`, it
/// reads back exactly).
///
/// Every text of the record is checked, found by reflection (`Mirror`), so a field added later is checked too.
enum RecordText {
    /// Refuses the record if one of its texts holds a character XML cannot hold.
    /// - Throws: ``CommitteeError/forbiddenCharacter(field:record:character:position:before:)``.
    static func check<Record: CommitteeRecord>(_ record: Record) throws(CommitteeError) {
        try check(Mirror(reflecting: record), path: [], record: Record.recordKind)
    }

    /// Refuses one text given on its own (a value written elsewhere than in a record: the publication reference
    /// of an adoption, written into the text's metadata).
    static func check(_ text: String?, field: String, record: String) throws(CommitteeError) {
        guard let text else { return }
        if let found = XMLCharacters.firstDisallowed(in: text) {
            throw .forbiddenCharacter(field: field, record: record, character: XMLCharacters.label(code: found.code),
                                      position: found.position, before: found.before)
        }
        // Characters XML holds but that disguise what a reader sees (bidi overrides, invisible characters).
        if let found = DeceptiveCharacters.first(in: text) {
            throw .forbiddenCharacter(field: field, record: record, character: DeceptiveCharacters.label(code: found.code),
                                      position: found.position, before: found.before)
        }
    }

    private static func check(_ mirror: Mirror, path: [String], record: String) throws(CommitteeError) {
        for child in mirror.children {
            let name = child.label ?? ""
            let childPath = name.isEmpty || name == "some" ? path : path + [name]
            if let text = child.value as? String {
                try check(text, field: fieldLabel(childPath), record: record)
            } else {
                try check(Mirror(reflecting: child.value), path: childPath, record: record)
            }
        }
    }

    /// The field as the user knows it (the CLI option's and the web form's word).
    static func fieldLabel(_ path: [String]) -> String {
        let labels: [String: String] = [
            "text": "texte", "reason": "motif", "note": "note", "summary": "résumé", "source": "source",
            "decisionReason": "motif", "subject": "objet", "name": "nom", "email": "courriel",
            "organisation": "organisation", "person": "auteur", "works": "texte concerné", "id": "identifiant",
            "seat": "siège", "review": "révision", "work": "texte", "wId": "wId", "eId": "eId", "commit": "commit",
            "replyTo": "réponse à", "event": "événement", "draftBranch": "branche du projet",
            "consultedCommit": "projet consulté", "adoptedVersion": "version adoptée",
            "publisher": "éditeur", "title": "titre", "address": "adresse", "pathologies": "pathologie", "countries": "pays",
            "paragraphs": "texte", "authors": "auteur", "references": "référence",
        ]
        guard let last = path.last else { return "texte" }
        let label = labels[last] ?? last
        if path.contains("resolution") && last == "note" { return "note de résolution" }
        if path.contains("history") && last == "note" { return "motif d'une étape" }
        if path.contains("members") { return label + " d'un membre" }
        if path.contains("history") { return label + " d'une étape" }
        return label
    }
}
