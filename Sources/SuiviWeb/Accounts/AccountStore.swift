import Committee
import Foundation
import HummingbirdBasicAuth
import HummingbirdBcrypt
import LegalText
import NIOPosix
import Register
import Synchronization

/// The web accounts of a register, in `<register>/comptes.json`: beside `register.git`, so never in the
/// git history, readable by its owner only (mode 0600). Passwords are kept as bcrypt hashes.
public struct AccountStore: Sendable {
    /// The file holding the accounts.
    public let file: URL
    /// bcrypt cost: 2^cost rounds (12 by default; never below 10).
    public let cost: UInt8
    /// Checks a password against a hash for the web server: bcrypt on NIO's thread pool, off the
    /// cooperative threads that serve the pages (replaced in tests to count the checks).
    public let verifier: any PasswordHashVerifier

    public static let fileName = "comptes.json"
    public static let minimumPasswordLength = 10

    public init(registerRoot: URL, cost: UInt8 = 12, verifier: any PasswordHashVerifier = BcryptPasswordVerifier()) {
        file = registerRoot.appendingPathComponent(Self.fileName)
        self.cost = max(cost, 10)
        self.verifier = verifier
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
        Self.account(login, in: try accounts())
    }

    /// The account whose password matches, or nil. Takes the time of one bcrypt check even for an unknown
    /// login, so the answer time does not tell which logins exist.
    public func authenticate(login: String, password: String) throws(AccountError) -> Account? {
        let all = try accounts()
        guard let account = Self.account(login, in: all) else {
            _ = Bcrypt.verify(password, hash: decoyHash(for: all))
            return nil
        }
        return Bcrypt.verify(password, hash: account.passwordHash) ? account : nil
    }

    /// ``authenticate(login:password:)`` for the web server: the check runs through ``verifier`` (off the
    /// cooperative thread pool), and an unknown login is checked against a decoy hash of the same cost as
    /// the accounts' hashes, so it takes as long as a known one.
    public func verify(login: String, password: String) async throws -> Account? {
        let all = try accounts()
        guard let account = Self.account(login, in: all) else {
            // The decoy is made once per cost, by bcrypt: on NIO's thread pool too.
            let cost = decoyCost(for: all)
            let decoy = try await Self.decoys.withLock({ $0[cost] }).asyncElse {
                try await NIOThreadPool.singleton.runIfActive { Self.decoyHash(cost: cost) }
            }
            _ = try await verifier.verifyPassword(password, createsHash: decoy)
            return nil
        }
        return try await verifier.verifyPassword(password, createsHash: account.passwordHash) ? account : nil
    }

    static func account(_ login: String, in accounts: [Account]) -> Account? {
        let wanted = login.trimmingCharacters(in: .whitespaces).lowercased()
        return accounts.first { $0.login.lowercased() == wanted }
    }

    /// A hash nobody's password matches, of the highest cost among `accounts` (this store's cost when there
    /// are none): checking it takes as long as checking a real account.
    func decoyHash(for accounts: [Account]) -> String {
        Self.decoyHash(cost: decoyCost(for: accounts))
    }

    /// The cost of the decoy hash: the highest among `accounts`, this store's when there are none.
    func decoyCost(for accounts: [Account]) -> UInt8 {
        accounts.compactMap { Self.cost(of: $0.passwordHash) }.max() ?? cost
    }

    /// The cost of a bcrypt hash (`$2b$12$…` → 12).
    static func cost(of hash: String) -> UInt8? {
        let parts = hash.split(separator: "$", omittingEmptySubsequences: true)
        guard parts.count >= 3, let cost = UInt8(parts[1]), (4...31).contains(cost) else { return nil }
        return cost
    }

    /// One decoy per cost, made once per process.
    private static let decoys = Mutex<[UInt8: String]>([:])

    static func decoyHash(cost: UInt8) -> String {
        if let decoy = decoys.withLock({ $0[cost] }) { return decoy }
        let decoy = Bcrypt.hash(UUID().uuidString, cost: cost)
        return decoys.withLock { decoys in
            if let existing = decoys[cost] { return existing }
            decoys[cost] = decoy
            return decoy
        }
    }

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
        let holder: SeatAccount
        do {
            holder = try roster.account(for: login, on: today, person: person)
        } catch {
            throw .committee(error)
        }
        let account = Account(holder, passwordHash: Bcrypt.hash(password, cost: cost))
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

extension Optional {
    /// The value, else what `make` returns.
    fileprivate func asyncElse(_ make: () async throws -> Wrapped) async throws -> Wrapped {
        if let self { return self }
        return try await make()
    }
}
