import Foundation
import LegalText
import Register
import Testing

/// Sharing a register through git remotes, in process, with two registers on local paths.
@Suite("Sync: clone, pull, push")
struct SyncTests {
    static let member = Identity(name: "Membre", email: "membre@example.org")

    /// A register holding the small act's history (three tagged versions and a draft), and a clone of it.
    func withRegisterAndClone(_ body: (TextRegister, TextRegister) async throws -> Void) async throws {
        try await withTextRegister { register, root in
            _ = try await register.importVersions(from: try SmallAct.writeHistory(into: root).path, author: Self.member)
            let (clone, report) = try await TextRegister.clone(from: register.root.path, to: root.appendingPathComponent("copie"))
            #expect(report.updates.count == 5, "main, the draft and three tags: \(report.updates)")
            try await body(register, clone)
        }
    }

    /// Rewrites the sentence of article 1 of the small act in `register`'s draft tip, committed on that branch.
    func editArticle1(_ register: TextRegister, _ words: String) async throws -> ObjectID {
        let store = register.gitStore
        let branch = "refs/heads/" + SmallAct.draftBranch
        let tip = try #require(try await store.tip(of: branch))
        let path = smallActArticle("art_1")
        let text = String(decoding: try #require(try await store.readFile(path: path, at: tip)), as: UTF8.self)
        let edited = text.replacingOccurrences(of: "</p>", with: " \(words)</p>")
        return try await store.commit(changes: [path: Data(edited.utf8)], message: words, author: Self.member, date: Date(),
                                      onBranch: branch, expectedParent: tip, signer: nil)
    }

    @Test("a clone has the same branches and tags, a working copy per draft, and origin recorded")
    func cloneLayout() async throws {
        try await withRegisterAndClone { register, clone in
            let (mine, theirs) = (try await clone.refs(), try await register.refs())
            #expect(mine == theirs)
            #expect(FileManager.default.fileExists(atPath: clone.workingCopy(ofDraft: "projet-2026")
                .appendingPathComponent(SmallAct.work + ".xml").path))
            let origin = try await clone.gitStore.remoteURL()
            #expect(origin == TextRegister.gitDirectory(of: register.root).standardizedFileURL.path)
        }
    }

    @Test("a remote named as git names it (« origin ») is its recorded address, never a folder of that name; the forge sync too")
    func remoteByName() async throws {
        try await withRegisterAndClone { register, clone in
            let mine = try await clone.gitStore.commitApplying(changes: ["committee/b.xml": Data("b".utf8)], message: "b",
                                                               author: Self.member, date: Date(), signer: nil)
            _ = try await clone.push(to: "origin")
            #expect(try await register.gitStore.tip() == mine)
            _ = try await clone.pull(from: "origin", author: Self.member)
            #expect(try await clone.forgeAddress("origin") == TextRegister.gitDirectory(of: register.root).standardizedFileURL.path)
            await #expect(throws: RegisterError.self) { try await clone.push(to: "amont") }
        }
    }

    @Test("writes to different files on both sides merge into a commit with both parents; push then brings the remote level")
    func mergeOfDifferentFiles() async throws {
        try await withRegisterAndClone { register, clone in
            _ = try await register.gitStore.commitApplying(changes: ["committee/a.xml": Data("a".utf8)], message: "a",
                                                           author: Self.member, date: Date(), signer: nil)
            let mine = try await clone.gitStore.commitApplying(changes: ["committee/b.xml": Data("b".utf8)], message: "b",
                                                               author: Self.member, date: Date(), signer: nil)
            await #expect(throws: RegisterError.self) { try await clone.push() }
            let report = try await clone.pull(author: Self.member)
            #expect(report.updates.map(\.change) == [.merged])
            let merged = try #require(try await clone.gitStore.tip())
            #expect(try await clone.gitStore.commitInfo(merged).parents.first == mine)
            #expect(try await clone.gitStore.listFiles(at: merged, under: "committee") == ["committee/a.xml", "committee/b.xml"])
            _ = try await clone.push()
            let (pushed, local) = (try await register.refs(), try await clone.refs())
            #expect(pushed == local)
        }
    }

    @Test("the same clause changed on both sides: mergeConflict names the text, wId and eId with both texts; no ref moves")
    func clauseConflict() async throws {
        try await withRegisterAndClone { register, clone in
            _ = try await editArticle1(register, "Version distante.")
            _ = try await editArticle1(clone, "Version locale.")
            let before = try await clone.refs()
            do {
                _ = try await clone.pull(author: Self.member)
                Issue.record("pull merged a conflicting clause")
            } catch {
                guard let error = error as? RegisterError, case .mergeConflict(_, let conflicts) = error else { throw error }
                let conflict = try #require(conflicts.first)
                #expect(conflicts.count == 1)
                #expect(conflict.kind == .clause && conflict.work == SmallAct.work && conflict.wId == "art_1" && conflict.eId == "art_1")
                #expect(conflict.ours?.contains("Version locale.") == true && conflict.theirs?.contains("Version distante.") == true)
                #expect(error.description.contains("élément wId art_1 (eId art_1)"))
            }
            #expect(try await clone.refs() == before)
        }
    }

    @Test("a merge needs a signing author: without one, pull refuses and changes nothing")
    func mergeNeedsAuthor() async throws {
        try await withRegisterAndClone { register, clone in
            _ = try await register.gitStore.commitApplying(changes: ["committee/a.xml": Data("a".utf8)], message: "a",
                                                           author: Self.member, date: Date(), signer: nil)
            _ = try await clone.gitStore.commitApplying(changes: ["committee/b.xml": Data("b".utf8)], message: "b",
                                                        author: Self.member, date: Date(), signer: nil)
            let before = try await clone.refs()
            await #expect(throws: RegisterError.mergeNeedsAuthor(branch: "refs/heads/main")) { try await clone.pull(author: nil) }
            #expect(try await clone.refs() == before)
        }
    }
}
