import Foundation
import Register
import Testing
import SuiviTestSupport

@Suite("Stock git and crash recovery")
struct InteropTests {
    @Test("stock git reads the register: log, tags, fsck --strict, and a clone checks out main", .tags(.externalTool), .enabled(if: ExternalTool.runs("git"), ExternalTool.reason("git", package: "git")))
    func stockGit() async throws {
        try await withNewStore { (store, url) async throws in
            let v1 = try await store.commit(
                files: ["texts/arrete/articles/art_1.xml": Fixture.data("<article>un</article>\n")],
                message: "Import de l'arrêté", author: Fixture.drafter, date: Fixture.signature,
                timeZoneMinutes: Fixture.paris, expectedParent: nil, signer: nil)
            let v2 = try await store.commitApplying(
                changes: ["texts/arrete/articles/art_2.xml": Fixture.data("<article>deux</article>\n")],
                message: "Ajout de l'article 2", author: Fixture.member, date: Fixture.signature.addingTimeInterval(3600), signer: nil)
            try await store.tag(name: "v2017-01-05", target: v1, message: "Publication : JORF du 7 janvier 2017",
                                tagger: Fixture.drafter, date: Fixture.signature)

            let log = try runGit(["log", "--format=%H %an <%ae> %at %ai %s", "main"], in: url)
            #expect(log.status == 0, "\(log.errors)")
            #expect(log.output == """
                \(v2.hex) Membre du comité <comite@example.org> 1483578000 2017-01-05 01:00:00 +0000 Ajout de l'article 2
                \(v1.hex) Rédactrice DGS <redaction@sante.gouv.fr> 1483574400 2017-01-05 01:00:00 +0100 Import de l'arrêté

                """)
            let fsck = try runGit(["fsck", "--strict", "--no-dangling"], in: url)
            #expect(fsck.status == 0, "\(fsck.errors)")
            #expect(fsck.errors.isEmpty, "\(fsck.errors)")
            let tag = try runGit(["tag", "-l", "-n1"], in: url)
            #expect(tag.output.contains("v2017-01-05     Publication : JORF du 7 janvier 2017"))
            #expect(try runGit(["rev-parse", "v2017-01-05^{commit}"], in: url).output == v1.hex + "\n")
            #expect(try runGit(["symbolic-ref", "HEAD"], in: url).output == "refs/heads/main\n")
            let reflog = try runGit(["reflog", "show", "--format=%gs", "refs/heads/main"], in: url)
            #expect(reflog.output == "commit: Ajout de l'article 2\ncommit (initial): Import de l'arrêté\n")

            let clone = url.deletingLastPathComponent().appendingPathComponent("clone")
            let cloned = try runGit(["clone", "--quiet", url.path, clone.path], in: url.deletingLastPathComponent())
            #expect(cloned.status == 0, "\(cloned.errors)")
            let article = clone.appendingPathComponent("texts/arrete/articles/art_2.xml")
            #expect(try String(contentsOf: article, encoding: .utf8) == "<article>deux</article>\n")
            #expect(try runGit(["rev-parse", "HEAD"], in: clone).output == v2.hex + "\n")
        }
    }

    @Test("a store reads commits written by stock git", .tags(.externalTool), .enabled(if: ExternalTool.runs("git"), ExternalTool.reason("git", package: "git")))
    func readsGitCommits() async throws {
        try await withNewStore { (store, url) async throws in
            let work = url.deletingLastPathComponent().appendingPathComponent("work")
            #expect(try runGit(["clone", "--quiet", url.path, work.path], in: url.deletingLastPathComponent()).status == 0)
            try Data("écrit par git\n".utf8).write(to: work.appendingPathComponent("note.xml"))
            try runGit(["add", "note.xml"], in: work)
            try runGit(["-c", "user.name=Git", "-c", "user.email=git@example.org", "commit", "-q", "-m", "par git"],
                       in: work)
            let push = try runGit(["push", "-q", "origin", "HEAD:refs/heads/main"], in: work)
            #expect(push.status == 0, "\(push.errors)")
            let tip = try #require(try await store.tip())
            #expect(try await store.commitInfo(tip).summary == "par git")
            #expect(Fixture.text(try await store.readFile(path: "note.xml", at: tip)) == "écrit par git\n")

            // History is append-only: a rewritten history cannot be force-pushed into the register.
            try runGit(["-c", "user.name=Git", "-c", "user.email=git@example.org", "commit", "-q", "--amend", "-m", "réécrit"],
                       in: work)
            let forced = try runGit(["push", "-q", "--force", "origin", "HEAD:refs/heads/main"], in: work)
            #expect(forced.status != 0)
            #expect(forced.errors.contains("non-fast-forward"), "\(forced.errors)")
            #expect(try await store.tip() == tip)
        }
    }

    @Test("a lock file left by a killed writer is removed on opening; git fsck accepts the leftovers", .tags(.externalTool), .enabled(if: ExternalTool.runs("git"), ExternalTool.reason("git", package: "git")))
    func staleLockOnOpen() async throws {
        try await withNewStore { (store, url) async throws in
            let v1 = try await store.commit(
                files: ["a.xml": Fixture.data("1")], message: "v1", author: Fixture.drafter, date: Fixture.signature,
                expectedParent: nil, signer: nil)
            // What a writer killed mid-commit leaves: objects not yet referenced, a temporary object file,
            // and the branch's lock file.
            _ = try await store.commit(
                files: ["orphan.xml": Fixture.data("jamais référencé")], message: "orphelin", author: Fixture.drafter,
                date: Fixture.signature, onBranch: "refs/heads/tmp", expectedParent: nil, signer: nil)
            try FileManager.default.removeItem(at: url.appendingPathComponent("refs/heads/tmp"))
            try Data("x\u{1}garbage".utf8).write(to: url.appendingPathComponent("objects/tmp_object_git2_a1b2c3"))
            let lock = url.appendingPathComponent("refs/heads/main.lock")
            try Data("partial".utf8).write(to: lock)
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)],
                                                  ofItemAtPath: lock.path)

            let reopened = try GitStore(openingAt: url)
            #expect(reopened.removedStaleLocks == ["refs/heads/main.lock"])
            #expect(!FileManager.default.fileExists(atPath: lock.path))
            let v2 = try await reopened.commit(
                changes: ["a.xml": Fixture.data("2")], message: "v2", author: Fixture.drafter, date: Fixture.signature,
                expectedParent: v1, signer: nil)
            #expect(try await reopened.tip() == v2)
            let fsck = try runGit(["fsck", "--strict"], in: url)
            #expect(fsck.status == 0, "\(fsck.errors)")
        }
    }

    @Test("a live writer's lock is waited for, then reported; a lock that turns stale while waiting is removed")
    func liveAndStaleLocks() async throws {
        try await withNewStore { (_, url) async throws in
            let store = try GitStore(openingAt: url, staleLockAge: .seconds(60), lockTimeout: .milliseconds(200))
            let v1 = try await store.commit(
                files: ["a.xml": Fixture.data("1")], message: "v1", author: Fixture.drafter, date: Fixture.signature,
                expectedParent: nil, signer: nil)
            let lock = url.appendingPathComponent("refs/heads/main.lock")
            try Data().write(to: lock)
            let started = ContinuousClock.now
            await #expect(throws: RegisterError.locked(ref: "refs/heads/main")) {
                try await store.commitApplying(changes: ["b.xml": Fixture.data("b")], message: "bloqué",
                                               author: Fixture.drafter, date: Fixture.signature, signer: nil)
            }
            #expect(ContinuousClock.now - started >= .milliseconds(200))
            #expect(try await store.tip() == v1)

            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-120)],
                                                  ofItemAtPath: lock.path)
            let v2 = try await store.commitApplying(changes: ["b.xml": Fixture.data("b")], message: "débloqué",
                                                    author: Fixture.drafter, date: Fixture.signature, signer: nil)
            #expect(try await store.commitInfo(v2).parents == [v1])
            #expect(!FileManager.default.fileExists(atPath: lock.path))
        }
    }

    @Test("error messages are French sentences a drafter can act on")
    func frenchMessages() throws {
        let id = try #require(ObjectID(hex: "0123456789abcdef0123456789abcdef01234567"))
        #expect(RegisterError.notFound(revision: "v2099").localizedDescription
            == "Version introuvable : « v2099 » ne désigne aucune version du registre ; voyez la liste des versions du registre "
               + "(étiquettes v…, projets draft/…) ou donnez une date AAAA-MM-JJ.")
        #expect(RegisterError.tagExists(name: "v1", target: id).description.contains("(0123456)"))
        #expect(String(describing: RegisterError.conflict(ref: "refs/heads/main", expected: nil, actual: id))
            .hasPrefix("Conflit d'écriture sur refs/heads/main : attendu une branche vide, trouvé la version 0123456."))
    }
}
