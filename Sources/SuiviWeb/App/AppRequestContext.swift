import Hummingbird
import HummingbirdAuth

/// The request context of `suivi serve`: the browser's session and, once logged in, its account (the
/// authenticated identity of HummingbirdAuth).
public struct AppRequestContext: AuthRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The session named by the request's cookie.
    public var session: Session? {
        didSet { identity = session?.account }
    }
    /// The logged-in account, set from the session by ``SessionMiddleware``.
    public var identity: Account?
    /// The form fields of a POST request, decoded once by ``CSRFMiddleware``.
    public var form: FormFields = FormFields()

    /// The IP address of the connection's other end (nil in in-process tests): the client, or a reverse proxy.
    public let peerAddress: String?
    /// What failed logins are counted by: the client's address (its /64 network for IPv6, ``IPAddress/throttleKey``),
    /// taken from `X-Forwarded-For` only when the peer is a trusted proxy (``ForwardedHeadersMiddleware``).
    public internal(set) var clientAddress: String?
    /// Whether the browser reached the site over HTTPS, as a trusted proxy says (`X-Forwarded-Proto`): the
    /// session cookie is then marked `Secure`.
    public internal(set) var isHTTPS = false

    public init(source: Source) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
        clientAddress = peerAddress.map { IPAddress(parsing: $0)?.throttleKey ?? $0 }
    }

    /// The logged-in account.
    public var account: Account? { identity }

    /// Forms are small: 64 KiB is plenty for a comment.
    public var maxUploadSize: Int { 64 * 1024 }
}
