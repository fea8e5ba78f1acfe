import Foundation
import LegalText
import Register

/// The categories of seats recommended by the CNS (R3.2).
public enum SeatCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case dgs
    case daei
    case dgef
    case dgm
    case ofiiDirection = "ofii-direction-service-medical"
    case ofiiDoctors = "ofii-medecins"
    case defenseurDesDroits = "defenseur-des-droits"
    case learnedSociety = "societe-savante"
    case medicalAssociation = "association-medicale"
    case socialAssociation = "association-sociale"
    case legalAssociation = "association-juridique"
    case humanitarianAssociation = "association-humanitaire"
    case researcher = "chercheur"

    /// The category as a French reader names it.
    public var label: String {
        switch self {
        case .dgs: return "Direction générale de la santé (présidence)"
        case .daei: return "Délégation aux affaires européennes et internationales"
        case .dgef: return "Direction générale des étrangers en France"
        case .dgm: return "Direction générale de la mondialisation"
        case .ofiiDirection: return "Direction du service médical de l'OFII"
        case .ofiiDoctors: return "Médecins de l'OFII"
        case .defenseurDesDroits: return "Défenseur des droits"
        case .learnedSociety: return "Société savante"
        case .medicalAssociation: return "Association d'accompagnement (médical)"
        case .socialAssociation: return "Association d'accompagnement (social)"
        case .legalAssociation: return "Association d'accompagnement (juridique)"
        case .humanitarianAssociation: return "Association humanitaire ou de coopération internationale"
        case .researcher: return "Personnalité qualifiée (recherche)"
        }
    }
}

/// A person holding a seat for a period.
public struct Member: Sendable, Hashable, Codable {
    public var name: String
    public var email: String
    public var from: LegalDate
    /// The last day in office; nil while in office.
    public var to: LegalDate?
    /// The member's public SSH key (Ed25519): what the commits they sign are checked against.
    public var publicKey: SSHPublicKey?

    public init(name: String, email: String, from: LegalDate, to: LegalDate? = nil, publicKey: SSHPublicKey? = nil) {
        self.name = name
        self.email = email
        self.from = from
        self.to = to
        self.publicKey = publicKey
    }

    /// Whether the person holds the seat on `date`.
    public func isInOffice(on date: LegalDate) -> Bool { from <= date && (to.map { date <= $0 } ?? true) }
}

/// A seat of the committee: an organisation in a category, held by members over time.
public struct Seat: Sendable, Hashable, Codable {
    public var id: String
    public var category: SeatCategory
    public var organisation: String
    /// Whether this seat chairs the committee (the DGS).
    public var isChair: Bool
    public var members: [Member]

    public init(id: String, category: SeatCategory, organisation: String, isChair: Bool = false, members: [Member] = []) {
        self.id = id
        self.category = category
        self.organisation = organisation
        self.isChair = isChair
        self.members = members
    }

    /// The members in office on `date`.
    public func currentMembers(on date: LegalDate) -> [Member] { members.filter { $0.isInOffice(on: date) } }
}

/// A key the web server signs with: it vouches for the member it authenticated (`Membre-authentifie:` trailer).
public struct ServerKey: Sendable, Hashable, Codable {
    /// What the server is (« serveur web du comité »).
    public var name: String
    public var publicKey: SSHPublicKey

    public init(name: String, publicKey: SSHPublicKey) {
        self.name = name
        self.publicKey = publicKey
    }
}

/// The committee's seats (`committee/members.xml`).
public struct Roster: Sendable, Hashable, Codable {
    public var seats: [Seat]
    /// The web servers' keys (`<serveur>`).
    public var servers: [ServerKey]

    public init(seats: [Seat] = [], servers: [ServerKey] = []) {
        self.seats = seats
        self.servers = servers
    }

    public func seat(_ id: String) -> Seat? { seats.first { $0.id == id } }

    /// The chair's seat, if the roster names one.
    public var chair: Seat? { seats.first { $0.isChair } }

    static let root = "comite"

    /// Reads `committee/members.xml`.
    public init(data: Data, file: String) throws(CommitteeError) {
        let root = try CommitteeXML.read(data, file: file, root: Self.root)
        var seats: [Seat] = []
        for element in root.all("siege") {
            let id = try element.required("id", in: file)
            guard Identifiers.isValid(id) else {
                throw .invalidRecord(path: file, line: element.line, reason: "identifiant de siège « \(id) » invalide")
            }
            guard !seats.contains(where: { $0.id == id }) else {
                throw .invalidRecord(path: file, line: element.line, reason: "siège « \(id) » en double")
            }
            var members: [Member] = []
            for member in element.all("membre") {
                members.append(Member(name: try member.required("nom", in: file), email: try member.required("courriel", in: file),
                                      from: try member.date("debut", in: file), to: try member.optionalDate("fin", in: file),
                                      publicKey: try Self.key(member.optional("cle"), in: file, line: member.line)))
            }
            seats.append(Seat(id: id, category: try element.value("categorie", as: SeatCategory.self, in: file),
                              organisation: try element.required("organisation", in: file),
                              isChair: element.optional("presidence") == "oui", members: members))
        }
        guard seats.filter(\.isChair).count <= 1 else {
            throw .invalidRecord(path: file, line: root.line, reason: "plusieurs sièges ont la présidence")
        }
        var servers: [ServerKey] = []
        for element in root.all("serveur") {
            guard let key = try Self.key(element.required("cle", in: file), in: file, line: element.line) else { continue }
            servers.append(ServerKey(name: element.optional("nom") ?? "serveur", publicKey: key))
        }
        self.seats = seats
        self.servers = servers
    }

    private static func key(_ text: String?, in file: String, line: Int) throws(CommitteeError) -> SSHPublicKey? {
        guard let text else { return nil }
        do {
            return try SSHPublicKey(openSSH: text, source: "attribut « cle »")
        } catch {
            throw .invalidRecord(path: file, line: line, reason: error.description)
        }
    }

    /// The record's canonical XML.
    public var xml: String {
        var writer = RecordWriter()
        writer.element(Self.root) { writer in
            for seat in seats {
                let attributes: [String: String?] = ["id": seat.id, "categorie": seat.category.rawValue,
                                                     "organisation": seat.organisation, "presidence": seat.isChair ? "oui" : nil]
                if seat.members.isEmpty {
                    writer.leaf("siege", attributes)
                    continue
                }
                writer.element("siege", attributes) { writer in
                    for member in seat.members {
                        writer.leaf("membre", ["nom": member.name, "courriel": member.email, "debut": member.from.iso,
                                               "fin": member.to?.iso, "cle": member.publicKey?.openSSH])
                    }
                }
            }
            for server in servers {
                writer.leaf("serveur", ["nom": server.name, "cle": server.publicKey.openSSH])
            }
        }
        return writer.output
    }
}

/// Identifiers of seats, reviews, events and comments: also used as file and branch names.
public enum Identifiers {
    /// Letters (ASCII), digits, `-` and `_`, starting with a letter or digit, at most 64 characters.
    public static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.unicodeScalars.count <= 64,
              first.properties.isAlphabetic || ("0"..."9").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy {
            $0.isASCII && (("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
        }
    }
}
