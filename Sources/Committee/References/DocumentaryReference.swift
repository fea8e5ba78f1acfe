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
    /// No answer could be had: a timeout, an unknown name, a refused connection or TLS handshake, a server error (5xx).
    case unreachable = "injoignable"

    /// The outcome as a French reader names it.
    public var label: String {
        switch self {
        case .reachable: return "joignable"
        case .moved: return "déplacée"
        case .gone: return "disparue"
        case .outdated: return "contenu périmé"
        case .unreachable: return "injoignable"
        }
    }
}

/// Who made a check: a person (who looked at the content) or `suivi sources verifier` fetching the address.
public enum CheckMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case manual = "manuelle"
    case automatic = "automatique"
}

/// One redirect met while fetching a reference's address: `from` answered `status` and sent to `to`.
public struct RedirectHop: Sendable, Hashable, Codable {
    public var from: String
    public var status: Int
    public var to: String

    public init(from: String, status: Int, to: String) {
        self.from = from
        self.status = status
        self.to = to
    }

    /// Whether the redirect is permanent (301, 308): the address has moved.
    public var isPermanent: Bool { status == 301 || status == 308 }
}

/// One check of a reference: when, by whom, what it found. An automatic check also keeps what the server
/// answered: the last HTTP status (nil when no answer came), the address finally reached and each redirect.
public struct ReferenceCheck: Sendable, Hashable, Codable {
    public var date: LegalDate
    /// `Nom <courriel>` of the person who checked (or who ran the automatic check).
    public var person: String
    public var outcome: CheckOutcome
    public var note: String
    public var method: CheckMethod
    public var httpStatus: Int?
    public var finalAddress: String?
    public var redirects: [RedirectHop]

    public init(date: LegalDate, person: String, outcome: CheckOutcome, note: String = "", method: CheckMethod = .manual,
                httpStatus: Int? = nil, finalAddress: String? = nil, redirects: [RedirectHop] = []) {
        self.date = date
        self.person = person
        self.outcome = outcome
        self.note = note
        self.method = method
        self.httpStatus = httpStatus
        self.finalAddress = finalAddress
        self.redirects = redirects
    }

    /// Why this check cannot be recorded (nil when it can): an HTTP status outside 100–599, or a final or redirect
    /// address that is not an `http`/`https` address.
    public var problem: String? {
        if let httpStatus, !(100...599).contains(httpStatus) { return "statut HTTP \(httpStatus) impossible" }
        for address in [finalAddress].compactMap({ $0 }) + redirects.flatMap({ [$0.from, $0.to] }) {
            if let problem = DocumentaryReference.addressProblem(address) { return problem }
        }
        for hop in redirects where !(300...399).contains(hop.status) { return "redirection de statut HTTP \(hop.status) impossible" }
        return nil
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

    /// Why this reference cannot be written (nil when it can): the same rules as a read, so that a record the
    /// committee writes always reads back (an address that is not `http`/`https`, a check that cannot be recorded).
    public var problem: String? {
        if !Identifiers.isValid(id) { return "identifiant de référence « \(id) » invalide" }
        if publisher.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "<editeur> absent ou vide" }
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "<titre> absent ou vide" }
        if let address, let problem = Self.addressProblem(address) { return problem }
        return checks.lazy.compactMap(\.problem).first
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
            let method = element.optional("methode") == nil ? CheckMethod.manual : try element.value("methode", as: CheckMethod.self, in: file)
            var status: Int?
            if let text = element.optional("statut") {
                guard let value = Int(text) else { throw .invalidRecord(path: file, line: element.line, reason: "statut HTTP « \(text) » invalide") }
                status = value
            }
            var redirects: [RedirectHop] = []
            for hop in element.all("redirection") {
                let code = try hop.required("statut", in: file)
                guard let value = Int(code) else { throw .invalidRecord(path: file, line: hop.line, reason: "statut HTTP « \(code) » invalide") }
                redirects.append(RedirectHop(from: try hop.required("de", in: file), status: value, to: try hop.required("vers", in: file)))
            }
            let check = ReferenceCheck(date: try element.date("date", in: file), person: try element.required("par", in: file),
                                       outcome: try element.value("resultat", as: CheckOutcome.self, in: file),
                                       note: element.first("note")?.text ?? element.text, method: method, httpStatus: status,
                                       finalAddress: element.optional("adresse-finale"), redirects: redirects)
            if let problem = check.problem { throw .invalidRecord(path: file, line: element.line, reason: problem) }
            checks.append(check)
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
                var attributes: [String: String?] = ["date": check.date.iso, "par": check.person, "resultat": check.outcome.rawValue]
                guard check.method == .automatic else {
                    writer.leaf("verification", attributes, text: check.note)
                    continue
                }
                attributes["methode"] = check.method.rawValue
                attributes["statut"] = check.httpStatus.map(String.init)
                attributes["adresse-finale"] = check.finalAddress
                writer.element("verification", attributes) { writer in
                    if !check.note.isEmpty { writer.leaf("note", text: check.note) }
                    for hop in check.redirects { writer.leaf("redirection", ["de": hop.from, "statut": String(hop.status), "vers": hop.to]) }
                }
            }
            if !note.isEmpty { writer.leaf("note", text: note) }
        }
        return writer.output
    }
}
