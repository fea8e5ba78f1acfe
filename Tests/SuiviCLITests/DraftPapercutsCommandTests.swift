import Foundation
import SuiviTestSupport
import Testing

/// Small things users tripped on with `suivi projet`: a mistyped name gets the closest drafts, opening a draft
/// that exists says so in the user's words, and `enregistrer` run from a draft's working copy knows which draft.
extension EndToEnd {
@Suite("CLI: projet, as users type it")
struct DraftPapercutsCommandTests {
    /// `suivi <arguments>` run from `folder`.
    static func run(in folder: String, _ arguments: [String]) throws -> ProcessResult {
        let suivi = try #require(CLI.executable)
        let sh = try #require(ProcessRunner.systemTool("sh"))
        return try ProcessRunner.run(sh, ["-c", "cd \"$0\" && exec \"$@\"", folder, suivi] + arguments)
    }

    @Test("a mistyped draft name is refused with « vouliez-vous dire » and the closest drafts")
    func closestDrafts() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder, committee: false)
        try CLI.ok(["projet", "ouvrir", "revision-2026", "--auteur", CLI.clerk], repo: repo)
        let typo = try CLI.run(["projet", "enregistrer", "revison-2026", "-m", "Essai", "--auteur", CLI.clerk, "--repo", repo])
        #expect(typo.exitCode == 1)
        #expect(typo.stderr.contains("Aucun projet « revison-2026 » dans le registre. Vouliez-vous dire « revision-2026 » ?"), "\(typo.stderr)")
        let far = try CLI.run(["projet", "enregistrer", "tout-autre-chose", "-m", "Essai", "--auteur", CLI.clerk, "--repo", repo])
        #expect(far.exitCode == 1)
        #expect(!far.stderr.contains("Vouliez-vous dire"), "\(far.stderr)")
    }

    @Test("opening a draft that exists is refused without git's words, saying where to continue it; nothing changes")
    func openExisting() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder, committee: false)
        try CLI.ok(["projet", "ouvrir", "revision-2026", "--auteur", CLI.clerk], repo: repo)
        let before = try StockGit.refs(repo)
        let again = try CLI.run(["projet", "ouvrir", "revision-2026", "--auteur", CLI.clerk, "--repo", repo])
        #expect(again.exitCode == 1)
        #expect(again.stderr.contains("Le projet « revision-2026 » existe déjà : continuez-le dans sa copie de travail"), "\(again.stderr)")
        #expect(again.stderr.contains("suivi projet enregistrer revision-2026"), "\(again.stderr)")
        #expect(!again.stderr.contains("branche") && !again.stderr.contains("refs/") && !again.stderr.contains("pointe"), "\(again.stderr)")
        #expect(try StockGit.refs(repo) == before)
    }

    @Test("projet enregistrer run inside brouillons/<nom>/ records that draft; elsewhere without a name it asks for one")
    func nameFromWorkingCopy() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder, committee: false)
        try CLI.ok(["projet", "ouvrir", "revision-2026", "--auteur", CLI.clerk], repo: repo)
        let copy = repo + "/brouillons/revision-2026"
        let file = copy + "/AFSP1638149A.xml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "L'avis transmis au préfet ne comporte", with: "L'avis transmis au préfet ne contient")
        try #require(edited != text)
        try edited.write(toFile: file, atomically: true, encoding: .utf8)

        let outside = try Self.run(in: repo, ["projet", "enregistrer", "-m", "Reformulation", "--auteur", CLI.clerk])
        #expect(outside.exitCode == 1)
        #expect(outside.stderr.contains("indiquez le nom du projet"), "\(outside.stderr)")

        let inside = try Self.run(in: copy, ["projet", "enregistrer", "-m", "Reformulation", "--auteur", CLI.clerk])
        #expect(inside.exitCode == 0, "\(inside)")
        #expect(inside.stdout.contains("Projet revision-2026 : enregistré"), "\(inside.stdout)")
        let shown = try CLI.ok(["afficher", "--version", "draft/revision-2026"], repo: repo).stdout
        #expect(shown.contains("ne contient ni information"))
    }
}
}
