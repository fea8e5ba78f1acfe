import Foundation
import LegalText
import Register

/// Every committee record at one commit of `main`, read and validated.
public struct CommitteeState: Sendable, Hashable {
    /// The commit the records were read at (nil for an empty register).
    public var commit: ObjectID?
    public var roster: Roster
    public var reviews: [String: Review]
    public var events: [String: CommitteeEvent]
    /// review → seat → position.
    public var positions: [String: [String: Position]]
    /// review → comments, by date then id.
    public var comments: [String: [Comment]]
    /// Annexe II's documentary references, by id (`committee/references/<id>.xml`).
    public var references: [String: DocumentaryReference] = [:]
    /// Syntheses on care in countries of origin (R5.1), by id (`committee/syntheses/<id>.xml`).
    public var syntheses: [String: Synthesis] = [:]
    /// News items of the OFII medical service and the DGS (R3.3), by id (`committee/news/<id>.xml`).
    public var news: [String: NewsItem] = [:]
    /// Records read without the characters XML cannot hold that they contain (only when read leniently).
    public var damaged: [DamagedRecord] = []

    public static let folder = "committee"
    public static let rosterPath = "committee/members.xml"

    public init(commit: ObjectID? = nil, roster: Roster = Roster(), reviews: [String: Review] = [:],
                events: [String: CommitteeEvent] = [:], positions: [String: [String: Position]] = [:],
                comments: [String: [Comment]] = [:]) {
        self.commit = commit
        self.roster = roster
        self.reviews = reviews
        self.events = events
        self.positions = positions
        self.comments = comments
    }

    /// Reads the records from the files under `committee/` (path → content).
    /// - Parameter lenient: `false` (records arriving: an import, a pull) refuses a record holding a character XML
    ///   cannot hold, naming it; `true` (records already in the register) reads it without those characters and
    ///   lists it in ``damaged``, so that one bad record does not take the whole committee offline.
    public init(files: [String: Data], commit: ObjectID?, lenient: Bool = false) throws(CommitteeError) {
        self.init(commit: commit)
        for path in files.keys.sorted() {
            guard var data = files[path] else { continue }
            let parts = path.split(separator: "/").map(String.init)
            guard parts.first == Self.folder, path.hasSuffix(".xml") else { continue }
            if lenient {
                let (clean, removed) = XMLCharacters.removingDisallowed(from: data)
                if !removed.isEmpty {
                    damaged.append(DamagedRecord(path: path, characters: removed))
                    data = clean
                }
            }
            let name = String(parts[parts.count - 1].dropLast(4))
            switch (parts.count, parts.count > 1 ? parts[1] : "") {
            case (2, "members.xml"):
                roster = try Roster(data: data, file: path)
            case (3, "reviews"):
                let review = try Review(data: data, file: path)
                reviews[review.id] = review
            case (3, "events"):
                let event = try CommitteeEvent(data: data, file: path)
                guard event.id == name else { throw .invalidRecord(path: path, line: 1, reason: "identifiant « \(event.id) » différent du nom du fichier") }
                events[event.id] = event
            case (3, "references"):
                let reference = try DocumentaryReference(data: data, file: path)
                guard reference.id == name else { throw .invalidRecord(path: path, line: 1, reason: "identifiant « \(reference.id) » différent du nom du fichier") }
                references[reference.id] = reference
            case (3, "syntheses"):
                let synthesis = try Synthesis(data: data, file: path)
                guard synthesis.id == name else { throw .invalidRecord(path: path, line: 1, reason: "identifiant « \(synthesis.id) » différent du nom du fichier") }
                syntheses[synthesis.id] = synthesis
            case (3, "news"):
                let item = try NewsItem(data: data, file: path)
                guard item.id == name else { throw .invalidRecord(path: path, line: 1, reason: "identifiant « \(item.id) » différent du nom du fichier") }
                news[item.id] = item
            case (4, "positions"):
                let position = try Position(data: data, file: path)
                guard position.review == parts[2], position.seat == name else {
                    throw .invalidRecord(path: path, line: 1, reason: "révision ou siège différent du chemin du fichier")
                }
                positions[position.review, default: [:]][position.seat] = position
            case (4, "comments"):
                let comment = try Comment(data: data, file: path)
                guard comment.review == parts[2], comment.id == name else {
                    throw .invalidRecord(path: path, line: 1, reason: "révision ou identifiant différent du chemin du fichier")
                }
                comments[comment.review, default: []].append(comment)
            default:
                continue  // other files are left alone (README, future records)
            }
        }
        for key in comments.keys { comments[key]?.sort { ($0.date, $0.id) < ($1.date, $1.id) } }
    }

    /// The review, or an error naming it.
    public func review(_ id: String) throws(CommitteeError) -> Review {
        guard let review = reviews[id] else { throw .unknownReview(id) }
        return review
    }

    /// The seat, or an error naming it.
    public func seat(_ id: String) throws(CommitteeError) -> Seat {
        guard let seat = roster.seat(id) else { throw .unknownSeat(id) }
        return seat
    }
}

