import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import SuiviWeb

/// `X-Forwarded-For` / `X-Forwarded-Proto` believed only from the configured reverse proxies.
@Suite("Trusted proxies")
struct TrustedProxiesTests {
    static func address(_ text: String) -> IPAddress { IPAddress(parsing: text)! }

    @Test("addresses parse in both families; an IPv4-mapped IPv6 address is the IPv4 address; host names are no address")
    func addresses() throws {
        #expect(IPAddress(parsing: "192.0.2.1")?.description == "192.0.2.1")
        #expect(IPAddress(parsing: " 2001:DB8:0:0::1 ")?.description == "2001:db8::1")
        #expect(IPAddress(parsing: "::ffff:192.0.2.1") == IPAddress(parsing: "192.0.2.1"))
        #expect(IPAddress(parsing: "[2001:db8::1]:443")?.description == "2001:db8::1")
        #expect(IPAddress(parsing: "192.0.2.1:51234")?.description == "192.0.2.1")
        #expect(IPAddress(parsing: "fe80::1%eth0")?.description == "fe80::1")
        for text in ["", "unknown", "proxy.local", "192.0.2", "192.0.2.256", "1.2.3.4.5", "[::1", "::1]", "192.0.2.1:", "2001:db8::g"] {
            #expect(IPAddress(parsing: text) == nil, "« \(text) »")
        }
    }

    @Test("CIDR ranges contain their addresses only, in their own family")
    func ranges() throws {
        let ten = try #require(IPNetwork(parsing: "10.0.0.0/8"))
        #expect(ten.contains(Self.address("10.255.1.2")))
        #expect(!ten.contains(Self.address("11.0.0.1")))
        #expect(!ten.contains(Self.address("::ffff:11.0.0.1")))
        #expect(ten.contains(Self.address("::ffff:10.0.0.1")))
        let odd = try #require(IPNetwork(parsing: "192.168.1.77/27"))
        #expect(odd.description == "192.168.1.64/27")
        #expect(odd.contains(Self.address("192.168.1.95")) && !odd.contains(Self.address("192.168.1.96")))
        let six = try #require(IPNetwork(parsing: "2001:db8::/32"))
        #expect(six.contains(Self.address("2001:db8:ffff::1")) && !six.contains(Self.address("2001:db9::1")))
        #expect(!six.contains(Self.address("10.0.0.1")))
        #expect(IPNetwork(parsing: "::1")?.contains(Self.address("::1")) == true)
        #expect(IPNetwork(parsing: "::1")?.contains(Self.address("::2")) == false)
        #expect(IPNetwork(parsing: "0.0.0.0/0")?.contains(Self.address("203.0.113.9")) == true)
        for text in ["10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.1:80", "[::1]", "proxy", "10.0.0.0/8/8", "10.0.0.0/x"] {
            #expect(IPNetwork(parsing: text) == nil, "« \(text) »")
        }
    }

    @Test("from a peer that is no trusted proxy, the forwarded headers are ignored whatever they say")
    func untrustedPeer() throws {
        let proxies = try TrustedProxies(["10.0.0.0/8", "::1"])
        let resolved = proxies.resolve(peer: Self.address("203.0.113.5"), forwardedFor: ["198.51.100.1"], forwardedProto: ["https"])
        #expect(resolved.client == Self.address("203.0.113.5"))
        #expect(!resolved.isHTTPS)
        let none = TrustedProxies.none.resolve(peer: Self.address("127.0.0.1"), forwardedFor: ["198.51.100.1"], forwardedProto: ["https"])
        #expect(none.client == Self.address("127.0.0.1") && !none.isHTTPS)
    }

    @Test("from a trusted proxy, the client is the rightmost address that is not a trusted proxy; what the client wrote is never believed")
    func trustedChain() throws {
        let proxies = try TrustedProxies(["10.0.0.0/8", "::1"])
        let peer = Self.address("10.0.0.2")
        func client(_ headers: [String]) -> String? { proxies.resolve(peer: peer, forwardedFor: headers, forwardedProto: []).client?.description }
        #expect(client(["198.51.100.7"]) == "198.51.100.7")
        // The client wrote "1.2.3.4" itself; nginx appended its real address.
        #expect(client(["1.2.3.4, 198.51.100.7"]) == "198.51.100.7")
        // Two proxies of ours in a row.
        #expect(client(["1.2.3.4, 198.51.100.7, 10.1.1.1"]) == "198.51.100.7")
        #expect(client(["1.2.3.4", "198.51.100.7, 10.1.1.1"]) == "198.51.100.7")
        // Garbage where the nearest proxy's entry should be: the last known hop.
        #expect(client(["198.51.100.7, inconnu"]) == "10.0.0.2")
        #expect(client(["inconnu, 10.1.1.1"]) == "10.1.1.1")
        // No header: the proxy itself.
        #expect(client([]) == "10.0.0.2")
        // Only trusted addresses: the leftmost.
        #expect(client(["10.9.9.9, 10.1.1.1"]) == "10.9.9.9")
        #expect(client(["2001:db8::5"]) == "2001:db8::5")
        #expect(proxies.resolve(peer: peer, forwardedFor: [], forwardedProto: ["HTTPS"]).isHTTPS)
        #expect(proxies.resolve(peer: peer, forwardedFor: [], forwardedProto: ["https, http"]).isHTTPS == false)
        #expect(proxies.resolve(peer: peer, forwardedFor: [], forwardedProto: ["http"]).isHTTPS == false)
        #expect(proxies.resolve(peer: Self.address("::1"), forwardedFor: ["198.51.100.9"], forwardedProto: ["https"]).isHTTPS)
    }

    @Test("an IPv6 client is counted by its /64 network, an IPv4 client by its address")
    func throttleKeys() {
        #expect(Self.address("2001:db8:1:2:aaaa::1").throttleKey == "2001:db8:1:2::/64")
        #expect(Self.address("2001:db8:1:2:bbbb::9").throttleKey == Self.address("2001:db8:1:2:aaaa::1").throttleKey)
        #expect(Self.address("2001:db8:1:3::1").throttleKey != Self.address("2001:db8:1:2::1").throttleKey)
        #expect(Self.address("::ffff:192.0.2.1").throttleKey == "192.0.2.1")
    }

    // MARK: Over a real connection (the peer is 127.0.0.1)

    /// A server listening on loopback with `proxies` trusted and a throttle locking an address after 2 failures.
    static func server(_ fixture: WebFixture, proxies: [String]) throws -> some ApplicationProtocol {
        var configuration = WebConfiguration(registerRoot: fixture.folder, today: { WebFixture.today })
        configuration.trustedProxies = proxies
        let throttle = LoginThrottle(policy: .init(failuresPerLogin: 100, failuresPerAddress: 2))
        return Application(router: try buildRouter(configuration, passwordCost: 10, loginThrottle: throttle),
                           configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    /// A wrong password for a new login name, sent with `headers`; the status.
    static func failedLogin(_ client: some TestClientProtocol, _ index: Int, headers: HTTPFields) async throws -> HTTPResponse.Status {
        let page = try await client.execute(uri: "/connexion", method: .get, headers: headers)
        let setCookie = try #require(page.headers[values: .setCookie].first { $0.hasPrefix("suivi_session=") })
        let nonce = setCookie.dropFirst("suivi_session=".count).prefix { $0 != ";" }
        let token = try #require(Browser.csrf(in: page.text))
        var post = headers
        post[.cookie] = "suivi_session=\(nonce)"
        post[.contentType] = "application/x-www-form-urlencoded"
        let body = "identifiant=inconnu-\(index)&mot_de_passe=pas-le-bon-mot&csrf=\(token)"
        return try await client.execute(uri: "/connexion", method: .post, headers: post, body: ByteBuffer(string: body)).status
    }

    static func headers(for: String, proto: String? = nil) -> HTTPFields {
        var fields: HTTPFields = [ForwardedHeadersMiddleware.forwardedFor: `for`]
        if let proto { fields[ForwardedHeadersMiddleware.forwardedProto] = proto }
        return fields
    }

    @Test("behind a trusted proxy, failed logins are counted per forwarded client, and HTTPS marks the cookie Secure")
    func trustedProxyOverLoopback() async throws {
        let fixture = try await WebFixture(stage: .opened)
        try await Self.server(fixture, proxies: ["127.0.0.1", "::1"]).test(.live) { client in
            let first = Self.headers(for: "198.51.100.7", proto: "https")
            #expect(try await Self.failedLogin(client, 1, headers: first) == .unauthorized)
            // The second failure reaches the limit: the address is locked from that answer on.
            #expect(try await Self.failedLogin(client, 2, headers: first) == .tooManyRequests)
            #expect(try await Self.failedLogin(client, 3, headers: first) == .tooManyRequests, "that client is locked")
            #expect(try await Self.failedLogin(client, 4, headers: Self.headers(for: "198.51.100.8")) == .unauthorized,
                    "another client behind the same proxy is not")
            let secure = try await client.execute(uri: "/connexion", method: .get, headers: Self.headers(for: "198.51.100.9", proto: "https"))
            #expect(secure.headers[values: .setCookie].contains { $0.hasPrefix("suivi_session=") && $0.contains("; Secure") })
            let plain = try await client.execute(uri: "/connexion", method: .get, headers: Self.headers(for: "198.51.100.9", proto: "http"))
            #expect(plain.headers[values: .setCookie].contains { $0.hasPrefix("suivi_session=") && !$0.contains("Secure") })
        }
    }

    @Test("from a peer that is no trusted proxy, a visitor cannot dodge the throttle nor claim HTTPS with made-up headers")
    func spoofingIgnoredOverLoopback() async throws {
        let fixture = try await WebFixture(stage: .opened)
        try await Self.server(fixture, proxies: ["10.0.0.0/8"]).test(.live) { client in
            #expect(try await Self.failedLogin(client, 1, headers: Self.headers(for: "198.51.100.1")) == .unauthorized)
            #expect(try await Self.failedLogin(client, 2, headers: Self.headers(for: "198.51.100.2")) == .tooManyRequests)
            #expect(try await Self.failedLogin(client, 3, headers: Self.headers(for: "198.51.100.3")) == .tooManyRequests,
                    "the address counted is the connection's, 127.0.0.1, whatever X-Forwarded-For says")
            let page = try await client.execute(uri: "/connexion", method: .get, headers: Self.headers(for: "198.51.100.4", proto: "https"))
            #expect(page.headers[values: .setCookie].contains { $0.hasPrefix("suivi_session=") && !$0.contains("Secure") })
        }
    }

    @Test("a trusted proxy that is no address stops the server's start")
    func invalidProxy() async throws {
        let fixture = try await WebFixture(stage: .opened)
        #expect(throws: TrustedProxies.InvalidEntry(entry: "proxy.local")) { try Self.server(fixture, proxies: ["proxy.local"]) }
    }
}
