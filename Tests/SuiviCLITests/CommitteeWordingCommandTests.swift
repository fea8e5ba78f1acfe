import Foundation
import Testing
import SuiviTestSupport

/// End to end: the committee's lists speak French like `suivi status`, and refusals give the command to run.
extension EndToEnd {
@Suite("suivi review list, event list, adoption refusal: French wording and exact commands")
struct CommitteeWordingCommandTests {
    static let clerk = "Secrétariat du comité <secretariat@example.org>"
    static let chair = ["--as", "dgs", "--auteur", "Présidence du comité <presidence@example.org>"]

    @Test("review list and event list show French labels and dates in text, raw keys and ISO dates in JSON")
    func frenchLists() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)

        let events = try CLI.ok(["event", "list"], repo: repo)
        #expect(events.stdout.contains("crise-financement-vih-2025  18 décembre 2025  économique  en cours d'évaluation  échéance 18 juin 2026"),
                "\(events.stdout)")
        #expect(!events.stdout.contains("economique") && !events.stdout.contains("en-evaluation") && !events.stdout.contains("2025-12-18"))
        let eventsJSON = try CLI.ok(["event", "list", "--format", "json"], repo: repo)
        #expect(eventsJSON.stdout.contains("\"economique\"") && eventsJSON.stdout.contains("2025-12-18"))

        let reviews = try CLI.ok(["review", "list"], repo: repo)
        #expect(reviews.stdout.contains("periodique-2020  périodique  AFSP1638149A  ouverte  échéance "), "\(reviews.stdout)")
        #expect(!reviews.stdout.contains("  periodique  "))
        #expect(reviews.stdout.range(of: #"échéance \d{4}-\d{2}-\d{2}"#, options: .regularExpression) == nil, "\(reviews.stdout)")
        let reviewsJSON = try CLI.ok(["review", "list", "--format", "json"], repo: repo)
        #expect(reviewsJSON.stdout.contains("\"periodique\"") && reviewsJSON.stdout.contains("\"ouverte\""))

        try CLI.ok(["review", "advance", "periodique-2020", "redaction", "--today", "2026-11-24"] + Self.chair, repo: repo)
        let shown = try CLI.ok(["review", "show", "periodique-2020", "--today", "2026-11-24"], repo: repo)
        #expect(shown.stdout.contains("24 novembre 2026  ouverte → en rédaction"), "\(shown.stdout)")
    }

    @Test("adoption after the draft changed since consultation is refused with the exact commands that reopen it")
    func reopenConsultationCommand() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        try CLI.ok(["review", "advance", "periodique-2020", "redaction", "--today", "2026-11-24"] + Self.chair, repo: repo)
        let draft = URL(fileURLWithPath: repo).appendingPathComponent("brouillons/periodique-2020/AFSP1638149A.xml")
        try FileManager.default.removeItem(at: draft)
        try FileManager.default.copyItem(atPath: ShippedFixture.corpus.path + "/2026-projet/AFSP1638149A.xml", toPath: draft.path)
        try CLI.ok(["draft", "commit", "periodique-2020", "-m", "Révision 2026", "--as", "Rédaction DGS <redaction@example.org>"], repo: repo)
        try CLI.ok(["review", "advance", "periodique-2020", "consultation", "--today", "2026-11-25"] + Self.chair, repo: repo)
        // The draft changes after the committee was consulted.
        var text = try String(contentsOf: draft, encoding: .utf8)
        text = text.replacingOccurrences(of: "</heading>", with: " (modifié)</heading>", options: [], range: text.range(of: "</heading>"))
        try text.write(to: draft, atomically: true, encoding: .utf8)
        try CLI.ok(["draft", "commit", "periodique-2020", "-m", "Retouche", "--as", "Rédaction DGS <redaction@example.org>"], repo: repo)

        let refused = try CLI.run(["review", "advance", "periodique-2020", "adoptee", "--signature", "2027-01-15",
                                   "--entree-en-vigueur", "2027-02-01", "--repo", repo] + Self.chair)
        #expect(refused.exitCode == 1, "\(refused)")
        #expect(refused.stderr.contains(
            "suivi revision avancer periodique-2020 redaction --siege dgs && suivi revision avancer periodique-2020 consultation --siege dgs"),
            "\(refused.stderr)")
    }

    @Test("a refusal for a missing value names the CLI option that gives it; nothing is written")
    func missingValueNamesOption() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let before = try CLI.ok(["log"], repo: repo).stdout
        let refused = try CLI.run(["review", "advance", "periodique-2020", "close-sans-modification", "--today", "2026-11-24",
                                   "--repo", repo] + Self.chair)
        #expect(refused.exitCode == 1, "\(refused)")
        #expect(refused.stderr.contains("une révision close sans modification indique sa raison (--motif)."), "\(refused.stderr)")
        #expect(try CLI.ok(["log"], repo: repo).stdout == before)
    }
}
}
