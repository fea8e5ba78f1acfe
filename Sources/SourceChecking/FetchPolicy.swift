import NIOCore

/// The limits of one fetch of a reference's address: how long to wait, how many redirects to follow, how much
/// of a body to read. A fetch never waits, follows or reads past them.
public struct FetchPolicy: Sendable, Hashable {
    /// Time to open the connection (TCP and TLS).
    public var connectTimeout: TimeAmount
    /// Longest silence of the server once connected.
    public var readTimeout: TimeAmount
    /// Longest time for one request, from its start to the end of what is read of its body.
    public var requestTimeout: TimeAmount
    /// Redirects followed before giving up.
    public var maxRedirects: Int
    /// Bytes of a GET response's body read at most; the transfer is cut past them (the status is already known).
    public var maxBodyBytes: Int
    /// Addresses fetched at the same time.
    public var concurrency: Int

    public init(connectTimeout: TimeAmount = .seconds(10), readTimeout: TimeAmount = .seconds(15),
                requestTimeout: TimeAmount = .seconds(30), maxRedirects: Int = 10, maxBodyBytes: Int = 1 << 20,
                concurrency: Int = 4) {
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.requestTimeout = requestTimeout
        self.maxRedirects = maxRedirects
        self.maxBodyBytes = maxBodyBytes
        self.concurrency = concurrency
    }

    /// The default limits with every wait set to `seconds` (`--delai`).
    public static func waiting(seconds: Int) -> FetchPolicy {
        FetchPolicy(connectTimeout: .seconds(Int64(seconds)), readTimeout: .seconds(Int64(seconds)),
                    requestTimeout: .seconds(Int64(seconds) * 2))
    }
}
