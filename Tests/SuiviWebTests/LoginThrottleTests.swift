import Foundation
import HummingbirdTesting
import Synchronization
import Testing
@testable import SuiviWeb

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_795_000_000))  // 2026-11-18, 11:06:40 UTC (12 h 06 in Paris)
    var now: Date { current.withLock { $0 } }
    func advance(minutes: Double) { current.withLock { $0 = $0.addingTimeInterval(minutes * 60) } }
    var read: @Sendable () -> Date { { [self] in now } }
}

@Suite("Login rate limiting")
struct LoginThrottleTests {
    @Test("after 5 failures in 15 minutes a login is refused with 429 and a French retry time, even with the right password; it opens again after the lockout")
    func lockout() async throws {
        let fixture = try await WebFixture(stage: .opened)
        let clock = ManualClock()
        let throttle = LoginThrottle(now: clock.read)
        try await fixture.application(loginThrottle: throttle).test(.router) { client in
            var browser = Browser(client)
            try await browser.get("/connexion")
            for _ in 1...4 {
                let wrong = try await browser.post("/connexion", [("identifiant", "dgs"), ("mot_de_passe", "pas-le-bon-mot")])
                #expect(wrong.status == .unauthorized)
                clock.advance(minutes: 1)
            }
            let fifth = try await browser.post("/connexion", [("identifiant", "dgs"), ("mot_de_passe", "pas-le-bon-mot")])
            #expect(fifth.status == .tooManyRequests)
            let good = [("identifiant", "DGS "), ("mot_de_passe", WebFixture.passwords["dgs"]!)]
            let refused = try await browser.post("/connexion", good)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.text.contains("Trop de tentatives de connexion échouées pour cet identifiant"))
            #expect(refused.text.contains("Réessayez dans 15 minutes, à partir de 12 h 25 (heure de Paris)."))
            #expect(refused.headers[.retryAfter] == "900")
            #expect(try await browser.get("/revisions").status == .seeOther)
            // Another login is not affected.
            var other = Browser(client)
            #expect(try await other.login("ofii-medecins").status == .seeOther)

            clock.advance(minutes: 16)
            let after = try await browser.post("/connexion", good + [("retour", "/revisions")])
            #expect(after.status == .seeOther)
            #expect(after.location == "/revisions")
        }
    }

    @Test("a successful login clears its failures; failures older than the window no longer count")
    func resetAndWindow() async throws {
        let clock = ManualClock()
        let throttle = LoginThrottle(now: clock.read)
        for _ in 1...4 { #expect(await throttle.recordFailure(login: "dgs", address: "192.0.2.1") == nil) }
        await throttle.recordSuccess(login: "dgs")
        for _ in 1...4 { #expect(await throttle.recordFailure(login: "dgs", address: "192.0.2.1") == nil) }
        #expect(await throttle.refusal(login: "dgs", address: "192.0.2.1") == nil)
        clock.advance(minutes: 15)
        #expect(await throttle.recordFailure(login: "dgs", address: "192.0.2.1") == nil)
        #expect(await throttle.refusal(login: "dgs", address: "192.0.2.1") == nil)
    }

    @Test("one address guessing many names is locked out, and other addresses are not")
    func perAddress() async throws {
        let clock = ManualClock()
        let throttle = LoginThrottle(policy: .init(failuresPerLogin: 5, failuresPerAddress: 20), now: clock.read)
        var last: LoginThrottle.Refusal?
        for index in 1...20 { last = await throttle.recordFailure(login: "nom-\(index)", address: "198.51.100.7") }
        #expect(last?.reason == .address)
        #expect(await throttle.refusal(login: "nom-neuf", address: "198.51.100.7")?.reason == .address)
        #expect(await throttle.refusal(login: "nom-neuf", address: "198.51.100.8") == nil)
        let message = WebError.throttled(try #require(last)).message
        #expect(message.contains("depuis votre adresse"))
    }

    @Test("memory stays bounded under a flood of made-up names, and a locked name survives the trimming")
    func bounded() async throws {
        let clock = ManualClock()
        let throttle = LoginThrottle(policy: .init(failuresPerLogin: 2, failuresPerAddress: 1_000_000, capacity: 100), now: clock.read)
        await throttle.recordFailure(login: "verrou", address: nil)
        await throttle.recordFailure(login: "verrou", address: nil)
        for index in 0..<1_000 { await throttle.recordFailure(login: "inconnu-\(index)", address: nil) }
        #expect(await throttle.count <= 100)
        #expect(await throttle.refusal(login: "verrou", address: nil)?.reason == .login)
    }
}
