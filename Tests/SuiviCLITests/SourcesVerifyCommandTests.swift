import Foundation
import Testing
import SuiviTestSupport

/// `suivi sources verifier` fetching the addresses (against a loopback server, never the internet), `confirmer`,
/// and `evaluer` opening the assessment of stale references like an event.
extension EndToEnd {
@Suite("suivi sources verifier (automatique) / confirmer / evaluer")
struct SourcesVerifyCommandTests {
    static func reference(_ id: String, address: String?, wId: String = "annex_2__sec_A__para_2") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <reference xmlns="urn:suivi:comite:1" id="\(id)" nature="organisme-officiel">
          <editeur>Éditeur \(id)</editeur>
          <titre>Titre \(id)</titre>
        \(address.map { "  <adresse>\($0)</adresse>" } ?? "")
          <citation texte="AFSP1638149A" wId="\(wId)"/>
        </reference>
        """
    }

    /// A register with the shipped texts and roster, and references whose addresses are on `server` (or none).
    static func register(in folder: TemporaryFolder, references: [String: String?]) throws -> String {
        let repo = try CLI.shippedRegister(in: folder, committee: false)
        let members = try String(contentsOf: ShippedFixture.committee.appendingPathComponent("members.xml"), encoding: .utf8)
        _ = try folder.write(members, to: "records/members.xml")
        for (id, address) in references { _ = try folder.write(reference(id, address: address), to: "records/references/\(id).xml") }
        try CLI.ok(["committee", "import", folder.path("records"), "--auteur", CLI.clerk], repo: repo)
        return repo
    }

    static func commitCount(_ repo: String) throws -> Int {
        Int(try StockGit.run(["-C", repo + "/register.git", "rev-list", "--count", "main"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test("verifier fetches each address and records every outcome, with status and redirects, as ONE commit")
    func verifyRecordsOneCommit() throws {
        let folder = try TemporaryFolder()
        let server = try ReferenceTestServer(in: folder)
        let repo = try Self.register(in: folder, references: [
            "joignable": server.address("/ok"), "deplacee": server.address("/moved"), "disparue": server.address("/deleted"),
            "muette": server.address("/slow"), "sans-adresse": nil,
        ])
        let before = try Self.commitCount(repo)
        let run = try CLI.ok(["sources", "verifier", "--tout", "--delai", "5", "--aujourdhui", "2026-12-06", "--auteur", CLI.clerk], repo: repo)
        #expect(try Self.commitCount(repo) == before + 1)
        #expect(run.stdout.contains("joignable : joignable (HTTP 200)"))
        #expect(run.stdout.contains("deplacee : déplacée (HTTP 200)"))
        #expect(run.stdout.contains("disparue : disparue (HTTP 410)"))
        #expect(run.stdout.contains("muette : injoignable\n"))
        #expect(run.stdout.contains("sans-adresse : sans adresse, non vérifiée"))
        #expect(run.stdout.contains("4 vérification(s) enregistrée(s) le 6 décembre 2026 en un commit."))
        let subject = try StockGit.run(["-C", repo + "/register.git", "log", "-1", "--format=%an <%ae>|%s", "main"]).stdout
        #expect(subject.hasPrefix(CLI.clerk + "|Références : vérification automatique de 4 adresse(s) le 2026-12-06"))
        // The record keeps the method, the status, the final address and each hop.
        let moved = try StockGit.run(["-C", repo + "/register.git", "show", "main:committee/references/deplacee.xml"]).stdout
        #expect(moved.contains("methode=\"automatique\"") && moved.contains("resultat=\"deplacee\"") && moved.contains("statut=\"200\""))
        #expect(moved.contains("adresse-finale=\"\(server.address("/ok"))\""))
        #expect(moved.contains("<redirection de=\"\(server.address("/moved"))\" statut=\"301\" vers=\"\(server.address("/ok"))\"/>"))
        let listed = try CLI.ok(["sources", "lister", "--aujourdhui", "2026-12-06"], repo: repo).stdout
        #expect(listed.contains("  dernière vérification : 6 décembre 2026, disparue (automatique, HTTP 410), par \(CLI.clerk)"))
        // etat: moved, gone, unreachable stale for their outcome; reachable is stale until a person confirms its content.
        let status = try CLI.ok(["etat", "--aujourdhui", "2026-12-06"], repo: repo).stdout
        #expect(status.contains("deplacee : ") && status.contains("déplacée lors de la dernière vérification"))
        #expect(status.contains("injoignable lors de la dernière vérification"))
        #expect(status.contains("mais son contenu n'a jamais été confirmé par une personne"))
        let json = try CLI.ok(["sources", "verifier", "joignable", "deplacee", "--delai", "5", "--format", "json",
                               "--aujourdhui", "2026-12-07", "--auteur", CLI.clerk], repo: repo).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "suivi-sources-verification")
        let checks = try #require(object["verifications"] as? [[String: Any]])
        #expect(checks.compactMap { $0["outcome"] as? String }.sorted() == ["deplacee", "joignable"])
        #expect(try Self.commitCount(repo) == before + 2)
    }

    @Test("confirmer records a person's confirmation with its reason, which makes a reachable reference fresh")
    func confirm() throws {
        let folder = try TemporaryFolder()
        let server = try ReferenceTestServer(in: folder)
        let repo = try Self.register(in: folder, references: ["joignable": server.address("/ok")])
        try CLI.ok(["sources", "verifier", "joignable", "--delai", "5", "--aujourdhui", "2026-12-06", "--auteur", CLI.clerk], repo: repo)
        #expect(try CLI.ok(["etat", "--aujourdhui", "2026-12-06"], repo: repo).stdout.contains("joignable : "))
        let refs = try StockGit.refs(repo)
        let empty = try CLI.run(["sources", "confirmer", "joignable", "--motif", "  ", "--auteur", CLI.clerk, "--repo", repo])
        #expect(empty.exitCode == 1 && empty.stderr.contains("motif"))
        #expect(try CLI.run(["sources", "confirmer", "joignable", "--auteur", CLI.clerk, "--repo", repo]).exitCode == 64)
        #expect(try StockGit.refs(repo) == refs)
        let confirmed = try CLI.ok(["sources", "confirmer", "joignable", "--motif", "Page lue, données 2026 à jour.",
                                    "--aujourdhui", "2026-12-06", "--auteur", CLI.clerk], repo: repo).stdout
        #expect(confirmed.contains("contenu confirmé à jour le 6 décembre 2026 ; prochaine vérification au plus tard le 6 décembre 2027"))
        let status = try CLI.ok(["etat", "--aujourdhui", "2026-12-06"], repo: repo).stdout
        #expect(!status.contains("joignable : "))
        #expect(try StockGit.run(["-C", repo + "/register.git", "show", "main:committee/references/joignable.xml"]).stdout
            .contains("resultat=\"joignable\">Page lue, données 2026 à jour.</verification>"))
    }

    @Test("a run with nothing to record, an unknown id or a bad combination of options commits nothing")
    func refusals() throws {
        let folder = try TemporaryFolder()
        let repo = try Self.register(in: folder, references: ["sans-adresse": nil])
        let refs = try StockGit.refs(repo)
        let none = try CLI.run(["sources", "verifier", "--tout", "--auteur", CLI.clerk, "--repo", repo])
        #expect(none.exitCode == 1 && none.stderr.contains("aucune des références demandées n'a d'adresse"))
        let unknown = try CLI.run(["sources", "verifier", "inconnue", "--auteur", CLI.clerk, "--repo", repo])
        #expect(unknown.exitCode == 1 && unknown.stderr.contains("inconnue"))
        for arguments in [["sources", "verifier"], ["sources", "verifier", "--tout", "sans-adresse"],
                          ["sources", "verifier", "--tout", "--resultat", "joignable"], ["sources", "verifier", "a", "--delai", "0"],
                          ["sources", "verifier", "a", "--note", "x"]] {
            let result = try CLI.run(arguments + ["--auteur", CLI.clerk, "--repo", repo])
            #expect(result.exitCode == 64, "\(arguments)")
        }
        #expect(try StockGit.refs(repo) == refs)
    }

    @Test("a run where no host name resolves (no network here) records nothing and says so; one unresolved name among answers is recorded")
    func noNetworkRecordsNothing() throws {
        let folder = try TemporaryFolder()
        // `.invalid` never resolves (RFC 6761), with or without a network: the run looks like a machine offline.
        let repo = try Self.register(in: folder, references: ["a": "http://suivi-a.invalid/", "b": "https://suivi-b.invalid/page"])
        let refs = try StockGit.refs(repo)
        let run = try CLI.run(["sources", "verifier", "--tout", "--delai", "5", "--auteur", CLI.clerk, "--repo", repo])
        #expect(run.exitCode == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("n'a pu être résolu") && run.stderr.contains("Rien n'a été enregistré"), "\(run.stderr)")
        #expect(try StockGit.refs(repo) == refs)

        // Beside an address that answers, the unresolved name is a real finding: recorded, in French.
        let server = try ReferenceTestServer(in: folder)
        let second = try TemporaryFolder()
        let mixed = try Self.register(in: second, references: ["a": "http://suivi-a.invalid/", "ok": server.address("/ok")])
        let recorded = try CLI.run(["sources", "verifier", "--tout", "--delai", "5", "--auteur", CLI.clerk, "--repo", mixed])
        #expect(recorded.exitCode == 0, "\(recorded.stderr)")
        let record = try StockGit.run(["-C", mixed + "/register.git", "show", "main:committee/references/a.xml"]).stdout
        #expect(record.contains("nom de domaine introuvable (suivi-a.invalid)"), "\(record)")
    }

    @Test("evaluer opens one documentary event naming the stale references cited by the text in force and their clauses; a second run opens none")
    func assess() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let opened = try CLI.ok(["sources", "evaluer", "--siege", "dgs", "--auteur", CLI.clerk, "--aujourdhui", "2026-11-24"], repo: repo).stdout
        // 8 of the 11 shipped references are cited by the 2017 text (paragraphs 2 to 8 of section A).
        #expect(opened.contains("Événement references-2026-11-24 enregistré (documentaire) pour 8 référence(s) : banque-mondiale, ocde, "
                                + "oit-rapport-protection-sociale, oms-aide-memoire, oms-indicateurs-pays, pnud, rapport-iga-igas-2013, unicef."))
        #expect(opened.contains("rapport-iga-igas-2013 (Inspection générale de l'administration (IGA) et Inspection générale des affaires sociales (IGAS), jamais vérifiée) — citée par : Annexe II, section A, alinéa 8"))
        // Cited only by the 2026 draft: not part of the assessment of the text in force.
        for draftOnly in ["onusida-aidsinfo", "medcoi-auea", "ofii-ressources-documentaires"] { #expect(!opened.contains(draftOnly)) }
        #expect(opened.contains("Décision (révision ou non) attendue au plus tard le 24 mai 2027."))
        let record = try StockGit.run(["-C", repo + "/register.git", "show", "main:committee/events/references-2026-11-24.xml"]).stdout
        #expect(record.contains("nature=\"documentaire\"") && record.contains("statut=\"en-evaluation\"") && record.contains("echeance=\"2027-05-24\""))
        #expect(record.contains("<reference>rapport-iga-igas-2013</reference>"))
        let status = try CLI.ok(["etat", "--aujourdhui", "2026-11-25"], repo: repo).stdout
        #expect(status.contains("references-2026-11-24"))
        let refs = try StockGit.refs(repo)
        let again = try CLI.run(["sources", "evaluer", "--siege", "dgs", "--auteur", CLI.clerk, "--aujourdhui", "2026-11-25", "--repo", repo])
        #expect(again.exitCode == 1 && again.stderr.contains("déjà en cours d'évaluation") && again.stderr.contains("references-2026-11-24"))
        #expect(try StockGit.refs(repo) == refs)
    }

    @Test("evaluer is refused with a clear message when no reference cited by the text in force is stale")
    func assessNothingStale() throws {
        let folder = try TemporaryFolder()
        let repo = try Self.register(in: folder, references: [:])
        let refs = try StockGit.refs(repo)
        let result = try CLI.run(["sources", "evaluer", "--siege", "dgs", "--auteur", CLI.clerk, "--repo", repo])
        #expect(result.exitCode == 1 && result.stderr.contains("aucune référence documentaire citée par le texte en vigueur n'est à vérifier"))
        #expect(try StockGit.refs(repo) == refs)
    }
}
}
