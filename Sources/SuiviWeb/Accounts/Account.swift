import Committee
import Foundation
import Register

/// A login of the web interface: a seat (its only member, or a named person acting for a seat with
/// no member recorded) or one member of a seat, with the bcrypt hash of its password.
public struct Account: Sendable, Hashable, Codable {
    /// What the person types to log in: a seat id (`dgs`) or a member's e-mail.
    public var login: String
    /// The seat the account acts for; never taken from a form.
    public var seat: String
    /// The person who signs the commits.
    public var name: String
    public var email: String
    /// Whether the login is a member's e-mail (the library then checks the person is in office).
    public var isMember: Bool
    /// bcrypt hash (`$2b$…`), never the password.
    public var passwordHash: String

    enum CodingKeys: String, CodingKey {
        case login = "identifiant"
        case seat = "siege"
        case name = "nom"
        case email = "courriel"
        case isMember = "membre"
        case passwordHash = "empreinte"
    }

    public init(login: String, seat: String, name: String, email: String, isMember: Bool, passwordHash: String) {
        self.login = login
        self.seat = seat
        self.name = name
        self.email = email
        self.isMember = isMember
        self.passwordHash = passwordHash
    }

    /// The account the committee's rule gave `holder`, with its password hash.
    public init(_ holder: SeatAccount, passwordHash: String) {
        self.init(login: holder.login, seat: holder.seat, name: holder.person.name, email: holder.person.email,
                  isMember: holder.isMember, passwordHash: passwordHash)
    }

    /// The person signing the commits.
    public var identity: Identity { Identity(name: name, email: email) }

    /// Who acts when this account writes (the committee's rule, ``SeatAccount/acting``).
    public var acting: Acting {
        SeatAccount(login: login, seat: seat, person: identity, isMember: isMember).acting
    }
}
