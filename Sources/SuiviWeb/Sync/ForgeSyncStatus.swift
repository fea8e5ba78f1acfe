import Foundation
import Register

/// Where the server's clone stands with the forge (``ForgeSync``), as the chair's page shows it.
public struct ForgeSyncStatus: Sendable {
    /// Why the last exchange with the forge did not go through.
    public enum Problem: Sendable {
        /// The forge could not be reached (network, address, credentials): retried on the next write or period.
        case unreachable(message: String)
        /// The forge and the server changed the same clause or record differently: nothing moved on either side,
        /// the server's commits stay on its branches until the chair's side settles it.
        case conflict(conflicts: [MergeConflict], message: String)
        /// Any other refusal (a version tag moved on one side, a text the forge holds that does not validate, a forge
        /// that kept moving): retried too, but a person must act.
        case refused(message: String)

        /// The message in French.
        public var message: String {
            switch self {
            case .unreachable(let message), .conflict(_, let message), .refused(let message): return message
            }
        }
    }

    /// The forge's address as shown (any `user:password@` removed); `nil`: the server syncs with no forge.
    public var forge: String?
    /// When an exchange last sent everything to the forge (the forge then held every commit of the server).
    public var lastPush: Date?
    /// When the forge's writes were last brought in.
    public var lastPull: Date?
    /// When the last exchange started.
    public var lastAttempt: Date?
    /// Why the last exchange failed; `nil` when it succeeded (or none ran yet).
    public var problem: Problem?
    /// Since when the problem lasts (the first failed exchange after a success).
    public var problemSince: Date?
    /// For each branch of the server with commits the forge lacks, how many (as of the forge's branches last seen);
    /// `nil` while the forge's branches were never seen.
    public var pending: [String: Int]?
    /// Exchanges done since the server started.
    public var exchanges: Int = 0

    public init(forge: String? = nil) {
        self.forge = forge
    }

    /// Whether the server's commits are all on the forge, as far as the server knows.
    public var isUpToDate: Bool { problem == nil && pending?.isEmpty == true }

    /// The commits the forge lacks, all branches together (0 when unknown).
    public var pendingCount: Int { pending?.values.reduce(0, +) ?? 0 }

    /// `address` without the `user:password@` of a URL: a secret never reaches a page or the log.
    static func shown(_ address: String) -> String {
        guard let scheme = address.range(of: "://"), let at = address[scheme.upperBound...].firstIndex(of: "@") else { return address }
        let slash = address[scheme.upperBound...].firstIndex(of: "/") ?? address.endIndex
        guard at < slash else { return address }
        return String(address[..<scheme.upperBound]) + String(address[address.index(after: at)...])
    }
}
