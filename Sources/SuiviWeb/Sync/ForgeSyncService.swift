import Foundation
import ServiceLifecycle

/// The forge sync's part of the server's service group: an exchange (pull, then push) when the server starts, then
/// one every `period` (none when `nil`); it stops with the server (graceful shutdown), letting a running exchange end.
struct ForgeSyncService: Service {
    let sync: ForgeSync
    let period: Duration?

    func run() async throws {
        await sync.synchronize(.pull)
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
            await sync.synchronize(.pull)
        }
    }
}
