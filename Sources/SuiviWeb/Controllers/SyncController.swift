import Foundation
import Hummingbird
import LegalText
import Register

/// The chair's view of the server's sync with the forge (`/synchronisation`): when the forge last received and
/// sent writes, what the forge still lacks, the last problem (a conflict shown clause by clause), and a button
/// that syncs now. For the chair's seat only (other members get 403).
struct SyncController {
    static let path = "/synchronisation"
    let services: WebServices
    let sync: ForgeSync

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("/synchronisation", use: show)
        routes.post("/synchronisation", use: synchronize)
        return routes
    }

    func requireChair(_ context: AppRequestContext) async throws {
        guard await services.isChair(context) else {
            throw HTTPError(.forbidden, message: "La synchronisation avec la forge est suivie par la présidence du comité : "
                            + "ce siège n’y a pas accès.")
        }
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await requireChair(context)
        let view = Self.view(await sync.status, csrf: context.session?.csrfToken ?? "", withButton: true)
        let notice = TextController.query(request, "ok") == "1" ? "Synchronisation faite : voyez son résultat ci-dessous." : nil
        return services.renderer.page("forgeSyncPage", title: "Synchronisation avec la forge", view: view, context: context,
                                      isChair: true, notice: notice)
    }

    @Sendable func synchronize(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await requireChair(context)
        await sync.synchronize(.pull)
        return Response.redirect(to: Self.path + "?ok=1", type: .normal)
    }

    // MARK: View

    struct ConflictRow {
        let place: String
        let branch: String
        let ours: String
        let theirs: String
    }

    struct PendingRow {
        let branch: String
        let count: Int
    }

    struct View {
        let configured: Bool
        let forge: String
        let upToDate: Bool
        let lastPush: String
        let lastPull: String
        let lastAttempt: String
        let pendingKnown: Bool
        let hasPending: Bool
        let pending: [PendingRow]
        let pendingCount: Int
        let hasProblem: Bool
        let isConflict: Bool
        let isUnreachable: Bool
        let problem: String
        let problemSince: String
        let conflicts: [ConflictRow]
        let withButton: Bool
        let csrf: String
    }

    /// « le 6 décembre 2026 à 17 h 42 » (Paris), or « jamais ».
    static func moment(_ date: Date?) -> String {
        guard let date else { return "jamais" }
        return "le \(LegalDate.today(in: .paris, now: date).french) à \(WebError.parisTime(date))"
    }

    static func view(_ status: ForgeSyncStatus, csrf: String, withButton: Bool) -> View {
        var conflicts: [ConflictRow] = []
        var isConflict = false
        var isUnreachable = false
        switch status.problem {
        case .conflict(let list, _):
            isConflict = true
            conflicts = list.map { conflict in
                let place: String
                switch conflict.kind {
                case .clause:
                    place = "Texte \(conflict.work ?? "?") (NOR), élément wId \(conflict.wId ?? "?")" + (conflict.eId.map { " (eId \($0))" } ?? "")
                case .textStructure:
                    place = "Texte \(conflict.work ?? "?") (NOR) : structure du texte (métadonnées, visas, liste des articles)"
                case .record:
                    place = "Enregistrement \(conflict.path)"
                }
                let branch = conflict.branch.hasPrefix("refs/heads/") ? String(conflict.branch.dropFirst("refs/heads/".count)) : conflict.branch
                return ConflictRow(place: place, branch: branch, ours: conflict.ours ?? "(supprimé)", theirs: conflict.theirs ?? "(supprimé)")
            }
        case .unreachable:
            isUnreachable = true
        case .refused, .none:
            break
        }
        let pending = (status.pending ?? [:]).sorted { $0.key < $1.key }.map { ref, count in
            PendingRow(branch: ref.hasPrefix("refs/heads/") ? String(ref.dropFirst("refs/heads/".count)) : ref, count: count)
        }
        return View(configured: status.forge != nil, forge: status.forge ?? "", upToDate: status.isUpToDate,
                    lastPush: moment(status.lastPush), lastPull: moment(status.lastPull), lastAttempt: moment(status.lastAttempt),
                    pendingKnown: status.pending != nil, hasPending: !pending.isEmpty, pending: pending, pendingCount: status.pendingCount,
                    hasProblem: status.problem != nil, isConflict: isConflict, isUnreachable: isUnreachable,
                    problem: status.problem?.message ?? "", problemSince: moment(status.problemSince), conflicts: conflicts,
                    withButton: withButton, csrf: csrf)
    }
}
