import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock (`flock`) on `register.git/suivi-writers.flock`, held by every suivi
/// writer for the instant it updates a reference.
///
/// git and libgit2 lock a reference by creating `<ref>.lock`; a writer killed at that moment leaves the
/// file behind and nothing tells a live lock from a dead one. The kernel, though, drops a `flock` when
/// its process dies. So a `<ref>.lock` met while holding this lock cannot belong to a live suivi writer:
/// it is a killed writer's, or another git program's (which the caller tells apart by its age).
final class WritersLock {
    private let descriptor: Int32

    init(gitDirectory: String) throws(RegisterError) {
        let path = gitDirectory + "suivi-writers.flock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .io(path: path, reason: String(cString: strerror(errno)))
        }
    }

    deinit {
        close(descriptor)
    }

    /// Runs `body` while holding the lock, if no other writer holds it now; nil (and `body` not run) if one does.
    func withLockIfFree<T>(_ body: () throws(RegisterError) -> T) throws(RegisterError) -> T? {
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EINTR else {
                if errno == EWOULDBLOCK { return nil }
                break  // any other failure: proceed unlocked, as `withLock` does
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// Runs `body` while holding the lock (waiting for other writers, each holds it for one ref update). It blocks
    /// its thread: only a ``GitStore``, on its own queue (``StoreExecutor``), calls it.
    func withLock<T>(_ body: () throws(RegisterError) -> T) throws(RegisterError) -> T {
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { break }  // any other failure: proceed unlocked, as git itself would
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
