/// The anti-forgery token of the login form for a visitor without a session, kept nowhere on the server:
/// the visitor's cookie holds a random nonce and the form carries its HMAC under a key drawn at start-up.
/// A flood of anonymous visits therefore evicts nothing, and a form stays valid until the server restarts (or
/// across restarts, with the sessions' key) (signed double-submit cookie).
struct LoginFormToken: Sendable {
    private let key: [UInt8]

    /// A new random key (per process: a restart invalidates the login forms already shown).
    init() {
        var generator = SystemRandomNumberGenerator()
        key = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// A key that outlives the process (derived from the sessions' key, ``SessionKey``): a login form shown before
    /// a restart still works after it.
    init(key: [UInt8]) {
        self.key = key
    }

    /// A fresh nonce for the visitor's cookie: 256 random bits in hex.
    static func newNonce() -> String { Session.randomToken() }

    /// Whether a cookie value can be a nonce (64 hexadecimal digits).
    static func isNonce(_ value: String) -> Bool {
        value.utf8.count == 64 && value.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// The form's token for the nonce of the visitor's cookie (64 hexadecimal digits).
    func token(for nonce: String) -> String {
        HMACSHA256.mac(key: key, message: Array("suivi-connexion:\(nonce)".utf8))
            .map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }

    /// Whether `token` is the token of `nonce`, compared in constant time.
    func accepts(_ token: String, nonce: String) -> Bool {
        Self.isNonce(nonce) && CSRFMiddleware.equal(token, self.token(for: nonce))
    }
}
