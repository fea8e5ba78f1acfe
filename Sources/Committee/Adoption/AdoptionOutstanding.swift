import Foundation
import LegalText

/// What the committee left unsaid on the draft a review is about to adopt: comments nobody resolved, seats that
/// gave no position on the consulted commit, seats whose position is about an earlier draft. Adoption lists them
/// and goes ahead only when the chair confirms it explicitly (docs/COMMITTEE.md, "Adoption").
public struct AdoptionOutstanding: Sendable, Hashable, Codable {
    /// An unresolved comment (not a reply), as the refusal names it.
    public struct OpenComment: Sendable, Hashable, Codable {
        public let id: String
        public let seat: String
        public let eId: String
        public let date: LegalDate
    }

    public let openComments: [OpenComment]
    /// Seats (other than the chair's) with no position at all on this review.
    public let silentSeats: [String]
    /// Seats whose only position is about a draft commit other than the consulted one.
    public let stalePositions: [String]

    public init(openComments: [OpenComment], silentSeats: [String], stalePositions: [String]) {
        self.openComments = openComments
        self.silentSeats = silentSeats
        self.stalePositions = stalePositions
    }

    /// The outstanding items of `review` in `state`: positions are checked against the consulted commit.
    public init(review: Review, in state: CommitteeState) {
        let positions = state.positions[review.id] ?? [:]
        var silent: [String] = []
        var stale: [String] = []
        for seat in state.roster.seats where !seat.isChair {
            guard let position = positions[seat.id] else { silent.append(seat.id); continue }
            if position.isStale(consulted: review.consultedCommit) { stale.append(seat.id) }
        }
        openComments = (state.comments[review.id] ?? []).filter { $0.replyTo == nil && $0.resolution == nil }
            .map { OpenComment(id: $0.id, seat: $0.seat, eId: $0.eId, date: $0.date) }
        silentSeats = silent
        stalePositions = stale
    }

    public var isEmpty: Bool { openComments.isEmpty && silentSeats.isEmpty && stalePositions.isEmpty }

    /// The items in French, one phrase per kind.
    public var phrases: [String] {
        var result: [String] = []
        if !openComments.isEmpty {
            let list = openComments.map { "\($0.id) (\($0.seat), sur \($0.eId), le \($0.date.french))" }.joined(separator: ", ")
            result.append("\(openComments.count) commentaire\(openComments.count > 1 ? "s" : "") non résolu\(openComments.count > 1 ? "s" : "") : \(list)")
        }
        if !silentSeats.isEmpty {
            result.append("siège\(silentSeats.count > 1 ? "s" : "") sans position sur le projet consulté : \(silentSeats.joined(separator: ", "))")
        }
        if !stalePositions.isEmpty {
            let plural = stalePositions.count > 1 ? "s" : ""
            result.append("position\(plural) périmée\(plural) (donnée\(plural) sur un projet antérieur) : "
                          + stalePositions.joined(separator: ", "))
        }
        return result
    }
}
