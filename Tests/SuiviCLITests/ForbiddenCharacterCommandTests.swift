import Foundation
import Testing
import SuiviTestSupport

/// One pasted control character must not take the committee offline (issue 14, item 8), as a user meets it.
@Suite("CLI: characters XML cannot hold", .tags(.endToEnd), .enabled(if: !TestSelection.fastOnly, TestSelection.fastOnlyReason))
struct ForbiddenCharacterCommandTests {
    static let chair = ["--as", "dgs", "--auteur", "Présidence <presidence@example.org>"]
    static let ofii = ["--as", "ofii-medecins", "--auteur", "Médecin du service médical <medecin@example.org>"]

    /// Characters a command line can carry (not NUL, which ends a C string).
    static let characters: [(String, String)] = [
        ("\u{1}", "U+0001"), ("\u{0B}", "U+000B"), ("\u{1F}", "U+001F"), ("\u{FFFE}", "U+FFFE"), ("\u{FFFF}", "U+FFFF"),
    ]

    @Test("each committee command refuses a control character, U+FFFE or U+FFFF with the field, the character and its position; nothing is written", .tags(.externalTool), .enabled(if: ExternalTool.runs("git"), ExternalTool.reason("git", package: "git")))
    func commandsRefuse() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let before = try StockGit.refs(repo)
        for (character, code) in Self.characters {
            let text = "Avant\(character)après"
            let commands: [(arguments: [String], field: String)] = [
                (["comment", "add", "--review", "periodique-2020", "--eid", "art_3", text] + Self.ofii, "texte"),
                (["review", "advance", "periodique-2020", "close-sans-modification", "--motif", text] + Self.chair, "motif"),
                (["event", "add", "ev", "--date", "2026-10-01", "--nature", "sanitaire", "--resume", text, "--source", "Bulletin"]
                    + Self.ofii, "résumé"),
                (["committee", "add-seat", "nouveau", "--categorie", "chercheur", "--organisation", text, "--auteur", CLI.clerk],
                 "organisation"),
                (["committee", "add-member", "dgs", "--nom", text, "--courriel", "p@example.org", "--auteur", CLI.clerk],
                 "nom d'un membre"),
                (["review", "open", "evenement-2026", "--evenement", "crise-financement-vih-2025", "--objet", text] + Self.chair, "objet"),
            ]
            for (arguments, field) in commands {
                let result = try CLI.run(arguments + ["--repo", repo])
                #expect(result.exitCode == 1, "\(arguments) → \(result)")
                #expect(result.stderr.contains("le champ « \(field) »"), "\(arguments) → \(result.stderr)")
                #expect(result.stderr.contains(code), "\(arguments) → \(result.stderr)")
                #expect(result.stderr.contains("en position 6 (après « Avant »)"), "\(arguments) → \(result.stderr)")
            }
        }
        #expect(try StockGit.refs(repo) == before)
        try CLI.ok(["status"], repo: repo)
        try CLI.ok(["verify", "--sans-enregistrer"], repo: repo)
    }

    @Test("a register holding a record with a control character (written with stock git) still works; verify names it; repair fixes it", .tags(.externalTool), .enabled(if: ExternalTool.runs("git"), ExternalTool.reason("git", package: "git")))
    func damagedRegister() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        try CLI.ok(["comment", "add", "--review", "periodique-2020", "--eid", "art_3", "Commentaire intact."] + Self.ofii, repo: repo)

        // Another tool writes a comment holding a raw vertical tab, with stock git.
        let work = folder.path("travail")
        let git = repo + "/register.git"
        try #require(try StockGit.run(["clone", "-q", git, work]).exitCode == 0)
        let tip = try StockGit.run(["-C", work, "rev-parse", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let path = "committee/comments/periodique-2020/c-abime.xml"
        try folder.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <commentaire xmlns="urn:suivi:comite:1" commit="\(tip)" date="2026-11-24" eId="art_3" id="c-abime" par="Autre outil &lt;x@example.org&gt;" revision="periodique-2020" siege="ofii-medecins" texte="AFSP1638149A" wId="art_3">
              <corps>Collé\u{0B}depuis un diaporama.</corps>
            </commentaire>

            """, to: "travail/" + path)
        let identity = ["-c", "user.name=Autre outil", "-c", "user.email=x@example.org"]
        try #require(try StockGit.run(["-C", work, "add", path]).exitCode == 0)
        try #require(try StockGit.run(["-C", work] + identity + ["commit", "-q", "-m", "commentaire"]).exitCode == 0)
        try #require(try StockGit.run(["-C", work, "push", "-q", "origin", "HEAD:main"]).exitCode == 0)

        let status = try CLI.ok(["status"], repo: repo)
        #expect(status.stdout.contains("ATTENTION"), "\(status)")
        #expect(status.stdout.contains("\(path), ligne 3, colonne 15 : U+000B (tabulation verticale)"), "\(status)")
        let list = try CLI.ok(["comment", "list", "--review", "periodique-2020"], repo: repo)
        #expect(list.stdout.contains("Commentaire intact.") && list.stdout.contains("Collédepuis un diaporama."), "\(list)")
        try CLI.ok(["comment", "add", "--review", "periodique-2020", "--eid", "art_4", "Écrire marche encore."] + Self.ofii, repo: repo)

        let verify = try CLI.run(["verify", "--sans-enregistrer", "--repo", repo])
        #expect(verify.exitCode == 1, "\(verify)")
        #expect(verify.stdout.contains("\(path), ligne 3, colonne 15 : U+000B"), "\(verify)")

        let repair = try CLI.ok(["committee", "repair", "--auteur", CLI.clerk], repo: repo)
        #expect(repair.stdout.contains("\(path), ligne 3, colonne 15 : U+000B (tabulation verticale) : retiré"), "\(repair)")
        let message = try StockGit.run(["-C", git, "log", "-1", "--format=%an%n%B", "main"]).stdout
        #expect(message.contains("Secrétariat du comité") && message.contains("- \(path), ligne 3, colonne 15 : U+000B"), "\(message)")
        try CLI.ok(["verify", "--sans-enregistrer"], repo: repo)
        #expect(try StockGit.fsck(repo).exitCode == 0)
        let again = try CLI.ok(["committee", "repair", "--auteur", CLI.clerk], repo: repo)
        #expect(again.stdout.contains("Aucun enregistrement du comité à réparer."))
        #expect(!(try CLI.ok(["status"], repo: repo).stdout.contains("ATTENTION")))
    }

    @Test("suivi committee repair has French help")
    func repairHelp() throws {
        let help = try CLI.run(["committee", "repair", "--help"])
        #expect(help.exitCode == 0)
        #expect(help.stdout.contains("Répare les enregistrements du comité"), "\(help)")
        #expect(help.stdout.contains("--auteur"))
    }
}
