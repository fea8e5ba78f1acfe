import Committee

/// Why a fetch got no usable HTTP answer.
public enum FetchFailure: Sendable, Hashable {
    /// The address (or a redirect's target) is not an `http`/`https` address a reference may have.
    case refusedAddress(String)
    /// No connection, or no answer, within the policy's time.
    case timeout(String)
    /// The TLS handshake failed (no TLS on that port, a certificate that does not verify).
    case tls(String)
    /// The host name did not resolve (no such name, or no name service reachable from this machine).
    case nameNotResolved(String)
    /// The connection was refused or cut.
    case connection(String)
    /// More redirects than the policy follows.
    case tooManyRedirects(Int)
    /// A redirect without a `Location`, or with one that is not an address.
    case badRedirect(String)

    /// What went wrong, in French, for the check's note.
    public var label: String {
        switch self {
        case .refusedAddress(let reason): return "adresse refusée : \(reason)"
        case .timeout(let what): return "pas de réponse dans le délai (\(what))"
        case .tls(let what): return "échec de la négociation TLS (\(what))"
        case .nameNotResolved(let host): return "nom de domaine introuvable (\(host))"
        case .connection(let what): return "connexion impossible (\(what))"
        case .tooManyRedirects(let count): return "plus de \(count) redirections : abandon"
        case .badRedirect(let what): return "redirection inutilisable (\(what))"
        }
    }
}

/// What fetching one address found: each redirect followed, the last address asked, its HTTP status (nil when no
/// answer came) and the method that gave it, or why no answer came.
public struct FetchResult: Sendable, Hashable {
    public var requested: String
    public var redirects: [RedirectHop]
    public var finalAddress: String
    public var status: Int?
    /// `HEAD`, or `GET` when HEAD was refused or unsupported.
    public var method: String?
    public var failure: FetchFailure?
    /// Bytes of body read (GET only), at most the policy's limit and one chunk.
    public var bodyBytes: Int
    /// Whether the body was cut at the policy's limit.
    public var bodyCut: Bool

    public init(requested: String, redirects: [RedirectHop] = [], finalAddress: String? = nil, status: Int? = nil,
                method: String? = nil, failure: FetchFailure? = nil, bodyBytes: Int = 0, bodyCut: Bool = false) {
        self.requested = requested
        self.redirects = redirects
        self.finalAddress = finalAddress ?? requested
        self.status = status
        self.method = method
        self.failure = failure
        self.bodyBytes = bodyBytes
        self.bodyCut = bodyCut
    }
}
