import Foundation
import LegalText
import Register

/// Whom a login (a seat id or a member's e-mail) acts as: always one seat, never one a form names. A member's
/// login is that person (refused once out of office); a seat's login signs as the seat's only member in office,
/// else as the person recorded with it.
public struct SeatAccount: Sendable, Hashable, Codable {
    /// What the person types: the seat id, or the member's e-mail.
    public let login: String
    public let seat: String
    /// The person who signs what the account writes.
    public let person: Identity
    /// Whether the login is one member's e-mail (rather than the seat's).
    public let isMember: Bool

    public init(login: String, seat: String, person: Identity, isMember: Bool) {
        self.login = login
        self.seat = seat
        self.person = person
        self.isMember = isMember
    }

    /// Who acts when the account writes: a member account names its person; a seat account lets the committee
    /// pick the seat's only member in office on the day, else the person recorded with the account.
    public var acting: Acting {
        isMember ? Acting(seat: seat, person: person) : Acting(seat: seat, person: nil, fallback: person)
    }
}

extension Roster {
    /// The account `login` may have on `today`: a seat id (its only member in office, else `person`) or the
    /// e-mail (any case) of a member in office.
    /// - Throws: ``CommitteeError/severalMembers(seat:emails:)`` when a seat has several members in office (each
    ///   needs their own account), ``CommitteeError/noActingPerson(seat:)`` when a seat has none and no person
    ///   is given, ``CommitteeError/unknownLogin(_:)`` when the login is neither.
    public func account(for login: String, on today: LegalDate, person: Identity?) throws(CommitteeError) -> SeatAccount {
        let trimmed = login.trimmingCharacters(in: .whitespaces)
        if let seat = seat(trimmed) {
            let members = seat.currentMembers(on: today)
            if members.count > 1 { throw .severalMembers(seat: seat.id, emails: members.map(\.email)) }
            guard let holder = members.first.map({ Identity(name: $0.name, email: $0.email) }) ?? person else {
                throw .noActingPerson(seat: seat.id)
            }
            return SeatAccount(login: seat.id, seat: seat.id, person: holder, isMember: false)
        }
        for seat in seats {
            if let member = seat.currentMembers(on: today).first(where: { $0.email.lowercased() == trimmed.lowercased() }) {
                return SeatAccount(login: member.email, seat: seat.id, person: Identity(name: member.name, email: member.email),
                                   isMember: true)
            }
        }
        throw .unknownLogin(trimmed)
    }
}
