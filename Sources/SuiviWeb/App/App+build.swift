import Committee
import Foundation
import Hummingbird
import HummingbirdBasicAuth
import HummingbirdCore
import Logging
import Register
import ServiceLifecycle

/// Builds the server of `suivi serve` on the register at `configuration.registerRoot`: HTTP/1.1, idle
/// connections closed after `configuration.idleTimeout`, at most `configuration.maximumConnections` at once.
/// - Throws: ``Register/RegisterError/notARegister(path:)`` when the folder holds no register.
public func buildApplication(_ configuration: WebConfiguration, logger: Logger? = nil,
                             onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws -> some ApplicationProtocol {
    var log = logger ?? Logger(label: "suivi.web")
    if logger == nil { log.logLevel = .notice }
    let forgeSync = try ForgeSync(registerRoot: configuration.registerRoot, signer: configuration.signer, remote: configuration.remote,
                                  logger: log)
    let router = try buildRouter(configuration, forgeSync: forgeSync)
    // With a forge: an exchange at start, then every `syncPeriod` seconds (docs/SERVER-SYNC.md).
    let services: [any Service] = await forgeSync.forge() == nil ? []
        : [ForgeSyncService(sync: forgeSync, period: configuration.syncPeriod.map { .milliseconds(Int64($0 * 1000)) })]
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: .milliseconds(Int64(configuration.idleTimeout * 1000)))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "suivi",
                             availableConnectionsDelegate: MaximumAvailableConnections(configuration.maximumConnections, logger: log)),
        services: services,
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: log
    )
}

/// The routes: public pages, login, and the member pages behind the login.
/// `sessions`: by default in memory, or kept under the register with `configuration.sessionKeyFile` (they survive
/// a restart); `loginThrottle` limits failed logins (its clock is injectable for tests); `passwordVerifier` checks
/// passwords (bcrypt off the cooperative threads; counted in tests); `pageCache` keeps the rendered public pages
/// (its counters are read in tests); `forgeSync` sends the members' writes to the forge (by default, to
/// `configuration.remote`, else the register's `origin`, else nowhere).
/// - Throws: ``SessionKeyError``, ``SessionStorageError`` for an unusable key of the sessions or folder of sessions,
///   ``TrustedProxies/InvalidEntry`` for a trusted proxy that is no address.
public func buildRouter(_ configuration: WebConfiguration, sessions: SessionStore? = nil,
                        passwordCost: UInt8 = 12, loginThrottle: LoginThrottle = LoginThrottle(),
                        passwordVerifier: any PasswordHashVerifier = BcryptPasswordVerifier(),
                        pageCache: PageCache = PageCache(), forgeSync: ForgeSync? = nil) throws -> Router<AppRequestContext> {
    let register = try TextRegister.open(at: configuration.registerRoot).signing(with: configuration.signer)
    let forgeSync = try forgeSync ?? ForgeSync(registerRoot: configuration.registerRoot, signer: configuration.signer,
                                               remote: configuration.remote)
    let sessionKey = try configuration.sessionKeyFile.map { file throws(SessionKeyError) in try SessionKey(contentsOf: file) }
    let sessions = try sessions ?? sessionKey.map { key throws(SessionStorageError) in
        try SessionStore(registerRoot: configuration.registerRoot, key: key)
    } ?? SessionStore()
    let proxies = try TrustedProxies(configuration.trustedProxies)
    let services = WebServices(register: register, committee: Committee(register: register),
                               accounts: AccountStore(registerRoot: configuration.registerRoot, cost: passwordCost, verifier: passwordVerifier),
                               sessions: sessions, loginThrottle: loginThrottle,
                               loginTokens: sessionKey.map { LoginFormToken(key: $0.loginForms) } ?? LoginFormToken(), renderer: try PageRenderer(hasFeed: true), diffs: DiffCache(),
                               pages: pageCache,
                               today: configuration.today, forgeSync: forgeSync)
    // HEAD answers as GET without the body on every page (RFC 9110, 9.3.2).
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: ForwardedHeadersMiddleware(proxies: proxies))
    router.add(middleware: HeadRequestMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: SessionMiddleware(sessions: sessions, accounts: services.accounts))
    router.add(middleware: ErrorPageMiddleware(services: services))
    router.add(middleware: CSRFMiddleware(loginTokens: services.loginTokens))
    router.addRoutes(HealthController(registerRoot: configuration.registerRoot).endpoints)
    router.addRoutes(TextController(services: services).endpoints)
    router.addRoutes(AuthController(services: services).endpoints)
    router.addRoutes(PublicationController(services: services, configuration: configuration).endpoints)
    router.addRoutes(PortalController(services: services, configuration: configuration).endpoints)
    let members = RouteCollection(context: AppRequestContext.self)
    members.add(middleware: RequireMemberMiddleware(services: services))
    // The committee's forms write the register: the public pages of the old state go at once.
    members.add(middleware: PageCacheInvalidationMiddleware(pages: pageCache))
    // Each write goes to the forge after the member's answer is ready (never failing it).
    members.add(middleware: ForgeSyncMiddleware(sync: forgeSync, register: register))
    members.addRoutes(ReviewController(services: services).endpoints)
    members.addRoutes(DraftingController(services: services).endpoints)
    members.addRoutes(SyncController(services: services, sync: forgeSync).endpoints)
    router.addRoutes(members)
    return router
}
