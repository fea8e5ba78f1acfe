import Foundation
import LegalText
import Testing

/// `suivi draft appliquer` and `suivi draft renumeroter` as a drafter runs them.
@Suite("draft appliquer / renumeroter: the commands, end to end")
struct DraftApplyCommandTests {
    /// Words and numbers of a version's body and annexes, as `export consolidated --to akn` gives them.
    func words(_ revision: String, repo: String) throws -> [String] {
        let xml = try CLI.ok(["export", "consolidated", "--at", revision, "--to", "akn"], repo: repo).stdout
        let document = try LegalTextReader.read(data: Data(xml.utf8), file: revision).document
        let clauses = document.body.flatMap(\.flattened) + document.annexes.flatMap { $0.clauses.flatMap(\.flattened) }
        // Editorial notes of the transcription are not normative: an order neither writes nor quotes them.
        return clauses.compactMap { clause in
            let own = (clause.intro + clause.content + clause.wrapUp).filter { !$0.isEditorialNote }.map(\.plainText)
            let below = clause.textBlocks.filter { !$0.isEditorialNote }
            guard !below.isEmpty || clause.num != nil else { return nil }
            return ([clause.kind.rawValue, clause.num ?? ""] + own).joined(separator: " | ")
        }
    }

    func tip(_ branch: String, repo: String) throws -> String {
        try CLI.ok(["draft", "list", "--format", "json"], repo: repo).stdout
            .components(separatedBy: "\n").filter { $0.contains("tip") || $0.contains(branch) }.joined()
    }

    @Test("export amending A B --to akn | draft appliquer <draft of A> - gives B's text; the order is kept in the commit message")
    func pipeRoundTrip() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder, committee: false)
        try CLI.ok(["draft", "start", "essai", "--as", CLI.clerk], repo: repo)
        let suivi = try #require(CLI.executable)
        let script = "\"\(suivi)\" export amending v2017-01-05 draft/2026-projet --to akn --repo \"\(repo)\" "
            + "| \"\(suivi)\" draft appliquer essai - --repo \"\(repo)\" --as \"\(CLI.clerk)\" --no-colour"
        let result = try ProcessRunner.run("/bin/sh", ["-c", script], watchdog: .seconds(60))
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("arrêté modificatif appliqué") && result.stdout.contains("enregistré"), "\(result.stdout)")
        let (applied, target) = (try words("draft/essai", repo: repo), try words("draft/2026-projet", repo: repo))
        #expect(applied == target, "\(applied.difference(from: target))")
    }

    @Test("--dry-run shows the clause diff and writes nothing; a formula that cannot apply exits 1 with its line and column")
    func dryRunAndErrors() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder, committee: false)
        try CLI.ok(["draft", "start", "essai", "--as", CLI.clerk], repo: repo)
        let workingCopy = folder.path("registre/brouillons/essai/AFSP1638149A.xml")
        let before = try String(contentsOfFile: workingCopy, encoding: .utf8)
        let tipBefore = try tip("essai", repo: repo)
        let order = try folder.write("L'article 5 est abrogé.\n", to: "modificatif.txt")
        let dry = try CLI.ok(["draft", "appliquer", "essai", order, "--dry-run", "--no-colour"], repo: repo)
        #expect(dry.stdout.contains("Essai") && dry.stdout.contains("art_5"), "\(dry.stdout)")
        #expect(try String(contentsOfFile: workingCopy, encoding: .utf8) == before)
        #expect(try tip("essai", repo: repo) == tipBefore)

        let wrong = try folder.write("Article 1er\nL'article 5 est abrogé.\nAu troisième alinéa de l'article 3, le mot : « surtout » est supprimé.\n",
                                     to: "faux.txt")
        let failed = try CLI.run(["draft", "appliquer", "essai", wrong, "--repo", repo, "--as", CLI.clerk])
        #expect(failed.exitCode == 1)
        #expect(failed.stderr.contains("ligne 3, colonne") && failed.stderr.contains("« surtout »"), "\(failed.stderr)")
        #expect(try String(contentsOfFile: workingCopy, encoding: .utf8) == before)
        #expect(try tip("essai", repo: repo) == tipBefore)
    }

    @Test("draft renumeroter shows what it would change and writes nothing unless --enregistrer")
    func renumber() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder, committee: false)
        try CLI.ok(["draft", "start", "essai", "--as", CLI.clerk], repo: repo)
        let workingCopy = folder.path("registre/brouillons/essai/AFSP1638149A.xml")
        var document = try LegalTextReader.read(contentsOf: workingCopy).document
        let four = try #require(document.body.firstIndex { $0.eId == "art_4" })
        document.body.insert(document.body[four], at: four)
        document.body[four].children = [Clause(kind: .paragraph, eId: "art_4__para_1", wId: "art_4__para_1", content: [Block(text: "Article collé.")])]
        try CanonicalWriter.data(document).write(to: URL(fileURLWithPath: workingCopy))
        let edited = try String(contentsOfFile: workingCopy, encoding: .utf8)
        let dry = try CLI.ok(["draft", "renumeroter", "essai"], repo: repo)
        #expect(dry.stdout.contains("« Article 7 » → « Article 8 »") && dry.stdout.contains("Essai"), "\(dry.stdout)")
        #expect(try String(contentsOfFile: workingCopy, encoding: .utf8) == edited)
        let saved = try CLI.ok(["draft", "renumeroter", "essai", "--enregistrer", "-m", "Article 4 inséré", "--as", CLI.clerk], repo: repo)
        #expect(saved.stdout.contains("enregistré"), "\(saved.stdout)")
        let after = try LegalTextReader.read(contentsOf: workingCopy).document
        #expect(after.body.map(\.wId).prefix(5) == ["art_1", "art_2", "art_3", "art_4-2026", "art_4"])
    }
}
