import Foundation
import Testing
import SuiviTestSupport

/// `suivi syntheses` and `suivi actualites`: the syntheses (R5.1) and news items (R3.3) of the documentary portal.
extension EndToEnd {
@Suite("suivi syntheses / actualites")
struct PortalCommandTests {
    static let writer = "Rédaction DGS <redaction@example.org>"

    @Test("syntheses ajouter, modifier, afficher and comparer: each change a version, compared word by word")
    func synthesisLifecycle() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let v1 = try folder.write("Les antirétroviraux sont disponibles dans les centres agréés.\n\nLe dépistage est gratuit.\n", to: "v1.txt")
        try CLI.ok(["syntheses", "ajouter", "vih-cote-ivoire", "--titre", "VIH en Côte d'Ivoire", "--pathologie", "VIH",
                    "--pays", "Côte d'Ivoire", "--reference", "onusida-aidsinfo", "--fichier", v1, "--aujourdhui", "2026-11-24",
                    "--auteur", Self.writer], repo: repo)
        let v2 = try folder.write("Les antirétroviraux de première ligne manquent\ndans les centres agréés.\n\nLe dépistage est gratuit.\n", to: "v2.txt")
        let modified = try CLI.ok(["syntheses", "modifier", "vih-cote-ivoire", "--fichier", v2, "--aujourdhui", "2026-12-01",
                                   "--auteur", "Seconde plume <plume@example.org>"], repo: repo).stdout
        #expect(modified.contains("Synthèse vih-cote-ivoire modifiée (1er décembre 2026) ; à réviser au plus tard le 24 novembre 2027."))
        let listed = try CLI.ok(["syntheses", "lister", "--aujourdhui", "2026-12-01"], repo: repo).stdout
        #expect(listed.contains("vih-cote-ivoire — VIH en Côte d'Ivoire"))
        #expect(listed.contains("auteurs : Rédaction DGS <redaction@example.org>, Seconde plume <plume@example.org>"))
        let shown = try CLI.ok(["syntheses", "afficher", "vih-cote-ivoire"], repo: repo).stdout
        #expect(shown.contains("Les antirétroviraux de première ligne manquent dans les centres agréés."))
        #expect(shown.contains("  1 : 24 novembre 2026") && shown.contains("  2 : 1er décembre 2026"))
        let diff = try CLI.ok(["syntheses", "comparer", "vih-cote-ivoire"], repo: repo).stdout
        #expect(diff.contains("version 1 (24 novembre 2026"))
        #expect(diff.contains("[-sont disponibles") && diff.contains("{+de première ligne manquent"))
        #expect(diff.contains("date : 24 novembre 2026 → 1er décembre 2026"))
        let same = try CLI.ok(["syntheses", "comparer", "vih-cote-ivoire", "2", "2"], repo: repo).stdout
        #expect(same.contains("Aucune différence entre ces deux versions."))
        let json = try CLI.ok(["syntheses", "comparer", "vih-cote-ivoire", "1", "2", "--format", "json"], repo: repo).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "suivi-synthese-comparaison" && object["to"] as? Int == 2)
        let bad = try CLI.run(["syntheses", "comparer", "vih-cote-ivoire", "1", "5", "--repo", repo])
        #expect(bad.exitCode == 1 && bad.stderr.contains("n'a pas de version 5"))
    }

    @Test("a synthesis on an unknown reference, an empty body or a missing file is refused and writes nothing")
    func refused() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let body = try folder.write("Texte.\n", to: "corps.txt")
        let before = try CLI.ok(["log"], repo: repo).stdout
        let unknown = try CLI.run(["syntheses", "ajouter", "s", "--titre", "T", "--pays", "Mali", "--reference", "inventee",
                                   "--fichier", body, "--auteur", Self.writer, "--repo", repo])
        #expect(unknown.exitCode == 1 && unknown.stderr.contains("référence documentaire inconnue « inventee »"))
        let empty = try CLI.run(["syntheses", "ajouter", "s", "--titre", "T", "--pays", "Mali", "--fichier", "-",
                                 "--auteur", Self.writer, "--repo", repo])
        #expect(empty.exitCode == 1 && empty.stderr.contains("vide"))
        let missing = try CLI.run(["syntheses", "ajouter", "s", "--titre", "T", "--pays", "Mali", "--fichier", folder.path("absent.txt"),
                                   "--auteur", Self.writer, "--repo", repo])
        #expect(missing.exitCode == 1 && missing.stderr.contains("introuvable"))
        let nothingCovered = try CLI.run(["syntheses", "ajouter", "s", "--titre", "T", "--fichier", body, "--auteur", Self.writer, "--repo", repo])
        #expect(nothingCovered.exitCode == 1 && nothingCovered.stderr.contains("aucune pathologie ni aucun pays"))
        let unknownSynthesis = try CLI.run(["syntheses", "modifier", "absente", "--titre", "X", "--auteur", Self.writer, "--repo", repo])
        #expect(unknownSynthesis.exitCode == 1 && unknownSynthesis.stderr.contains("synthèse inconnue « absente »"))
        #expect(try CLI.ok(["log"], repo: repo).stdout == before)
    }

    @Test("etat lists a synthesis whose review date has passed, from the day after it")
    func overdueInStatus() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let body = try folder.write("Texte.\n", to: "corps.txt")
        try CLI.ok(["syntheses", "ajouter", "palu-mali", "--titre", "Paludisme au Mali", "--pathologie", "paludisme", "--pays", "Mali",
                    "--fichier", body, "--aujourdhui", "2026-01-10", "--a-reviser-le", "2026-06-30", "--auteur", Self.writer], repo: repo)
        let onTheDay = try CLI.ok(["etat", "--aujourdhui", "2026-06-30"], repo: repo).stdout
        #expect(onTheDay.contains("Synthèses à réviser (date de révision passée)\n  aucune"))
        let after = try CLI.ok(["etat", "--aujourdhui", "2026-07-02"], repo: repo).stdout
        #expect(after.contains("  palu-mali : Paludisme au Mali — à réviser au plus tard le 30 juin 2026 : EN RETARD de 2 jours"))
        let json = try CLI.ok(["etat", "--aujourdhui", "2026-07-02", "--format", "json"], repo: repo).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["overdueSyntheses"] as? [[String: Any]])?.first?["id"] as? String == "palu-mali")
    }

    @Test("actualites publier: by the DGS or the OFII medical service, linked to a known event; others refused")
    func news() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder)
        let published = try CLI.ok(["actualites", "publier", "rupture-arv", "--titre", "Rupture d'antirétroviraux",
                                    "--texte", "Rupture signalée dans plusieurs centres.", "--pathologie", "VIH",
                                    "--reference", "onusida-aidsinfo", "--evenement", "crise-financement-vih-2025",
                                    "--siege", "ofii-direction-medicale", "--auteur", "Direction médicale <ofii@example.org>",
                                    "--aujourdhui", "2026-11-24"], repo: repo).stdout
        #expect(published.contains("Actualité rupture-arv publiée le 24 novembre 2026 (Service médical de l'OFII)."))
        let listed = try CLI.ok(["actualites", "lister"], repo: repo).stdout
        #expect(listed.contains("24 novembre 2026 — Rupture d'antirétroviraux (Service médical de l'OFII, rupture-arv)"))
        #expect(listed.contains("événement : crise-financement-vih-2025"))
        let before = try CLI.ok(["log"], repo: repo).stdout
        let association = try CLI.run(["actualites", "publier", "x", "--titre", "T", "--texte", "X", "--siege", "association-medicale",
                                       "--auteur", Self.writer, "--repo", repo])
        #expect(association.exitCode == 1 && association.stderr.contains("ne publie pas d'actualités"))
        let unknownEvent = try CLI.run(["actualites", "publier", "x", "--titre", "T", "--texte", "X", "--evenement", "invente",
                                        "--siege", "dgs", "--auteur", Self.writer, "--repo", repo])
        #expect(unknownEvent.exitCode == 1 && unknownEvent.stderr.contains("événement inconnu « invente »"))
        let noText = try CLI.run(["actualites", "publier", "x", "--titre", "T", "--siege", "dgs", "--auteur", Self.writer, "--repo", repo])
        #expect(noText.exitCode == 64)
        #expect(try CLI.ok(["log"], repo: repo).stdout == before)
    }
}
}
