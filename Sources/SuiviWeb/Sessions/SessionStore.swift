import Foundation

/// The sessions of a running server: in memory only (a restart logs everyone out), or also on disk, sealed with
/// the key of `suivi web --cle-sessions` (``SessionFolder``: they survive a restart; memory is then a cache).
public actor SessionStore {
    private var sessions: [String: Session] = [:]
    /// How long a session lasts without being renewed.
    public let lifetime: TimeInterval
    private let folder: SessionFolder?
    private let now: @Sendable () -> Date
    /// Sessions created since the folder was last purged of expired files.
    private var createdSincePurge = 0

    /// Sessions in memory only.
    /// - Parameter now: the clock (advanced by hand in tests).
    public init(lifetime: TimeInterval = 8 * 3600, now: @escaping @Sendable () -> Date = { Date() }) {
        self.lifetime = lifetime
        self.now = now
        folder = nil
    }

    /// Sessions kept in `<registerRoot>/sessions/` too, sealed with `key`: a server started again with the same key
    /// finds them; with another key, none. Expired files are removed now and then.
    /// - Throws: ``SessionStorageError/folder(path:reason:)`` when the folder cannot be created or written.
    public init(registerRoot: URL, key: SessionKey, lifetime: TimeInterval = 8 * 3600,
                now: @escaping @Sendable () -> Date = { Date() }) throws(SessionStorageError) {
        self.lifetime = lifetime
        self.now = now
        let folder = try SessionFolder(registerRoot: registerRoot, key: key)
        folder.purge(now: now())
        self.folder = folder
    }

    /// Whether sessions outlive the process.
    public nonisolated var isPersistent: Bool { folder != nil }

    /// A new session (anonymous when `account` is nil), written to disk first when sessions are kept there.
    /// - Throws: ``SessionStorageError/write(path:reason:)``: no session is opened.
    public func create(account: Account? = nil, kept: KeptForm? = nil) throws(SessionStorageError) -> Session {
        purge()
        let session = Session(id: Session.randomToken(), csrfToken: Session.randomToken(), account: account,
                              expires: now().addingTimeInterval(lifetime), kept: kept)
        try folder?.save(session)
        sessions[session.id] = session
        return session
    }

    /// The live session of that id.
    public func session(_ id: String) -> Session? {
        if let session = sessions[id] {
            guard session.expires > now() else {
                sessions[id] = nil
                try? folder?.delete(id)
                return nil
            }
            return session
        }
        // Only a value that can be a session id reaches the disk.
        guard let folder, LoginFormToken.isNonce(id), let session = folder.load(id) else { return nil }
        guard session.expires > now() else {
            try? folder.delete(id)
            return nil
        }
        sessions[id] = session
        return session
    }

    /// The form kept in session `id` for page `page`, given once (it is removed).
    public func takeKept(_ id: String, page: String) -> KeptForm? {
        guard let session = self.session(id), let kept = session.kept, kept.page == page else { return nil }
        sessions[id]?.kept = nil
        // Removed from the file too; if that fails, the form is merely offered once more after a restart.
        if let folder, let updated = sessions[id] { try? folder.save(updated) }
        return kept
    }

    /// Ends a session.
    /// - Throws: ``SessionStorageError/remove(path:reason:)`` when its file stays: the session would come back at the
    ///   next start, so the logout is not done.
    public func remove(_ id: String) throws(SessionStorageError) {
        sessions[id] = nil
        guard let folder, LoginFormToken.isNonce(id) else { return }
        try folder.delete(id)
    }

    /// Drops expired sessions once there are many, and anonymous ones (a login form never sent) when
    /// there are still too many: visits to the login page cannot fill the memory. On disk, expired files are
    /// removed every 100 sessions created.
    private func purge() {
        createdSincePurge += 1
        if let folder, createdSincePurge >= 100 {
            createdSincePurge = 0
            folder.purge(now: now())
        }
        guard sessions.count > 1000 else { return }
        let date = now()
        sessions = sessions.filter { $0.value.expires > date }
        if sessions.count > 10_000 { sessions = sessions.filter { $0.value.account != nil } }
    }
}
