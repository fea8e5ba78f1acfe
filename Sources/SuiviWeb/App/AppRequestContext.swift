import Hummingbird

/// The request context of `suivi serve`: the browser's session, if it has one.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The session named by the request's cookie.
    public var session: Session?
    /// The form fields of a POST request, decoded once by ``CSRFMiddleware``.
    public var form: FormFields = FormFields()

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// The logged-in account.
    public var account: Account? { session?.account }

    /// Forms are small: 64 KiB is plenty for a comment.
    public var maxUploadSize: Int { 64 * 1024 }
}
