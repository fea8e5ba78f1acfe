import Foundation
import LegalText

/// What kind of source a documentary reference of Annexe II is.
public enum ReferenceKind: String, Sendable, Hashable, Codable, CaseIterable {
    case officialBody = "organisme-officiel"
    case association
    case report = "rapport"
    case database = "base-de-donnees"
    case synthesis = "synthese"

    /// The kind as a French reader names it.
    public var label: String {
        switch self {
        case .officialBody: return "organisme officiel"
        case .association: return "association"
        case .report: return "rapport"
        case .database: return "base de données"
        case .synthesis: return "synthèse"
        }
    }
}

/// What a check of a reference found.
public enum CheckOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case reachable = "joignable"
    case moved = "deplacee"
    case gone = "disparue"
    case outdated = "perimee"

    /// The outcome as a French reader names it.
    public var label: String {
        switch self {
        case .reachable: return "joignable"
        case .moved: return "déplacée"
        case .gone: return "disparue"
        case .outdated: return "contenu périmé"
        }
    }
}

/// One check of a reference: when, by whom, what it found.
public struct ReferenceCheck: Sendable, Hashable, Codable {
    public var date: LegalDate
    /// `Nom <courriel>` of the person who checked.
    public var person: String
    public var outcome: CheckOutcome
    public var note: String

    public init(date: LegalDate, person: String, outcome: CheckOutcome, note: String = "") {
        self.date = date
        self.person = person
        self.outcome = outcome
        self.note = note
    }
}

/// A clause of a text that cites a reference, by its stable wId (so the citation follows renumbering).
public struct ReferenceCitation: Sendable, Hashable, Codable {
    public var work: String
    public var wId: String

    public init(work: String, wId: String) {
        self.work = work
        self.wId = wId
    }
}

/// One documentary reference of Annexe II (`committee/references/<id>.xml`): who publishes it, what it is,
/// where it is, what it covers, which clauses cite it, and its checks (the latest one counts).
public struct DocumentaryReference: Sendable, Hashable, Codable {
    public var id: String
    public var publisher: String
    public var title: String
    /// An `http` or `https` address; nil when the text gives none.
    public var address: String?
    public var kind: ReferenceKind
    public var pathologies: [String]
    public var countries: [String]
    public var citations: [ReferenceCitation]
    /// Every check recorded, oldest first.
    public var checks: [ReferenceCheck]
    public var note: String

    public init(id: String, publisher: String, title: String, address: String? = nil, kind: ReferenceKind,
                pathologies: [String] = [], countries: [String] = [], citations: [ReferenceCitation] = [],
                checks: [ReferenceCheck] = [], note: String = "") {
        self.id = id
        self.publisher = publisher
        self.title = title
        self.address = address
        self.kind = kind
        self.pathologies = pathologies
        self.countries = countries
        self.citations = citations
        self.checks = checks
        self.note = note
    }

    /// The latest check (by date; the later recorded on the same day), nil when never checked.
    public var lastCheck: ReferenceCheck? {
        checks.enumerated().max { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }?.element
    }

    static let root = "reference"

    /// Where the record lives in the register.
    public static func path(_ id: String) -> String { "committee/references/\(id).xml" }

    /// Why `address` cannot be a reference's address (nil when it can): only `http` and `https` addresses with a
    /// host, without credentials or spaces, are accepted (`file:`, `javascript:`, `data:`… are refused).
    public static func addressProblem(_ address: String) -> String? {
        let hasSpaceOrControl = address.unicodeScalars.contains { scalar in
            scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F
        }
        guard !hasSpaceOrControl else {
            return "l'adresse « \(address) » contient des espaces ou des caractères de contrôle"
        }
        guard let components = URLComponents(string: address), let scheme = components.scheme?.lowercased() else {
            return "l'adresse « \(address) » n'est pas une adresse web (attendu : http://… ou https://…)"
        }
        guard scheme == "http" || scheme == "https" else {
            return "l'adresse « \(address) » utilise le schéma « \(scheme): » ; seules les adresses http:// et https:// sont acceptées"
        }
        guard let host = components.host, !host.isEmpty else {
            return "l'adresse « \(address) » ne nomme aucun site (attendu : https://site/…)"
        }
        guard components.user == nil && components.password == nil else {
            return "l'adresse « \(address) » contient un identifiant ou un mot de passe, qu'une référence publique ne peut pas porter"
        }
        return nil
    }

    public init(data: Data, file: String) throws(CommitteeError) {
        let root = try CommitteeXML.read(data, file: file, root: Self.root)
        id = try root.required("id", in: file)
        kind = try root.value("nature", as: ReferenceKind.self, in: file)
        guard Identifiers.isValid(id) else {
            throw .invalidRecord(path: file, line: root.line, reason: "identifiant de référence « \(id) » invalide")
        }
        publisher = root.first("editeur")?.text ?? ""
        title = root.first("titre")?.text ?? ""
        guard !publisher.isEmpty else { throw .invalidRecord(path: file, line: root.line, reason: "<editeur> absent ou vide") }
        guard !title.isEmpty else { throw .invalidRecord(path: file, line: root.line, reason: "<titre> absent ou vide") }
        if let element = root.first("adresse"), !element.text.isEmpty {
            if let problem = Self.addressProblem(element.text) {
                throw .invalidRecord(path: file, line: element.line, reason: problem)
            }
            address = element.text
        } else {
            address = nil
        }
        pathologies = root.all("pathologie").map(\.text).filter { !$0.isEmpty }
        countries = root.all("pays").map(\.text).filter { !$0.isEmpty }
        var citations: [ReferenceCitation] = []
        for element in root.all("citation") {
            citations.append(ReferenceCitation(work: try element.required("texte", in: file), wId: try element.required("wId", in: file)))
        }
        self.citations = citations
        var checks: [ReferenceCheck] = []
        for element in root.all("verification") {
            checks.append(ReferenceCheck(date: try element.date("date", in: file), person: try element.required("par", in: file),
                                         outcome: try element.value("resultat", as: CheckOutcome.self, in: file), note: element.text))
        }
        self.checks = checks
        note = root.first("note")?.text ?? ""
    }

    public var xml: String {
        var writer = RecordWriter()
        writer.element(Self.root, ["id": id, "nature": kind.rawValue]) { writer in
            writer.leaf("editeur", text: publisher)
            writer.leaf("titre", text: title)
            if let address { writer.leaf("adresse", text: address) }
            for pathology in pathologies { writer.leaf("pathologie", text: pathology) }
            for country in countries { writer.leaf("pays", text: country) }
            for citation in citations { writer.leaf("citation", ["texte": citation.work, "wId": citation.wId]) }
            for check in checks {
                writer.leaf("verification", ["date": check.date.iso, "par": check.person, "resultat": check.outcome.rawValue], text: check.note)
            }
            if !note.isEmpty { writer.leaf("note", text: note) }
        }
        return writer.output
    }
}
