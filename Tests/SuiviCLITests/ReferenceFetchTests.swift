import Committee
import Foundation
import SuiviTestSupport
import LegalText
import NIOCore
import SourceChecking
import Testing

/// What `suivi sources verifier` finds at an address, against a server on 127.0.0.1 started by the test (never the
/// internet). Short waits keep the tests bounded; no assertion is on time.
@Suite("Checking a reference's address over HTTP")
struct ReferenceFetchTests {
    /// Waits long enough for a loaded machine (a test that passes never waits them out), a 1 MiB body limit.
    static let policy = FetchPolicy(connectTimeout: .seconds(10), readTimeout: .seconds(10), requestTimeout: .seconds(60),
                                    maxRedirects: 5, maxBodyBytes: 1 << 20)
    /// A short read timeout, for the server that never answers.
    static let impatient = FetchPolicy(connectTimeout: .seconds(10), readTimeout: .seconds(1), requestTimeout: .seconds(60))

    static func fetch(_ address: String, policy: FetchPolicy = policy) async -> FetchResult {
        let fetcher = AddressFetcher(policy: policy)
        let result = await fetcher.fetch(address)
        await fetcher.shutdown()
        return result
    }

    @Test("200: reachable, with the status, by HEAD, no redirect")
    func ok() async throws {
        let folder = try TemporaryFolder()
        let server = try ReferenceTestServer(in: folder)
        let result = await Self.fetch(server.address("/ok"))
        #expect(result.status == 200 && result.method == "HEAD" && result.failure == nil && result.redirects.isEmpty)
        #expect(CheckClassification.outcome(of: result) == .reachable)
        #expect(result.finalAddress == server.address("/ok"))
    }

    @Test("301 to another address: moved, the hop and the final address recorded")
    func moved() async throws {
        let folder = try TemporaryFolder()
        let server = try ReferenceTestServer(in: folder)
        let result = await Self.fetch(server.address("/moved"))
        #expect(result.redirects == [RedirectHop(from: server.address("/moved"), status: 301, to: server.address("/ok"))])
        #expect(result.finalAddress == server.address("/ok") && result.status == 200)
        #expect(CheckClassification.outcome(of: result) == .moved)
        let check = CheckClassification.check(of: result, by: "A <a@example.org>", on: LegalDate(iso: "2026-12-06")!)
        #expect(check.method == .automatic && check.httpStatus == 200 && check.finalAddress == server.address("/ok"))
        #expect(check.note.contains("nouvelle adresse : \(server.address("/ok"))"))
        let permanent = await Self.fetch(server.address("/moved-permanent-308"))
        #expect(CheckClassification.outcome(of: permanent) == .moved && permanent.redirects.map(\.status) == [308])
    }

    @Test("a chain of temporary redirects (302, 307) is followed and recorded hop by hop, and stays reachable")
    func chain() async throws {
        let folder = try TemporaryFolder()
        let server = try ReferenceTestServer(in: folder)
        let result = await Self.fetch(server.address("/chain"))
        #expect(result.redirects == [RedirectHop(from: server.address("/chain"), status: 302, to: server.address("/chain-2")),
                                     RedirectHop(from: server.address("/chain-2"), status: 307, to: server.address("/ok"))])
        #expect(CheckClassification.outcome(of: result) == .reachable && result.status == 200)
        // A permanent hop anywhere before a success: moved; a permanent hop to a missing page: gone.
        let mixed = await Self.fetch(server.address("/moved-then-temporary"))
        #expect(mixed.redirects.map(\.status) == [301, 302, 307] && CheckClassification.outcome(of: mixed) == .moved)
        #expect(CheckClassification.outcome(of: await Self.fetch(server.address("/moved-to-missing"))) == .gone)
    }

    @Test("404 and 410: gone; 503 and 403: unreachable; each with its status")
    func statuses() async throws {
        let folder = try TemporaryFolder()
        let server = try ReferenceTestServer(in: folder)
        for (path, status, outcome) in [("/missing", 404, CheckOutcome.gone), ("/deleted", 410, .gone),
                                        ("/error", 503, .unreachable), ("/forbidden", 403, .unreachable)] {
            let result = await Self.fetch(server.address(path))
            #expect(result.status == status && result.failure == nil, "\(path)")
            #expect(CheckClassification.outcome(of: result) == outcome, "\(path)")
            // HEAD did not succeed: GET was asked and decided.
            #expect(result.method == "GET", "\(path)")
        }
    }

    @Test("HEAD refused (405): the address is asked again with GET, whose answer counts")
    func headRefused() async throws {
        let folder = try TemporaryFolder()
        let server = try ReferenceTestServer(in: folder)
        let result = await Self.fetch(server.address("/no-head"))
        #expect(result.status == 200 && result.method == "GET" && CheckClassification.outcome(of: result) == .reachable)
        #expect(server.headersLog.contains("HEAD /no-head") && server.headersLog.contains("GET /no-head"))
    }

    @Test("a server that never answers: unreachable once the read timeout passes, no status")
    func neverAnswers() async throws {
        let folder = try TemporaryFolder()
        let server = try ReferenceTestServer(in: folder)
        let result = await Self.fetch(server.address("/slow"), policy: Self.impatient)
        #expect(result.status == nil)
        guard case .timeout? = result.failure else { Issue.record("expected a timeout, got \(String(describing: result.failure))"); return }
        #expect(CheckClassification.outcome(of: result) == .unreachable)
    }

    @Test("a body of 1 GB: the client stops reading past its limit and cuts the transfer")
    func hugeBody() async throws {
        let folder = try TemporaryFolder()
        let server = try ReferenceTestServer(in: folder)
        let result = await Self.fetch(server.address("/big"))
        #expect(result.status == 200 && result.method == "GET" && CheckClassification.outcome(of: result) == .reachable)
        #expect(result.bodyCut && result.bodyBytes >= Self.policy.maxBodyBytes && result.bodyBytes < 2 * Self.policy.maxBodyBytes)
        // The server could not send the whole gigabyte: the connection was closed under it.
        let sent = try #require(server.bigSent(), "the server says how much it sent")
        #expect(sent < 1 << 30)
    }

    @Test("TLS to a plain-HTTP port: the handshake fails, unreachable")
    func tlsRefused() async throws {
        let folder = try TemporaryFolder()
        let server = try ReferenceTestServer(in: folder)
        let result = await Self.fetch("https://127.0.0.1:\(server.port)/ok")
        #expect(result.status == nil && result.failure != nil)
        #expect(CheckClassification.outcome(of: result) == .unreachable)
        guard case .tls? = result.failure else { Issue.record("expected a TLS failure, got \(String(describing: result.failure))"); return }
    }

    @Test("a port nobody listens on: unreachable (connection refused)")
    func connectionRefused() async throws {
        let port = try ChildProcess.freePort()
        let result = await Self.fetch("http://127.0.0.1:\(port)/ok")
        #expect(result.status == nil && CheckClassification.outcome(of: result) == .unreachable)
        guard case .connection? = result.failure else { Issue.record("\(String(describing: result.failure))"); return }
    }

    @Test("file:, javascript:, data: addresses are refused without any request", arguments: [
        "file:///etc/passwd", "javascript:alert(1)", "data:text/html,x", "ftp://127.0.0.1/x", "http://user:pw@127.0.0.1/x",
    ])
    func refusedSchemes(_ address: String) async throws {
        let result = await Self.fetch(address)
        guard case .refusedAddress? = result.failure else { Issue.record("\(String(describing: result.failure))"); return }
        #expect(result.status == nil && CheckClassification.outcome(of: result) == .unreachable)
    }

    @Test("a redirect to file: or javascript:, without Location, or looping: not followed, unreachable")
    func badRedirects() async throws {
        let folder = try TemporaryFolder()
        let server = try ReferenceTestServer(in: folder)
        for path in ["/to-file", "/to-javascript"] {
            let result = await Self.fetch(server.address(path))
            guard case .refusedAddress? = result.failure else { Issue.record("\(path): \(String(describing: result.failure))"); continue }
            #expect(result.redirects.isEmpty && CheckClassification.outcome(of: result) == .unreachable)
        }
        let noLocation = await Self.fetch(server.address("/no-location"))
        guard case .badRedirect? = noLocation.failure else { Issue.record("\(String(describing: noLocation.failure))"); return }
        let loop = await Self.fetch(server.address("/loop"))
        #expect(loop.failure == .tooManyRedirects(Self.policy.maxRedirects) && loop.redirects.count == Self.policy.maxRedirects + 1)
        #expect(CheckClassification.outcome(of: loop) == .unreachable)
    }

    @Test("no cookie and no credential is ever sent, even after a server sets a cookie")
    func noCookies() async throws {
        let folder = try TemporaryFolder()
        let server = try ReferenceTestServer(in: folder)
        let result = await Self.fetch(server.address("/with-cookie"))
        #expect(result.status == 200 && result.redirects.count == 1)
        let log = server.headersLog.lowercased()
        #expect(log.contains("head /ok"))
        #expect(!log.contains("cookie:") && !log.contains("authorization:"))
    }
}

/// The rules from a fetch to an outcome, without the network.
@Suite("Classifying a check's outcome")
struct CheckClassificationTests {
    static let address = "https://example.org/a"

    @Test("statuses: 2xx reachable, 404/410 gone, every other status unreachable", arguments: [
        (200, CheckOutcome.reachable), (204, .reachable), (299, .reachable), (404, .gone), (410, .gone), (500, .unreachable),
        (503, .unreachable), (599, .unreachable), (401, .unreachable), (403, .unreachable), (429, .unreachable),
        (400, .unreachable), (304, .unreachable), (100, .unreachable),
    ])
    func statuses(_ status: Int, _ outcome: CheckOutcome) {
        #expect(CheckClassification.outcome(of: FetchResult(requested: Self.address, status: status)) == outcome)
    }

    @Test("moved only when a permanent redirect leads to a success elsewhere")
    func moved() {
        let other = "https://example.org/b"
        func result(_ hops: [Int], final: String, status: Int) -> FetchResult {
            FetchResult(requested: Self.address, redirects: hops.map { RedirectHop(from: Self.address, status: $0, to: final) },
                        finalAddress: final, status: status)
        }
        #expect(CheckClassification.outcome(of: result([301], final: other, status: 200)) == .moved)
        #expect(CheckClassification.outcome(of: result([308], final: other, status: 200)) == .moved)
        #expect(CheckClassification.outcome(of: result([302, 301], final: other, status: 200)) == .moved)
        #expect(CheckClassification.outcome(of: result([302], final: other, status: 200)) == .reachable)
        #expect(CheckClassification.outcome(of: result([303, 307], final: other, status: 200)) == .reachable)
        #expect(CheckClassification.outcome(of: result([301], final: other, status: 410)) == .gone)
        #expect(CheckClassification.outcome(of: result([301], final: other, status: 502)) == .unreachable)
        // A permanent redirect back to the same address is not a move.
        #expect(CheckClassification.outcome(of: result([301], final: Self.address, status: 200)) == .reachable)
    }

    @Test("no answer is unreachable, whatever the reason", arguments: [
        FetchFailure.timeout("x"), .tls("x"), .connection("x"), .tooManyRedirects(10), .badRedirect("x"), .refusedAddress("x"),
    ])
    func failures(_ failure: FetchFailure) {
        #expect(CheckClassification.outcome(of: FetchResult(requested: Self.address, failure: failure)) == .unreachable)
        let check = CheckClassification.check(of: FetchResult(requested: Self.address, failure: failure), by: "A <a@b.org>",
                                              on: LegalDate(iso: "2026-12-06")!)
        #expect(check.httpStatus == nil && check.finalAddress == nil && check.note == failure.label)
    }

    @Test("HEAD is kept on a success or a redirect, asked again with GET otherwise")
    func headFallback() {
        #expect(CheckClassification.keepsHeadAnswer(200) && CheckClassification.keepsHeadAnswer(301))
        for status in [400, 403, 404, 405, 410, 500, 501] { #expect(!CheckClassification.keepsHeadAnswer(status)) }
    }
}
