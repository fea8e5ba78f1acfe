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

    /// The client's IP address (nil in in-process tests), for limiting failed logins per address.
    public let clientAddress: String?

    public init(source: Source) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The logged-in account.
    public var account: Account? { identity }

    /// Forms are small: 64 KiB is plenty for a comment.
    public var maxUploadSize: Int { 64 * 1024 }
}
