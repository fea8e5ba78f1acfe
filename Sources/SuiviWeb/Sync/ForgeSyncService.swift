import Foundation
import ServiceLifecycle

/// The forge sync's part of the server's service group: an exchange (pull, then push) when the server starts, then
/// one every `period` (none when `nil`); it stops with the server (graceful shutdown), letting a running exchange end.
struct ForgeSyncService: Service {
    let sync: ForgeSync
    let period: Duration?

    func run() async throws {
        // A forge that accepts the connection and never answers holds an exchange for good: the wait for it is
        // cancelled at shutdown, so SIGTERM stops the server all the same.
        await cancelWhenGracefulShutdown { await sync.synchronize(.pull) }
        guard let period else {
            try? await gracefulShutdown()
            return
        }
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: period) }
            } catch {
                return
            }
            await cancelWhenGracefulShutdown { await sync.synchronize(.pull) }
        }
    }
}
