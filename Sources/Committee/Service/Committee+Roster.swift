import Foundation
import LegalText
import Register

extension Committee {
    /// Adds a seat to the roster.
    /// - Throws: ``CommitteeError/seatExists(_:)``; ``CommitteeError/invalidInput(_:)`` for a bad id, an empty
    ///   organisation or a second chair.
    @discardableResult
    public func addSeat(_ seat: Seat, author: Identity) async throws(CommitteeError) -> ObjectID {
        guard Identifiers.isValid(seat.id) else {
            throw .invalidInput("identifiant de siège « \(seat.id) » invalide : lettres, chiffres, « - » et « _ » seulement.")
        }
        guard !seat.organisation.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .invalidInput("l'organisation du siège est obligatoire.")
        }
        return try await write(message: "Comité : siège \(seat.id) ajouté (\(seat.organisation))", author: author) { state throws(CommitteeError) in
            guard state.roster.seat(seat.id) == nil else { throw .seatExists(seat.id) }
            if seat.isChair, let chair = state.roster.chair {
                throw .invalidInput("le siège « \(chair.id) » a déjà la présidence du comité.")
            }
            var roster = state.roster
            roster.seats.append(seat)
            return [CommitteeState.rosterPath: try Self.data(roster)]
        }
    }

    /// Adds a member to a seat from `from`.
    @discardableResult
    public func addMember(_ member: Member, toSeat seatID: String, author: Identity) async throws(CommitteeError) -> ObjectID {
        guard !member.name.trimmingCharacters(in: .whitespaces).isEmpty, member.email.contains("@") else {
            throw .invalidInput("membre : le nom et un courriel valide sont obligatoires.")
        }
        return try await write(message: "Comité : \(member.name) rejoint le siège \(seatID)", author: author) { state throws(CommitteeError) in
            var roster = state.roster
            guard let index = roster.seats.firstIndex(where: { $0.id == seatID }) else { throw .unknownSeat(seatID) }
            if roster.seats[index].members.contains(where: {
                $0.email.lowercased() == member.email.lowercased() && ($0.to.map { $0 >= member.from } ?? true)
            }) {
                throw .invalidInput("\(member.email) est déjà membre du siège « \(seatID) » à cette date.")
            }
            roster.seats[index].members.append(member)
            return [CommitteeState.rosterPath: try Self.data(roster)]
        }
    }

    /// Ends a member's term on `date` (the member stays in the roster's history).
    @discardableResult
    public func removeMember(email: String, fromSeat seatID: String, on date: LegalDate, author: Identity)
        async throws(CommitteeError) -> ObjectID {
        try await write(message: "Comité : \(email) quitte le siège \(seatID)", author: author) { state throws(CommitteeError) in
            var roster = state.roster
            guard let index = roster.seats.firstIndex(where: { $0.id == seatID }) else { throw .unknownSeat(seatID) }
            guard let memberIndex = roster.seats[index].members.firstIndex(where: {
                $0.email.lowercased() == email.lowercased() && $0.isInOffice(on: date)
            }) else { throw .unknownMember(seat: seatID, email: email) }
            roster.seats[index].members[memberIndex].to = date
            return [CommitteeState.rosterPath: try Self.data(roster)]
        }
    }
}
