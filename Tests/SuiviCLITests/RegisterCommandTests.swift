import Foundation
import Synchronization
import Testing
import SuiviTestSupport
#if canImport(Glibc)
import Glibc
#endif

extension EndToEnd {
/// The register's commands end to end, with the built `suivi` and the stock `git`: init, import, log, show,
/// history, blame, draft, concurrent writers, killed writers, and what a plain `git` makes of the repository.
@Suite("suivi register commands, end to end")
struct RegisterCommandTests {
    static let author = "Rédactrice DGS <redaction@sante.gouv.fr>"
    static let corpus = ShippedFixture.corpus.path
    static let art3 = "texts/AFSP1638149A/articles/art_3.xml"

    // MARK: Helpers

    /// A temporary folder holding a register (`registre/`) into which the corpus is imported.
    private func importedRegister() throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder()
        let repo = folder.path("registre")
        let created = try CLI.run("init", repo)
        try #require(created.exitCode == 0, "\(created)")
        let imported = try CLI.run("import", Self.corpus, "--repo", repo, "--as", Self.author)
        try #require(imported.exitCode == 0, "\(imported)")
        return (folder, repo)
    }

    /// Stock git, with the user's and system's configuration out of the way.
    private func git(_ arguments: String...) throws -> ProcessResult {
        try StockGit.run(arguments)
    }

    /// `git for-each-ref` of the register's repository: every ref and what it points at.
    private func refs(_ repo: String) throws -> String {
        let result = try git("-C", repo + "/register.git", "for-each-ref")
        #expect(result.exitCode == 0, "\(result)")
        return result.stdout
    }

    private func fsck(_ repo: String) throws -> ProcessResult {
        try git("-C", repo + "/register.git", "fsck", "--strict")
    }

    private func benchCount(_ repo: String) throws -> Int? {
        Int(try git("-C", repo + "/register.git", "rev-list", "--count", "bench").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines))
    }

    // MARK: init, import, log

    @Test("init creates register.git and brouillons/; a second init says the register is already there")
    func initRegister() throws {
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let repo = folder.path("registre")
        let created = try CLI.run("init", repo)
        #expect(created.exitCode == 0, "\(created)")
        #expect(created.stdout.contains("Registre créé"), "\(created)")
        #expect(FileManager.default.fileExists(atPath: repo + "/register.git/HEAD"))
        #expect(FileManager.default.fileExists(atPath: repo + "/brouillons"))
        #expect(try git("-C", repo + "/register.git", "rev-parse", "--is-bare-repository").stdout == "true\n")
        let again = try CLI.run("init", repo)
        #expect(again.exitCode == 0, "\(again)")
        #expect(again.stdout.contains("déjà présent"), "\(again)")
    }

    @Test("import corpus creates v2017-01-05 and draft/2026-projet; importing again says « déjà présente » and writes nothing", .tags(.externalTool), .enabled(if: ExternalTool.runs("git"), ExternalTool.reason("git", package: "git")))
    func importTwice() throws {
        let (folder, repo) = try importedRegister()
        defer { withExtendedLifetime(folder) {} }
        let before = try refs(repo)
        #expect(before.contains("refs/tags/AFSP1638149A/v2017-01-05"), "\(before)")
        #expect(before.contains("refs/heads/draft/2026-projet"), "\(before)")
        #expect(before.contains("refs/heads/main"), "\(before)")

        let again = try CLI.run("import", Self.corpus, "--repo", repo, "--as", Self.author)
        #expect(again.exitCode == 0, "\(again)")
        let lines = again.stdout.split(separator: "\n")
        #expect(lines.count == 2, "\(again)")
        #expect(lines.allSatisfy { $0.contains("déjà présente") }, "\(again)")
        #expect(lines.first?.hasPrefix("AFSP1638149A/v2017-01-05 : déjà présente") == true, "\(again)")
        #expect(try refs(repo) == before)
        #expect(try git("-C", repo + "/register.git", "rev-list", "--all", "--count").stdout == "2\n")
    }

    @Test("log lists the adopted version with its dates and the draft; --format json parses", .tags(.externalTool), .enabled(if: ExternalTool.runs("git"), ExternalTool.reason("git", package: "git")))
    func log() throws {
        let (folder, repo) = try importedRegister()
        defer { withExtendedLifetime(folder) {} }
        let text = try CLI.run("log", "--repo", repo)
        #expect(text.exitCode == 0, "\(text)")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(text)")
        #expect(lines.first?.hasPrefix("AFSP1638149A/v2017-01-05  adoptée") == true, "\(text)")
        #expect(lines.first?.contains("signée le 5 janvier 2017, en vigueur le 23 janvier 2017") == true, "\(text)")
        #expect(lines.first?.contains("Journal officiel n°0019 du 22 janvier 2017") == true, "\(text)")
        #expect(lines.last?.hasPrefix("draft/2026-projet  projet") == true, "\(text)")
        #expect(lines.last?.contains("du 24 novembre 2026") == true, "\(text)")

        let json = try CLI.run("log", "--repo", repo, "--format", "json")
        #expect(json.exitCode == 0, "\(json)")
        let versions = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["versions"] as? [[String: Any]])
        #expect(versions.map { $0["name"] as? String } == ["AFSP1638149A/v2017-01-05", "draft/2026-projet"])
        #expect(versions.map { $0["kind"] as? String } == ["adoptee", "projet"])
        let tagged = try git("-C", repo + "/register.git", "rev-parse", "AFSP1638149A/v2017-01-05^{commit}").stdout
        #expect(versions.first?["commit"] as? String == tagged.trimmingCharacters(in: .newlines))
        let record = try #require(versions.first?["record"] as? [String: Any])
        #expect(record["work"] as? String == "AFSP1638149A")
        #expect(record["entryIntoForce"] as? String == "2017-01-23")
        #expect(versions.last?["draftDate"] as? String == "2026-11-24")
    }

    // MARK: show, history, blame

    @Test("show --at v2017-01-05 --eid art_3 prints article 3 as adopted, without the 2026 alinéas")
    func showAt() throws {
        let (folder, repo) = try importedRegister()
        defer { withExtendedLifetime(folder) {} }
        let result = try CLI.run("show", "--repo", repo, "--at", "v2017-01-05", "--eid", "art_3")
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.hasPrefix("Article 3"), "\(result)")
        #expect(result.stdout.contains("examinée au cas par cas, comme pour toute autre maladie"), "\(result)")
        #expect(!result.stdout.contains("sans interruption"), "\(result)")
        #expect(!result.stdout.contains("Article 4"), "\(result)")

        let draft = try CLI.run("show", "--repo", repo, "--at", "draft/2026-projet", "--eid", "art_3")
        #expect(draft.exitCode == 0, "\(draft)")
        #expect(draft.stdout.contains("prise en charge sans interruption"), "\(draft)")
    }

    @Test("show --in-force 2020-06-01 shows v2017-01-05; --in-force 2016-01-01 exits 1 naming the first date")
    func showInForce() throws {
        let (folder, repo) = try importedRegister()
        defer { withExtendedLifetime(folder) {} }
        let inForce = try CLI.run("show", "--repo", repo, "--in-force", "2020-06-01")
        #expect(inForce.exitCode == 0, "\(inForce)")
        #expect(inForce.stderr.contains("Version en vigueur le 1er juin 2020 : AFSP1638149A/v2017-01-05."), "\(inForce)")
        #expect(inForce.stdout.hasPrefix("Arrêté du 5 janvier 2017"), "\(inForce)")
        #expect(!inForce.stdout.contains("Article 6-1"), "\(inForce)")

        let before = try CLI.run("show", "--repo", repo, "--in-force", "2016-01-01")
        #expect(before.exitCode == 1, "\(before)")
        #expect(before.stdout.isEmpty, "\(before)")
        #expect(before.stderr.contains("Aucune version n'était en vigueur le 1er janvier 2016."), "\(before)")
        #expect(before.stderr.contains("La première version entre en vigueur le 23 janvier 2017."), "\(before)")
    }

    @Test("history art_3__para_5 --jusqua draft/2026-projet shows its renumbering to art_3__para_7")
    func history() throws {
        let (folder, repo) = try importedRegister()
        defer { withExtendedLifetime(folder) {} }
        let result = try CLI.run("history", "art_3__para_5", "--jusqua", "draft/2026-projet", "--repo", repo)
        #expect(result.exitCode == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Historique de art_3__para_5 (wId art_3__para_5) : 2 changement(s).", "\(result)")
        #expect(lines.contains("AFSP1638149A/v2017-01-05  2017-01-05  inséré  art_3__para_5"), "\(result)")
        #expect(lines.contains("draft/2026-projet  2026-11-24  renuméroté  art_3__para_7 (ex art_3__para_5)"), "\(result)")

        let json = try CLI.run("history", "art_3__para_7", "--jusqua", "draft/2026-projet", "--repo", repo, "--format", "json")
        #expect(json.exitCode == 0, "\(json)")
        let entries = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["changements"] as? [[String: Any]])
        #expect(entries.map { $0["change"] as? String } == ["insere", "renumerote"])
        #expect(entries.last?["previousEId"] as? String == "art_3__para_5")
        #expect(entries.last?["eId"] as? String == "art_3__para_7")
    }

    @Test("history --jusqua a draft that does not exist exits 1 instead of answering without it")
    func historyUnknownDraft() throws {
        let (folder, repo) = try importedRegister()
        defer { withExtendedLifetime(folder) {} }
        let result = try CLI.run("history", "art_3__para_4", "--jusqua", "draft/2062-projet", "--repo", repo)
        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stderr.contains("draft/2062-projet"), "\(result)")
    }

    @Test("blame gives each clause the version that last changed it; --at the draft gives the new article to the draft")
    func blame() throws {
        let (folder, repo) = try importedRegister()
        defer { withExtendedLifetime(folder) {} }
        let adopted = try CLI.run("blame", "--repo", repo)
        #expect(adopted.exitCode == 0, "\(adopted)")
        // One line per clause: its eId, then where its wording comes from (a renumbering would add a second line).
        let rows = adopted.stdout.split(separator: "\n").map { line in
            line.split(separator: " ", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        #expect(rows.contains { $0.first == "art_3__para_1" && $0.last?.hasPrefix("inséré par AFSP1638149A/v2017-01-05,") == true }, "\(adopted)")
        #expect(rows.allSatisfy { $0.last?.hasPrefix("inséré par AFSP1638149A/v2017-01-05,") == true }, "\(adopted)")
        #expect(!adopted.stdout.contains("art_6-1"), "\(adopted)")

        let json = try CLI.run("blame", "--repo", repo, "--at", "draft/2026-projet", "--format", "json")
        #expect(json.exitCode == 0, "\(json)")
        let lines = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["elements"] as? [[String: Any]])
        let version = Dictionary(lines.compactMap { line in
            (line["eId"] as? String).map { ($0, line["version"] as? String ?? "") }
        }, uniquingKeysWith: { first, _ in first })
        #expect(version["art_6-1"] == "draft/2026-projet")
        #expect(version["art_3__para_6"] == "draft/2026-projet")
        #expect(version["art_3__para_1"] == "AFSP1638149A/v2017-01-05")
    }

    // MARK: drafts and authors

    @Test("draft start, list and commit --as: the edited article alone is committed, signed by the --as author", .tags(.externalTool), .enabled(if: ExternalTool.runs("git"), ExternalTool.reason("git", package: "git")))
    func draftCycle() throws {
        let (folder, repo) = try importedRegister()
        defer { withExtendedLifetime(folder) {} }
        let started = try CLI.run("draft", "start", "revision-2027", "--repo", repo)
        #expect(started.exitCode == 0, "\(started)")
        #expect(started.stdout.contains("draft/revision-2027"), "\(started)")
        let list = try CLI.run("draft", "list", "--repo", repo)
        #expect(list.exitCode == 0, "\(list)")
        #expect(list.stdout.contains("draft/revision-2027"), "\(list)")
        #expect(list.stdout.contains("draft/2026-projet"), "\(list)")

        let copy = repo + "/brouillons/revision-2027/AFSP1638149A.xml"
        let text = try String(contentsOfFile: copy, encoding: .utf8)
        #expect(text.contains("comme pour toute autre maladie"))
        try Data(text.replacingOccurrences(of: "comme pour toute autre maladie", with: "comme pour toute autre affection").utf8)
            .write(to: URL(fileURLWithPath: copy))
        let committed = try CLI.run("draft", "commit", "revision-2027", "-m", "Article 3 : affection", "--repo", repo,
                                    "--as", "Jeanne Martin <jeanne.martin@sante.gouv.fr>")
        #expect(committed.exitCode == 0, "\(committed)")
        #expect(committed.stdout.contains("enregistré"), "\(committed)")

        let show = try git("-C", repo + "/register.git", "show", "--name-only", "--format=%an <%ae>%n%s", "draft/revision-2027")
        #expect(show.stdout == "Jeanne Martin <jeanne.martin@sante.gouv.fr>\nArticle 3 : affection\n\n\(Self.art3)\n", "\(show)")
        // Since issue 14 the draft's first commit makes the text a draft (its date, its expression URI): the
        // drafter's commit sits on it, and it sits on main.
        let opening = try git("-C", repo + "/register.git", "log", "-1", "--format=%s", "draft/revision-2027^")
        #expect(opening.stdout.hasPrefix("Projet revision-2027 ouvert"), "\(opening)")
        let parent = try git("-C", repo + "/register.git", "rev-parse", "draft/revision-2027~2", "main")
        let ids = parent.stdout.split(separator: "\n")
        #expect(ids.count == 2 && ids[0] == ids[1], "\(parent)")

        let nothing = try CLI.run("draft", "commit", "revision-2027", "-m", "Rien", "--repo", repo, "--as", Self.author)
        #expect(nothing.exitCode == 0, "\(nothing)")
        #expect(nothing.stdout.contains("aucun changement"), "\(nothing)")
    }

    @Test("a write with no author (no --as, no SUIVI_AUTEUR, no GIT_AUTHOR_*) exits non-zero, says how, and writes nothing", .tags(.externalTool), .enabled(if: ExternalTool.runs("git"), ExternalTool.reason("git", package: "git")))
    func missingAuthor() throws {
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let repo = folder.path("registre")
        #expect(try CLI.run("init", repo).exitCode == 0)
        let env = try #require(ProcessRunner.systemTool("env"))
        let suivi = try #require(CLI.executable)
        let anonymous = ["-u", "SUIVI_AUTEUR", "-u", "GIT_AUTHOR_NAME", "-u", "GIT_AUTHOR_EMAIL", suivi]
        let result = try ProcessRunner.run(env, anonymous + ["import", Self.corpus, "--repo", repo])
        #expect(result.exitCode != 0 && result.exitCode != nil, "\(result)")
        #expect(result.stderr.contains("--auteur"), "\(result)")
        #expect(result.stderr.contains("SUIVI_AUTEUR"), "\(result)")
        #expect(try refs(repo).isEmpty)

        #expect(try CLI.run("import", Self.corpus, "--repo", repo, "--as", Self.author).exitCode == 0)
        // A malformed author is refused, never silently replaced by suivi's own identity.
        let malformed = try CLI.run("draft", "start", "mal-signe", "--repo", repo, "--auteur", "pas une personne")
        #expect(malformed.exitCode != 0 && malformed.stderr.contains("pas une personne"), "\(malformed)")
        #expect(!(try refs(repo)).contains("mal-signe"))
        let opened = try ProcessRunner.run(env, anonymous + ["draft", "start", "anonyme", "--repo", repo])
        #expect(opened.exitCode == 0 && opened.stdout.contains("aucun auteur indiqué"), "\(opened)")
        let before = try refs(repo)
        let copy = repo + "/brouillons/anonyme/AFSP1638149A.xml"
        let text = try String(contentsOfFile: copy, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "comme pour toute autre maladie", with: "comme toute maladie").utf8)
            .write(to: URL(fileURLWithPath: copy))
        let commit = try ProcessRunner.run(env, anonymous + ["draft", "commit", "anonyme", "-m", "Sans auteur", "--repo", repo])
        #expect(commit.exitCode != 0 && commit.exitCode != nil, "\(commit)")
        #expect(commit.stderr.contains("auteur"), "\(commit)")
        #expect(try refs(repo) == before)
    }

    @Test("import of a folder holding an invalid file exits 1, says nothing was written, and leaves every ref unchanged", .tags(.externalTool), .enabled(if: ExternalTool.runs("git"), ExternalTool.reason("git", package: "git")))
    func invalidImport() throws {
        let (folder, repo) = try importedRegister()
        defer { withExtendedLifetime(folder) {} }
        let before = try refs(repo)
        // A valid new draft next to a file with a DOCTYPE: the valid one must not be imported either.
        let draft = try String(contentsOfFile: Self.corpus + "/2026-projet/AFSP1638149A.xml", encoding: .utf8)
        try folder.write(draft, to: "versions/2027-projet/AFSP1638149A.xml")
        try folder.write(draft.replacingOccurrences(of: "<akomaNtoso ", with: "<!DOCTYPE akomaNtoso>\n<akomaNtoso "),
                         to: "versions/2028-projet/AFSP1638149A.xml")
        let result = try CLI.run("import", folder.path("versions"), "--repo", repo, "--as", Self.author)
        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stderr.contains("rien n'a été enregistré"), "\(result)")
        #expect(result.stderr.contains("2028-projet/AFSP1638149A.xml"), "\(result)")
        #expect(result.stderr.contains("DOCTYPE"), "\(result)")
        #expect(try refs(repo) == before)

        // On an empty register too: no ref at all.
        let empty = folder.path("vide")
        #expect(try CLI.run("init", empty).exitCode == 0)
        let refused = try CLI.run("import", folder.path("versions"), "--repo", empty, "--as", Self.author)
        #expect(refused.exitCode == 1, "\(refused)")
        #expect(try refs(empty).isEmpty)
    }

    // MARK: Concurrent and killed writers

    @Test("16 processes × 50 commits on one branch: 800 commits, every file present, git fsck --strict passes", .tags(.externalTool), .enabled(if: ExternalTool.runs("git"), ExternalTool.reason("git", package: "git")))
    func concurrentWriters() throws {
        let folder = try MemoryBackedFolder()
        defer { withExtendedLifetime(folder) {} }
        let repo = folder.path("registre")
        #expect(try CLI.bench("scratch-register", repo).exitCode == 0)
        let writers = try CLI.runConcurrently((1...16).map { ["write", "--repo", repo, "--writer", "\($0)", "--commits", "50"] },
                                          executable: CLI.benchExecutable, watchdog: .seconds(50))
        for (number, writer) in writers.enumerated() {
            #expect(writer.exitCode == 0, "writer \(number + 1): \(writer)")
        }
        #expect(try benchCount(repo) == 800)
        let files = Set(try git("-C", repo + "/register.git", "ls-tree", "-r", "--name-only", "bench").stdout
            .split(separator: "\n").map(String.init))
        let expected = Set((1...16).flatMap { w in (1...50).map { "bench/\(w)/\($0).txt" } })
        #expect(files == expected, "missing: \(expected.subtracting(files).sorted().prefix(10))")
        let authors = try git("-C", repo + "/register.git", "log", "--format=%an", "bench").stdout.split(separator: "\n")
        let runs = zip(authors, authors.dropFirst()).filter { $0 != $1 }.count + 1
        #expect(runs > 16, "the writers' commits do not interleave: they did not run at the same time")
        let check = try fsck(repo)
        #expect(check.exitCode == 0, "\(check.stderr.prefix(2000))")
    }

    @Test("a writer killed (SIGKILL) mid-run at 300, 400 and 500 ms leaves a repository git fsck accepts and suivi can write to", .tags(.externalTool), .enabled(if: ExternalTool.runs("git"), ExternalTool.reason("git", package: "git")))
    func killedWriter() throws {
        // A throw-away register of suivi-bench with the corpus imported by suivi: suivi-bench writes into no other.
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let repo = folder.path("registre")
        #expect(try CLI.bench("scratch-register", repo).exitCode == 0)
        #expect(try CLI.run("import", ShippedFixture.corpus.path, "--repo", repo, "--as", Self.author).exitCode == 0)
        let bench = try #require(CLI.benchExecutable)
        var leftLocks: [String] = []
        for (round, delay) in [300, 400, 500].enumerated() {
            let killed = try ProcessRunner.run(
                bench, ["write", "--repo", repo, "--writer", "\(round + 1)", "--commits", "100000"],
                watchdog: .milliseconds(delay))
            #expect(killed.signal == SIGKILL, "round \(round + 1) was not killed: \(killed)")
            if leftLocks.isEmpty, FileManager.default.fileExists(atPath: repo + "/register.git/refs/heads/bench.lock") {
                leftLocks.append("by the kill at \(delay) ms")
            }
        }
        #expect((try benchCount(repo) ?? 0) > 0, "no writer committed anything before being killed")
        let check = try fsck(repo)
        #expect(check.exitCode == 0, "\(check.stderr.prefix(2000))")
        let log = try CLI.run("log", "--repo", repo)
        #expect(log.exitCode == 0, "\(log)")
        #expect(log.stdout.contains("v2017-01-05"), "\(log)")

        let count = try benchCount(repo) ?? 0
        let next = try CLI.bench("write", "--repo", repo, "--writer", "9", "--commits", "5")
        #expect(next.exitCode == 0, "refs/heads/bench.lock left \(leftLocks): \(next)")
        #expect(try benchCount(repo) == count + 5)
        #expect(try fsck(repo).exitCode == 0)
    }

    @Test("a branch lock left by a writer killed inside its ref update does not block the next write", .tags(.externalTool), .enabled(if: ExternalTool.runs("git"), ExternalTool.reason("git", package: "git")))
    func lockLeftByKilledWriter() throws {
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let repo = folder.path("registre")
        #expect(try CLI.bench("scratch-register", repo).exitCode == 0)
        #expect(try CLI.bench("write", "--repo", repo, "--writer", "1", "--commits", "2").exitCode == 0)
        // What SIGKILL between libgit2's lock and its rename leaves: `<ref>.lock` holding the new value, and no
        // process alive to rename or remove it.
        let ref = repo + "/register.git/refs/heads/bench"
        try FileManager.default.copyItem(atPath: ref, toPath: ref + ".lock")
        let next = try CLI.bench("write", "--repo", repo, "--writer", "2", "--commits", "1")
        #expect(next.exitCode == 0, "\(next)")
        #expect(try benchCount(repo) == 3)
    }

    @Test("suivi-bench write refuses a register it did not create: nothing is committed, every ref unchanged", .tags(.externalTool), .enabled(if: ExternalTool.runs("git"), ExternalTool.reason("git", package: "git")))
    func benchNeverWritesIntoALiveRegister() throws {
        let (folder, repo) = try importedRegister()
        defer { withExtendedLifetime(folder) {} }
        let before = try refs(repo)
        let refused = try CLI.bench("write", "--repo", repo, "--writer", "1", "--commits", "3")
        #expect(refused.exitCode != 0 && refused.exitCode != nil, "\(refused)")
        #expect(refused.stderr.contains("n'est pas un registre jetable de suivi-bench"), "\(refused)")
        #expect(try refs(repo) == before)
        #expect(try benchCount(repo) == nil)
    }

    // MARK: Stock git

    @Test("stock git: clone, log --follow of an article, and a readable diff of art_3 between the version and the draft", .tags(.externalTool), .enabled(if: ExternalTool.runs("git"), ExternalTool.reason("git", package: "git")))
    func stockGit() throws {
        let (folder, repo) = try importedRegister()
        defer { withExtendedLifetime(folder) {} }
        let clone = folder.path("clone")
        let cloned = try git("clone", "--quiet", repo + "/register.git", clone)
        #expect(cloned.exitCode == 0, "\(cloned)")
        #expect(FileManager.default.fileExists(atPath: clone + "/" + Self.art3))

        let follow = try git("-C", clone, "log", "--follow", "--format=%s", "--", Self.art3)
        #expect(follow.exitCode == 0, "\(follow)")
        #expect(follow.stdout == "Version du 5 janvier 2017 (AFSP1638149A)\n", "\(follow)")
        let followDraft = try git("-C", clone, "log", "--follow", "--format=%s", "origin/draft/2026-projet", "--", Self.art3)
        #expect(followDraft.stdout == "Projet 2026-projet (AFSP1638149A)\nVersion du 5 janvier 2017 (AFSP1638149A)\n",
                "\(followDraft)")

        for (directory, draft) in [(repo + "/register.git", "draft/2026-projet"), (clone, "origin/draft/2026-projet")] {
            let diff = try git("-C", directory, "diff", "AFSP1638149A/v2017-01-05", draft, "--", Self.art3)
            #expect(diff.exitCode == 0, "\(diff)")
            let added = diff.stdout.split(separator: "\n").filter { $0.hasPrefix("+") && !$0.hasPrefix("+++") }
                .map { $0.dropFirst().trimmingCharacters(in: .whitespaces) }
            #expect(added.contains { $0.contains("L'offre de soins s'apprécie également au regard de sa capacité à assurer la prise en charge sans interruption.") },
                    "\(diff.stdout)")
            #expect(!diff.stdout.contains("&#"), "French text is written as UTF-8, not as character references")
            for line in added {
                // One element per line: a block tag alone, or one p/num/heading holding its text.
                let single = line.hasPrefix("<") && line.hasSuffix(">")
                    && (line.filter { $0 == "<" }.count <= 1
                        || ["p", "num", "heading"].contains { line.hasPrefix("<\($0)") && line.hasSuffix("</\($0)>") })
                #expect(single, "not one element on the line: \(line)")
            }
            #expect(!diff.stdout.contains("-  <paragraph eId=\"art_3__para_1\""), "unchanged alinéas are not in the diff")
        }
    }
}
}
