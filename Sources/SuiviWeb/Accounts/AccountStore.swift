import Committee
import Foundation
import HummingbirdBcrypt
import LegalText
import Register

/// The web accounts of a register, in `<register>/comptes.json`: beside `register.git`, so never in the
/// git history, readable by its owner only (mode 0600). Passwords are kept as bcrypt hashes.
public struct AccountStore: Sendable {
    /// The file holding the accounts.
    public let file: URL
    /// bcrypt cost: 2^cost rounds (12 by default; never below 10).
    public let cost: UInt8

    public static let fileName = "comptes.json"
    public static let minimumPasswordLength = 10

    public init(registerRoot: URL, cost: UInt8 = 12) {
        file = registerRoot.appendingPathComponent(Self.fileName)
        self.cost = max(cost, 10)
    }

    struct FileContents: Codable {
        var version = 1
        var comptes: [Account] = []
    }

    /// Every account, by login.
    public func accounts() throws(AccountError) -> [Account] {
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        do {
            return try JSONDecoder().decode(FileContents.self, from: Data(contentsOf: file)).comptes
        } catch {
            throw .file(path: file.path, reason: error.localizedDescription)
        }
    }

    /// The account a login names (a seat id, or an e-mail in any case).
    public func account(_ login: String) throws(AccountError) -> Account? {
        let wanted = login.trimmingCharacters(in: .whitespaces).lowercased()
        return try accounts().first { $0.login.lowercased() == wanted }
    }

    /// The account whose password matches, or nil. Takes the time of one bcrypt check even for an unknown
    /// login, so the answer time does not tell which logins exist.
    public func authenticate(login: String, password: String) throws(AccountError) -> Account? {
        guard let account = try account(login) else {
            _ = Bcrypt.verify(password, hash: Self.decoyHash)
            return nil
        }
        return Bcrypt.verify(password, hash: account.passwordHash) ? account : nil
    }

    /// A hash nobody's password matches, checked for unknown logins.
    static let decoyHash = Bcrypt.hash(UUID().uuidString, cost: 10)

    /// Sets (or replaces) the password of `login`: a seat id or the e-mail of a member in office on `today`.
    /// A seat account signs as the seat's only member in office, else as `person` (required then).
    @discardableResult
    public func setPassword(login: String, password: String, committee: Committee, today: LegalDate, person: Identity?)
        async throws(AccountError) -> Account {
        guard password.count >= Self.minimumPasswordLength else { throw .weakPassword(minimum: Self.minimumPasswordLength) }
        let roster: Roster
        do {
            roster = try await committee.state().roster
        } catch {
            throw .committee(error)
        }
        let trimmed = login.trimmingCharacters(in: .whitespaces)
        var account: Account
        if let seat = roster.seat(trimmed) {
            let members = seat.currentMembers(on: today)
            if members.count > 1 { throw .severalMembers(seat: seat.id, emails: members.map(\.email)) }
            if let member = members.first {
                account = Account(login: seat.id, seat: seat.id, name: member.name, email: member.email, isMember: false, passwordHash: "")
            } else if let person {
                account = Account(login: seat.id, seat: seat.id, name: person.name, email: person.email, isMember: false, passwordHash: "")
            } else {
                throw .noPerson(seat: seat.id)
            }
        } else if let (seat, member) = roster.seats.lazy.compactMap({ seat in
            seat.currentMembers(on: today).first { $0.email.lowercased() == trimmed.lowercased() }.map { (seat, $0) }
        }).first {
            account = Account(login: member.email, seat: seat.id, name: member.name, email: member.email, isMember: true, passwordHash: "")
        } else {
            throw .unknownLogin(trimmed)
        }
        account.passwordHash = Bcrypt.hash(password, cost: cost)
        var all = try accounts().filter { $0.login.lowercased() != account.login.lowercased() }
        all.append(account)
        all.sort { $0.login < $1.login }
        try write(all)
        return account
    }

    private func write(_ accounts: [Account]) throws(AccountError) {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(FileContents(comptes: accounts))
            let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(Self.fileName).\(UUID().uuidString)")
            guard FileManager.default.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw AccountError.file(path: temporary.path, reason: "création impossible")
            }
            if rename(temporary.path, file.path) != 0 {
                try? FileManager.default.removeItem(at: temporary)
                throw AccountError.file(path: file.path, reason: String(cString: strerror(errno)))
            }
        } catch let error as AccountError {
            throw error
        } catch {
            throw .file(path: file.path, reason: error.localizedDescription)
        }
    }
}
