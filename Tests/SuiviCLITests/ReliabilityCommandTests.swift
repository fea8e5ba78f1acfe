import Foundation
import Testing
import SuiviTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// End to end, the reliability suite's write paths (docs/RELIABILITY.md): every entry point that reads XML
/// refuses hostile input without writing; committee and draft writers in parallel processes lose nothing; a
/// writer killed at a random point leaves a register `suivi verify` and `git fsck --strict` accept.
extension EndToEnd {
@Suite("reliability: hostile input, parallel writers, killed writers")
struct ReliabilityCommandTests {
    static let clerk = "Secrétariat du comité <secretariat@example.org>"

    /// The entry points that read XML into the register.
    enum EntryPoint: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case importVersions = "import"
        case draftCommit = "draft commit"
        case committeeImport = "committee import"
        /// A LEGI extract (the test fixture) whose first article version is the sample.
        case importLegiArticle = "import legi (article)"
        /// A LEGI extract (the test fixture) whose text structure (`TEXTELR`) is the sample.
        case importLegiStructure = "import legi (structure)"
        case importAkn = "import akn"

        var testDescription: String { "suivi \(rawValue)" }

        /// The LEGI fixture's files the sample replaces.
        static let legiArticle = "article/LEGI/ARTI/00/00/99/00/00/LEGIARTI000099000011.xml"
        static let legiStructure = "texte/struct/LEGITEXT000099000001.xml"

        /// The file the error message must name.
        func refusedFile(_ sample: HostileFile) -> String {
            switch self {
            case .importVersions, .importAkn: sample.name
            case .draftCommit: "AFSP1638149A.xml"
            case .committeeImport: "hostile.xml"
            case .importLegiArticle: Self.legiArticle
            case .importLegiStructure: Self.legiStructure
            }
        }

        /// The French reason the error message must give; nil where the entry point has its own words.
        func reason(_ sample: HostileFile) -> String? {
            switch self {
            case .committeeImport: return nil
            case .importLegiArticle, .importLegiStructure:
                // Well-formed Akoma Ntoso (or HTML) is not LEGI: refused for its root, before the Akoma Ntoso rules.
                let akomaNtosoRules = ["wrong-root.xml", "wrong-namespace.xml", "unknown-element-in-article.xml", "text-in-body.xml"]
                return akomaNtosoRules.contains(sample.name) ? "élément racine inconnu" : sample.reason
            default: return sample.reason
            }
        }

        /// Places `sample` where the entry point reads it and runs it on `repo`.
        func run(_ sample: HostileFile, repo: String, folder: TemporaryFolder) throws -> ProcessResult {
            let scratch = try TemporaryFolder()
            let path = try sample.write(into: scratch)
            switch self {
            case .importVersions:
                let version = folder.url.appendingPathComponent("versions/2027-01-15")
                try? FileManager.default.removeItem(at: version)
                try FileManager.default.createDirectory(at: version, withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: path, toPath: version.appendingPathComponent(sample.name).path)
                return try CLI.run("import", folder.path("versions"), "--repo", repo, "--as", clerk)
            case .draftCommit:
                let copy = URL(fileURLWithPath: repo).appendingPathComponent("brouillons/2026-projet/AFSP1638149A.xml")
                try? FileManager.default.removeItem(at: copy)
                try FileManager.default.copyItem(atPath: path, toPath: copy.path)
                return try CLI.run("draft", "commit", "2026-projet", "-m", "hostile", "--repo", repo, "--as", clerk)
            case .committeeImport:
                let records = folder.url.appendingPathComponent("comite")
                try? FileManager.default.removeItem(at: records)
                try FileManager.default.createDirectory(at: records.appendingPathComponent("reviews"), withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: path, toPath: records.appendingPathComponent("reviews/hostile.xml").path)
                return try CLI.run("committee", "import", records.path, "--repo", repo, "--auteur", clerk)
            case .importLegiArticle, .importLegiStructure:
                let extract = folder.url.appendingPathComponent("LEGITEXT000099000001")
                try? FileManager.default.removeItem(at: extract)
                try FileManager.default.copyItem(at: CLI.fixtures.appendingPathComponent("legi/LEGITEXT000099000001"), to: extract)
                let replaced = extract.appendingPathComponent(self == .importLegiArticle ? Self.legiArticle : Self.legiStructure)
                try FileManager.default.removeItem(at: replaced)
                try FileManager.default.copyItem(atPath: path, toPath: replaced.path)
                return try CLI.run("import", "legi", extract.path, "--repo", repo, "--as", clerk)
            case .importAkn:
                return try CLI.run("import", "akn", path, "--repo", repo, "--as", clerk)
            }
        }
    }

    @Test("every hostile sample is refused by the entry point, within 5 s and 200 MB, with refs and objects unchanged", .tags(.externalTool), .enabled(if: ExternalTool.runs("git"), ExternalTool.reason("git", package: "git")),
          arguments: EntryPoint.allCases)
    func hostileInput(entryPoint: EntryPoint) throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let refs = try StockGit.refs(repo)
        let objects = try StockGit.objectCount(repo)
        for sample in HostileFile.all {
            let result = try entryPoint.run(sample, repo: repo, folder: folder)
            #expect(result.exitCode == 1, "\(sample.testDescription): \(result)")
            #expect(result.stderr.contains(entryPoint.refusedFile(sample)), "\(sample.testDescription): the file is named in \(result)")
            if let reason = entryPoint.reason(sample) {
                #expect(result.stderr.contains(reason), "\(sample.testDescription): no French reason in \(result)")
            }
            #expect(!result.timedOut && result.wallSeconds < 5, "\(sample.testDescription): \(result)")
            #expect(result.maxRSSKiB < 200 * 1024, "\(sample.testDescription): \(result)")
            #expect(try StockGit.refs(repo) == refs, "\(sample.testDescription): a ref moved")
            #expect(try StockGit.objectCount(repo) == objects, "\(sample.testDescription): objects were written")
        }
        if entryPoint == .importLegiArticle || entryPoint == .importLegiStructure {
            // Control: the same extract without the sample imports, so each refusal above was the sample's.
            let extract = folder.url.appendingPathComponent("LEGITEXT000099000001")
            try FileManager.default.removeItem(at: extract)
            try FileManager.default.copyItem(at: CLI.fixtures.appendingPathComponent("legi/LEGITEXT000099000001"), to: extract)
            let imported = try CLI.run("import", "legi", extract.path, "--repo", repo, "--as", Self.clerk)
            #expect(imported.exitCode == 0, "\(imported)")
            #expect(try StockGit.refs(repo) != refs)
        }
        print("reliability: \(HostileFile.all.count) hostile samples refused by suivi \(entryPoint.rawValue), nothing written")
    }

    @Test("3 rounds of 16 parallel processes (positions, comments, commits on 4 drafts): nothing lost, fsck --strict and verify clean", .tags(.externalTool), .enabled(if: ExternalTool.runs("git"), ExternalTool.reason("git", package: "git")))
    func parallelCommitteeAndDraftWriters() throws {
        let folder = try MemoryBackedFolder()
        defer { withExtendedLifetime(folder) {} }
        let repo = folder.path("registre")
        try SyncCommandTests.consultationRegister(at: repo)
        for arguments in (1...4).map({ ["draft", "start", "w\($0)", "--repo", repo] }) {
            let result = try CLI.run(arguments)
            try #require(result.exitCode == 0, "\(arguments) → \(result)")
        }
        let seats = ["daei", "dgef", "dgm", "ofii-medecins", "defenseur-des-droits", "societes-savantes"]
        let commenters = ["association-medicale", "association-sociale", "association-juridique", "association-humanitaire",
                          "chercheur-aide-internationale", "chercheur-migrations"]
        let opinions = ["favorable", "reserves", "defavorable"]
        let rounds = 3
        for round in 1...rounds {
            for draft in 1...4 {
                let copy = URL(fileURLWithPath: repo).appendingPathComponent("brouillons/w\(draft)/AFSP1638149A.xml")
                let text = try String(contentsOf: copy, encoding: .utf8)
                let marked = text.replacingOccurrences(of: "Le présent arrêté", with: "Le présent arrêté (w\(draft) r\(round))")
                    .replacingOccurrences(of: "(w\(draft) r\(round)) (w\(draft) r\(round - 1))", with: "(w\(draft) r\(round))")
                try marked.write(to: copy, atomically: true, encoding: .utf8)
            }
            var commands: [[String]] = []
            for seat in seats {
                commands.append(["position", "record", "--review", "periodique-2020", opinions[round - 1], "--motif", "Tour \(round).",
                                 "--today", "2026-12-0\(round)", "--as", seat, "--auteur", "Membre \(seat) <\(seat)@example.org>", "--repo", repo])
            }
            for seat in commenters {
                commands.append(["comment", "add", "--review", "periodique-2020", "--eid", "art_3", "--today", "2026-12-0\(round)",
                                 "Commentaire \(seat) tour \(round).", "--as", seat, "--auteur", "Membre \(seat) <\(seat)@example.org>",
                                 "--repo", repo])
            }
            for draft in 1...4 {
                commands.append(["draft", "commit", "w\(draft)", "-m", "Tour \(round)", "--as", "Rédaction \(draft) <r\(draft)@example.org>",
                                 "--repo", repo])
            }
            let results = try CLI.runConcurrently(commands, watchdog: .seconds(60))
            for (command, result) in zip(commands, results) {
                #expect(result.exitCode == 0, "\(command.prefix(3)) → \(result)")
            }
        }
        let git = repo + "/register.git"
        let positions = try StockGit.run(["-C", git, "ls-tree", "-r", "--name-only", "main", "committee/positions/periodique-2020"]).stdout
        #expect(positions.split(separator: "\n").count == seats.count, "\(positions)")
        for seat in seats {
            let record = try StockGit.run(["-C", git, "show", "main:committee/positions/periodique-2020/\(seat).xml"]).stdout
            #expect(record.contains("Tour \(rounds)."), "\(seat): \(record)")
        }
        let comments = try StockGit.run(["-C", git, "ls-tree", "-r", "--name-only", "main", "committee/comments/periodique-2020"]).stdout
        #expect(comments.split(separator: "\n").count == commenters.count * rounds, "\(comments)")
        let committeeCommits = try StockGit.run(["-C", git, "rev-list", "--count", "--grep=^Comité : position\\|^Comité : commentaire", "main"])
        #expect(Int(committeeCommits.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) == (seats.count + commenters.count) * rounds,
                "\(committeeCommits)")
        for draft in 1...4 {
            let count = try StockGit.run(["-C", git, "rev-list", "--count", "main..draft/w\(draft)"]).stdout
            // One commit per round, on the draft's opening commit (which makes the text a draft).
            #expect(count.trimmingCharacters(in: .whitespacesAndNewlines) == "\(rounds + 1)", "draft w\(draft): \(count)")
            let article = try StockGit.run(["-C", git, "show", "draft/w\(draft):texts/AFSP1638149A/articles/art_1.xml"]).stdout
            #expect(article.contains("(w\(draft) r\(rounds))"), "\(article)")
        }
        #expect(try StockGit.fsck(repo).exitCode == 0)
        let verified = try CLI.run("verify", "--repo", repo)
        #expect(verified.exitCode == 0, "\(verified)")
        print("reliability: \(rounds) rounds × \(seats.count + commenters.count + 4) parallel writer processes, "
              + "\((seats.count + commenters.count + 4) * rounds) commits, none lost")
    }

    @Test("import, draft commit and committee writes killed (SIGKILL) at random points: verify and fsck --strict stay clean, the next write succeeds", .tags(.externalTool), .enabled(if: ExternalTool.runs("git"), ExternalTool.reason("git", package: "git")))
    func killedWriters() throws {
        let folder = try TemporaryFolder()
        let repo = folder.path("registre")
        let suivi = try #require(CLI.executable)
        var generator = SystemRandomNumberGenerator()
        var kills = 0, completed = 0
        var delays: [Int] = []
        try #require(try CLI.run("init", repo).exitCode == 0)

        func checkClean(_ after: String) throws {
            let verified = try CLI.run("verify", "--repo", repo)
            #expect(verified.exitCode == 0, "after \(after): \(verified)")
            let fsck = try StockGit.fsck(repo)
            #expect(fsck.exitCode == 0, "after \(after): \(fsck.stderr.prefix(2000))")
        }

        // Each kind of write is first timed once in a scratch register, then killed at a uniformly random point
        // of that duration (the first ~20 ms are the process starting up, before any write).
        func killAtRandom(_ arguments: [String], duration: Int) throws {
            let delay = Int.random(in: 1...max(2, duration), using: &generator)
            delays.append(delay)
            let result = try ProcessRunner.run(suivi, arguments, watchdog: .milliseconds(delay))
            if result.signal == SIGKILL { kills += 1 } else {
                completed += 1
                #expect(result.exitCode == 0, "\(arguments.prefix(2)) not killed at \(delay) ms: \(result)")
            }
            try checkClean("\(arguments.prefix(2).joined(separator: " ")) killed at \(delay) ms")
        }

        let corpus = ShippedFixture.corpus.path
        let importing = ["import", corpus, "--as", Self.clerk]
        let committeeImport = ["committee", "import", ShippedFixture.committee.path, "--auteur", Self.clerk]
        func committing(_ round: Int) -> [String] { ["draft", "commit", "2026-projet", "-m", "Tour \(round)", "--as", Self.clerk] }
        func adding(_ round: Int) -> [String] {
            ["event", "add", "evenement-\(round)", "--date", "2026-11-1\(round)", "--nature", "sanitaire", "--resume",
             "Événement \(round).", "--source", "Rapport \(round)", "--as", "dgs", "--auteur", "Présidence <presidence@example.org>"]
        }
        func edit(_ repo: String, _ round: Int) throws {
            let copy = URL(fileURLWithPath: repo).appendingPathComponent("brouillons/2026-projet/AFSP1638149A.xml")
            let text = try String(contentsOf: copy, encoding: .utf8)
            let edited = text.replacingOccurrences(of: #"Le présent arrêté( \(tour [0-9]+\))? définit"#,
                                                   with: "Le présent arrêté (tour \(round)) définit", options: .regularExpression)
            try #require(edited != text)
            try edited.write(to: copy, atomically: true, encoding: .utf8)
        }

        // Durations of each write, undisturbed, in a scratch register.
        let scratch = folder.path("chrono")
        try #require(try CLI.run("init", scratch).exitCode == 0)
        func timed(_ arguments: [String]) throws -> Int {
            let result = try CLI.run(arguments + ["--repo", scratch])
            try #require(result.exitCode == 0, "\(result)")
            return Int(result.wallSeconds * 1000)
        }
        let importMs = try timed(importing)
        _ = try timed(committeeImport)
        try edit(scratch, 0)
        let commitMs = try timed(committing(0))
        let eventMs = try timed(adding(0))

        // Import of the corpus, killed again and again, then run to its end.
        let rounds = 8
        for _ in 0..<rounds { try killAtRandom(importing + ["--repo", repo], duration: importMs) }
        let imported = try CLI.run(importing + ["--repo", repo])
        #expect(imported.exitCode == 0, "\(imported)")
        let log = try CLI.run("log", "--repo", repo)
        #expect(log.stdout.contains("v2017-01-05") && log.stdout.contains("draft/2026-projet"), "\(log)")
        try #require(try CLI.run(committeeImport + ["--repo", repo]).exitCode == 0)

        // Draft commits and committee writes, killed.
        for round in 1...rounds {
            try edit(repo, round)
            try killAtRandom(committing(round) + ["--repo", repo], duration: commitMs)
            try killAtRandom(adding(round) + ["--repo", repo], duration: eventMs)
        }
        let next = try CLI.run("draft", "commit", "2026-projet", "-m", "Après", "--repo", repo, "--as", Self.clerk)
        #expect(next.exitCode == 0, "\(next)")
        try checkClean("the last commit")
        print("reliability: \(delays.count) writers started (import \(importMs) ms, draft commit \(commitMs) ms, "
              + "committee write \(eventMs) ms undisturbed), \(kills) killed by SIGKILL at random points \(delays) ms, "
              + "\(completed) completed; verify and fsck --strict clean after each")
    }
}
}
