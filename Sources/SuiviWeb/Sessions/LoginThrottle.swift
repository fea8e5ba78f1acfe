import Foundation

/// Slows down password guessing on the login form, in memory (a restart forgets it).
///
/// Failed attempts are counted per login name and per client address over a sliding window. Once a key
/// reaches its limit, every attempt under that key (even with the right password) is refused until the
/// lockout ends. A successful login clears its login name's failures (not its address's: one known
/// account must not let an address go on guessing others). At most `capacity` keys are kept: expired
/// keys go first, then unlocked ones idle the longest, so a flood of made-up names cannot fill the memory.
public actor LoginThrottle {
    public struct Policy: Sendable {
        /// Failures of one login name before it is locked.
        public var failuresPerLogin: Int
        /// Failures from one client address before it is locked (several names from one place).
        public var failuresPerAddress: Int
        /// How long a failure counts.
        public var window: TimeInterval
        /// How long a locked key stays locked.
        public var lockout: TimeInterval
        /// How many keys are remembered at most.
        public var capacity: Int

        public init(failuresPerLogin: Int = 5, failuresPerAddress: Int = 20, window: TimeInterval = 15 * 60,
                    lockout: TimeInterval = 15 * 60, capacity: Int = 10_000) {
            self.failuresPerLogin = max(1, failuresPerLogin)
            self.failuresPerAddress = max(1, failuresPerAddress)
            self.window = window
            self.lockout = lockout
            self.capacity = max(2, capacity)
        }
    }

    /// A refused attempt: which key is locked and until when.
    public struct Refusal: Sendable, Equatable {
        public enum Reason: Sendable, Equatable { case login, address }
        public let reason: Reason
        public let retryAt: Date
        /// How long until then, from the moment of the refusal.
        public let retryIn: TimeInterval
    }

    enum Key: Hashable {
        case login(String)
        case address(String)
    }

    struct Entry {
        var failures: [Date] = []
        var lockedUntil: Date?
        var lastSeen: Date
    }

    public let policy: Policy
    private let now: @Sendable () -> Date
    private var entries: [Key: Entry] = [:]

    /// - Parameter now: the clock (fixed or advanced by hand in tests).
    public init(policy: Policy = Policy(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.policy = policy
        self.now = now
    }

    /// Login names are compared as typed by people: case and surrounding spaces do not matter.
    static func normalized(_ login: String) -> String {
        login.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// Whether an attempt for `login` from `address` may be checked now; nil when it may, else why not.
    public func refusal(login: String, address: String?) -> Refusal? {
        let date = now()
        if let until = lockedUntil(.login(Self.normalized(login)), at: date) {
            return Refusal(reason: .login, retryAt: until, retryIn: until.timeIntervalSince(date))
        }
        if let address, let until = lockedUntil(.address(address), at: date) {
            return Refusal(reason: .address, retryAt: until, retryIn: until.timeIntervalSince(date))
        }
        return nil
    }

    /// Counts a failed attempt; returns the refusal it starts when it reaches a limit.
    @discardableResult
    public func recordFailure(login: String, address: String?) -> Refusal? {
        let date = now()
        var refusal: Refusal?
        if fail(.login(Self.normalized(login)), limit: policy.failuresPerLogin, at: date) {
            refusal = Refusal(reason: .login, retryAt: date.addingTimeInterval(policy.lockout), retryIn: policy.lockout)
        }
        if let address, fail(.address(address), limit: policy.failuresPerAddress, at: date), refusal == nil {
            refusal = Refusal(reason: .address, retryAt: date.addingTimeInterval(policy.lockout), retryIn: policy.lockout)
        }
        trim(at: date)
        return refusal
    }

    /// An attempt admitted by ``reserve(login:address:)``: counted as a failure until it is settled.
    public struct Reservation: Sendable, Equatable {
        let login: String
        let address: String?
        let date: Date
    }

    /// What ``reserve(login:address:)`` decides: check the password, or refuse without checking it.
    public enum Admission: Sendable, Equatable {
        case admitted(Reservation)
        case refused(Refusal)
    }

    /// Checks and counts an attempt in one step, before the password is checked: the attempt counts as a
    /// failure at once, so concurrent guesses cannot all pass while the slow check runs. At most the limit
    /// of a key is admitted per window; a key at its limit is refused. Settle the attempt afterwards with
    /// ``failed(_:)``, ``succeeded(_:)`` or ``release(_:)``.
    public func reserve(login: String, address: String?) -> Admission {
        if let refusal = refusal(login: login, address: address) { return .refused(refusal) }
        let date = now()
        let loginKey = Key.login(Self.normalized(login))
        if pending(loginKey, at: date) >= policy.failuresPerLogin {
            return .refused(Refusal(reason: .login, retryAt: date.addingTimeInterval(policy.lockout), retryIn: policy.lockout))
        }
        if let address, pending(.address(address), at: date) >= policy.failuresPerAddress {
            return .refused(Refusal(reason: .address, retryAt: date.addingTimeInterval(policy.lockout), retryIn: policy.lockout))
        }
        count(loginKey, at: date)
        if let address { count(.address(address), at: date) }
        trim(at: date)
        return .admitted(Reservation(login: Self.normalized(login), address: address, date: date))
    }

    /// The reserved attempt failed: it stays counted; returns the refusal it starts when it reaches a limit.
    @discardableResult
    public func failed(_ reservation: Reservation) -> Refusal? {
        let date = now()
        var refusal: Refusal?
        if let until = settle(.login(reservation.login), reservation: reservation, limit: policy.failuresPerLogin, at: date) {
            refusal = Refusal(reason: .login, retryAt: until, retryIn: until.timeIntervalSince(date))
        }
        if let address = reservation.address,
           let until = settle(.address(address), reservation: reservation, limit: policy.failuresPerAddress, at: date), refusal == nil {
            refusal = Refusal(reason: .address, retryAt: until, retryIn: until.timeIntervalSince(date))
        }
        return refusal
    }

    /// The reserved attempt succeeded: it no longer counts, and its name's failures are forgotten.
    public func succeeded(_ reservation: Reservation) {
        release(reservation)
        entries[.login(reservation.login)] = nil
    }

    /// The reserved attempt could not be checked (the accounts could not be read): it no longer counts.
    public func release(_ reservation: Reservation) {
        for key in [Key.login(reservation.login)] + (reservation.address.map { [Key.address($0)] } ?? []) {
            guard var entry = entries[key], let index = entry.failures.firstIndex(of: reservation.date) else { continue }
            entry.failures.remove(at: index)
            entries[key] = entry
        }
    }

    /// The failures (reserved ones included) of `key` still in the window.
    private func pending(_ key: Key, at date: Date) -> Int {
        entries[key]?.failures.filter { date.timeIntervalSince($0) < policy.window }.count ?? 0
    }

    /// Counts an attempt under `key`, without locking it yet.
    private func count(_ key: Key, at date: Date) {
        var entry = entries[key] ?? Entry(lastSeen: date)
        entry.failures = entry.failures.filter { date.timeIntervalSince($0) < policy.window }
        entry.failures.append(date)
        entry.lastSeen = date
        entries[key] = entry
    }

    /// Locks `key` when its counted failures reach `limit`; the end of its lockout, if locked.
    private func settle(_ key: Key, reservation: Reservation, limit: Int, at date: Date) -> Date? {
        guard var entry = entries[key] else {
            // Forgotten meanwhile (trimmed): count the failure again.
            return fail(key, limit: limit, at: date) ? date.addingTimeInterval(policy.lockout) : nil
        }
        if let until = entry.lockedUntil, until > date { return until }
        entry.failures = entry.failures.filter { date.timeIntervalSince($0) < policy.window }
        guard entry.failures.count >= limit else { return nil }
        let until = date.addingTimeInterval(policy.lockout)
        entry.lockedUntil = until
        entry.failures = []
        entries[key] = entry
        return until
    }

    /// A successful login: its name's failures are forgotten.
    public func recordSuccess(login: String) {
        entries[.login(Self.normalized(login))] = nil
    }

    /// How many keys are remembered (for tests of the memory bound).
    public var count: Int { entries.count }

    private func lockedUntil(_ key: Key, at date: Date) -> Date? {
        guard let until = entries[key]?.lockedUntil else { return nil }
        if until > date { return until }
        entries[key] = nil  // the lockout is over: a fresh start
        return nil
    }

    /// Records a failure under `key`; true when it locks the key.
    private func fail(_ key: Key, limit: Int, at date: Date) -> Bool {
        var entry = entries[key] ?? Entry(lastSeen: date)
        entry.failures = entry.failures.filter { date.timeIntervalSince($0) < policy.window }
        entry.failures.append(date)
        entry.lastSeen = date
        var locked = false
        if entry.failures.count >= limit {
            entry.lockedUntil = date.addingTimeInterval(policy.lockout)
            entry.failures = []
            locked = true
        }
        entries[key] = entry
        return locked
    }

    /// Keeps at most `capacity` keys: expired ones dropped first, then the longest idle.
    private func trim(at date: Date) {
        guard entries.count > policy.capacity else { return }
        entries = entries.filter { _, entry in
            if let until = entry.lockedUntil, until > date { return true }
            return entry.failures.contains { date.timeIntervalSince($0) < policy.window }
        }
        guard entries.count > policy.capacity else { return }
        // Unlocked keys go before locked ones (a flood must not unlock a name), the longest idle first.
        let excess = entries.count - policy.capacity * 3 / 4  // leave room, so trimming is rare
        let order = entries.sorted { left, right in
            let (leftLocked, rightLocked) = (left.value.lockedUntil != nil, right.value.lockedUntil != nil)
            return leftLocked != rightLocked ? !leftLocked : left.value.lastSeen < right.value.lastSeen
        }
        for (key, _) in order.prefix(excess) { entries[key] = nil }
    }
}
