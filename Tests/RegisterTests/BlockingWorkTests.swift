import Dispatch
import Foundation
import Register
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The store's blocking work (the writers' `flock`, network transfers, lock waits) runs on its own queue, never on
/// Swift concurrency's cooperative threads: a writer waiting for the lock must not stall the process's other tasks.
@Suite("Register: blocking work stays off the cooperative threads")
struct BlockingWorkTests {
    /// The writers' lock of a repository, taken through another open file (so this process's stores wait for it as
    /// for another process's writer). Released once, by the test or, if the test cannot get there, by the watchdog.
    final class HeldLock: Sendable {
        private let descriptor: Int32
        private let state = Mutex<(released: Bool, byWatchdog: Bool)>((false, false))

        init(gitDirectory: URL) throws {
            descriptor = open(gitDirectory.appendingPathComponent("suivi-writers.flock").path, O_RDWR | O_CREAT, 0o644)
            try #require(descriptor >= 0)
            try #require(flock(descriptor, LOCK_EX) == 0)
        }

        deinit { close(descriptor) }

        func release(byWatchdog: Bool) {
            state.withLock { state in
                guard !state.released else { return }
                flock(descriptor, LOCK_UN)
                state = (true, byWatchdog)
            }
        }

        var released: Bool { state.withLock { $0.released } }
        var releasedByWatchdog: Bool { state.withLock { $0.byWatchdog } }

        /// How many other open files wait for this lock (the kernel's `/proc/locks` lists each waiter with `->`).
        func waiters(inode: UInt64) -> Int {
            guard let text = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return 0 }
            return text.split(separator: "\n").filter { line in
                line.contains("->") && line.contains("FLOCK") && line.split(separator: " ").contains { $0.hasSuffix(":\(inode)") }
            }.count
        }
    }

    @Test("while writers wait for the writers' lock, many other tasks still run to completion",
          .enabled(if: FileManager.default.isReadableFile(atPath: "/proc/locks"), "needs Linux's /proc/locks"))
    func waitingWritersDoNotStarveOtherTasks() async throws {
        try await withNewStore { (_, url) async throws in
            // More waiting writers than the cooperative pool has threads (one per core): if each blocked one of
            // them, nothing else could run.
            let writers = max(4, ProcessInfo.processInfo.activeProcessorCount * 2)
            var stores: [GitStore] = []
            for _ in 0..<writers { stores.append(try GitStore(openingAt: url, lockTimeout: .seconds(600))) }
            var status = stat()
            try #require(stat(url.appendingPathComponent("suivi-writers.flock").path, &status) == 0)
            let inode = UInt64(status.st_ino)
            let lock = try HeldLock(gitDirectory: url)
            // Only so that a store blocking the cooperative threads makes this test fail instead of hang: the lock
            // is released after ten minutes at most, and the test then finds it was released by the watchdog.
            DispatchQueue.global().asyncAfter(deadline: .now() + 600) { lock.release(byWatchdog: true) }

            let author = Fixture.member
            let waiting = stores
            let writes = Task {
                try await withThrowingTaskGroup(of: ObjectID.self) { group in
                    for (index, store) in waiting.enumerated() {
                        group.addTask {
                            try await store.commitApplying(changes: ["w/\(index).txt": Data("\(index)".utf8)],
                                                           message: "écriture \(index)", author: author, date: Fixture.signature, signer: nil)
                        }
                    }
                    return try await group.reduce(into: [ObjectID]()) { $0.append($1) }
                }
            }
            // Every writer is now waiting inside `flock` (seen from a thread outside the pool).
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                DispatchQueue.global().async {
                    while lock.waiters(inode: inode) < writers && !lock.released { usleep(1_000) }
                    continuation.resume()
                }
            }
            #expect(lock.waiters(inode: inode) == writers || lock.releasedByWatchdog)

            // Work for the cooperative pool while they wait: it all completes before the lock is released.
            let tasks = 200
            let completed = await withTaskGroup(of: Int.self) { group in
                for number in 0..<tasks {
                    group.addTask {
                        await Task.yield()
                        return (0...number).reduce(0, +) >= 0 ? 1 : 0
                    }
                }
                return await group.reduce(0, +)
            }
            #expect(completed == tasks)
            lock.release(byWatchdog: false)
            #expect(!lock.releasedByWatchdog, "the other tasks could run only once the writers' lock was released")

            // The writers then all go through, none lost.
            let commits = try await writes.value
            #expect(Set(commits).count == writers)
            let tip = try #require(try await stores[0].tip())
            #expect(try await stores[0].listFiles(at: tip, under: "w").count == writers)
        }
    }
}
