import Foundation
import Testing
import SuiviTestSupport

/// End to end: the shipped corpus and committee, the overdue periodic review taken to adoption.
extension EndToEnd {
@Suite("suivi committee, review, position, comment, status")
struct CommitteeCommandTests {
    static let clerk = "Secrétariat du comité <secretariat@example.org>"

    /// Every ref of the register's git repository and its target, read through `git` files (packed or loose).
    static func refs(_ repo: String) throws -> [String: String] {
        let git = URL(fileURLWithPath: repo).appendingPathComponent("register.git")
        var result: [String: String] = [:]
        let packed = git.appendingPathComponent("packed-refs")
        if let text = try? String(contentsOf: packed, encoding: .utf8) {
            for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("^") {
                let parts = line.split(separator: " ")
                if parts.count == 2 { result[String(parts[1])] = String(parts[0]) }
            }
        }
        let refs = git.appendingPathComponent("refs")
        let enumerator = FileManager.default.enumerator(at: refs, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let name = "refs" + url.path.dropFirst(refs.path.count)
            result[name] = try String(contentsOf: url, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return result
    }

    @Test("import corpus and committee, take the overdue periodic review to adoption, status shows the new cadence")
    func endToEnd() throws {
        let folder = try TemporaryFolder()
        let repo = folder.path("registre")
        let created = try CLI.run("init", repo)
        #expect(created.exitCode == 0, "\(created)")
        try CLI.ok(["import", ShippedFixture.corpus.path, "--as", Self.clerk], repo: repo)
        try CLI.ok(["committee", "import", ShippedFixture.committee.path, "--auteur", Self.clerk], repo: repo)

        // The 2017 order is overdue since 5 January 2020.
        var status = try CLI.ok(["status", "--today", "2026-11-24"], repo: repo)
        #expect(status.stdout.contains("révision périodique due le 5 janvier 2020 : EN RETARD de 6 ans, 10 mois et 19 jours"))
        #expect(status.stdout.contains("periodique-2020 (périodique, AFSP1638149A) : ouverte"))
        #expect(status.stdout.contains("crise-financement-vih-2025"))
        let seats = try CLI.ok(["committee", "list", "--format", "json"], repo: repo)
        #expect(seats.stdout.contains("\"presidence\"") == false && seats.stdout.contains("\"isChair\" : true"))

        // Drafting: the review's branch, with the 2026 revision committed on it.
        let chair = ["--as", "dgs", "--auteur", "Présidence du comité <presidence@example.org>"]
        try CLI.ok(["review", "advance", "periodique-2020", "redaction", "--today", "2026-11-24"] + chair, repo: repo)
        let draft = URL(fileURLWithPath: repo).appendingPathComponent("brouillons/periodique-2020/AFSP1638149A.xml")
        try FileManager.default.removeItem(at: draft)
        try FileManager.default.copyItem(atPath: ShippedFixture.corpus.path + "/2026-projet/AFSP1638149A.xml", toPath: draft.path)
        try CLI.ok(["draft", "commit", "periodique-2020", "-m", "Révision 2026", "--as", "Rédaction DGS <redaction@example.org>"], repo: repo)

        // Adoption before consultation is refused, with no commit.
        var before = try Self.refs(repo)
        let early = try CLI.run(["review", "advance", "periodique-2020", "adoptee", "--signature", "2027-01-15",
                                 "--entree-en-vigueur", "2027-02-01", "--repo", repo] + chair)
        #expect(early.exitCode == 1 && early.stderr.contains("consulté"), "\(early)")
        #expect(try Self.refs(repo) == before)

        try CLI.ok(["review", "advance", "periodique-2020", "consultation", "--today", "2026-11-25"] + chair, repo: repo)

        // Positions from several seats, comments (one on the renumbered clause), a reply and a resolution.
        let ofii = ["--as", "ofii-medecins", "--auteur", "Médecin du service médical <medecin@example.org>"]
        let association = ["--as", "association-medicale", "--auteur", "Association <asso@example.org>"]
        let defenseur = ["--as", "defenseur-des-droits", "--auteur", "Défenseur des droits <dd@example.org>"]
        try CLI.ok(["position", "record", "--review", "periodique-2020", "reserves", "--motif", "Préciser l'article 3.",
                     "--today", "2026-12-01"] + ofii, repo: repo)
        try CLI.ok(["position", "record", "--review", "periodique-2020", "favorable", "--reason", "Conforme à l'avis du CNS.",
                     "--today", "2026-12-01"] + association, repo: repo)
        try CLI.ok(["position", "record", "--review", "periodique-2020", "favorable", "--motif", "Garanties renforcées.",
                     "--today", "2026-12-02"] + defenseur, repo: repo)
        let comment = try CLI.ok(["comment", "add", "--review", "periodique-2020", "--eid", "art_3__para_5", "--format", "json",
                                   "--today", "2026-12-01", "La continuité des soins doit viser aussi les consommables."] + association,
                                  repo: repo)
        let id = try #require(try JSONSerialization.jsonObject(with: Data(comment.stdout.utf8)) as? [String: Any])["id"] as? String
        #expect(comment.stdout.contains("\"wId\" : \"art_3__para_4\""))
        try CLI.ok(["comment", "reply", "--review", "periodique-2020", try #require(id), "Repris dans le projet.",
                     "--today", "2026-12-03"] + chair, repo: repo)

        // Refusals: an unknown seat, a clause that does not exist, adoption by another seat. No commit.
        before = try Self.refs(repo)
        for arguments in [
            ["position", "record", "--review", "periodique-2020", "favorable", "--motif", "x", "--as", "inconnu", "--auteur", Self.clerk],
            ["comment", "add", "--review", "periodique-2020", "--eid", "art_99", "x"] + ofii,
            ["review", "advance", "periodique-2020", "adoptee", "--signature", "2027-01-15", "--entree-en-vigueur", "2027-02-01"] + ofii,
        ] {
            let refused = try CLI.run(arguments + ["--repo", repo])
            #expect(refused.exitCode == 1 && refused.stderr.hasPrefix("suivi : "), "\(arguments) → \(refused)")
        }
        #expect(try Self.refs(repo) == before)

        let dashboard = try CLI.ok(["status", "--today", "2026-12-05"], repo: repo)
        #expect(dashboard.stdout.contains("sièges sans position : daei, dgef"))
        #expect(dashboard.stdout.contains("commentaires non résolus : 1"))
        try CLI.ok(["comment", "resolve", "--review", "periodique-2020", try #require(id), "--note", "Alinéa complété.",
                     "--today", "2026-12-05"] + chair, repo: repo)

        // Adoption by the chair, on the consulted commit.
        let adopted = try CLI.ok(["review", "advance", "periodique-2020", "adoptee", "--signature", "2027-01-15",
                                   "--entree-en-vigueur", "2027-02-01", "--publication", "2027-01-20",
                                   "--journal", "Journal officiel du 20 janvier 2027", "--today", "2027-01-15", "--confirmer"] + chair, repo: repo)
        #expect(adopted.stdout.contains("v2027-01-15"))
        let log = try CLI.ok(["log"], repo: repo)
        #expect(log.stdout.contains("v2027-01-15  adoptée"))
        // The adopted text is the 2026 draft: the 2017 art_3__para_4 is now art_3__para_5.
        let now = try CLI.ok(["show", "--in-force", "2027-03-01", "--eid", "art_3__para_5"], repo: repo)
        let then = try CLI.ok(["show", "--in-force", "2020-06-01", "--eid", "art_3__para_4"], repo: repo)
        #expect(!now.stdout.isEmpty && now.stdout == then.stdout, "\(now)\n\(then)")

        status = try CLI.ok(["status", "--today", "2027-01-20", "--format", "json"], repo: repo)
        #expect(status.stdout.contains("\"lastVersion\" : \"AFSP1638149A/v2027-01-15\""))
        #expect(status.stdout.contains("\"overdue\" : false"))
        let text = try CLI.ok(["status", "--today", "2027-01-20"], repo: repo)
        #expect(text.stdout.contains("prochaine révision périodique due au plus tard le 15 janvier 2030"))
        #expect(text.stdout.contains("dernière révision achevée : periodique-2020, le 15 janvier 2027"))

        // Importing the committee again changes nothing (the review in the register has moved on).
        before = try Self.refs(repo)
        let again = try CLI.ok(["committee", "import", ShippedFixture.committee.path, "--auteur", Self.clerk], repo: repo)
        #expect(again.stdout.contains("version du registre conservée"))
        #expect(try Self.refs(repo) == before)
    }

    @Test("every committee command has French help and a JSON form")
    func help() throws {
        for command in [["committee", "list"], ["status"], ["event", "add"], ["review", "open"], ["review", "advance"],
                        ["position", "record"], ["comment", "add"], ["comment", "list"]] {
            let result = try CLI.run(command + ["--help"])
            #expect(result.exitCode == 0 && result.stdout.contains("--format") && result.stdout.contains("Format de sortie"),
                    "\(command) → \(result)")
        }
    }
}
}
