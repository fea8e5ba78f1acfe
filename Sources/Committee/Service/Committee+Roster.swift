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
            try authorizeRosterChange(by: author, in: state)
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
            try authorizeRosterChange(by: author, in: state)
            var roster = state.roster
            guard let index = roster.seats.firstIndex(where: { $0.id == seatID }) else { throw .unknownSeat(seatID) }
            if let key = member.publicKey { try Self.checkKeyUnused(key, by: member.email, in: roster) }
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
            try authorizeRosterChange(by: author, in: state)
            var roster = state.roster
            guard let index = roster.seats.firstIndex(where: { $0.id == seatID }) else { throw .unknownSeat(seatID) }
            guard let memberIndex = roster.seats[index].members.firstIndex(where: {
                $0.email.lowercased() == email.lowercased() && $0.isInOffice(on: date)
            }) else { throw .unknownMember(seat: seatID, email: email) }
            roster.seats[index].members[memberIndex].to = date
            return [CommitteeState.rosterPath: try Self.data(roster)]
        }
    }

    /// Records (or replaces: a rotation) the public key of the member of that e-mail in office in `seatID` on `date`.
    /// Commits signed with the former key stay valid: each commit is checked against the roster before it.
    /// - Throws: ``CommitteeError/unknownMember(seat:email:)``; ``CommitteeError/invalidInput(_:)`` when another
    ///   person's tenure already has that key.
    @discardableResult
    public func setMemberKey(_ key: SSHPublicKey, email: String, seat seatID: String, on date: LegalDate, author: Identity)
        async throws(CommitteeError) -> ObjectID {
        try await write(message: "Comité : clé SSH de \(email) (siège \(seatID)) : \(key.fingerprint)", author: author) { state throws(CommitteeError) in
            try authorizeRosterChange(by: author, in: state)
            var roster = state.roster
            guard let index = roster.seats.firstIndex(where: { $0.id == seatID }) else { throw .unknownSeat(seatID) }
            guard let memberIndex = roster.seats[index].members.firstIndex(where: {
                $0.email.lowercased() == email.lowercased() && $0.isInOffice(on: date)
            }) else { throw .unknownMember(seat: seatID, email: email) }
            try Self.checkKeyUnused(key, by: email, in: roster)
            roster.seats[index].members[memberIndex].publicKey = key
            return [CommitteeState.rosterPath: try Self.data(roster)]
        }
    }

    /// Records the key the web server signs with (`name`: what the server is); a key already recorded is renamed.
    @discardableResult
    public func addServerKey(_ key: SSHPublicKey, name: String, author: Identity) async throws(CommitteeError) -> ObjectID {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .invalidInput("le nom du serveur est obligatoire.") }
        return try await write(message: "Comité : clé du serveur « \(trimmed) » : \(key.fingerprint)", author: author) { state throws(CommitteeError) in
            try authorizeRosterChange(by: author, in: state)
            var roster = state.roster
            guard roster.tenures(of: key).isEmpty else {
                throw .invalidInput("cette clé est déjà celle d'un membre : le serveur a sa propre clé.")
            }
            roster.servers.removeAll { $0.publicKey == key }
            roster.servers.append(ServerKey(name: trimmed, publicKey: key))
            return [CommitteeState.rosterPath: try Self.data(roster)]
        }
    }

    /// A key designates one person: refused when another member's tenure or a server already has it.
    static func checkKeyUnused(_ key: SSHPublicKey, by email: String, in roster: Roster) throws(CommitteeError) {
        if let other = roster.tenures(of: key).first(where: { $0.member.email.lowercased() != email.lowercased() }) {
            throw .invalidInput("la clé \(key.fingerprint) est déjà celle de \(other.member.email) (siège « \(other.seat.id) ») : "
                                + "chaque membre a sa propre clé.")
        }
        if roster.server(of: key) != nil {
            throw .invalidInput("la clé \(key.fingerprint) est celle du serveur web : chaque membre a sa propre clé.")
        }
    }
}
