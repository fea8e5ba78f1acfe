import Dispatch
import Foundation
import Synchronization
import Testing

extension CLI {
    /// Runs `suivi` (or `executable`) with each argument list, all at the same time: one thread per child, since the runner
    /// blocks until its child exits. (A shell's `wait` would hang here: children inherit the test thread's blocked
    /// signal mask, SIGCHLD included.)
    static func runConcurrently(_ commands: [[String]], executable: String? = CLI.executable,
                                watchdog: Duration) throws -> [ProcessResult] {
        let executable = try #require(executable)
        let results = ResultBox()
        let group = DispatchGroup()
        for (index, arguments) in commands.enumerated() {
            group.enter()
            Thread {
                let outcome: Result<ProcessResult, ProcessRunnerError>
                do {
                    outcome = .success(try ProcessRunner.run(executable, arguments, watchdog: watchdog))
                } catch {
                    outcome = .failure(ProcessRunnerError(description: "\(error)"))
                }
                results.mutex.withLock { $0[index] = outcome }
                group.leave()
            }.start()
        }
        group.wait()
        return try results.mutex.withLock { collected in
            try (0..<commands.count).map { index in try #require(collected[index]).get() }
        }
    }
}

/// The results of children run on several threads, by index.
private final class ResultBox: Sendable {
    let mutex = Mutex<[Int: Result<ProcessResult, ProcessRunnerError>]>([:])
}
