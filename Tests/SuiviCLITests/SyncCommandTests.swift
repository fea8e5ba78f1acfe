import Foundation
import Testing
import SuiviTestSupport

/// End to end: members working offline on clones of one register, exchanging through git remotes (a bare
/// repository, `git daemon`, `git http-backend`) with `suivi clone`, `pull` and `push`; then `suivi verify`.
extension EndToEnd {
@Suite("suivi clone, pull, push, verify", .tags(.externalTool), .enabled(if: ExternalTool.runs("git"), ExternalTool.reason("git", package: "git")))
struct SyncCommandTests {
    static let clerk = "Secrétariat du comité <secretariat@example.org>"
    static let chair = ["--as", "dgs", "--auteur", "Présidence du comité <presidence@example.org>"]
    static let ofii = ["--as", "ofii-medecins", "--auteur", "Médecin du service médical <medecin@example.org>"]
    static let defenseur = ["--as", "defenseur-des-droits", "--auteur", "Défenseur des droits <dd@example.org>"]
    static let draftFile = "brouillons/periodique-2020/AFSP1638149A.xml"
    static let article1 = "Le présent arrêté définit"

    @discardableResult
    static func ok(_ arguments: [String]) throws -> ProcessResult {
        let result = try CLI.run(arguments)
        #expect(result.exitCode == 0, "suivi \(arguments.joined(separator: " ")) → \(result)")
        return result
    }

    /// ``consultationRegister(at:)`` in `origin/`, pushed to a new bare repository `shared.git`; returns the bare
    /// repository's path.
    static func sharedRegister(in folder: TemporaryFolder) throws -> String {
        let origin = folder.path("origin")
        try consultationRegister(at: origin)
        let shared = folder.path("shared.git")
        let created = try StockGit.run(["init", "--quiet", "--bare", "--initial-branch=main", shared])
        try #require(created.exitCode == 0, "\(created)")
        try ok(["push", shared, "--repo", origin])
        return shared
    }

    /// A register at `origin` with the corpus, the committee, and the periodic review's draft (the 2026 revision)
    /// under consultation.
    static func consultationRegister(at origin: String) throws {
        try ok(["init", origin])
        try ok(["import", ShippedFixture.corpus.path, "--repo", origin, "--as", clerk])
        try ok(["committee", "import", ShippedFixture.committee.path, "--repo", origin, "--auteur", clerk])
        try ok(["review", "advance", "periodique-2020", "redaction", "--today", "2026-11-24", "--repo", origin] + chair)
        let draft = URL(fileURLWithPath: origin).appendingPathComponent(draftFile)
        try FileManager.default.removeItem(at: draft)
        try FileManager.default.copyItem(atPath: ShippedFixture.corpus.path + "/2026-projet/AFSP1638149A.xml", toPath: draft.path)
        try ok(["draft", "commit", "periodique-2020", "-m", "Révision 2026", "--repo", origin, "--as", "Rédaction <redaction@example.org>"])
        try ok(["review", "advance", "periodique-2020", "consultation", "--today", "2026-11-25", "--repo", origin] + chair)
    }

    /// Replaces `old` by `new` in the working copy of the periodic review's draft.
    static func edit(_ repo: String, _ old: String, _ new: String) throws {
        let url = URL(fileURLWithPath: repo).appendingPathComponent(draftFile)
        let text = try String(contentsOf: url, encoding: .utf8)
        try #require(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    static func refs(_ gitDirectory: String) throws -> String {
        try StockGit.run(["-C", gitDirectory, "for-each-ref"]).stdout
    }

    @Test("two clones, offline positions and comments from two seats and draft edits, pushed and pulled both ways, end in the same state")
    func offlineMembersConverge() throws {
        let folder = try TemporaryFolder()
        let shared = try Self.sharedRegister(in: folder)
        let a = folder.path("a"), b = folder.path("b")
        let cloned = try Self.ok(["clone", shared, a])
        #expect(cloned.stdout.contains("main : créée") && cloned.stdout.contains("étiquette AFSP1638149A/v2017-01-05 : créée"), "\(cloned)")
        try Self.ok(["clone", shared, b])
        for repo in [a, b] {
            #expect(FileManager.default.fileExists(atPath: repo + "/register.git/HEAD"))
            #expect(FileManager.default.fileExists(atPath: repo + "/" + Self.draftFile), "clone gives each draft its working copy")
        }

        // Offline: one seat's position and a drafter's edit of article 1 in a; another seat's position and an edit
        // of article 4 in b.
        try Self.ok(["position", "record", "--review", "periodique-2020", "reserves", "--motif", "Préciser l'article 3.",
                     "--today", "2026-12-01", "--repo", a] + Self.ofii)
        try Self.edit(a, Self.article1, "Le présent arrêté, relu hors ligne, définit")
        try Self.ok(["draft", "commit", "periodique-2020", "-m", "Article 1 relu", "--repo", a, "--as", "Rédactrice A <a@example.org>"])
        try Self.ok(["position", "record", "--review", "periodique-2020", "favorable", "--motif", "Garanties renforcées.",
                     "--today", "2026-12-02", "--repo", b] + Self.defenseur)
        try Self.edit(b, "Les conséquences qu", "Les conséquences, relues hors ligne, qu")
        try Self.ok(["draft", "commit", "periodique-2020", "-m", "Article 4 relu", "--repo", b, "--as", "Rédacteur B <b@example.org>"])

        for (repo, seat) in [(a, Self.ofii), (b, Self.defenseur)] {
            try Self.ok(["comment", "add", "--review", "periodique-2020", "--eid", "art_3", "--today", "2026-12-02",
                         "Commentaire écrit hors ligne.", "--repo", repo] + seat)
        }

        try Self.ok(["push", "--repo", a])
        let refused = try CLI.run("push", "--repo", b)
        #expect(refused.exitCode == 1 && refused.stderr.contains("suivi recuperer"), "\(refused)")
        let pulled = try Self.ok(["pull", "--repo", b, "--as", "Rédacteur B <b@example.org>"])
        #expect(pulled.stdout.contains("main : fusionnée") && pulled.stdout.contains("draft/periodique-2020 : fusionnée"), "\(pulled)")
        try Self.ok(["push", "--repo", b])
        let forward = try Self.ok(["pull", "--repo", a, "--as", "Rédactrice A <a@example.org>"])
        #expect(forward.stdout.contains("main : avancée"), "\(forward)")

        // Same refs everywhere, both positions and both edits on each side, working copies alike.
        let sharedRefs = try Self.refs(shared)
        #expect(try Self.refs(a + "/register.git") == sharedRefs)
        #expect(try Self.refs(b + "/register.git") == sharedRefs)
        let files = try StockGit.run(["-C", shared, "ls-tree", "-r", "--name-only", "main", "committee/positions/periodique-2020"]).stdout
        #expect(files == "committee/positions/periodique-2020/defenseur-des-droits.xml\ncommittee/positions/periodique-2020/ofii-medecins.xml\n")
        let comments = try StockGit.run(["-C", shared, "ls-tree", "-r", "--name-only", "main", "committee/comments/periodique-2020"]).stdout
        #expect(comments.split(separator: "\n").count == 2, "both offline comments: \(comments)")
        let copyA = try String(contentsOfFile: a + "/" + Self.draftFile, encoding: .utf8)
        let copyB = try String(contentsOfFile: b + "/" + Self.draftFile, encoding: .utf8)
        #expect(copyA == copyB)
        #expect(copyA.contains("relu hors ligne") && copyA.contains("relues hors ligne"))
        let merge = try StockGit.run(["-C", shared, "log", "-1", "--format=%P%n%an", "main"]).stdout.split(separator: "\n")
        #expect(merge.first?.split(separator: " ").count == 2 && merge.last == "Rédacteur B", "a signed merge commit: \(merge)")
        for repo in [a, b] {
            #expect(try StockGit.fsck(repo).exitCode == 0)
            let verified = try CLI.run("verify", "--repo", repo)
            #expect(verified.exitCode == 0 && verified.stdout.contains("aucun problème"), "\(verified)")
        }
        let upToDate = try Self.ok(["pull", "--repo", a])
        #expect(upToDate.stdout.contains("Déjà à jour"), "no author needed when nothing is merged: \(upToDate)")
    }

    @Test("two drafters changing the same clause: pull exits 1, names the clause (NOR, wId, eId) with both texts, changes no ref")
    func sameClauseConflict() throws {
        let folder = try TemporaryFolder()
        let shared = try Self.sharedRegister(in: folder)
        let a = folder.path("a"), b = folder.path("b")
        try Self.ok(["clone", shared, a])
        try Self.ok(["clone", shared, b])
        try Self.edit(a, Self.article1, "Le présent arrêté, selon A, définit")
        try Self.ok(["draft", "commit", "periodique-2020", "-m", "A", "--repo", a, "--as", "A <a@example.org>"])
        try Self.edit(b, Self.article1, "Le présent arrêté, selon B, définit")
        try Self.ok(["draft", "commit", "periodique-2020", "-m", "B", "--repo", b, "--as", "B <b@example.org>"])
        try Self.ok(["push", "--repo", a])

        let before = try Self.refs(b + "/register.git")
        let copyBefore = try Data(contentsOf: URL(fileURLWithPath: b + "/" + Self.draftFile))
        let pulled = try CLI.run("pull", "--repo", b, "--as", "B <b@example.org>")
        #expect(pulled.exitCode == 1, "\(pulled)")
        #expect(pulled.stderr.contains("texte AFSP1638149A (NOR), élément wId art_1 (eId art_1)"), "\(pulled.stderr)")
        #expect(pulled.stderr.contains("version locale :\n    Article 1er\n      Le présent arrêté, selon B, définit"), "\(pulled.stderr)")
        #expect(pulled.stderr.contains("version distante :\n    Article 1er\n      Le présent arrêté, selon A, définit"), "\(pulled.stderr)")
        #expect(!pulled.stderr.contains("<<<<<<<") && !pulled.stderr.contains("<p>"), "plain French, no merge markers or XML")
        #expect(try Self.refs(b + "/register.git") == before, "refs unchanged")
        #expect(try Data(contentsOf: URL(fileURLWithPath: b + "/" + Self.draftFile)) == copyBefore)
        #expect(try StockGit.fsck(b).exitCode == 0)
    }

    @Test("an adopted version's tag travels with push and pull; a tag moved on the remote is refused by pull and verify")
    func tagsTravel() throws {
        let folder = try TemporaryFolder()
        let shared = try Self.sharedRegister(in: folder)
        let a = folder.path("a"), b = folder.path("b")
        try Self.ok(["clone", shared, a])
        try Self.ok(["clone", shared, b])
        try Self.ok(["verify", "--repo", b])
        try Self.ok(["review", "advance", "periodique-2020", "adoptee", "--signature", "2027-01-15", "--entree-en-vigueur",
                     "2027-02-01", "--confirmer", "--date-future-confirmee", "--repo", a] + Self.chair)
        let pushed = try Self.ok(["push", "--repo", a])
        #expect(pushed.stdout.contains("étiquette AFSP1638149A/v2027-01-15 : créée"), "\(pushed)")
        let pulled = try Self.ok(["pull", "--repo", b])
        #expect(pulled.stdout.contains("étiquette AFSP1638149A/v2027-01-15 : créée") && pulled.stdout.contains("main : avancée"), "\(pulled)")
        let log = try Self.ok(["log", "--repo", b])
        #expect(log.stdout.contains("v2027-01-15"), "\(log)")
        let verified = try Self.ok(["verify", "--repo", b])
        #expect(verified.stdout.contains("AFSP1638149A/v2017-01-05, AFSP1638149A/v2027-01-15"), "\(verified)")

        // Someone moves the published tag on the shared repository with stock git.
        let moved = try StockGit.run(["-C", shared, "-c", "user.name=X", "-c", "user.email=x@example.org",
                                      "tag", "-f", "-a", "AFSP1638149A/v2017-01-05", "-m", "déplacée", "AFSP1638149A/v2027-01-15"])
        try #require(moved.exitCode == 0, "\(moved)")
        let before = try Self.refs(b + "/register.git")
        let refused = try CLI.run("pull", "--repo", b)
        #expect(refused.exitCode == 1 && refused.stderr.contains("L'étiquette AFSP1638149A/v2017-01-05 désigne"), "\(refused)")
        #expect(try Self.refs(b + "/register.git") == before)

        // The same rewrite in a clone is caught by verify, with what changed; exit code 2.
        let tampered = try StockGit.run(["-C", b + "/register.git", "-c", "user.name=X", "-c", "user.email=x@example.org",
                                         "tag", "-f", "-a", "AFSP1638149A/v2017-01-05", "-m", "déplacée", "AFSP1638149A/v2027-01-15"])
        try #require(tampered.exitCode == 0, "\(tampered)")
        _ = try StockGit.run(["-C", b + "/register.git", "update-ref", "refs/heads/main", "main~1"])
        let report = try CLI.run("verify", "--repo", b)
        #expect(report.exitCode == 2, "\(report)")
        #expect(report.stdout.contains("FALSIFICATION (AFSP1638149A/v2017-01-05) : l'étiquette AFSP1638149A/v2017-01-05 désignait"), "\(report)")
        #expect(report.stdout.contains("FALSIFICATION (main) : l'historique de main a été réécrit"), "\(report)")
        #expect(try CLI.run("verify", "--repo", b).exitCode == 2, "tampering keeps being reported")
    }

    @Test("an entity bomb committed on the shared repository with stock git is refused by pull, refs unchanged")
    func hostileRemoteContent() throws {
        let folder = try TemporaryFolder()
        let shared = try Self.sharedRegister(in: folder)
        let b = folder.path("b"), work = folder.path("travail")
        try Self.ok(["clone", shared, b])
        try #require(try StockGit.run(["clone", "--quiet", shared, work]).exitCode == 0)
        let bomb = CLI.fixtures.appendingPathComponent("hostile/billion-laughs.xml")
        let article = URL(fileURLWithPath: work).appendingPathComponent("texts/AFSP1638149A/articles/art_1.xml")
        try FileManager.default.removeItem(at: article)
        try FileManager.default.copyItem(at: bomb, to: article)
        let committed = try StockGit.run(["-C", work, "-c", "user.name=X", "-c", "user.email=x@example.org",
                                          "commit", "--quiet", "-am", "bombe"])
        try #require(committed.exitCode == 0, "\(committed)")
        try #require(try StockGit.run(["-C", work, "push", "--quiet", "origin", "main"]).exitCode == 0)

        let before = try Self.refs(b + "/register.git")
        let pulled = try CLI.run("pull", "--repo", b, "--as", "B <b@example.org>")
        #expect(pulled.exitCode == 1, "\(pulled)")
        #expect(pulled.stderr.contains("La branche main de") && pulled.stderr.contains("contient un texte refusé")
                && pulled.stderr.contains("<!DOCTYPE>"), "\(pulled.stderr)")
        #expect(try Self.refs(b + "/register.git") == before)
    }

    @Test("clone, pull, push and verify have French help and a JSON form", arguments: ["clone", "pull", "push", "verify"])
    func help(command: String) throws {
        let help = try CLI.run(command, "--help")
        #expect(help.exitCode == 0 && help.stdout.contains("--format") && help.stdout.contains("registre"), "\(help)")
    }

    @Test("pull --format json and verify --format json parse")
    func json() throws {
        let folder = try TemporaryFolder()
        let shared = try Self.sharedRegister(in: folder)
        let a = folder.path("a")
        try Self.ok(["clone", shared, a])
        let pulled = try Self.ok(["pull", "--repo", a, "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(pulled.stdout.utf8)) as? [String: Any])
        #expect((report["updates"] as? [Any])?.isEmpty == true && report["url"] as? String == shared)
        let verified = try Self.ok(["verify", "--repo", a, "--format", "json"])
        let checks = try #require(try JSONSerialization.jsonObject(with: Data(verified.stdout.utf8)) as? [String: Any])
        #expect(checks["versionsChecked"] as? [String] == ["AFSP1638149A/v2017-01-05"] && (checks["findings"] as? [Any])?.isEmpty == true)
    }

    @Test("clone, push and pull through git daemon on loopback (git://)")
    func gitDaemon() throws {
        let folder = try TemporaryFolder()
        let shared = try Self.sharedRegister(in: folder)
        // git-daemon itself, not `git daemon`: the `git` wrapper would leave it running when killed.
        let execPath = try StockGit.run(["--exec-path"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let daemon = try LoopbackServer(execPath + "/git-daemon", ["--reuseaddr", "--export-all", "--enable=receive-pack",
                                              "--listen=127.0.0.1", "--port={port}", "--base-path=" + folder.url.path, folder.url.path])
        try exchange(through: "git://127.0.0.1:\(daemon.port)/shared.git", shared: shared, folder: folder)
    }

    @Test("clone, push and pull through git http-backend behind a small HTTP server on loopback (http://)", .enabled(if: ExternalTool.runs("python3"), ExternalTool.reason("python3", package: "python3")))
    func gitHTTPBackend() throws {
        let folder = try TemporaryFolder()
        let shared = try Self.sharedRegister(in: folder)
        let python = try #require(LoopbackServer.python3, "python3 runs the test's HTTP server")
        let script = try folder.write(LoopbackServer.httpBackendScript, to: "git-http-server.py")
        let server = try LoopbackServer(python, [script, folder.url.path, "{port}"])
        try exchange(through: "http://127.0.0.1:\(server.port)/shared.git", shared: shared, folder: folder)
    }

    /// Clones `url` twice, records a position in one clone and pushes it, pulls it into the other.
    private func exchange(through url: String, shared: String, folder: TemporaryFolder) throws {
        let c = folder.path("c"), d = folder.path("d")
        let cloned = try Self.ok(["clone", url, c])
        #expect(cloned.stdout.contains("Registre copié depuis \(url)"), "\(cloned)")
        try Self.ok(["clone", url, d])
        try Self.ok(["position", "record", "--review", "periodique-2020", "favorable", "--motif", "Par le réseau.",
                     "--today", "2026-12-01", "--repo", c] + Self.ofii)
        try Self.ok(["push", "--repo", c])
        #expect(try Self.refs(shared) == Self.refs(c + "/register.git"))
        try Self.ok(["pull", "--repo", d])
        #expect(try Self.refs(d + "/register.git") == Self.refs(shared))
        #expect(try Self.ok(["verify", "--repo", d]).stdout.contains("aucun problème"))
    }
}
}
