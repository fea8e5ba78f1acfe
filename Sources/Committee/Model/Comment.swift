import Foundation
import LegalText

/// A comment on a clause of a review's draft (`committee/comments/<review>/<id>.xml`), anchored to
/// the clause's stable wId and the commit it was written on, so it follows the clause when renumbered.
public struct Comment: Sendable, Hashable, Codable {
    public var id: String
    public var review: String
    public var seat: String
    public var person: String
    public var date: LegalDate
    public var work: String
    /// The clause's stable identifier: the anchor.
    public var wId: String
    /// The clause's eId when the comment was written (for the record; the current eId is looked up).
    public var eId: String
    /// The commit the comment was written on.
    public var commit: String
    public var text: String
    /// The comment this one answers; replies share its anchor.
    public var replyTo: String?
    public var resolution: Resolution?

    /// How a comment was resolved, by the drafter.
    public struct Resolution: Sendable, Hashable, Codable {
        public var date: LegalDate
        public var person: String
        public var note: String
    }

    public init(id: String, review: String, seat: String, person: String, date: LegalDate, work: String, wId: String,
                eId: String, commit: String, text: String, replyTo: String? = nil, resolution: Resolution? = nil) {
        self.id = id
        self.review = review
        self.seat = seat
        self.person = person
        self.date = date
        self.work = work
        self.wId = wId
        self.eId = eId
        self.commit = commit
        self.text = text
        self.replyTo = replyTo
        self.resolution = resolution
    }

    static let root = "commentaire"

    public static func path(review: String, id: String) -> String { "committee/comments/\(review)/\(id).xml" }

    public init(data: Data, file: String) throws(CommitteeError) {
        let root = try CommitteeXML.read(data, file: file, root: Self.root)
        id = try root.required("id", in: file)
        review = try root.required("revision", in: file)
        seat = try root.required("siege", in: file)
        person = try root.required("par", in: file)
        date = try root.date("date", in: file)
        work = try root.required("texte", in: file)
        wId = try root.required("wId", in: file)
        eId = try root.required("eId", in: file)
        commit = try root.required("commit", in: file)
        replyTo = root.optional("reponse-a")
        text = root.first("corps")?.text ?? ""
        if let resolved = root.first("resolution") {
            resolution = Resolution(date: try resolved.date("date", in: file), person: try resolved.required("par", in: file),
                                    note: resolved.text)
        }
    }

    public var xml: String {
        var writer = RecordWriter()
        writer.element(Self.root, ["id": id, "revision": review, "siege": seat, "par": person, "date": date.iso,
                                   "texte": work, "wId": wId, "eId": eId, "commit": commit, "reponse-a": replyTo]) { writer in
            writer.leaf("corps", text: text)
            if let resolution {
                writer.leaf("resolution", ["date": resolution.date.iso, "par": resolution.person], text: resolution.note)
            }
        }
        return writer.output
    }
}
