import Committee
import Foundation
import Logging
import Register

/// The web server's sync with the forge (docs/SERVER-SYNC.md): after each member's write, the server sends its
/// commits to the forge; when the forge moved (a member pushed from a clone), its writes are brought in by the
/// clause-level merge of `suivi recuperer` and the push is tried again (``Register/TextRegister/exchange(with:author:pullFirst:attempts:)``).
/// It pulls every period (``ForgeSyncService``) and when the chair asks (`POST /synchronisation`).
///
/// One exchange runs at a time; requests made meanwhile are merged into one more exchange. A member's request never
/// waits for it, nor fails because of it: the write is committed in the server's register first. A conflict or an
/// unreachable forge is recorded in ``status`` for the chair, and retried on the next write or period.
public actor ForgeSync {
    /// What asked for an exchange.
    public enum Trigger: Sendable {
        /// A member's write: push first (pull only if the forge refuses).
        case write
        /// The period, the server's start or the chair: pull first, then push.
        case pull
    }

    /// The identity of the merge commits the server writes (signed with the server's key when it has one).
    public static let mergeAuthor = Identity(name: "Serveur web du comité", email: "serveur-web@suivi.invalid")

    /// The register the exchanges go through: its own git store, so a slow forge (a network transfer blocks the
    /// store's thread) never delays the pages, which read through another.
    private let register: TextRegister
    private let remote: String?
    private let credentials: RemoteCredentials
    private let author: Identity
    private let attempts: Int
    private let logger: Logger
    private var resolved: String??
    private var knownForge: [String: ObjectID]?
    public private(set) var status = ForgeSyncStatus()

    private var requested = 0
    private var completed = 0
    private var pullWanted = false
    private var worker: Task<Void, Never>?
    private var waiters: [(id: UUID, ticket: Int, continuation: CheckedContinuation<Void, Never>)] = []

    /// - Parameters:
    ///   - registerRoot: the server's register (opened again here, with its own store).
    ///   - signer: the server's key (merge commits are signed with it).
    ///   - remote: the forge's address; `nil`: the register's `origin`, else no sync at all.
    ///   - credentials: where the forge's identifiers and host keys come from (docs/SYNC.md): by default the server's
    ///     environment (`SUIVI_GIT_JETON`…) and home folder (git credential helpers, `~/.ssh`).
    ///   - attempts: pushes per exchange before giving up until the next one.
    public init(registerRoot: URL, signer: Signer?, remote: String?, credentials: RemoteCredentials = .process,
                author: Identity = ForgeSync.mergeAuthor, attempts: Int = 3,
                logger: Logger = Logger(label: "suivi.web.forge")) throws(RegisterError) {
        register = try TextRegister.open(at: registerRoot).signing(with: signer)
        self.remote = remote
        self.credentials = credentials
        self.author = author
        self.attempts = max(1, attempts)
        self.logger = logger
    }

    /// The forge's address (`nil`: none configured and no `origin`), looked up once.
    public func forge() async -> String? {
        if let resolved { return resolved }
        let address = try? await register.forgeAddress(remote)
        resolved = .some(address)
        status.forge = address.map(ForgeSyncStatus.shown)
        return address
    }

    /// Asks for an exchange and returns at once (after a member's write).
    /// - Returns: the request's ticket, for ``wait(for:)``.
    @discardableResult
    public func request(_ trigger: Trigger) -> Int {
        requested += 1
        if trigger == .pull { pullWanted = true }
        if worker == nil { worker = Task { await self.drain() } }
        return requested
    }

    /// Runs an exchange (after any running one) and returns the status it left.
    @discardableResult
    public func synchronize(_ trigger: Trigger = .pull) async -> ForgeSyncStatus {
        await wait(for: request(trigger))
        return status
    }

    /// Returns once every exchange asked for so far is done.
    public func idle() async {
        await wait(for: requested)
    }

    /// Returns once the exchange that serves `ticket` is done.
    public func wait(for ticket: Int) async {
        guard completed < ticket else { return }
        // Cancellable: the server's shutdown must not wait for an exchange a hanging forge holds (libgit2 1.5 has no
        // read timeout); the exchange itself goes on in its own task, and dies with the process.
        let id = UUID()
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if Task.isCancelled { continuation.resume() } else { waiters.append((id, ticket, continuation)) }
            }
        } onCancel: {
            Task { await self.release(id) }
        }
    }

    /// Lets waiter `id` go (its task was cancelled) without the exchange it waits for.
    private func release(_ id: UUID) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume()
    }

    private func drain() async {
        while completed < requested {
            let target = requested
            let pullFirst = pullWanted
            pullWanted = false
            await exchange(pullFirst: pullFirst)
            completed = target
            let ready = waiters.filter { $0.ticket <= target }
            waiters.removeAll { $0.ticket <= target }
            for waiter in ready { waiter.continuation.resume() }
        }
        worker = nil
    }

    private func exchange(pullFirst: Bool) async {
        guard let url = await forge() else { return }
        let started = Date()
        status.lastAttempt = started
        status.exchanges += 1
        do {
            let result = try await register.exchange(with: url, author: author, pullFirst: pullFirst, attempts: attempts,
                                                     credentials: credentials)
            let now = Date()
            status.lastPush = now
            if pullFirst || !result.pulls.isEmpty { status.lastPull = now }
            if status.problem != nil { logger.notice("Synchronisation avec la forge rétablie.") }
            status.problem = nil
            status.problemSince = nil
            knownForge = result.forgeBranches
        } catch {
            let message = ForgeSyncStatus.shown(Self.french(error, url: url))
            let problem: ForgeSyncStatus.Problem
            switch error {
            case .mergeConflict(_, let conflicts):
                problem = .conflict(conflicts: conflicts, message: message)
                // The forge's writes were downloaded: what the server has and the forge lacks can be counted.
                if let branches = try? await register.forgeBranches(at: url, credentials: credentials) { knownForge = branches }
            case .remote, .remoteUnreachable:
                problem = .unreachable(message: message)
            default:
                problem = .refused(message: message)
            }
            if status.problem == nil { status.problemSince = started }
            status.problem = problem
            logger.warning("Synchronisation avec la forge \(ForgeSyncStatus.shown(url)) impossible : \(message)")
        }
        if let knownForge { status.pending = try? await register.commitsMissing(from: knownForge) }
    }

    /// The French wording of a failed exchange, the forge's address shown without credentials.
    static func french(_ error: RegisterError, url: String) -> String {
        error.description(.web).replacingOccurrences(of: url, with: ForgeSyncStatus.shown(url))
    }
}
