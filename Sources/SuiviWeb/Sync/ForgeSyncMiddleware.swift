import Hummingbird
import Register

/// After a member's form that wrote to the register (the references moved), asks ``ForgeSync`` to send the write
/// to the forge, without waiting: the member's answer never depends on the forge. Installed on the member routes.
struct ForgeSyncMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let sync: ForgeSync
    let register: TextRegister

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post, request.uri.path != SyncController.path else { return try await next(request, context) }
        let before = try? await register.fingerprint()
        let response = try await next(request, context)
        if response.status.code < 400, let after = try? await register.fingerprint(), after != before {
            await sync.request(.write)
        }
        return response
    }
}
