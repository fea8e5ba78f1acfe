import Foundation
import Testing
import SuiviTestSupport

/// A new user's first steps, following the README and `--help` only: every message they meet says, in
/// French, what happened and what to run next, and every example of the help works.
extension EndToEnd {
@Suite("suivi, premiers pas : messages, aide et liste des versions")
struct FirstUseCommandTests {
    static let clerk = "Secrétariat du comité <secretariat@example.org>"
    static let chair = ["--as", "dgs", "--auteur", "Présidence du comité <presidence@example.org>"]

    @Test("export bulletin of the shipped review, which has no draft yet, gives the exact commands that make one")
    func bulletinWithoutDraft() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let refused = try CLI.run("export", "bulletin", "--review", "periodique-2020", "--repo", repo)
        #expect(refused.exitCode == 1, "\(refused)")
        #expect(refused.stderr.contains("suivi revision avancer periodique-2020 redaction --siege dgs"), "\(refused.stderr)")
        #expect(refused.stderr.contains("brouillons/periodique-2020/"), "\(refused.stderr)")
        #expect(refused.stderr.contains("suivi projet enregistrer periodique-2020 -m"), "\(refused.stderr)")

        // Following the message gives a bulletin.
        try CLI.ok(["review", "advance", "periodique-2020", "redaction"] + Self.chair, repo: repo)
        let bulletin = try CLI.ok(["export", "bulletin", "--review", "periodique-2020", "--to", "md"], repo: repo)
        #expect(bulletin.stdout.contains("Ce qui change"))
    }

    @Test("after adoption the review's draft branch is no longer listed as a draft by log; --tous shows it as adopted")
    func logAfterAdoption() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        try CLI.ok(["review", "advance", "periodique-2020", "redaction"] + Self.chair, repo: repo)
        let draft = URL(fileURLWithPath: repo).appendingPathComponent("brouillons/periodique-2020/AFSP1638149A.xml")
        try FileManager.default.removeItem(at: draft)
        try FileManager.default.copyItem(atPath: ShippedFixture.corpus.path + "/2026-projet/AFSP1638149A.xml", toPath: draft.path)
        try CLI.ok(["draft", "commit", "periodique-2020", "-m", "Révision", "--as", "Rédaction <redaction@example.org>"], repo: repo)
        try CLI.ok(["review", "advance", "periodique-2020", "consultation"] + Self.chair, repo: repo)
        // A draft started from the text in force bears no draft date: no empty « du — » in the list.
        try CLI.ok(["draft", "start", "revision-2027"], repo: repo)
        var log = try CLI.ok(["log"], repo: repo)
        #expect(log.stdout.contains("draft/periodique-2020  projet "), "\(log.stdout)")
        #expect(!log.stdout.contains("du —"), "\(log.stdout)")

        try CLI.ok(["review", "advance", "periodique-2020", "adoptee", "--signature", "2027-01-15",
                     "--entree-en-vigueur", "2027-02-01", "--confirmer", "--date-future-confirmee"] + Self.chair, repo: repo)
        log = try CLI.ok(["log"], repo: repo)
        #expect(log.stdout.contains("v2027-01-15  adoptée"), "\(log.stdout)")
        #expect(!log.stdout.contains("draft/periodique-2020"), "\(log.stdout)")
        #expect(log.stdout.contains("draft/revision-2027  projet"), "\(log.stdout)")
        #expect(log.stdout.contains("suivi versions --tous"), "\(log.stdout)")
        let all = try CLI.ok(["log", "--tous"], repo: repo)
        #expect(all.stdout.contains("draft/periodique-2020  projet adopté (AFSP1638149A/v2027-01-15, révision periodique-2020)"), "\(all.stdout)")
        let json = try CLI.ok(["log", "--format", "json"], repo: repo)
        #expect(!json.stdout.contains("draft/periodique-2020"))
        let drafts = try CLI.ok(["draft", "list"], repo: repo)
        #expect(!drafts.stdout.contains("draft/periodique-2020") && drafts.stdout.contains("draft/revision-2027"), "\(drafts.stdout)")
        #expect(try CLI.ok(["draft", "list", "--tous"], repo: repo).stdout.contains("draft/periodique-2020"))
    }

    @Test("a refusal says what to run instead: the step to take first, the list of comments, the list of versions")
    func refusalsSayWhatToRun() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let early = try CLI.run(["review", "advance", "periodique-2020", "consultation", "--repo", repo] + Self.chair)
        #expect(early.exitCode == 1, "\(early)")
        #expect(early.stderr.contains("suivi revision avancer periodique-2020 redaction --siege dgs"), "\(early.stderr)")
        try CLI.ok(["review", "advance", "periodique-2020", "redaction"] + Self.chair, repo: repo)
        let adoption = try CLI.run(["review", "advance", "periodique-2020", "adoptee", "--signature", "2027-01-15",
                                    "--entree-en-vigueur", "2027-02-01", "--repo", repo] + Self.chair)
        #expect(adoption.exitCode == 1, "\(adoption)")
        #expect(adoption.stderr.contains("suivi revision avancer periodique-2020 consultation --siege dgs"), "\(adoption.stderr)")
        let comment = try CLI.run(["comment", "reply", "--review", "periodique-2020", "c-0000000000", "x", "--repo", repo] + Self.chair)
        #expect(comment.exitCode == 1, "\(comment)")
        #expect(comment.stderr.contains("suivi commentaire lister --revision periodique-2020"), "\(comment.stderr)")
        let draft = try CLI.run("draft", "commit", "revision-2099", "-m", "x", "--as", Self.clerk, "--repo", repo)
        #expect(draft.exitCode == 1, "\(draft)")
        #expect(draft.stderr.contains("suivi projet lister") && draft.stderr.contains("suivi projet ouvrir revision-2099"), "\(draft.stderr)")
        let empty = folder.path("vide")
        #expect(try CLI.run("init", empty).exitCode == 0)
        let start = try CLI.run("draft", "start", "revision-2099", "--repo", empty)
        #expect(start.exitCode == 1 && start.stderr.contains("suivi importer corpus"), "\(start)")
        let version = try CLI.run("export", "consolidated", "--at", "v2099-01-01", "--repo", repo)
        #expect(version.exitCode == 1, "\(version)")
        #expect(version.stderr.contains("Version introuvable") && version.stderr.contains("« suivi versions »"), "\(version.stderr)")
    }

    @Test("a wrong command line found while a command runs is reported in French with that command's help, exit 64")
    func usageErrorInRun() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let odt = try CLI.run("export", "consolidated", "--at", "draft/2026-projet", "--to", "odt", "--repo", repo)
        #expect(odt.exitCode == 64, "\(odt)")
        #expect(odt.stderr.hasPrefix("suivi : ce format est binaire"), "\(odt.stderr)")
        #expect(odt.stderr.contains("suivi exporter consolide --help"), "\(odt.stderr)")
        #expect(!odt.stderr.contains("Error:") && !odt.stderr.contains("Usage: suivi <subcommand>"), "\(odt.stderr)")
    }

    @Test("the person who writes is --auteur in every command, as in the committee's (--as still works where it named the person)")
    func auteurEverywhere() throws {
        let folder = try TemporaryFolder()
        let repo = folder.path("registre")
        #expect(try CLI.run("init", repo).exitCode == 0)
        try CLI.ok(["import", ShippedFixture.corpus.path, "--auteur", Self.clerk], repo: repo)
        try CLI.ok(["draft", "start", "revision-2027"], repo: repo)
        let copy = URL(fileURLWithPath: repo).appendingPathComponent("brouillons/revision-2027/AFSP1638149A.xml")
        let text = try String(contentsOf: copy, encoding: .utf8)
        try text.replacingOccurrences(of: "peut s'appuyer", with: "s'appuie").write(to: copy, atomically: true, encoding: .utf8)
        try CLI.ok(["draft", "commit", "revision-2027", "-m", "Article 3", "--auteur", "Rédaction <redaction@example.org>"], repo: repo)
        let log = try CLI.ok(["log"], repo: repo)
        #expect(log.stdout.contains("draft/revision-2027  projet"), "\(log.stdout)")
        let help = try CLI.run("draft", "commit", "--help").stdout
        #expect(help.contains("--auteur <personne>") && !help.contains("--as"), "\(help)")
    }

    @Test("every seat named with --siege in the help examples is a seat of the shipped committee")
    func helpSeatsExist() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let seats = try CLI.ok(["committee", "list", "--format", "json"], repo: repo).stdout
        let commands = [["comment"], ["position", "record"], ["review"], ["review", "advance"], ["comment", "add"],
                        ["committee"], ["event"], ["export"]]
        var checked = 0
        for command in commands {
            let help = try CLI.run(command + ["--help"]).stdout
            let words = help.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
            for (index, word) in words.enumerated() where word == "--siege" && index + 1 < words.count {
                let seat = words[index + 1]
                guard !seat.hasPrefix("\""), !seat.hasPrefix("<"), !seat.hasPrefix("«") else { continue }
                #expect(seats.contains("\"\(seat)\""), "suivi \(command.joined(separator: " ")) --help: siège « \(seat) » inconnu")
                checked += 1
            }
        }
        #expect(checked >= 5)
    }

    @Test("the help of diff is laid out as sentences and the dashboard speaks French only")
    func helpAndDashboardText() throws {
        let help = try CLI.run("diff", "--help").stdout
        // ArgumentParser wraps lines to the terminal's width: compared with the wrapping undone.
        #expect(help.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("une étiquette (v2017-01-05)"), "\(help)")
        #expect(!help.contains("étiquette     "), "\(help)")
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let status = try CLI.ok(["status", "--today", "2026-11-24"], repo: repo)
        #expect(status.stdout.contains("EN RETARD de 6 ans, 10 mois et 19 jours (2515 jours)"), "\(status.stdout)")
        #expect(!status.stdout.contains("OVERDUE"))
        // A review opened on an event whose assessment deadline has passed says so at once.
        let opened = try CLI.ok(["review", "open", "vih-2025", "--evenement", "crise-financement-vih-2025",
                                  "--today", "2026-11-24"] + Self.chair, repo: repo)
        #expect(opened.stdout.contains("échéance : 18 juin 2026 (dépassée)."), "\(opened.stdout)")
    }
}
}
