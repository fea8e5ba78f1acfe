import Foundation
import Testing

/// Every `--format json` output names its schema and version (docs/JSON.md).
extension EndToEnd {
@Suite("suivi --format json : un schéma nommé et versionné par commande")
struct JSONSchemaCommandTests {
    /// Runs `suivi <arguments>`, expects exit 0 and a JSON object naming `schema`, version 1; returns the object.
    @discardableResult
    static func expectSchema(_ schema: String, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let result = try CLI.run(arguments)
        #expect(result.exitCode == 0, "\(arguments) → \(result)", sourceLocation: sourceLocation)
        let object = try #require(try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                                  "\(arguments): not a JSON object → \(result)", sourceLocation: sourceLocation)
        #expect(object["schema"] as? String == schema, "\(arguments) → schema \(object["schema"] ?? "none")", sourceLocation: sourceLocation)
        #expect(object["schemaVersion"] as? Int == 1, "\(arguments) → \(object["schemaVersion"] ?? "none")", sourceLocation: sourceLocation)
        return object
    }

    @Test("each command printing JSON emits its schema name and version, on the README's path through the committee")
    func everyCommandNamesItsSchema() throws {
        let folder = try TemporaryFolder()
        let root = CLI.packageRoot.path
        let repo = folder.path("registre")
        let r = ["--registre", repo, "--format", "json"]
        let chair = ["--siege", "dgs", "--auteur", "Présidence du comité <presidence@example.org>"]
        let ofii = ["--siege", "ofii-medecins", "--auteur", "Médecin du service médical <medecin@example.org>"]
        let (old, new) = (root + "/corpus/2017-01-05/AFSP1638149A.xml", root + "/corpus/2026-projet/AFSP1638149A.xml")

        try Self.expectSchema("suivi-validate", ["validate", old, "--format", "json"])
        try Self.expectSchema("suivi-diff", ["diff", old, new, "--format", "json"])
        #expect(try CLI.run(["init", repo]).exitCode == 0)
        let imported = try Self.expectSchema("suivi-import", ["importer", root + "/corpus", "--auteur", CLI.clerk] + r)
        #expect((imported["versions"] as? [Any])?.isEmpty == false)
        try Self.expectSchema("suivi-comite-import", ["comite", "importer", root + "/committee", "--auteur", CLI.clerk] + r)
        let versions = try Self.expectSchema("suivi-versions", ["versions"] + r)
        #expect((versions["versions"] as? [Any])?.isEmpty == false)
        try Self.expectSchema("suivi-historique", ["historique", "art_3__para_2"] + r)
        try Self.expectSchema("suivi-provenance", ["provenance"] + r)
        try Self.expectSchema("suivi-projets", ["projet", "lister"] + r)
        let roster = try Self.expectSchema("suivi-comite", ["comite", "lister"] + r)
        #expect(roster["seats"] != nil, "\(roster.keys)")
        try Self.expectSchema("suivi-siege", ["comite", "ajouter-siege", "societe-test", "--categorie", "societe-savante",
                                             "--organisation", "Société savante (essai)", "--auteur", CLI.clerk] + r)
        try Self.expectSchema("suivi-membre", ["comite", "ajouter-membre", "societe-test", "--nom", "Prénom Nom", "--courriel", "p.nom@example.org",
                                              "--debut", "2026-11-01", "--auteur", CLI.clerk] + r)
        try Self.expectSchema("suivi-fin-de-mandat", ["comite", "retirer-membre", "societe-test", "--courriel", "p.nom@example.org",
                                                     "--fin", "2026-11-20", "--auteur", CLI.clerk] + r)
        try Self.expectSchema("suivi-comite-reparation", ["comite", "reparer", "--auteur", CLI.clerk] + r)
        try Self.expectSchema("suivi-etat", ["etat", "--aujourdhui", "2026-11-24"] + r)
        try Self.expectSchema("suivi-evenement", ["evenement", "ajouter", "essai-evenement", "--date", "2026-11-01", "--nature", "sanitaire",
                                                 "--resume", "Essai.", "--source", "Rapport d'essai", "--aujourdhui", "2026-11-24"] + chair + r)
        try Self.expectSchema("suivi-evenement", ["evenement", "classer", "essai-evenement", "--motif", "Sans effet sur le texte.",
                                                 "--aujourdhui", "2026-11-24"] + chair + r)
        try Self.expectSchema("suivi-evenements", ["evenement", "lister"] + r)
        try Self.expectSchema("suivi-revisions", ["revision", "lister"] + r)
        try Self.expectSchema("suivi-revision", ["revision", "avancer", "periodique-2020", "redaction", "--aujourdhui", "2026-11-24"] + chair + r)
        let draft = URL(fileURLWithPath: repo).appendingPathComponent("brouillons/periodique-2020/AFSP1638149A.xml")
        try FileManager.default.removeItem(at: draft)
        try FileManager.default.copyItem(atPath: new, toPath: draft.path)
        #expect(try CLI.run(["projet", "enregistrer", "periodique-2020", "-m", "Révision 2026", "--auteur", CLI.clerk, "--registre", repo]).exitCode == 0)
        try Self.expectSchema("suivi-projet-mise-a-jour", ["projet", "mettre-a-jour", "periodique-2020", "--auteur", CLI.clerk] + r)
        try Self.expectSchema("suivi-revision", ["revision", "avancer", "periodique-2020", "consultation", "--aujourdhui", "2026-11-25"] + chair + r)
        try Self.expectSchema("suivi-position", ["position", "enregistrer", "--revision", "periodique-2020", "reserves", "--motif", "Préciser.",
                                                "--aujourdhui", "2026-12-01"] + ofii + r)
        let comment = try Self.expectSchema("suivi-commentaire", ["commentaire", "ajouter", "--revision", "periodique-2020", "--eid", "art_3__para_5",
                                                                 "--aujourdhui", "2026-12-01", "Préciser les consommables."] + ofii + r)
        let id = try #require(comment["id"] as? String)
        try Self.expectSchema("suivi-commentaire", ["commentaire", "repondre", "--revision", "periodique-2020", id, "Repris.",
                                                   "--aujourdhui", "2026-12-02"] + chair + r)
        try Self.expectSchema("suivi-commentaire", ["commentaire", "resoudre", "--revision", "periodique-2020", id, "--note", "Fait.",
                                                   "--aujourdhui", "2026-12-03"] + chair + r)
        try Self.expectSchema("suivi-commentaires", ["commentaire", "lister", "--revision", "periodique-2020"] + r)
        try Self.expectSchema("suivi-revision-detail", ["revision", "afficher", "periodique-2020", "--aujourdhui", "2026-12-03"] + r)
        try Self.expectSchema("suivi-consolide", ["exporter", "consolide", "--version", "draft/periodique-2020"] + r)
        try Self.expectSchema("suivi-tableau-comparatif", ["exporter", "comparatif", "v2017-01-05", "draft/periodique-2020"] + r)
        try Self.expectSchema("suivi-arrete-modificatif", ["exporter", "modificatif", "v2017-01-05", "draft/periodique-2020"] + r)
        try Self.expectSchema("suivi-bulletin", ["exporter", "bulletin", "--revision", "periodique-2020"] + r)
        try Self.expectSchema("suivi-verification", ["verifier"] + r)

        // Sync: a clone of the register, a pull and a push back.
        let copy = folder.path("copie")
        try Self.expectSchema("suivi-clonage", ["cloner", repo, copy, "--format", "json"])
        try Self.expectSchema("suivi-recuperation", ["recuperer", "--registre", copy, "--format", "json"])
        try Self.expectSchema("suivi-envoi", ["envoyer", "--registre", copy, "--format", "json"])
    }
}
}
