import Foundation
import Testing
import SuiviTestSupport

/// End to end: what `suivi review advance … adoptee` checks before writing, and what the dashboard and the bulletin
/// say after another review was adopted (issue 14, items 2, 9 and 10).
extension EndToEnd {
@Suite("suivi review advance adoptee: dates, confirmation, overtaken reviews")
struct AdoptionCommandTests {
    static let chair = ["--as", "dgs", "--auteur", "Présidence du comité <presidence@example.org>"]
    static let drafter = ["--as", "Rédaction DGS <redaction@example.org>"]

    /// The shipped register with `periodique-2020` in consultation on the 2026 draft.
    static func consulted(in folder: TemporaryFolder) throws -> String {
        let repo = try CLI.shippedRegister(in: folder)
        try CLI.ok(["review", "advance", "periodique-2020", "redaction", "--today", "2026-11-24"] + chair, repo: repo)
        let draft = URL(fileURLWithPath: repo).appendingPathComponent("brouillons/periodique-2020/AFSP1638149A.xml")
        try FileManager.default.removeItem(at: draft)
        try FileManager.default.copyItem(atPath: ShippedFixture.corpus.path + "/2026-projet/AFSP1638149A.xml", toPath: draft.path)
        try CLI.ok(["draft", "commit", "periodique-2020", "-m", "Révision 2026"] + drafter, repo: repo)
        try CLI.ok(["review", "advance", "periodique-2020", "consultation", "--today", "2026-11-25"] + chair, repo: repo)
        return repo
    }

    @Test("absurd or inconsistent dates are refused in French, exit 1, nothing written; a far signature needs --date-future-confirmee")
    func dates() throws {
        let folder = try TemporaryFolder()
        let repo = try Self.consulted(in: folder)
        let before = try CommitteeCommandTests.refs(repo)
        for (dates, expected) in [
            (["--signature", "2999-01-01", "--entree-en-vigueur", "2999-02-01", "--date-future-confirmee"], "date impossible, même confirmée"),
            (["--signature", "2026-11-26", "--entree-en-vigueur", "2026-11-01"], "l'entrée en vigueur (1er novembre 2026) précède la signature"),
            (["--signature", "2027-06-01", "--entree-en-vigueur", "2027-07-01"], "--date-future-confirmee"),
        ] {
            let refused = try CLI.run(["review", "advance", "periodique-2020", "adoptee", "--confirmer", "--today", "2026-11-26",
                                       "--repo", repo] + dates + Self.chair)
            #expect(refused.exitCode == 1 && refused.stderr.hasPrefix("suivi : révision periodique-2020 : adoption refusée, dates à corriger"),
                    "\(dates) → \(refused)")
            #expect(refused.stderr.contains(expected), "\(dates) → \(refused.stderr)")
        }
        #expect(try CommitteeCommandTests.refs(repo) == before)
        let adopted = try CLI.ok(["review", "advance", "periodique-2020", "adoptee", "--signature", "2027-06-01", "--entree-en-vigueur",
                                  "2027-07-01", "--confirmer", "--date-future-confirmee", "--today", "2026-11-26"] + Self.chair, repo: repo)
        #expect(adopted.stdout.contains("v2027-06-01"))
        // The flags belong to adoption only.
        #expect(try CLI.run(["review", "advance", "periodique-2020", "diffusee", "--confirmer", "--repo", repo] + Self.chair).exitCode == 64)
    }

    @Test("adoption with seats unheard and a comment unresolved lists them and exits 1 without --confirmer; with it, adopts")
    func confirmation() throws {
        let folder = try TemporaryFolder()
        let repo = try Self.consulted(in: folder)
        try CLI.ok(["comment", "add", "--review", "periodique-2020", "--eid", "art_1__para_1", "--today", "2026-11-26",
                    "--as", "ofii-medecins", "--auteur", "Médecin <medecin@example.org>", "À préciser."], repo: repo)
        let before = try CommitteeCommandTests.refs(repo)
        let arguments = ["review", "advance", "periodique-2020", "adoptee", "--signature", "2026-11-26", "--entree-en-vigueur", "2026-12-01",
                         "--today", "2026-11-26"] + Self.chair
        let refused = try CLI.run(arguments + ["--repo", repo])
        #expect(refused.exitCode == 1, "\(refused)")
        #expect(refused.stderr.contains("adoption non confirmée : 1 commentaire non résolu : c-"), "\(refused.stderr)")
        #expect(refused.stderr.contains("sièges sans position sur le projet consulté : daei, dgef"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--confirmer"), "\(refused.stderr)")
        #expect(try CommitteeCommandTests.refs(repo) == before)
        let adopted = try CLI.ok(arguments + ["--confirmer"], repo: repo)
        #expect(adopted.stdout.contains("v2026-11-26"))
        let shown = try CLI.ok(["review", "show", "periodique-2020"], repo: repo)
        #expect(shown.stdout.contains("Adoptée en connaissance de cause malgré : 1 commentaire non résolu"), "\(shown.stdout)")
    }

    @Test("after an event review is adopted, status shows the periodic review re-based, and its bulletin compares with its own base")
    func overtaken() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let today = ["--today", "2026-11-24"]
        // The periodic review drafts a change of art_1 from v2017-01-05.
        try CLI.ok(["review", "advance", "periodique-2020", "redaction"] + today + Self.chair, repo: repo)
        let periodic = URL(fileURLWithPath: repo).appendingPathComponent("brouillons/periodique-2020/AFSP1638149A.xml")
        try String(contentsOf: periodic, encoding: .utf8)
            .replacingOccurrences(of: "Le présent arrêté définit les orientations générales", with: "Le présent arrêté fixe les orientations générales")
            .write(to: periodic, atomically: true, encoding: .utf8)
        try CLI.ok(["draft", "commit", "periodique-2020", "-m", "Article 1er"] + Self.drafter, repo: repo)
        // The event review changes art_2 from v2017-01-05 too, and is adopted.
        try CLI.ok(["review", "open", "vih-2025", "--evenement", "crise-financement-vih-2025"] + today + Self.chair, repo: repo)
        try CLI.ok(["review", "advance", "vih-2025", "redaction"] + today + Self.chair, repo: repo)
        let event = URL(fileURLWithPath: repo).appendingPathComponent("brouillons/vih-2025/AFSP1638149A.xml")
        try String(contentsOf: event, encoding: .utf8)
            .replacingOccurrences(of: "L'avis transmis au préfet ne comporte", with: "L'avis transmis au préfet ne contient")
            .write(to: event, atomically: true, encoding: .utf8)
        try CLI.ok(["draft", "commit", "vih-2025", "-m", "Article 2"] + Self.drafter, repo: repo)
        try CLI.ok(["review", "advance", "vih-2025", "consultation"] + today + Self.chair, repo: repo)
        var status = try CLI.ok(["status"] + today, repo: repo)
        #expect(status.stdout.contains("periodique-2020 (périodique, AFSP1638149A) : en rédaction ; échéance 5 janvier 2020 (dépassée)"))
        try CLI.ok(["review", "advance", "vih-2025", "adoptee", "--signature", "2026-11-20", "--entree-en-vigueur", "2026-11-21",
                    "--confirmer"] + today + Self.chair, repo: repo)

        status = try CLI.ok(["status"] + today, repo: repo)
        #expect(status.stdout.contains("prochaine révision périodique due au plus tard le 24 novembre 2029"), "\(status.stdout)")
        #expect(status.stdout.contains("periodique-2020 (périodique, AFSP1638149A) : en rédaction ; échéance 24 novembre 2029\n"), "\(status.stdout)")
        #expect(!status.stdout.contains("dépassée") && !status.stdout.contains("EN RETARD"), "\(status.stdout)")
        let shown = try CLI.ok(["review", "show", "periodique-2020"], repo: repo)
        #expect(shown.stdout.contains("Échéance reportée du 5 janvier 2020 au 24 novembre 2029 : la révision vih-2025 a été adoptée (version AFSP1638149A/v2026-11-20)"),
                "\(shown.stdout)")

        // The periodic review's bulletin shows its own change against v2017-01-05, not the event review's as undone.
        let bulletin = try CLI.ok(["export", "bulletin", "--review", "periodique-2020", "--to", "md"], repo: repo)
        #expect(bulletin.stdout.contains("Modifications par rapport à la version du 5 janvier 2017 (AFSP1638149A/v2017-01-05)"), "\(bulletin.stdout)")
        #expect(bulletin.stdout.contains("<ins>fixe</ins>") && !bulletin.stdout.contains("contient"), "\(bulletin.stdout)")
        // A comparison table of the draft against the text in force says what the draft was built on.
        let table = try CLI.ok(["export", "comparison", "2026-11-24", "draft/periodique-2020", "--to", "json"], repo: repo)
        #expect(table.stderr.contains("draft/periodique-2020 a été établi sur la version du 5 janvier 2017 (AFSP1638149A/v2017-01-05)"), "\(table.stderr)")
        #expect(table.stderr.contains("suivi exporter comparatif AFSP1638149A/v2017-01-05 draft/periodique-2020"), "\(table.stderr)")
    }
}
}
