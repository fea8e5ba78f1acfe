import HTTPTypes
import Hummingbird

/// Sets the request's client address and scheme from `X-Forwarded-For` / `X-Forwarded-Proto` when, and only when,
/// the connection comes from a trusted proxy (``TrustedProxies``); otherwise they stay those of the socket.
struct ForwardedHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let proxies: TrustedProxies

    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !proxies.networks.isEmpty else { return try await next(request, context) }
        var context = context
        let resolved = proxies.resolve(peer: context.peerAddress.flatMap { IPAddress(parsing: $0) },
                                       forwardedFor: request.headers[values: Self.forwardedFor],
                                       forwardedProto: request.headers[values: Self.forwardedProto])
        context.clientAddress = resolved.client?.throttleKey ?? context.clientAddress
        context.isHTTPS = resolved.isHTTPS
        return try await next(request, context)
    }
}
