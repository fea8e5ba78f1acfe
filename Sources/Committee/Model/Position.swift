import Foundation
import LegalText

/// A seat's opinion on a draft. The committee is consultative: positions are reported, not counted.
public enum Opinion: String, Sendable, Hashable, Codable, CaseIterable {
    case favorable
    case reserves
    case defavorable
    case abstention

    public var label: String {
        switch self {
        case .favorable: return "favorable"
        case .reserves: return "favorable avec réserves"
        case .defavorable: return "défavorable"
        case .abstention: return "abstention"
        }
    }
}

/// One seat's position on one review (`committee/positions/<review>/<seat>.xml`), bound to the draft
/// commit the committee was consulted on. A changed position overwrites the file: git keeps the history.
public struct Position: Sendable, Hashable, Codable {
    public var review: String
    public var seat: String
    public var opinion: Opinion
    public var reason: String
    /// The consulted draft commit the position is about.
    public var commit: String
    public var date: LegalDate
    public var person: String

    public init(review: String, seat: String, opinion: Opinion, reason: String, commit: String, date: LegalDate, person: String) {
        self.review = review
        self.seat = seat
        self.opinion = opinion
        self.reason = reason
        self.commit = commit
        self.date = date
        self.person = person
    }

    /// Whether the position is about another draft than the one now under consultation.
    public func isStale(consulted: String?) -> Bool { consulted != commit }

    static let root = "position"

    public static func path(review: String, seat: String) -> String { "committee/positions/\(review)/\(seat).xml" }

    public init(data: Data, file: String) throws(CommitteeError) {
        let root = try CommitteeXML.read(data, file: file, root: Self.root)
        review = try root.required("revision", in: file)
        seat = try root.required("siege", in: file)
        opinion = try root.value("avis", as: Opinion.self, in: file)
        commit = try root.required("commit", in: file)
        date = try root.date("date", in: file)
        person = try root.required("par", in: file)
        reason = root.first("motif")?.text ?? ""
    }

    public var xml: String {
        var writer = RecordWriter()
        writer.element(Self.root, ["revision": review, "siege": seat, "avis": opinion.rawValue, "commit": commit,
                                   "date": date.iso, "par": person]) { writer in
            writer.leaf("motif", text: reason)
        }
        return writer.output
    }
}
