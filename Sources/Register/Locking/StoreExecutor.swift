import Dispatch

/// The serial executor of a ``GitStore``: its jobs run one at a time on a dispatch queue of its own, never on a
/// thread of Swift concurrency's cooperative pool. The store's libgit2 work can block: network transfers
/// (`fetch`, `push`), the writers' `flock`, waits for another writer's reference lock. Blocking a thread of that
/// small pool (one per core) would stall every other task of the process, the web server's included; a dispatch
/// queue's thread may block, and dispatch brings up another one for other work meanwhile.
///
/// One queue per store keeps the store an actor as before (one job at a time, so one thread at a time uses its
/// libgit2 objects), and stores opened on the same repository never wait for each other's queue.
final class StoreExecutor: SerialExecutor {
    private let queue: DispatchQueue

    /// The queue targets dispatch's default global queue, whose pool keeps about one thread per core busy and adds
    /// one while others are blocked. (A queue of its own targets the "overcommit" pool, which starts a thread
    /// for every queue with work: with many stores at work, hundreds of threads, each with its own malloc arena.)
    init(label: String) {
        queue = DispatchQueue(label: label, target: .global())
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}
