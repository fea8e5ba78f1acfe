import Committee
import Foundation
import Hummingbird
import HummingbirdTesting
import LegalText
import Register
import SuiviSynthetic
import Testing
@testable import SuiviWeb

/// Random sequences of writes on the web server and on two members' clones, periodic pulls and forge outages,
/// checked against a model: the set of comments written anywhere. After a final round (each clone pulls and
/// pushes, then the server syncs), the forge holds every comment exactly once and every commit written anywhere.
@Suite("Web server and clones against a model of the forge")
struct ForgeSyncPropertyTests {
    enum Step: CaseIterable {
        case webWrite, cloneAWrite, cloneBWrite, serverPull, forgeOffline, forgeOnline
    }

    /// The server's main is on the forge (its last exchange went through).
    static func expectForgeHoldsServer(_ setup: ForgeFixture, _ context: String) async throws {
        let server = try #require(try await setup.fixture.register.mainTip())
        let forge = try await setup.forge.contents()
        let forgeMain = try #require(try await forge.mainTip())
        let held = try await forge.containsCommit(server) ? try await forge.isAncestor(server, of: forgeMain) : false
        #expect(held, "the server's main \(server) is not on the forge after its sync (\(context))")
    }

    @Test("every comment written on the server or a clone ends on the forge exactly once, and no commit is lost",
          arguments: [UInt64(21), 2026, 0x5EED_F0E5])
    func model(seed: UInt64) async throws {
        let setup = try await ForgeFixture()
        let clones = [try await setup.clone("a"), try await setup.clone("b")]
        let member = Identity(name: "Membre", email: "membre@example.org")
        let (written, commits, trace) = try await setup.application().test(.router) { client in
            var generator = SplitMix64(seed: seed)
            var written: Set<String> = []          // the model: every comment text written, anywhere
            var commits: [ObjectID] = []           // a commit holding each write, where it was written
            var trace: [String] = []
            var reachable = true
            var browser = Browser(client)
            try await browser.login("asso@example.org")
            try await browser.get(ForgeFixture.reviewPath)
            for index in 0..<24 {
                let step = Step.allCases.randomElement(using: &generator)!
                trace.append("\(step)")
                let context = "seed \(seed), step \(index): \(trace.joined(separator: " "))"
                let text = "Commentaire \(index) du tirage \(seed)."
                switch step {
                case .webWrite:
                    let response = try await browser.post(ForgeFixture.reviewPath + "/commentaires", [("eid", "art_3__para_3"), ("texte", text)])
                    #expect(response.status == .seeOther, "\(context)")
                    written.insert(text)
                    commits.append(try #require(try await setup.fixture.register.mainTip()))
                    // Half the time, wait for the push that follows the write: with the forge up, it must have gone
                    // through (merging what the clones pushed), so the forge holds the server's main.
                    if reachable, Bool.random(using: &generator) {
                        await setup.sync.idle()
                        try await Self.expectForgeHoldsServer(setup, context)
                    }
                case .cloneAWrite, .cloneBWrite:
                    let clone = clones[step == .cloneAWrite ? 0 : 1]
                    try await Committee(register: clone).addComment(review: WebFixture.review, eId: "art_3__para_3", text: text,
                                                                    acting: setup.fixture.chair, today: WebFixture.today)
                    written.insert(text)
                    commits.append(try #require(try await clone.mainTip()))
                    // As a member does: `suivi recuperer` then `suivi envoyer`; a failure (forge offline, or moving under
                    // the server's push) leaves the write in the clone, for the final round.
                    _ = try? await clone.exchange(with: nil, author: member, pullFirst: true)
                case .serverPull:
                    let status = await setup.sync.synchronize(.pull)
                    if reachable {
                        #expect(status.problem == nil, "\(status) (\(context))")
                        try await Self.expectForgeHoldsServer(setup, context)
                        #expect(try await setup.forgeMain() == setup.fixture.register.mainTip(), "pulled and pushed: level (\(context))")
                    }
                case .forgeOffline, .forgeOnline:
                    await setup.sync.idle()
                    reachable = step == .forgeOnline
                    try setup.forge.setReachable(reachable)
                }
            }
            return (written, commits, trace)
        }
        // Final round: the forge back, each clone pulls and pushes, then the server.
        await setup.sync.idle()
        try setup.forge.setReachable(true)
        let context = "seed \(seed): \(trace.joined(separator: " "))"
        for clone in clones {
            var done = false
            for _ in 0..<3 where !done { done = (try? await clone.exchange(with: nil, author: member, pullFirst: true)) != nil }
            #expect(done, "a clone could not sync in the final round (\(context))")
        }
        let status = await setup.sync.synchronize(.pull)
        #expect(status.problem == nil && status.pending == [:], "\(status) (\(context))")

        let comments = try await setup.forgeComments().values
        for text in written {
            #expect(comments.filter { $0.contains(text) }.count == 1, "« \(text) » not on the forge exactly once (\(context))")
        }
        #expect(comments.count == written.count, "the forge has \(comments.count) comments, \(written.count) written (\(context))")
        let forge = try await setup.forge.contents()
        let forgeMain = try #require(try await forge.mainTip())
        #expect(try await setup.fixture.register.mainTip() == forgeMain, "\(context)")
        for commit in commits {
            let kept = try await forge.containsCommit(commit) ? try await forge.isAncestor(commit, of: forgeMain) : false
            #expect(kept, "commit \(commit) lost (\(context))")
        }
    }
}
