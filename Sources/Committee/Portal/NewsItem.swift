import Foundation
import LegalText

/// Who publishes news items for OFII doctors (CNS opinion, R3.3): the OFII medical service, with the DGS.
public enum NewsPublisher: String, Sendable, Hashable, Codable, CaseIterable {
    case dgs
    case ofiiMedicalService = "ofii-service-medical"

    /// The publisher as a French reader names it.
    public var label: String {
        switch self {
        case .dgs: return "Direction générale de la santé"
        case .ofiiMedicalService: return "Service médical de l'OFII"
        }
    }

    /// The publisher a seat of that category publishes as; nil for a seat that may not publish.
    public init?(category: SeatCategory) {
        switch category {
        case .dgs: self = .dgs
        case .ofiiDirection: self = .ofiiMedicalService
        default: return nil
        }
    }
}

/// A short dated news item (« information d'intérêt et signalement d'actualité », R3.3, R5.1): a stock-out, a new
/// treatment guideline, a funding collapse… linked to pathologies, countries, references and, when it justifies a
/// review, a committee event (`committee/news/<id>.xml`).
public struct NewsItem: Sendable, Hashable, Codable {
    public var id: String
    public var date: LegalDate
    public var publisher: NewsPublisher
    /// The seat that published it and the person acting (`Nom <courriel>`).
    public var seat: String
    public var person: String
    public var title: String
    public var text: String
    public var pathologies: [String]
    public var countries: [String]
    /// Ids of documentary references.
    public var references: [String]
    /// The id of a committee event it relates to.
    public var event: String?

    public init(id: String, date: LegalDate, publisher: NewsPublisher, seat: String, person: String, title: String, text: String,
                pathologies: [String] = [], countries: [String] = [], references: [String] = [], event: String? = nil) {
        self.id = id
        self.date = date
        self.publisher = publisher
        self.seat = seat
        self.person = person
        self.title = title
        self.text = text
        self.pathologies = pathologies
        self.countries = countries
        self.references = references
        self.event = event
    }

    static let root = "actualite"

    /// Where the record lives in the register.
    public static func path(_ id: String) -> String { "committee/news/\(id).xml" }

    /// Why the item cannot be recorded as it is (nil when it can).
    public var problem: String? {
        if !Identifiers.isValid(id) { return "identifiant d'actualité « \(id) » invalide : lettres, chiffres, « - » et « _ » seulement" }
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "le titre de l'actualité est vide" }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "le texte de l'actualité est vide" }
        return nil
    }

    public init(data: Data, file: String) throws(CommitteeError) {
        let root = try CommitteeXML.read(data, file: file, root: Self.root)
        id = try root.required("id", in: file)
        date = try root.date("date", in: file)
        publisher = try root.value("editeur", as: NewsPublisher.self, in: file)
        seat = try root.required("siege", in: file)
        person = try root.required("par", in: file)
        event = root.optional("evenement")
        title = root.first("titre")?.text ?? ""
        text = root.first("texte")?.text ?? ""
        pathologies = root.all("pathologie").map(\.text).filter { !$0.isEmpty }
        countries = root.all("pays").map(\.text).filter { !$0.isEmpty }
        var references: [String] = []
        for element in root.all("source") { references.append(try element.required("reference", in: file)) }
        self.references = references
        if let problem { throw .invalidRecord(path: file, line: root.line, reason: problem) }
    }

    public var xml: String {
        var writer = RecordWriter()
        writer.element(Self.root, ["id": id, "date": date.iso, "editeur": publisher.rawValue, "siege": seat, "par": person,
                                   "evenement": event]) { writer in
            writer.leaf("titre", text: title)
            writer.leaf("texte", text: text)
            for pathology in pathologies { writer.leaf("pathologie", text: pathology) }
            for country in countries { writer.leaf("pays", text: country) }
            for reference in references { writer.leaf("source", ["reference": reference]) }
        }
        return writer.output
    }
}

extension Synthesis: CommitteeRecord { static var recordKind: String { "synthèse" } }
extension NewsItem: CommitteeRecord { static var recordKind: String { "actualité" } }
