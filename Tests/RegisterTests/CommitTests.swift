import Foundation
import Register
import Testing

@Suite("Commits")
struct CommitTests {
    @Test("a new register is bare, empty, and its HEAD names refs/heads/main")
    func newRegister() async throws {
        try await withNewStore { (store, url) async throws in
            #expect(try await store.tip() == nil)
            #expect(try await store.log().isEmpty)
            #expect(try await store.headBranch() == "refs/heads/main")
            #expect(FileManager.default.fileExists(atPath: url.appendingPathComponent("HEAD").path))
            #expect(!FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path))
        }
    }

    @Test("creating a register where one exists is refused, opening a plain folder too")
    func createTwice() async throws {
        try await withNewStore { (_, url) async throws in
            #expect(throws: RegisterError.repositoryExists(path: url.path)) { try GitStore(creatingAt: url) }
            let plain = url.deletingLastPathComponent().appendingPathComponent("plain")
            try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: true)
            #expect(throws: RegisterError.notARepository(path: plain.path)) { try GitStore(openingAt: plain) }
        }
    }

    @Test("a committed snapshot reads back file by file, with its author, date and message")
    func commitAndReadBack() async throws {
        try await withNewStore { (store, url) async throws in
            let files = [
                "texts/arrete/text.xml": Fixture.data("<act/>"),
                "texts/arrete/articles/art_1.xml": Fixture.data("<article>1</article>"),
                "texts/arrete/annexes/annex_2/sec_A.xml": Fixture.data("<section>A</section>"),
                "texts/arrete/empty.xml": Data(),
            ]
            let id = try await store.commit(
                files: files, message: "Import de l'arrêté du 5 janvier 2017", author: Fixture.drafter,
                date: Fixture.signature, timeZoneMinutes: Fixture.paris, expectedParent: nil, signer: nil)

            #expect(try await store.tip() == id)
            for (path, content) in files {
                #expect(try await store.readFile(path: path, at: id) == content)
            }
            #expect(try await store.readFile(path: "texts/arrete/articles/art_9.xml", at: id) == nil)
            #expect(try await store.readFile(path: "texts/arrete/articles", at: id) == nil)
            #expect(try await store.listFiles(at: id) == files.keys.sorted())
            #expect(try await store.listFiles(at: id, under: "texts/arrete/articles") == ["texts/arrete/articles/art_1.xml"])
            #expect(try await store.listFiles(at: id, under: "nowhere").isEmpty)

            let info = try await store.commitInfo(id)
            #expect(info.message == "Import de l'arrêté du 5 janvier 2017\n")
            #expect(info.summary == "Import de l'arrêté du 5 janvier 2017")
            #expect(info.author == Fixture.drafter)
            #expect(info.committer == Fixture.drafter)
            #expect(info.date == Fixture.signature)
            #expect(info.committerDate == Fixture.signature)
            #expect(info.timeZoneMinutes == Fixture.paris)
            #expect(info.parents.isEmpty)
            #expect(try await store.resolve(revision: "main") == id)
            #expect(try await store.resolve(revision: String(id.hex.prefix(10))) == id)
            _ = url
        }
    }

    @Test("a second commit names the first as parent when the branch is still there")
    func secondCommitWithCompareAndSwap() async throws {
        try await withNewStore { (store, _) async throws in
            let first = try await store.commit(
                files: ["a.xml": Fixture.data("1"), "b.xml": Fixture.data("1")], message: "Première version",
                author: Fixture.drafter, date: Fixture.signature, expectedParent: nil, signer: nil)
            let second = try await store.commit(
                files: ["a.xml": Fixture.data("2")], message: "Deuxième version : b supprimé",
                author: Fixture.drafter, date: Fixture.signature.addingTimeInterval(86_400), expectedParent: first, signer: nil)
            #expect(try await store.tip() == second)
            #expect(try await store.commitInfo(second).parents == [first])
            #expect(try await store.listFiles(at: second) == ["a.xml"])  // a snapshot replaces the whole tree
            #expect(try await store.readFile(path: "b.xml", at: first) == Fixture.data("1"))
            #expect(try await store.log().map(\.id) == [second, first])
            #expect(try await store.resolve(revision: "main~1") == first)
        }
    }

    @Test("a commit on a stale expected parent is refused with a typed conflict and moves nothing")
    func staleExpectedParent() async throws {
        try await withNewStore { (store, _) async throws in
            let first = try await store.commit(
                files: ["a.xml": Fixture.data("1")], message: "v1", author: Fixture.drafter, date: Fixture.signature,
                expectedParent: nil, signer: nil)
            let second = try await store.commit(
                changes: ["a.xml": Fixture.data("2")], message: "v2", author: Fixture.drafter,
                date: Fixture.signature, expectedParent: first, signer: nil)

            await #expect(throws: RegisterError.conflict(ref: "refs/heads/main", expected: first, actual: second)) {
                try await store.commit(
                    changes: ["a.xml": Fixture.data("3")], message: "v3 sur v1", author: Fixture.member,
                    date: Fixture.signature, expectedParent: first, signer: nil)
            }
            await #expect(throws: RegisterError.conflict(ref: "refs/heads/main", expected: nil, actual: second)) {
                try await store.commit(
                    files: ["a.xml": Fixture.data("0")], message: "réimport", author: Fixture.member,
                    date: Fixture.signature, expectedParent: nil, signer: nil)
            }
            #expect(try await store.tip() == second)
            #expect(try await store.readFile(path: "a.xml", at: second) == Fixture.data("2"))
        }
    }

    @Test("a conflict met at the swap itself (another store wrote in between) is refused too")
    func conflictAtSwap() async throws {
        try await withNewStore { (store, url) async throws in
            let other = try GitStore(openingAt: url)
            let first = try await store.commit(
                files: ["a.xml": Fixture.data("1")], message: "v1", author: Fixture.drafter, date: Fixture.signature,
                expectedParent: nil, signer: nil)
            let theirs = try await other.commit(
                changes: ["b.xml": Fixture.data("b")], message: "v2 par un autre", author: Fixture.member,
                date: Fixture.signature, expectedParent: first, signer: nil)
            let error = await #expect(throws: RegisterError.self) {
                try await store.commit(
                    changes: ["a.xml": Fixture.data("2")], message: "v2", author: Fixture.drafter,
                    date: Fixture.signature, expectedParent: first, signer: nil)
            }
            #expect(error == .conflict(ref: "refs/heads/main", expected: first, actual: theirs))
            #expect(error?.description.contains("Conflit d'écriture") == true)
        }
    }

    @Test("changes add, replace and delete files and whole folders, keeping the rest")
    func changesOnTopOfParent() async throws {
        try await withNewStore { (store, _) async throws in
            let first = try await store.commit(
                files: ["keep.xml": Fixture.data("k"), "dir/a.xml": Fixture.data("a"), "dir/sub/b.xml": Fixture.data("b"),
                        "gone/x.xml": Fixture.data("x")],
                message: "v1", author: Fixture.drafter, date: Fixture.signature, expectedParent: nil, signer: nil)
            let second = try await store.commit(
                changes: ["dir/a.xml": Fixture.data("A"), "dir/sub/b.xml": nil, "gone": nil, "new/c.xml": Fixture.data("c"),
                          "absent.xml": nil],
                message: "v2", author: Fixture.drafter, date: Fixture.signature, expectedParent: first, signer: nil)
            #expect(try await store.listFiles(at: second) == ["dir/a.xml", "keep.xml", "new/c.xml"])
            #expect(try await store.readFile(path: "dir/a.xml", at: second) == Fixture.data("A"))
            let third = try await store.commitApplying(
                changes: ["dir/a.xml": nil, "keep.xml": nil, "new/c.xml": nil], message: "tout supprimé",
                author: Fixture.drafter, date: Fixture.signature, signer: nil)
            #expect(try await store.listFiles(at: third).isEmpty)
        }
    }

    @Test("paths git cannot store are refused before anything is written", arguments: [
        "", "/etc/passwd", "a//b.xml", "a/", "a/../b.xml", "./a.xml", ".git/config", "texts/.GIT/x", "a\u{0}b",
        "line\nbreak", "back\\slash",
    ])
    func invalidPaths(path: String) async throws {
        try await withNewStore { (store, _) async throws in
            let error = await #expect(throws: RegisterError.self) {
                try await store.commit(
                    files: [path: Fixture.data("x")], message: "m", author: Fixture.drafter, date: Fixture.signature,
                    expectedParent: nil, signer: nil)
            }
            guard case .invalidPath(let refused, _) = error else {
                Issue.record("expected invalidPath, got \(String(describing: error))")
                return
            }
            #expect(refused == path)
            #expect(try await store.tip() == nil)
        }
    }

    @Test("a path used both as a file and as a folder is refused")
    func fileAndFolder() async throws {
        try await withNewStore { (store, _) async throws in
            await #expect(throws: RegisterError.self) {
                try await store.commit(
                    files: ["a": Fixture.data("1"), "a/b": Fixture.data("2")], message: "m", author: Fixture.drafter,
                    date: Fixture.signature, expectedParent: nil, signer: nil)
            }
            let first = try await store.commit(
                files: ["a/b": Fixture.data("2")], message: "m", author: Fixture.drafter, date: Fixture.signature,
                expectedParent: nil, signer: nil)
            await #expect(throws: RegisterError.invalidPath(path: "a", reason: "un dossier porte déjà ce nom")) {
                try await store.commit(
                    changes: ["a": Fixture.data("1")], message: "m", author: Fixture.drafter, date: Fixture.signature,
                    expectedParent: first, signer: nil)
            }
        }
    }

    @Test("dates git mishandles, bad identities, empty messages and bad branch names are refused")
    func invalidStamps() async throws {
        try await withNewStore { (store, _) async throws in
            let files = ["a.xml": Fixture.data("1")]
            let before1970 = Date(timeIntervalSince1970: -86_400)
            await #expect(throws: RegisterError.dateOutOfRange(before1970)) {
                try await store.commit(files: files, message: "m", author: Fixture.drafter, date: before1970,
                                       expectedParent: nil, signer: nil)
            }
            let farFuture = Date(timeIntervalSince1970: 4_102_444_800)  // 2100-01-01
            await #expect(throws: RegisterError.dateOutOfRange(farFuture)) {
                try await store.commit(files: files, message: "m", author: Fixture.drafter, date: farFuture,
                                       expectedParent: nil, signer: nil)
            }
            let bad = Identity(name: "Eve <eve@x>", email: "eve@x")
            await #expect(throws: RegisterError.invalidIdentity(name: bad.name, email: bad.email)) {
                try await store.commit(files: files, message: "m", author: bad, date: Fixture.signature,
                                       expectedParent: nil, signer: nil)
            }
            await #expect(throws: RegisterError.invalidMessage) {
                try await store.commit(files: files, message: "  \n\n", author: Fixture.drafter,
                                       date: Fixture.signature, expectedParent: nil, signer: nil)
            }
            await #expect(throws: RegisterError.invalidTimeZone(minutes: 900)) {
                try await store.commit(files: files, message: "m", author: Fixture.drafter, date: Fixture.signature,
                                       timeZoneMinutes: 900, expectedParent: nil, signer: nil)
            }
            await #expect(throws: RegisterError.invalidReference(name: "refs/heads/a..b")) {
                try await store.commit(files: files, message: "m", author: Fixture.drafter, date: Fixture.signature,
                                       onBranch: "refs/heads/a..b", expectedParent: nil, signer: nil)
            }
            await #expect(throws: RegisterError.invalidReference(name: "main")) {
                try await store.commit(files: files, message: "m", author: Fixture.drafter, date: Fixture.signature,
                                       onBranch: "main", expectedParent: nil, signer: nil)
            }
            #expect(try await store.tip() == nil)
        }
    }

    @Test("revisions that name nothing, or no commit, are told apart")
    func resolveErrors() async throws {
        try await withNewStore { (store, _) async throws in
            await #expect(throws: RegisterError.notFound(revision: "main")) { try await store.resolve(revision: "main") }
            let id = try await store.commit(
                files: ["a.xml": Fixture.data("1")], message: "v1", author: Fixture.drafter, date: Fixture.signature,
                expectedParent: nil, signer: nil)
            await #expect(throws: RegisterError.notFound(revision: "v1999")) { try await store.resolve(revision: "v1999") }
            await #expect(throws: RegisterError.notFound(revision: "main~5")) { try await store.resolve(revision: "main~5") }
            await #expect(throws: RegisterError.notACommit(revision: "main:a.xml")) {
                try await store.resolve(revision: "main:a.xml")
            }
            let missing = try #require(ObjectID(hex: String(repeating: "ab", count: 20)))
            await #expect(throws: RegisterError.notFound(revision: missing.hex)) { try await store.commitInfo(missing) }
            #expect(try await store.resolve(revision: id.hex) == id)
        }
    }
}
