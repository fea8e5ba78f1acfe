import Foundation
import Testing
import SuiviTestSupport

/// `suivi draft update`: a draft started from an adopted version is brought up to date when another review's
/// draft was adopted meanwhile, so that its own adoption keeps what the first one changed (issue 14).
extension EndToEnd {
@Suite("suivi draft update : mise à jour d'un projet avec le texte en vigueur")
struct DraftUpdateCommandTests {
    static let chair = ["--as", "dgs", "--auteur", "Présidence du comité <presidence@example.org>"]
    static let drafter = ["--as", "Rédaction <redaction@example.org>"]
    static let maladie = "comme pour toute autre maladie"
    static let elements = "L'annexe II fournit des éléments d'aide à cette appréciation."

    func workingCopy(_ repo: String, _ draft: String) -> URL {
        URL(fileURLWithPath: repo).appendingPathComponent("brouillons/\(draft)/AFSP1638149A.xml")
    }

    /// Replaces `old` by `new` in the working copy of `draft` and commits it.
    func commit(_ repo: String, _ draft: String, replacing old: String, with new: String) throws {
        let file = workingCopy(repo, draft)
        let text = try String(contentsOf: file, encoding: .utf8)
        try #require(text.contains(old), "\(draft): « \(old) » absent")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: file)
        try CLI.ok(["draft", "commit", draft, "-m", "Modification"] + Self.drafter, repo: repo)
    }

    func refs(_ repo: String) throws -> String {
        try StockGit.run(["-C", repo + "/register.git", "show-ref"]).stdout
    }

    /// The shipped register where the periodic review's draft (art_3) was adopted on 2027-01-15 while drafts
    /// `evenement` (art_4) and `conflit` (art_3, otherwise) were started from v2017-01-05.
    func registerWithAdoptionMeanwhile(in folder: TemporaryFolder) throws -> String {
        let repo = try CLI.shippedRegister(in: folder)
        try CLI.ok(["review", "advance", "periodique-2020", "redaction"] + Self.chair, repo: repo)
        try CLI.ok(["draft", "start", "evenement"] + Self.drafter, repo: repo)
        try CLI.ok(["draft", "start", "conflit"] + Self.drafter, repo: repo)
        try commit(repo, "periodique-2020", replacing: Self.maladie, with: "comme pour toute autre affection")
        try commit(repo, "evenement", replacing: Self.elements, with: "L'annexe II fournit des outils d'aide à cette appréciation.")
        try commit(repo, "conflit", replacing: Self.maladie, with: "comme pour toute maladie")
        try CLI.ok(["review", "advance", "periodique-2020", "consultation"] + Self.chair, repo: repo)
        try CLI.ok(["review", "advance", "periodique-2020", "adoptee", "--signature", "2027-01-15",
                    "--entree-en-vigueur", "2027-02-01", "--confirmer", "--date-future-confirmee"] + Self.chair, repo: repo)
        return repo
    }

    @Test("draft update merges what was adopted meanwhile, says what it took, and the working copy holds both changes", .tags(.externalTool), .enabled(if: ExternalTool.runs("git"), ExternalTool.reason("git", package: "git")))
    func cleanUpdate() throws {
        let folder = try TemporaryFolder()
        let repo = try registerWithAdoptionMeanwhile(in: folder)
        let update = try CLI.ok(["draft", "update", "evenement"] + Self.drafter, repo: repo)
        #expect(update.stdout.contains("Projet evenement mis à jour"), "\(update.stdout)")
        #expect(update.stdout.contains("AFSP1638149A/v2017-01-05 → AFSP1638149A/v2027-01-15"), "\(update.stdout)")
        #expect(update.stdout.contains("art_3 (wId art_3) : modifié"), "\(update.stdout)")
        #expect(update.stdout.contains("Éléments repris du texte en vigueur (non modifiés par le projet) : art_3."), "\(update.stdout)")
        let copy = try String(contentsOf: workingCopy(repo, "evenement"), encoding: .utf8)
        #expect(copy.contains("comme pour toute autre affection"), "the adopted change is in the draft")
        #expect(copy.contains("fournit des outils d'aide"), "the draft's own change is kept")
        let parents = try StockGit.run(["-C", repo + "/register.git", "rev-list", "--parents", "-1", "draft/evenement"]).stdout
        let main = try StockGit.run(["-C", repo + "/register.git", "rev-parse", "main"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(parents.split(separator: " ").count == 3 && parents.contains(main), "a merge whose second parent is main: \(parents)")
        let again = try CLI.ok(["draft", "update", "evenement"] + Self.drafter, repo: repo)
        #expect(again.stdout.contains("déjà à jour"), "\(again.stdout)")
        #expect(try StockGit.fsck(repo).exitCode == 0)
    }

    @Test("draft update with a clause changed on both sides lists the conflict with its three texts, exits 1, writes nothing", .tags(.externalTool), .enabled(if: ExternalTool.runs("git"), ExternalTool.reason("git", package: "git")))
    func conflictingUpdate() throws {
        let folder = try TemporaryFolder()
        let repo = try registerWithAdoptionMeanwhile(in: folder)
        let before = try refs(repo)
        let copyBefore = try Data(contentsOf: workingCopy(repo, "conflit"))
        let update = try CLI.run(["draft", "update", "conflit", "--repo", repo] + Self.drafter)
        #expect(update.exitCode == 1, "\(update)")
        #expect(update.stderr.contains("1 conflit(s)"), "\(update.stderr)")
        #expect(update.stderr.contains("élément wId art_3 (eId art_3)"), "\(update.stderr)")
        #expect(update.stderr.contains(Self.maladie) && update.stderr.contains("comme pour toute autre affection")
                && update.stderr.contains("comme pour toute maladie"), "the three texts: \(update.stderr)")
        #expect(update.stderr.contains("Rien n'a été enregistré"), "\(update.stderr)")
        #expect(try refs(repo) == before)
        #expect(try Data(contentsOf: workingCopy(repo, "conflit")) == copyBefore)
    }

    @Test("draft update refuses a working copy with uncommitted edits, saying how to keep or drop them", .tags(.externalTool), .enabled(if: ExternalTool.runs("git"), ExternalTool.reason("git", package: "git")))
    func uncommittedEdits() throws {
        let folder = try TemporaryFolder()
        let repo = try registerWithAdoptionMeanwhile(in: folder)
        let file = workingCopy(repo, "evenement")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "fournit des outils", with: "fournit des repères").utf8).write(to: file)
        let before = try refs(repo)
        let update = try CLI.run(["draft", "update", "evenement", "--repo", repo] + Self.drafter)
        #expect(update.exitCode == 1, "\(update)")
        #expect(update.stderr.contains("modifications non enregistrées") && update.stderr.contains("suivi projet enregistrer evenement"),
                "\(update.stderr)")
        #expect(try refs(repo) == before)
        #expect(try String(contentsOf: file, encoding: .utf8).contains("fournit des repères"))
    }

    @Test("draft update --help is in French and says what a conflict does")
    func help() throws {
        let help = try CLI.run("draft", "update", "--help")
        #expect(help.exitCode == 0)
        #expect(help.stdout.contains("Met un projet à jour avec le texte en vigueur"), "\(help.stdout)")
        #expect(help.stdout.contains("rien n'est enregistré"), "\(help.stdout)")
        #expect(help.stdout.contains("--auteur"), "\(help.stdout)")
    }
}
}
