import Foundation
import LegalText
import Register

extension Committee {
    /// The commit trailer naming the member the web server authenticated, in a commit the server signs.
    public static let authenticatedMemberTrailer = "Membre-authentifie"

    /// The day a commit written now carries (its date in Paris): the day the verifier checks tenures against.
    static func commitDay() -> LegalDate { LegalDate.today(in: .paris) }

    /// Checks, before anything is written, that the register's signer may write for `seat` (`nil`: for no
    /// particular seat, then any seat held that day will do) under the roster of `state`; the rule
    /// ``RegisterVerifier`` checks afterwards, applied up front (docs/COMMITTEE.md, « Signatures »).
    ///
    /// - No signer: refused once the roster records keys (``CommitteeError/signatureRequired``).
    /// - A member's key: it must be recorded in the roster, and its member must hold `seat` today; the member the
    ///   key designates is returned (the person acting). A key on a register whose roster records none is not
    ///   checked (nothing to check it against): `nil`.
    /// - The server's key: it must be recorded in the roster, and `person` (the member the server authenticated)
    ///   must hold `seat` today.
    func authorizeSigner(seat: Seat?, person: Identity?, in state: CommitteeState) throws(CommitteeError) -> Identity? {
        let roster = state.roster
        guard let signer = register.signer else {
            if roster.requiresSignatures { throw .signatureRequired }
            return nil
        }
        guard roster.requiresSignatures else { return nil }
        let tenures: [SeatTenure]
        let who: String
        switch signer.role {
        case .member:
            tenures = roster.tenures(of: signer.publicKey)
            guard let first = tenures.first else { throw .unknownSigningKey(fingerprint: signer.publicKey.fingerprint) }
            who = Self.label(Identity(name: first.member.name, email: first.member.email))
        case .server:
            guard roster.server(of: signer.publicKey) != nil else {
                throw .serverKeyNotRegistered(fingerprint: signer.publicKey.fingerprint)
            }
            guard let person else { throw .noActingPerson(seat: seat?.id ?? "") }
            tenures = roster.tenures(ofEmail: person.email)
            who = Self.label(person)
        }
        let day = Self.commitDay()
        let inOffice = tenures.filter { $0.member.isInOffice(on: day) }
        var held: [String] = []
        for tenure in inOffice where !held.contains(tenure.seat.id) { held.append(tenure.seat.id) }
        let chosen = seat.map { wanted in inOffice.first { $0.seat.id == wanted.id } } ?? inOffice.first
        guard let chosen else {
            if signer.role == .server { throw .accountNotHoldingSeat(seat: seat?.id ?? "", person: who, held: held, date: day) }
            throw .seatNotHeldBySigner(seat: seat?.id ?? "", person: who, held: held, date: day)
        }
        return Identity(name: chosen.member.name, email: chosen.member.email)
    }

    /// Whether a write by `author` would be allowed now (the signing rule of ``write(message:author:_:)``), checked
    /// before slow work whose result would be refused anyway (fetching every reference's address).
    /// - Throws: ``CommitteeError/signatureRequired``, ``CommitteeError/unknownSigningKey(fingerprint:)``…
    public func authorizeWrite(author: Identity) async throws(CommitteeError) {
        _ = try authorizeSigner(seat: nil, person: author, in: try await state())
    }

    /// For writes that change the roster itself (seats, members, keys): once the roster records keys, only the
    /// chair's member (or the server, for the chair's member it authenticated) may sign them.
    func authorizeRosterChange(by author: Identity?, in state: CommitteeState) throws(CommitteeError) {
        _ = try authorizeSigner(seat: state.roster.requiresSignatures ? state.roster.chair : nil, person: author, in: state)
    }

    /// `message`, with the `Membre-authentifie:` trailer when the web server signs: the signature vouches for the
    /// server, the trailer says for whom.
    func signedMessage(_ message: String, author: Identity) -> String {
        guard let signer = register.signer, signer.role == .server else { return message }
        return message + "\n\n\(Self.authenticatedMemberTrailer): \(author.email)"
    }
}
