import Foundation
import Testing
import SuiviTestSupport

extension EndToEnd {
/// What a legal researcher reads: the history of a clause as numbered at a version, and the provenance of each
/// clause (renumbered apart from reworded).
@Suite("suivi historique --version, suivi provenance")
struct ResearcherCommandTests {
    @Test("historique --version reads the eId as that version numbers it: art_3__para_5 of the 2026 draft is the 2017 art_3__para_4")
    func historyAtVersion() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder, committee: false)
        let inDraft = try CLI.ok(["historique", "art_3__para_5", "--version", "draft/2026-projet"], repo: repo)
        #expect(inDraft.stdout.contains("(wId art_3__para_4)"), "\(inDraft)")
        #expect(inDraft.stdout.contains("renuméroté  art_3__para_5 (ex art_3__para_4)"), "\(inDraft)")
        let in2017 = try CLI.ok(["historique", "art_3__para_5", "--version", "v2017-01-05"], repo: repo)
        #expect(in2017.stdout.contains("(wId art_3__para_5)"), "\(in2017)")
        // By date: the version in force that day.
        let byDate = try CLI.ok(["historique", "art_3__para_5", "--version", "2020-01-01", "--format", "json"], repo: repo)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(byDate.stdout.utf8)) as? [String: Any])
        let entries = try #require(object["changements"] as? [[String: Any]])
        #expect(entries.first?["wId"] as? String == "art_3__para_5")
        // Without --version, a wId wins; when the draft gives that eId to another clause, stderr says so and how to ask for it.
        let byWId = try CLI.ok(["historique", "art_3__para_5", "--jusqua", "draft/2026-projet"], repo: repo)
        #expect(byWId.stdout.contains("(wId art_3__para_5)"), "\(byWId)")
        #expect(byWId.stderr.contains("de wId art_3__para_4") && byWId.stderr.contains("--version draft/2026-projet"), "\(byWId)")
        #expect(!in2017.stderr.contains("autre élément"), "\(in2017)")
        // The earlier English form reads the same.
        let english = try CLI.ok(["history", "art_3__para_5", "--at", "draft/2026-projet"], repo: repo)
        #expect(english.stdout == inDraft.stdout)
    }

    @Test("historique --version with an eId that version does not have is refused, naming the version and how to list its clauses")
    func absentAtVersion() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder, committee: false)
        let result = try CLI.run(["historique", "art_3__para_7", "--version", "v2017-01-05", "--registre", repo])
        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("La version AFSP1638149A/v2017-01-05 ne contient aucun élément d'identifiant « art_3__para_7 »"), "\(result)")
        #expect(result.stderr.contains("suivi afficher --version AFSP1638149A/v2017-01-05 --ids"), "\(result)")
        #expect(!result.stderr.contains("suivi init"))
    }

    @Test("provenance prints renumbered apart from reworded, with entry into force, review and writer; JSON keeps schema v1")
    func provenance() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let text = try CLI.ok(["provenance", "--version", "draft/2026-projet"], repo: repo)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        let index = try #require(lines.firstIndex { $0.hasPrefix("art_3__para_5 ") }, "\(text)")
        #expect(lines[index].contains("inséré par AFSP1638149A/v2017-01-05"), "\(lines[index])")
        #expect(lines[index].contains("en vigueur le 23 janvier 2017"), "\(lines[index])")
        #expect(lines[index].contains("écrit par Secrétariat du comité <secretariat@example.org>"), "\(lines[index])")
        #expect(lines[index + 1].contains("renuméroté par draft/2026-projet (ex art_3__para_4)"), "\(lines[index + 1])")
        let reworded = try #require(lines.first { $0.hasPrefix("art_3__para_6 ") })
        #expect(reworded.contains("par draft/2026-projet"), "\(reworded)")

        let json = try CLI.ok(["provenance", "--version", "draft/2026-projet", "--format", "json"], repo: repo)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "suivi-provenance")
        #expect(object["schemaVersion"] as? Int == 1)
        let elements = try #require(object["elements"] as? [[String: Any]])
        let element = try #require(elements.first { $0["eId"] as? String == "art_3__para_5" })
        #expect(element["wId"] as? String == "art_3__para_4")
        let wording = try #require(element["wording"] as? [String: Any])
        #expect(wording["change"] as? String == "insere")
        #expect(wording["entryIntoForce"] as? String == "2017-01-23")
        #expect((wording["author"] as? [String: Any])?["email"] as? String == "secretariat@example.org")
        let numbering = try #require(element["numbering"] as? [String: Any])
        #expect(numbering["change"] as? String == "renumerote")
        #expect(numbering["previousEId"] as? String == "art_3__para_4")
        #expect(numbering["version"] as? String == "draft/2026-projet")
    }
}
}
