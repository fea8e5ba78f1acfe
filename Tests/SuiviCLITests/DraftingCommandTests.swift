import Foundation
import Testing
import SuiviTestSupport

extension EndToEnd {
/// The drafter's small commands: finding the register from inside it, opening a draft from another version,
/// deleting a draft, restoring a working copy without losing work.
@Suite("suivi from inside the register, projet ouvrir --depuis, projet supprimer, projet restaurer")
struct DraftingCommandTests {
    /// Runs the built `suivi` in `folder`, with SUIVI_REGISTRE and SUIVI_AUTEUR unset unless given.
    static func run(_ arguments: [String], in folder: String, environment: [String: String] = [:]) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(CLI.executable))
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var variables = ProcessInfo.processInfo.environment
        variables["SUIVI_REGISTRE"] = nil
        variables["SUIVI_AUTEUR"] = nil
        variables.merge(environment) { $1 }
        process.environment = variables
        let (stdout, stderr) = (Pipe(), Pipe())
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ProcessResult(exitCode: process.terminationStatus, signal: nil, stdout: String(decoding: out, as: UTF8.self),
                             stderr: String(decoding: err, as: UTF8.self), wallSeconds: Date().timeIntervalSince(start),
                             maxRSSKiB: 0, parentRSSKiB: 0, timedOut: false)
    }

    @Test("from a draft's working copy, or any folder inside the register, commands find the register as git does")
    func findsRegisterFromInside() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder, committee: false)
        let workingCopy = repo + "/brouillons/2026-projet"
        #expect(FileManager.default.fileExists(atPath: workingCopy))
        for place in [workingCopy, repo + "/brouillons", repo, repo + "/register.git/refs"] {
            let versions = try Self.run(["versions"], in: place)
            #expect(versions.exitCode == 0, "\(place): \(versions)")
            #expect(versions.stdout.contains("v2017-01-05"), "\(place): \(versions)")
        }
        let drafts = try Self.run(["projet", "lister"], in: workingCopy)
        #expect(drafts.exitCode == 0 && drafts.stdout.contains("draft/2026-projet"), "\(drafts)")
        // --registre and SUIVI_REGISTRE still come first.
        let elsewhere = try TemporaryFolder()
        let other = try CLI.shippedRegister(in: elsewhere, committee: false)
        _ = try CLI.ok(["projet", "ouvrir", "seulement-ailleurs", "--auteur", CLI.clerk], repo: other)
        let named = try Self.run(["projet", "lister"], in: workingCopy, environment: ["SUIVI_REGISTRE": other])
        #expect(named.stdout.contains("seulement-ailleurs"), "\(named)")
    }

    @Test("outside any register, the message names --registre and SUIVI_REGISTRE; inside one, it never suggests init")
    func noRegisterMessages() throws {
        let outside = try TemporaryFolder()
        let result = try Self.run(["versions"], in: outside.url.path)
        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stderr.contains("--registre") && result.stderr.contains("SUIVI_REGISTRE"), "\(result)")
        #expect(result.stderr.contains("ni dans ses dossiers parents"), "\(result)")

        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder, committee: false)
        let inside = try Self.run(["versions", "--registre", repo + "/brouillons"], in: folder.url.path)
        #expect(inside.exitCode == 1, "\(inside)")
        #expect(inside.stderr.contains("à l'intérieur du registre"), "\(inside)")
        #expect(inside.stderr.contains("--registre " + URL(fileURLWithPath: repo).standardizedFileURL.path), "\(inside)")
        #expect(!inside.stderr.contains("suivi init"), "\(inside)")
        let variable = try Self.run(["versions"], in: folder.url.path, environment: ["SUIVI_REGISTRE": repo + "/brouillons/2026-projet"])
        #expect(variable.exitCode == 1 && !variable.stderr.contains("suivi init") && variable.stderr.contains("SUIVI_REGISTRE"), "\(variable)")
    }

    @Test("projet ouvrir --depuis takes the text of another draft or version; an unknown one is refused and writes nothing")
    func startFrom() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder, committee: false)
        let started = try CLI.ok(["projet", "ouvrir", "variante", "--depuis", "draft/2026-projet", "--auteur", CLI.clerk], repo: repo)
        #expect(started.stdout.contains("à partir de draft/2026-projet"), "\(started)")
        // Article 6-1 exists only in the 2026 draft: the new draft has it, and the same clauses.
        let shown = try CLI.ok(["afficher", "--version", "draft/variante", "--eid", "art_6-1"], repo: repo)
        #expect(shown.stdout.contains("6-1"), "\(shown)")
        let diff = try CLI.ok(["diff", "draft/2026-projet", "draft/variante", "--format", "json"], repo: repo)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.allSatisfy { $0["class"] as? String == "unchanged" }, "\(diff.stdout.prefix(2000))")
        let copy = try String(contentsOfFile: repo + "/brouillons/variante/AFSP1638149A.xml", encoding: .utf8)
        #expect(copy.contains("art_6-1"))
        // By default, the text in force: no article 6-1.
        _ = try CLI.ok(["projet", "ouvrir", "defaut", "--auteur", CLI.clerk], repo: repo)
        let inForce = try String(contentsOfFile: repo + "/brouillons/defaut/AFSP1638149A.xml", encoding: .utf8)
        #expect(!inForce.contains("art_6-1"))
        // An unknown origin: refused, no branch, no working copy.
        let refused = try CLI.run(["projet", "ouvrir", "rien", "--depuis", "draft/inexistant", "--auteur", CLI.clerk, "--registre", repo])
        #expect(refused.exitCode == 1, "\(refused)")
        let list = try CLI.ok(["projet", "lister"], repo: repo)
        #expect(!list.stdout.contains("draft/rien"))
        #expect(!FileManager.default.fileExists(atPath: repo + "/brouillons/rien"))
    }

    /// Replaces `old` by `new` in the working copy of draft `name`.
    static func edit(_ repo: String, draft name: String, _ old: String, _ new: String) throws {
        let file = repo + "/brouillons/\(name)/AFSP1638149A.xml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try #require(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(toFile: file, atomically: true, encoding: .utf8)
    }

    static let edited = "Le présent arrêté fixe, à titre d'essai,"

    @Test("projet restaurer refuses to discard unsaved work, says which file and clauses it would lose; --force discards")
    func restoreKeepsWork() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder, committee: false)
        let file = repo + "/brouillons/2026-projet/AFSP1638149A.xml"
        // A clean working copy is restored without a word of refusal.
        _ = try CLI.ok(["projet", "restaurer", "2026-projet"], repo: repo)
        try Self.edit(repo, draft: "2026-projet", "Le présent arrêté", Self.edited)
        let refused = try CLI.run(["projet", "restaurer", "2026-projet", "--registre", repo])
        #expect(refused.exitCode == 1, "\(refused)")
        #expect(refused.stderr.contains("AFSP1638149A.xml") && refused.stderr.contains("art_1__para_1"), "\(refused)")
        #expect(refused.stderr.contains("suivi projet restaurer 2026-projet --force"), "\(refused)")
        #expect(refused.stderr.contains("suivi projet enregistrer 2026-projet"), "\(refused)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains(Self.edited), "the edit must survive a refusal")
        let forced = try CLI.ok(["projet", "restaurer", "2026-projet", "--force"], repo: repo)
        #expect(forced.stdout.contains("Modifications abandonnées") && forced.stdout.contains("art_1__para_1"), "\(forced)")
        #expect(!(try String(contentsOfFile: file, encoding: .utf8)).contains(Self.edited))
        // The earlier English name reads the same.
        try Self.edit(repo, draft: "2026-projet", "Le présent arrêté", Self.edited)
        let english = try CLI.run(["draft", "checkout", "2026-projet", "--repo", repo])
        #expect(english.exitCode == 1 && english.stderr.contains("art_1__para_1"), "\(english)")
    }

    @Test("projet supprimer deletes a draft's branch and working copy; refuses unsaved work without --force, and a draft under review always")
    func deleteDraft() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let author = ["--auteur", CLI.clerk]
        // A clean draft: deleted, branch and folder.
        _ = try CLI.ok(["projet", "ouvrir", "propre"] + author, repo: repo)
        let deleted = try CLI.ok(["projet", "supprimer", "propre"], repo: repo)
        #expect(deleted.stdout.contains("Projet propre supprimé"), "\(deleted)")
        #expect(!FileManager.default.fileExists(atPath: repo + "/brouillons/propre"))
        #expect(!(try CLI.ok(["projet", "lister"], repo: repo)).stdout.contains("draft/propre"))
        // Unsaved work: refused, nothing removed; --force removes.
        _ = try CLI.ok(["projet", "ouvrir", "essai"] + author, repo: repo)
        try Self.edit(repo, draft: "essai", "Le présent arrêté", Self.edited)
        let refused = try CLI.run(["projet", "supprimer", "essai", "--registre", repo])
        #expect(refused.exitCode == 1 && refused.stderr.contains("art_1__para_1") && refused.stderr.contains("--force"), "\(refused)")
        #expect(FileManager.default.fileExists(atPath: repo + "/brouillons/essai/AFSP1638149A.xml"))
        #expect((try CLI.ok(["projet", "lister"], repo: repo)).stdout.contains("draft/essai"))
        _ = try CLI.ok(["projet", "supprimer", "essai", "--force"], repo: repo)
        #expect(!FileManager.default.fileExists(atPath: repo + "/brouillons/essai"))
        #expect(!(try CLI.ok(["projet", "lister"], repo: repo)).stdout.contains("draft/essai"))
        // The draft of a review in progress: refused even with --force, saying which review and what to do.
        _ = try CLI.ok(["revision", "avancer", "periodique-2020", "redaction", "--aujourdhui", "2026-11-24", "--siege", "dgs",
                        "--auteur", "Présidence <presidence@example.org>"], repo: repo)
        let underReview = try CLI.run(["projet", "supprimer", "periodique-2020", "--force", "--registre", repo])
        #expect(underReview.exitCode == 1, "\(underReview)")
        #expect(underReview.stderr.contains("révision periodique-2020"), "\(underReview)")
        #expect(underReview.stderr.contains("suivi revision avancer periodique-2020 close-sans-modification --siege dgs"), "\(underReview)")
        #expect((try CLI.ok(["projet", "lister"], repo: repo)).stdout.contains("draft/periodique-2020"))
        #expect(FileManager.default.fileExists(atPath: repo + "/brouillons/periodique-2020"))
        // An unknown draft.
        let unknown = try CLI.run(["projet", "supprimer", "inconnu", "--registre", repo])
        #expect(unknown.exitCode == 1 && unknown.stderr.contains("Aucun projet « inconnu »"), "\(unknown)")
    }
}
}
