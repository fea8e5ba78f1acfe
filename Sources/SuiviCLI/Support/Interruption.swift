import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a write that a user may stop with Ctrl-C (SIGINT) or that a system may stop (SIGTERM): the
/// signal does not kill the process, it cancels the task doing the write. The register's writes check
/// for cancellation between the objects they prepare and never inside their final step (moving the
/// references), so the write either stops before that step (nothing written) or goes to its end. The
/// caller then says which, and exits 130. The signals stay caught until the process ends: one that comes
/// while the command prints its report no longer changes anything and does not cut the report short.
enum Interruption {
    /// The exit status of a command stopped by a signal, as shells report Ctrl-C.
    static let exitStatus: Int32 = 130

    /// What the run ended with, and the signal received meanwhile, if any.
    struct Outcome<T: Sendable>: Sendable {
        let result: Result<T, any Error>
        let signal: Int32?

        /// "SIGINT" / "SIGTERM".
        var signalName: String { signal == SIGTERM ? "SIGTERM" : "SIGINT" }
    }

    /// Runs `body` as a task that SIGINT and SIGTERM cancel, and waits for it to end.
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async -> Outcome<T> {
        let received = ReceivedSignal()
        let task = Task { try await body() }
        let queue = DispatchQueue(label: "suivi.interruption")
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)  // delivered to the dispatch source instead of ending the process
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                received.record(number)
                task.cancel()
            }
            source.resume()
            sources.append(source)
        }
        let result = await task.result
        // Still delivered to the sources (so counted) while the command reports what it did, then ends.
        activeSources.keep(sources)
        return Outcome(result: result, signal: received.first)
    }
}

/// The first signal received, shared with the dispatch handler.
private final class ReceivedSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int32?

    func record(_ number: Int32) {
        lock.lock()
        defer { lock.unlock() }
        if value == nil { value = number }
    }

    var first: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}

/// The signal sources of the running command, kept until the process ends.
private let activeSources = SourceKeeper()

private final class SourceKeeper: @unchecked Sendable {
    private let lock = NSLock()
    private var sources: [any DispatchSourceSignal] = []

    func keep(_ more: [any DispatchSourceSignal]) {
        lock.lock()
        defer { lock.unlock() }
        sources += more
    }
}
