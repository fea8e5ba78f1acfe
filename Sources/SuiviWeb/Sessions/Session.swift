import Foundation

/// A browser's session: its anti-forgery token and, once logged in, its account.
public struct Session: Sendable, Hashable {
    /// The cookie value: 256 random bits.
    public let id: String
    /// The token every form of this session carries (CSRF).
    public let csrfToken: String
    public let account: Account?
    public let expires: Date
    /// What the member had typed when their previous session ended, shown again once on the page it was on.
    public var kept: KeptForm? = nil

    /// 256 bits from the system's random generator (getrandom on Linux), in hex.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let value = generator.next() as UInt64
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
