import Foundation
import Testing
import SuiviTestSupport

/// `suivi etat` lists Annexe II's documentary references to check, with the clauses of the text in force citing them.
extension EndToEnd {
@Suite("suivi etat : références documentaires à vérifier")
struct ReferenceStatusCommandTests {
    @Test("on the shipped register, etat lists every shipped reference as never checked, with its clauses")
    func shippedNeverChecked() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let text = try CLI.ok(["etat", "--aujourdhui", "2026-11-24"], repo: repo).stdout
        #expect(text.contains("Références documentaires à vérifier (annexe II, vérification tous les 12 mois)"))
        #expect(text.contains("rapport-iga-igas-2013 : Inspection générale de l'administration (IGA) et Inspection générale des affaires sociales (IGAS)"))
        #expect(text.components(separatedBy: " : jamais vérifiée").count - 1 == 11)
        #expect(text.contains("    citée par : Annexe II, section A, alinéa 8 (annex_2__sec_A__para_8)\n"), "named as a lawyer does, eId in parentheses")
        #expect(text.contains("    citée par : annex_2__sec_A__para_8-2026 (absente du texte en vigueur)"))
        #expect(text.contains("    adresse : https://aidsinfo.unaids.org/"))

        let json = try CLI.ok(["etat", "--aujourdhui", "2026-11-24", "--format", "json"], repo: repo).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let stale = try #require(object["staleReferences"] as? [[String: Any]])
        #expect(stale.count == 11)
        #expect(stale.allSatisfy { $0["reason"] as? String == "jamais-verifiee" && $0["lastChecked"] == nil })
        let iga = try #require(stale.first { $0["id"] as? String == "rapport-iga-igas-2013" })
        let clauses = try #require(iga["clauses"] as? [[String: Any]])
        #expect(clauses.count == 1 && clauses.first?["eId"] as? String == "annex_2__sec_A__para_8")
        #expect(object["referenceCheckMonths"] as? Int == 12)
    }

    @Test("a register without references says there is none; a period of 0 months is refused")
    func noneAndBadPeriod() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder, committee: false)
        let text = try CLI.ok(["etat", "--aujourdhui", "2026-11-24", "--periode-verification-mois", "6"], repo: repo).stdout
        #expect(text.contains("Références documentaires à vérifier (annexe II, vérification tous les 6 mois)\n  aucune"))
        let refused = try CLI.run(["etat", "--periode-verification-mois", "0", "--repo", repo])
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.contains("entre 1 et 120 mois"))
    }
}
}

extension EndToEnd {
@Suite("suivi sources lister / verifier")
struct SourcesCommandTests {
    @Test("sources verifier records a check that etat then takes into account; a bad outcome is refused")
    func check() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let listed = try CLI.ok(["sources", "lister", "--aujourdhui", "2026-11-24"], repo: repo).stdout
        #expect(listed.contains("onusida-aidsinfo  base de données  Programme commun des Nations unies sur le VIH/sida (ONUSIDA)"))
        #expect(listed.components(separatedBy: "À VÉRIFIER : jamais vérifiée").count - 1 == 11)
        try CLI.ok(["sources", "verifier", "onusida-aidsinfo", "--resultat", "joignable", "--aujourdhui", "2026-11-24",
                    "--auteur", CLI.clerk], repo: repo)
        let status = try CLI.ok(["etat", "--aujourdhui", "2026-11-24"], repo: repo).stdout
        #expect(status.components(separatedBy: " : jamais vérifiée").count - 1 == 10)
        #expect(!status.contains("onusida-aidsinfo :"))
        let bad = try CLI.run(["sources", "verifier", "unicef", "--resultat", "ok", "--auteur", CLI.clerk, "--repo", repo])
        #expect(bad.exitCode == 64)
        let noNote = try CLI.run(["sources", "verifier", "unicef", "--resultat", "disparue", "--auteur", CLI.clerk, "--repo", repo])
        #expect(noNote.exitCode == 1 && noNote.stderr.contains("note"))
    }
}
}
