import Foundation
import LegalText
import Register
import Testing

/// The web server's exchange with the forge, in the register: push, and when the forge moved, pull (merge) and push
/// again; what the forge lacks, counted per branch.
@Suite("Sync: exchange with the forge")
struct ForgeExchangeTests {
    static let member = Identity(name: "Membre", email: "membre@example.org")

    /// A forge holding the small act's history, and two clones of it.
    func withForgeAndClones(_ body: (TextRegister, TextRegister, TextRegister) async throws -> Void) async throws {
        try await withTextRegister { forge, root in
            _ = try await forge.importVersions(from: try SmallAct.writeHistory(into: root).path, author: Self.member)
            let (first, _) = try await TextRegister.clone(from: forge.root.path, to: root.appendingPathComponent("premier"))
            let (second, _) = try await TextRegister.clone(from: forge.root.path, to: root.appendingPathComponent("second"))
            try await body(forge, first, second)
        }
    }

    func write(_ register: TextRegister, _ path: String, _ text: String) async throws -> ObjectID {
        try await register.gitStore.commitApplying(changes: [path: Data(text.utf8)], message: text, author: Self.member, date: Date(), signer: nil)
    }

    @Test("the forge moved: the first push is refused, the forge's writes are merged, the second push goes through; both writes on the forge")
    func forgeMoved() async throws {
        try await withForgeAndClones { forge, first, second in
            _ = try await write(first, "committee/a.xml", "a")
            _ = try await first.exchange(with: nil, author: Self.member, pullFirst: false)
            let mine = try await write(second, "committee/b.xml", "b")
            let exchange = try await second.exchange(with: nil, author: Self.member, pullFirst: false)
            #expect(exchange.attempts == 2 && exchange.pulls.count == 1 && exchange.pulls[0].updates.map(\.change) == [.merged])
            let tip = try #require(try await forge.mainTip())
            #expect(try await second.mainTip() == tip)
            #expect(try await forge.commitInfo(tip).parents.first == mine)
            #expect(try await forge.gitStore.listFiles(at: tip, under: "committee") == ["committee/a.xml", "committee/b.xml"])
            #expect(exchange.forgeBranches["refs/heads/main"] == tip)
            #expect(try await second.commitsMissing(from: exchange.forgeBranches) == [:])
        }
    }

    @Test("the same record written differently on both sides: mergeConflict, and no reference moves on either side")
    func conflict() async throws {
        try await withForgeAndClones { forge, first, second in
            _ = try await write(first, "committee/a.xml", "du premier")
            _ = try await first.exchange(with: nil, author: Self.member, pullFirst: false)
            _ = try await write(second, "committee/a.xml", "du second")
            let (forgeBefore, secondBefore) = (try await forge.refs(), try await second.refs())
            do {
                _ = try await second.exchange(with: nil, author: Self.member, pullFirst: false)
                Issue.record("a conflicting exchange went through")
            } catch let error as RegisterError {
                guard case .mergeConflict(_, let conflicts) = error else { throw error }
                #expect(conflicts.map(\.path) == ["committee/a.xml"])
            }
            #expect(try await forge.refs() == forgeBefore)
            #expect(try await second.refs() == secondBefore)
        }
    }

    @Test("commits the forge lacks: counted against the forge's branch of the same name, a new branch against the nearest")
    func missing() async throws {
        try await withForgeAndClones { forge, first, _ in
            let known = try await first.forgeBranches(at: TextRegister.resolveRemote(forge.root.path))
            #expect(try await first.commitsMissing(from: known) == [:])
            _ = try await write(first, "committee/a.xml", "a")
            let second = try await write(first, "committee/b.xml", "b")
            try await first.gitStore.createBranch("refs/heads/draft/nouveau", at: second)
            _ = try await first.gitStore.commitApplying(changes: ["committee/c.xml": Data("c".utf8)], message: "c", author: Self.member,
                                                        date: Date(), onBranch: "refs/heads/draft/nouveau", signer: nil)
            #expect(try await first.commitsMissing(from: known) == ["refs/heads/main": 2, "refs/heads/draft/nouveau": 3])
            #expect(try await first.commitsMissing(from: [:])["refs/heads/main"] == (try await first.commits(from: second)).count)
        }
    }
}
