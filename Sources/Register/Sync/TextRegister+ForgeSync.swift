import Foundation

/// What one exchange with the forge did (``TextRegister/exchange(with:author:pullFirst:attempts:)``).
public struct ForgeExchange: Sendable, Hashable {
    /// The forge's address.
    public let url: String
    /// The pulls it made, oldest first (one per time the forge had moved, plus the first one when asked).
    public let pulls: [SyncReport]
    /// The push that succeeded: what it sent (nothing when the forge already had everything).
    public let push: SyncReport
    /// How many pushes were tried (1: the forge had not moved meanwhile).
    public let attempts: Int
    /// The forge's branches once the push succeeded, full name → tip.
    public let forgeBranches: [String: ObjectID]
}

/// The web server's exchange with the forge it shares the register through (docs/SERVER-SYNC.md): send what this
/// register wrote; when the forge refuses because it moved (another clone pushed), bring its writes in with the
/// clause-level merge of ``pull(from:author:)`` and send again. Nothing is ever forced, on either side.
extension TextRegister {
    /// The forge this register syncs with: `given` if any (a register folder stands for its `register.git`), else the
    /// `origin` recorded by `suivi clone`; `nil` when neither.
    public func forgeAddress(_ given: String?) async throws(RegisterError) -> String? {
        if let given, let named = try await namedRemote(given) { return named }
        if let given { return Self.resolveRemote(given) }
        return try await store.remoteURL(named: "origin")
    }

    /// Sends every branch and tag to `remote` (``push(to:)``); when the forge has writes this register lacks,
    /// pulls them (``pull(from:author:)``: fast-forward or merge commit by `author`, signed by this register's
    /// signer) and sends again, at most `attempts` pushes in all. With `pullFirst`, pulls before the first push
    /// (a periodic round: the forge's writes come in even when this register has nothing to send).
    ///
    /// A write of this register's own that lands during the exchange (a reference moved under the pull) is not an
    /// error either: the next attempt takes it along.
    /// - Throws: ``RegisterError/mergeConflict(url:conflicts:)`` when the forge and this register changed the same
    ///   clause or record differently (nothing moved, on either side: the local commits stay on their branches);
    ///   ``RegisterError/remote(url:reason:)`` when the forge cannot be reached; ``RegisterError/pushRejected(url:references:)``
    ///   when it still moved after `attempts` pushes; any refusal of ``pull(from:author:)`` (a diverged tag, a text that
    ///   does not validate).
    /// Identifiers and host keys come from `credentials` (default: this process's environment and home folder).
    public func exchange(with remote: String?, author: Identity?, pullFirst: Bool, attempts: Int = 3,
                         credentials: RemoteCredentials = .process) async throws(RegisterError) -> ForgeExchange
    {
        let url = try await remoteAddress(remote)
        let attempts = max(1, attempts)
        var pulls: [SyncReport] = []
        var attempt = 0
        while true {
            attempt += 1
            do {
                if pullFirst || attempt > 1 { pulls.append(try await pull(from: url, author: author, credentials: credentials)) }
                let pushed = try await push(to: url, credentials: credentials)
                let branches = try await forgeBranches(at: url, credentials: credentials)
                return ForgeExchange(url: url, pulls: pulls, push: pushed, attempts: attempt, forgeBranches: branches)
            } catch {
                guard attempt < attempts, Self.isRace(error) else { throw error }
            }
        }
    }

    /// Whether `error` only says that someone wrote meanwhile (the forge, or this register under a pull): trying
    /// again, after a pull, settles it.
    static func isRace(_ error: RegisterError) -> Bool {
        switch error {
        case .pushRejected, .conflict, .retriesExhausted: return true
        default: return false
        }
    }

    /// The branches `url` advertises, full name → tip (nothing is downloaded).
    public func forgeBranches(at url: String, credentials: RemoteCredentials = .process) async throws(RegisterError)
        -> [String: ObjectID]
    {
        try await store.remoteReferences(at: url, credentials: credentials).filter { $0.key.hasPrefix("refs/heads/") }
    }

    /// For each local branch with commits the forge lacks, how many, given the forge's branches as last seen: a
    /// branch is compared with the forge's branch of the same name, a branch the forge does not have (or whose tip
    /// has not been downloaded here) with the nearest of the forge's branches known here. Branches the forge
    /// holds entirely are left out.
    public func commitsMissing(from forgeBranches: [String: ObjectID]) async throws(RegisterError) -> [String: Int] {
        var known: [ObjectID] = []
        for id in Set(forgeBranches.values) where try await store.contains(id) { known.append(id) }
        var missing: [String: Int] = [:]
        for branch in try await store.branches() {
            var count: Int
            if let theirs = forgeBranches[branch.ref], try await store.contains(theirs) {
                count = try await store.commitsAhead(branch.tip, of: theirs)
            } else if known.isEmpty {
                count = try await store.log(from: branch.tip).count
            } else {
                count = Int.max
                for id in known { count = min(count, try await store.commitsAhead(branch.tip, of: id)) }
            }
            if count > 0 { missing[branch.ref] = count }
        }
        return missing
    }
}
