import Foundation
import Hummingbird
import Register

/// `GET /sante` (alias `/healthz`), for the reverse proxy, systemd or the container's health check: 200 « ok »
/// when the register opens and its references can be read, 503 with a short French reason otherwise. Never a path,
/// never a secret, never cached, no session opened; the details of a failure go to the server's log.
struct HealthController {
    let registerRoot: URL

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("/sante", use: health)
        routes.get("/healthz", use: health)
        return routes
    }

    @Sendable func health(_ request: Request, context: AppRequestContext) async throws -> Response {
        let register: TextRegister
        do {
            // Opened afresh: the server's own handle would not notice a register removed or moved away.
            register = try TextRegister.open(at: registerRoot)
        } catch {
            context.logger.error("santé : registre introuvable : \(error)")
            return Self.answer(.serviceUnavailable, "indisponible : registre introuvable")
        }
        do {
            _ = try await register.fingerprint()
        } catch {
            context.logger.error("santé : registre illisible : \(error)")
            return Self.answer(.serviceUnavailable, "indisponible : registre illisible")
        }
        return Self.answer(.ok, "ok")
    }

    static func answer(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status,
                 headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text + "\n")))
    }
}
