import Foundation
import LegalText

/// What kind of change an event is (R3.1).
public enum EventKind: String, Sendable, Hashable, Codable, CaseIterable {
    case therapeutic = "therapeutique"
    case sanitary = "sanitaire"
    case economic = "economique"
    case geopolitical = "geopolitique"
    /// Documentary references of the text found stale (never checked, gone, moved…): R3.1, the annex is reviewed
    /// whenever its sources change.
    case documentary = "documentaire"

    /// The kind as a French reader names it.
    public var label: String {
        switch self {
        case .therapeutic: return "thérapeutique"
        case .sanitary: return "sanitaire"
        case .economic: return "économique"
        case .geopolitical: return "géopolitique"
        case .documentary: return "documentaire"
        }
    }
}

/// Where an event's assessment stands.
public enum AssessmentStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Being assessed: will it justify a revision?
    case assessing = "en-evaluation"
    /// A review was opened for it.
    case revision
    /// The committee decided not to revise, with a reason.
    case noRevision = "sans-revision"

    /// The assessment's state as a French reader names it.
    public var label: String {
        switch self {
        case .assessing: return "en cours d'évaluation"
        case .revision: return "révision ouverte"
        case .noRevision: return "pas de révision"
        }
    }
}

/// An event that may justify revising a text (`committee/events/<id>.xml`).
public struct CommitteeEvent: Sendable, Hashable, Codable {
    public var id: String
    public var date: LegalDate
    public var kind: EventKind
    public var summary: String
    public var source: String
    public var works: [String]
    /// When the assessment must end (in a review or a decision not to revise).
    public var deadline: LegalDate
    public var status: AssessmentStatus
    /// The review opened for it.
    public var review: String?
    /// The decision not to revise: its date and reason.
    public var decisionDate: LegalDate?
    public var decisionReason: String?
    /// The documentary references whose staleness the event assesses (`suivi sources evaluer`), by id.
    public var references: [String]

    public init(id: String, date: LegalDate, kind: EventKind, summary: String, source: String, works: [String],
                deadline: LegalDate, status: AssessmentStatus = .assessing, review: String? = nil,
                decisionDate: LegalDate? = nil, decisionReason: String? = nil, references: [String] = []) {
        self.id = id
        self.date = date
        self.kind = kind
        self.summary = summary
        self.source = source
        self.works = works
        self.deadline = deadline
        self.status = status
        self.review = review
        self.decisionDate = decisionDate
        self.decisionReason = decisionReason
        self.references = references
    }

    /// The default time to assess an event: six months.
    public static let defaultAssessmentMonths = 6

    /// The assessment deadline of an event recorded on `today`: `deadline` when given, else `months` months later.
    public static func deadline(recordedOn today: LegalDate, months: Int = defaultAssessmentMonths, deadline: LegalDate? = nil) -> LegalDate {
        deadline ?? today.adding(months: months)
    }

    /// Whether the assessment is still open after its deadline on `today`.
    public func isOverdue(on today: LegalDate) -> Bool { status == .assessing && deadline < today }

    static let root = "evenement"

    public static func path(_ id: String) -> String { "committee/events/\(id).xml" }

    public init(data: Data, file: String) throws(CommitteeError) {
        let root = try CommitteeXML.read(data, file: file, root: Self.root)
        id = try root.required("id", in: file)
        date = try root.date("date", in: file)
        kind = try root.value("nature", as: EventKind.self, in: file)
        deadline = try root.date("echeance", in: file)
        status = try root.value("statut", as: AssessmentStatus.self, in: file)
        review = root.optional("revision")
        summary = root.first("resume")?.text ?? ""
        source = root.first("source")?.text ?? ""
        works = root.all("texte").map(\.text).filter { !$0.isEmpty }
        references = root.all("reference").map(\.text).filter { !$0.isEmpty }
        let decision = root.first("decision")
        decisionDate = try decision?.optionalDate("date", in: file)
        decisionReason = decision?.text
        guard Identifiers.isValid(id) else {
            throw .invalidRecord(path: file, line: root.line, reason: "identifiant d'événement « \(id) » invalide")
        }
        guard !summary.isEmpty else { throw .invalidRecord(path: file, line: root.line, reason: "<resume> absent ou vide") }
    }

    public var xml: String {
        var writer = RecordWriter()
        writer.element(Self.root, ["id": id, "date": date.iso, "nature": kind.rawValue, "echeance": deadline.iso,
                                   "statut": status.rawValue, "revision": review]) { writer in
            writer.leaf("resume", text: summary)
            writer.leaf("source", text: source)
            for work in works { writer.leaf("texte", text: work) }
            for reference in references { writer.leaf("reference", text: reference) }
            if let decisionReason { writer.leaf("decision", ["date": decisionDate?.iso], text: decisionReason) }
        }
        return writer.output
    }
}
