import Foundation
import LegalText

/// Why a review was opened.
public enum ReviewKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The review due at most three years after the last adoption or completed review.
    case periodic = "periodique"
    /// A review opened by an event (therapeutic, sanitary, economic, geopolitical).
    case event = "evenement"

    /// The kind as a French reader names it: "périodique", "sur événement".
    public var label: String {
        switch self {
        case .periodic: return "périodique"
        case .event: return "sur événement"
        }
    }
}

/// The stages of a review: opened → drafting → consultation → adopted | closed without change → disseminated.
public enum ReviewStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case opened = "ouverte"
    case drafting = "redaction"
    case consultation
    case adopted = "adoptee"
    case closedWithoutChange = "close-sans-modification"
    case disseminated = "diffusee"

    /// The stage as a French reader names it.
    public var label: String {
        switch self {
        case .opened: return "ouverte"
        case .drafting: return "en rédaction"
        case .consultation: return "en consultation du comité"
        case .adopted: return "adoptée"
        case .closedWithoutChange: return "close sans modification"
        case .disseminated: return "diffusée"
        }
    }

    /// Whether the review still awaits a decision (adopted or closed without change).
    public var isOpen: Bool { self == .opened || self == .drafting || self == .consultation }
}

/// One step of a review's history.
public struct Transition: Sendable, Hashable, Codable {
    public var from: ReviewStatus?
    public var to: ReviewStatus
    public var date: LegalDate
    public var seat: String
    public var person: String
    public var note: String?
    /// The commit the step refers to (the consulted draft, the adopted version).
    public var commit: String?
    /// Whether the chair marked the note public: only such notes are published (the bulletin); the others are
    /// the committee's internal notes. Recorded as `note-publique="oui"`.
    public var notePublic: Bool = false
}

/// A review of one text (`committee/reviews/<id>.xml`).
public struct Review: Sendable, Hashable, Codable {
    public var id: String
    public var kind: ReviewKind
    /// The text's work key (its NOR), as in `texts/<work>/`.
    public var work: String
    public var status: ReviewStatus
    public var opened: LegalDate
    /// When the review should be decided: the cadence's due date, or the event's assessment deadline.
    public var due: LegalDate?
    /// The event that triggered it.
    public var event: String?
    public var subject: String
    /// The draft branch (`draft/<id>`) once drafting started.
    public var draftBranch: String?
    /// The draft commit the committee is consulted on (frozen when consultation opens).
    public var consultedCommit: String?
    /// The adopted version's tag.
    public var adoptedVersion: String?
    public var history: [Transition]

    public init(id: String, kind: ReviewKind, work: String, status: ReviewStatus = .opened, opened: LegalDate,
                due: LegalDate?, event: String?, subject: String, draftBranch: String? = nil,
                consultedCommit: String? = nil, adoptedVersion: String? = nil, history: [Transition] = []) {
        self.id = id
        self.kind = kind
        self.work = work
        self.status = status
        self.opened = opened
        self.due = due
        self.event = event
        self.subject = subject
        self.draftBranch = draftBranch
        self.consultedCommit = consultedCommit
        self.adoptedVersion = adoptedVersion
        self.history = history
    }

    /// Whether the review is still open after its due date on `today`. `due` replaces the recorded due date
    /// where the dashboard knows a later one (a periodic review follows its text's cadence).
    public func isOverdue(on today: LegalDate, due: LegalDate? = nil) -> Bool {
        status.isOpen && ((due ?? self.due).map { $0 < today } ?? false)
    }

    /// The date the review was decided (adopted or closed without change), if it was.
    public var completed: LegalDate? {
        history.last { $0.to == .adopted || $0.to == .closedWithoutChange }?.date
    }

    static let root = "revision"

    public static func path(_ id: String) -> String { "committee/reviews/\(id).xml" }

    public init(data: Data, file: String) throws(CommitteeError) {
        let root = try CommitteeXML.read(data, file: file, root: Self.root)
        id = try root.required("id", in: file)
        kind = try root.value("type", as: ReviewKind.self, in: file)
        work = try root.required("texte", in: file)
        status = try root.value("statut", as: ReviewStatus.self, in: file)
        opened = try root.date("ouverture", in: file)
        due = try root.optionalDate("echeance", in: file)
        event = root.optional("evenement")
        subject = root.first("objet")?.text ?? ""
        draftBranch = root.optional("brouillon")
        consultedCommit = root.optional("consultation")
        adoptedVersion = root.optional("version-adoptee")
        var history: [Transition] = []
        for step in root.all("etape") {
            let from: ReviewStatus? = step.attributes["de"] == nil ? nil : try step.value("de", as: ReviewStatus.self, in: file)
            history.append(Transition(from: from, to: try step.value("vers", as: ReviewStatus.self, in: file),
                                      date: try step.date("date", in: file), seat: try step.required("siege", in: file),
                                      person: try step.required("par", in: file), note: step.text.isEmpty ? nil : step.text,
                                      commit: step.optional("commit"), notePublic: step.optional("note-publique") == "oui"))
        }
        self.history = history
        guard Identifiers.isValid(id), file.hasSuffix("/\(id).xml") || !file.contains("/") else {
            throw .invalidRecord(path: file, line: root.line, reason: "l'identifiant « \(id) » ne correspond pas au nom du fichier")
        }
    }

    public var xml: String {
        var writer = RecordWriter()
        writer.element(Self.root, [
            "id": id, "type": kind.rawValue, "texte": work, "statut": status.rawValue, "ouverture": opened.iso,
            "echeance": due?.iso, "evenement": event, "brouillon": draftBranch, "consultation": consultedCommit,
            "version-adoptee": adoptedVersion,
        ]) { writer in
            writer.leaf("objet", text: subject)
            for step in history {
                writer.leaf("etape", ["de": step.from?.rawValue, "vers": step.to.rawValue, "date": step.date.iso,
                                      "siege": step.seat, "par": step.person, "commit": step.commit,
                                      "note-publique": step.notePublic && step.note != nil ? "oui" : nil], text: step.note)
            }
        }
        return writer.output
    }
}
