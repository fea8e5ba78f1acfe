import Foundation

/// The sessions of a running server, in memory (a restart logs everyone out).
public actor SessionStore {
    private var sessions: [String: Session] = [:]
    /// How long a session lasts without being renewed.
    public let lifetime: TimeInterval

    public init(lifetime: TimeInterval = 8 * 3600) {
        self.lifetime = lifetime
    }

    /// A new session (anonymous when `account` is nil).
    public func create(account: Account? = nil, kept: KeptForm? = nil) -> Session {
        purge()
        let session = Session(id: Session.randomToken(), csrfToken: Session.randomToken(), account: account,
                              expires: Date().addingTimeInterval(lifetime), kept: kept)
        sessions[session.id] = session
        return session
    }

    /// The live session of that id.
    public func session(_ id: String) -> Session? {
        guard let session = sessions[id] else { return nil }
        guard session.expires > Date() else {
            sessions[id] = nil
            return nil
        }
        return session
    }

    /// The form kept in session `id` for page `page`, given once (it is removed).
    public func takeKept(_ id: String, page: String) -> KeptForm? {
        guard let kept = sessions[id]?.kept, kept.page == page else { return nil }
        sessions[id]?.kept = nil
        return kept
    }

    /// Ends a session.
    public func remove(_ id: String) {
        sessions[id] = nil
    }

    /// Drops expired sessions once there are many, and anonymous ones (a login form never sent) when
    /// there are still too many: visits to the login page cannot fill the memory.
    private func purge() {
        guard sessions.count > 1000 else { return }
        let now = Date()
        sessions = sessions.filter { $0.value.expires > now }
        if sessions.count > 10_000 { sessions = sessions.filter { $0.value.account != nil } }
    }
}
