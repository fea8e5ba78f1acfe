import Foundation
import Testing

/// The command line's one vocabulary (README, « Vocabulaire »): French names shown, earlier names still run.
extension EndToEnd {
@Suite("suivi : un seul vocabulaire, les anciens noms en alias cachés")
struct VocabularyCommandTests {
    /// Every renamed command: its earlier path and its French path.
    static let renamedCommands: [(old: [String], new: [String])] = [
        (["show"], ["afficher"]), (["import"], ["importer"]), (["log"], ["versions"]), (["history"], ["historique"]),
        (["blame"], ["provenance"]), (["draft"], ["projet"]), (["committee"], ["comite"]), (["status"], ["etat"]),
        (["event"], ["evenement"]), (["review"], ["revision"]), (["comment"], ["commentaire"]), (["export"], ["exporter"]),
        (["serve"], ["web"]), (["clone"], ["cloner"]), (["pull"], ["recuperer"]), (["push"], ["envoyer"]), (["verify"], ["verifier"]),
        (["draft", "start"], ["projet", "ouvrir"]), (["draft", "commit"], ["projet", "enregistrer"]),
        (["draft", "update"], ["projet", "mettre-a-jour"]), (["draft", "list"], ["projet", "lister"]),
        (["draft", "checkout"], ["projet", "restaurer"]),
        (["committee", "list"], ["comite", "lister"]), (["committee", "add-seat"], ["comite", "ajouter-siege"]),
        (["committee", "add-member"], ["comite", "ajouter-membre"]), (["committee", "remove-member"], ["comite", "retirer-membre"]),
        (["committee", "import"], ["comite", "importer"]), (["committee", "repair"], ["comite", "reparer"]),
        (["committee", "set-password"], ["comite", "mot-de-passe"]),
        (["event", "add"], ["evenement", "ajouter"]), (["event", "list"], ["evenement", "lister"]), (["event", "decide"], ["evenement", "classer"]),
        (["review", "open"], ["revision", "ouvrir"]), (["review", "show"], ["revision", "afficher"]),
        (["review", "list"], ["revision", "lister"]), (["review", "advance"], ["revision", "avancer"]),
        (["position", "record"], ["position", "enregistrer"]),
        (["comment", "add"], ["commentaire", "ajouter"]), (["comment", "reply"], ["commentaire", "repondre"]),
        (["comment", "resolve"], ["commentaire", "resoudre"]), (["comment", "list"], ["commentaire", "lister"]),
        (["export", "consolidated"], ["exporter", "consolide"]), (["export", "comparison"], ["exporter", "comparatif"]),
        (["export", "amending"], ["exporter", "modificatif"]), (["export", "feed"], ["exporter", "flux"]),
        (["import", "legi"], ["importer", "legi"]), (["export", "akn"], ["exporter", "akn"]),
    ]

    /// Commands whose name did not change (README: why), and the subcommands of renamed groups that kept theirs.
    static let unchangedCommands: [[String]] = [
        [], ["validate"], ["diff"], ["init"], ["position"], ["importer", "dossier"], ["importer", "akn"], ["exporter", "bulletin"],
    ]

    /// The earlier option names, each replaced by one French option.
    static let earlierOptions = #"--(repo|today|at|in-force|to|review|brouillon|reason|only-changed|colour|no-colour|output|base-url|as)(?![\w-])"#
    /// An example that still uses an earlier command name.
    static let earlierExample = #"suivi (show|import|log|history|blame|draft|committee|status|event|review|comment|export|serve|clone|pull|push|verify)\b"#
    static let earlierSubcommands: Set<String> = [
        "start", "commit", "update", "list", "checkout", "add-seat", "add-member", "remove-member", "import", "repair", "set-password",
        "add", "decide", "open", "show", "advance", "record", "reply", "resolve", "consolidated", "comparison", "amending", "feed",
    ]

    @Test("every earlier command name runs the renamed command (same help, exit 0)")
    func earlierCommandNames() throws {
        for (old, new) in Self.renamedCommands {
            let earlier = try CLI.run(old + ["--help"])
            let french = try CLI.run(new + ["--help"])
            #expect(earlier.exitCode == 0 && french.exitCode == 0, "\(old) → \(earlier)\n\(new) → \(french)")
            #expect(earlier.stdout == french.stdout, "\(old) and \(new) differ")
        }
        // `suivi help <earlier command>` too.
        let help = try CLI.run(["help", "committee", "list"])
        let french = try CLI.run(["comite", "lister", "--help"])
        #expect(help.exitCode == 0 && help.stdout == french.stdout, "\(help)")
    }

    @Test("--help shows only the French names: no earlier command, option or English header")
    func helpShowsOnlyNewNames() throws {
        let earlierOption = try Regex(Self.earlierOptions)
        let earlierExample = try Regex(Self.earlierExample)
        for path in Self.unchangedCommands + Self.renamedCommands.map(\.new) {
            let help = try CLI.run(path + ["--help"])
            #expect(help.exitCode == 0, "\(path) → \(help)")
            let text = help.stdout
            #expect(text.firstMatch(of: earlierOption) == nil, "\(path): \(text.firstMatch(of: earlierOption).map { String(text[$0.range]) } ?? "")")
            #expect(text.firstMatch(of: earlierExample) == nil, "\(path): \(text.firstMatch(of: earlierExample).map { String(text[$0.range]) } ?? "")")
            for english in ["USAGE:", "OPTIONS:", "SUBCOMMANDS:", "ARGUMENTS:", "OVERVIEW:", "Show help information", "(default:", "(values:"] {
                #expect(!text.contains(english), "\(path): « \(english) »")
            }
            #expect(text.contains("UTILISATION : suivi"), "\(path): \(text)")
            // Each listed subcommand is a French name, with no alias beside it.
            if let section = text.components(separatedBy: "SOUS-COMMANDES :\n").dropFirst().first {
                for line in section.split(separator: "\n") where line.hasPrefix("  ") && !line.hasPrefix("   ") {
                    let name = line.split(separator: " ").first.map(String.init) ?? ""
                    #expect(!name.hasSuffix(",") && !Self.earlierSubcommands.contains(name), "\(path): « \(line) »")
                }
            }
        }
    }

    /// `text` with the register's folder and every object name replaced, so two registers' outputs compare.
    static func masked(_ text: String, _ repo: String) -> String {
        text.replacingOccurrences(of: repo, with: "<registre>")
            .replacing(try! Regex("[0-9a-f]{7,40}"), with: "#")
            .replacing(try! Regex(#"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"#), with: "<instant>")
    }

    @Test("every earlier option gives what its French option gives, on two registers built one way and the other")
    func earlierOptionNames() throws {
        let folder = try TemporaryFolder()
        let root = CLI.packageRoot.path
        let (a, b) = (folder.path("a/registre"), folder.path("b/registre"))
        let chair = "Présidence du comité <presidence@example.org>"
        let doctor = "Médecin du service médical <medecin@example.org>"
        var step = 0
        /// Runs the earlier and the French command line, each on its register, and expects the same result.
        @discardableResult
        func same(_ earlier: [String], _ french: [String], exit: Int32 = 0) throws -> (ProcessResult, ProcessResult) {
            step += 1
            let old = try CLI.run(earlier.map { $0 == "<R>" ? a : $0 })
            let new = try CLI.run(french.map { $0 == "<R>" ? b : $0 })
            #expect(old.exitCode == exit && new.exitCode == exit, "step \(step): \(earlier) → \(old)\n\(french) → \(new)")
            #expect(Self.masked(old.stdout, a) == Self.masked(new.stdout, b), "step \(step): \(earlier)\n\(old.stdout)\n---\n\(new.stdout)")
            #expect(Self.masked(old.stderr, a) == Self.masked(new.stderr, b), "step \(step): \(earlier)\n\(old.stderr)\n---\n\(new.stderr)")
            return (old, new)
        }
        try same(["init", "<R>"], ["init", "<R>"])
        try same(["import", root + "/corpus", "--repo", "<R>", "--as", CLI.clerk],
                 ["importer", root + "/corpus", "--registre", "<R>", "--auteur", CLI.clerk])
        try same(["committee", "import", root + "/committee", "--repo", "<R>", "--auteur", CLI.clerk],
                 ["comite", "importer", root + "/committee", "--registre", "<R>", "--auteur", CLI.clerk])
        try same(["log", "--format", "text", "--repo", "<R>"], ["versions", "--format", "texte", "--registre", "<R>"])
        try same(["show", "--at", "v2017-01-05", "--eid", "art_3", "--repo", "<R>"],
                 ["afficher", "--version", "v2017-01-05", "--eid", "art_3", "--registre", "<R>"])
        let inForce = try same(["show", "--in-force", "2020-06-01", "--eid", "art_3", "--repo", "<R>"],
                               ["afficher", "--version", "2020-06-01", "--eid", "art_3", "--registre", "<R>"])
        #expect(inForce.1.stderr.contains("Version en vigueur le 1er juin 2020") || inForce.1.stderr.contains("Version en vigueur le 1 juin 2020"),
                "\(inForce.1)")
        try same(["blame", "--at", "v2017-01-05", "--repo", "<R>"], ["provenance", "--version", "v2017-01-05", "--registre", "<R>"])
        try same(["status", "--today", "2026-11-24", "--repo", "<R>"], ["etat", "--aujourdhui", "2026-11-24", "--registre", "<R>"])
        try same(["review", "advance", "periodique-2020", "redaction", "--today", "2026-11-24", "--as", "dgs", "--auteur", chair, "--repo", "<R>"],
                 ["revision", "avancer", "periodique-2020", "redaction", "--aujourdhui", "2026-11-24", "--siege", "dgs", "--auteur", chair,
                  "--registre", "<R>"])
        for repo in [a, b] {
            let draft = URL(fileURLWithPath: repo).appendingPathComponent("brouillons/periodique-2020/AFSP1638149A.xml")
            try FileManager.default.removeItem(at: draft)
            try FileManager.default.copyItem(atPath: root + "/corpus/2026-projet/AFSP1638149A.xml", toPath: draft.path)
        }
        try same(["draft", "commit", "periodique-2020", "-m", "Révision 2026", "--as", CLI.clerk, "--repo", "<R>"],
                 ["projet", "enregistrer", "periodique-2020", "-m", "Révision 2026", "--auteur", CLI.clerk, "--registre", "<R>"])
        try same(["review", "advance", "periodique-2020", "consultation", "--today", "2026-11-25", "--as", "dgs", "--auteur", chair, "--repo", "<R>"],
                 ["revision", "avancer", "periodique-2020", "consultation", "--aujourdhui", "2026-11-25", "--siege", "dgs", "--auteur", chair,
                  "--registre", "<R>"])
        try same(["position", "record", "--review", "periodique-2020", "reserves", "--reason", "Préciser l'article 3.", "--today", "2026-12-01",
                  "--as", "ofii-medecins", "--auteur", doctor, "--repo", "<R>"],
                 ["position", "enregistrer", "--revision", "periodique-2020", "reserves", "--motif", "Préciser l'article 3.",
                  "--aujourdhui", "2026-12-01", "--siege", "ofii-medecins", "--auteur", doctor, "--registre", "<R>"])
        let positions = try same(["review", "show", "periodique-2020", "--today", "2026-12-01", "--repo", "<R>"],
                                 ["revision", "afficher", "periodique-2020", "--aujourdhui", "2026-12-01", "--registre", "<R>"])
        #expect(positions.1.stdout.contains("position ofii-medecins") && positions.1.stdout.contains("Préciser l'article 3."), "\(positions.1)")
        try same(["comment", "list", "--review", "periodique-2020", "--repo", "<R>"],
                 ["commentaire", "lister", "--revision", "periodique-2020", "--registre", "<R>"])
        try same(["export", "consolidated", "--at", "draft/periodique-2020", "--to", "md", "--repo", "<R>"],
                 ["exporter", "consolide", "--version", "draft/periodique-2020", "--format", "markdown", "--registre", "<R>"])
        try same(["export", "comparison", "v2017-01-05", "draft/periodique-2020", "--to", "html", "--output", folder.path("a.html"), "--repo", "<R>"],
                 ["exporter", "comparatif", "v2017-01-05", "draft/periodique-2020", "--format", "html", "--sortie", folder.path("b.html"),
                  "--registre", "<R>"])
        let (tableA, tableB) = (try String(contentsOfFile: folder.path("a.html"), encoding: .utf8),
                                try String(contentsOfFile: folder.path("b.html"), encoding: .utf8))
        #expect(!tableA.isEmpty && Self.masked(tableA, a) == Self.masked(tableB, b))
        let feed = try same(["export", "feed", "--base-url", "https://suivi.example", "--repo", "<R>"],
                            ["exporter", "flux", "--adresse", "https://suivi.example", "--registre", "<R>"])
        #expect(feed.1.stdout.contains("https://suivi.example/"), "\(feed.1)")
        let draftFile = root + "/corpus/2026-projet/AFSP1638149A.xml"
        try same(["import", "akn", draftFile, "--brouillon", "essai-akn", "--repo", "<R>", "--as", CLI.clerk],
                 ["importer", "akn", draftFile, "--projet", "essai-akn", "--registre", "<R>", "--auteur", CLI.clerk])
        let drafts = try same(["draft", "list", "--repo", "<R>"], ["projet", "lister", "--registre", "<R>"])
        #expect(drafts.1.stdout.contains("draft/essai-akn"), "\(drafts.1)")

        // File commands (no register).
        let (old, new) = (root + "/corpus/2017-01-05/AFSP1638149A.xml", draftFile)
        try same(["diff", old, new, "--only-changed", "--format", "json"], ["diff", old, new, "--seulement-changes", "--format", "json"])
        let colour = try same(["diff", old, new, "--colour"], ["diff", old, new, "--couleur"])
        #expect(colour.1.stdout.contains("\u{1B}["))
        let plain = try same(["diff", old, new, "--no-colour", "--format", "text"], ["diff", old, new, "--sans-couleur", "--format", "texte"])
        #expect(!plain.1.stdout.contains("\u{1B}[") && !plain.1.stdout.isEmpty)
        try same(["diff", old, new, "--format", "md"], ["diff", old, new, "--format", "markdown"])
        // `--name=value` is rewritten too.
        try same(["log", "--repo=<R>"].map { $0.replacingOccurrences(of: "<R>", with: a) },
                 ["versions", "--registre=<R>"].map { $0.replacingOccurrences(of: "<R>", with: b) })
    }

    @Test("ArgumentParser's own errors are in French, printed once, with the usage and where the help is; exit 64")
    func frenchCommandLineErrors() throws {
        let cases: [(arguments: [String], expected: String)] = [
            (["diff"], "suivi : argument attendu manquant : « <ancienne> »"),
            (["versions", "--inconnue"], "suivi : option inconnue « --inconnue »"),
            (["versions", "--formt", "json"], "suivi : option inconnue « --formt » ; vouliez-vous dire « --format » ?"),
            (["versions", "--format", "xml"], "suivi : valeur « xml » invalide pour « --format <format> » ; valeurs possibles : « texte », « json »"),
            (["versions", "--registre"], "suivi : valeur manquante pour « --registre <dossier> »"),
            (["init", "a", "b"], "suivi : argument inattendu « b »"),
            (["revision", "avancer", "r", "nulle-part"], "suivi : valeur « nulle-part » invalide pour « <etape> »"),
        ]
        for (arguments, expected) in cases {
            let result = try CLI.run(arguments)
            #expect(result.exitCode == 64, "\(arguments) → \(result)")
            #expect(result.stderr.hasPrefix(expected), "\(arguments) → \(result.stderr)")
            #expect(result.stderr.contains("\nUtilisation : suivi ") && result.stderr.contains("\nAide : suivi "), "\(arguments) → \(result.stderr)")
            for english in ["Error:", "Usage:", "Missing", "Unknown", "Unexpected", "invalid for", "Please provide", "See '"] {
                #expect(!result.stderr.contains(english), "\(arguments) → \(result.stderr)")
            }
            #expect(result.stdout.isEmpty)
        }
    }

    @Test("a mistyped command is reported as an unknown command, with the closest one; exit 64")
    func mistypedCommand() throws {
        let cases: [(arguments: [String], expected: String)] = [
            (["revew"], "suivi : commande inconnue « revew » ; vouliez-vous dire « suivi revision » ?"),
            (["revison", "lister"], "suivi : commande inconnue « revison » ; vouliez-vous dire « suivi revision » ?"),
            (["comite", "lsiter"], "suivi : commande inconnue « lsiter » ; vouliez-vous dire « suivi comite lister » ?"),
            (["committee", "lst"], "suivi : commande inconnue « lst » ; vouliez-vous dire « suivi comite lister » ?"),
            (["exporter", "consolidee"], "suivi : commande inconnue « consolidee » ; vouliez-vous dire « suivi exporter consolide » ?"),
            (["zzzzzzzzzz"], "suivi : commande inconnue « zzzzzzzzzz »."),
        ]
        for (arguments, expected) in cases {
            let result = try CLI.run(arguments + ["--registre", "nulle-part"])
            #expect(result.exitCode == 64, "\(arguments) → \(result)")
            #expect(result.stderr.hasPrefix(expected + "\n"), "\(arguments) → \(result.stderr)")
            #expect(!result.stderr.contains("argument inattendu") && !result.stderr.contains("Unexpected"), "\(result.stderr)")
        }
    }

    @Test("a refused operation is printed once, in French, and exits 1; --version prints the version")
    func refusedOperation() throws {
        let folder = try TemporaryFolder()
        let refused = try CLI.run(["versions", "--registre", folder.path("absent")])
        #expect(refused.exitCode == 1, "\(refused)")
        #expect(refused.stderr.hasPrefix("suivi : ") && refused.stderr.components(separatedBy: "suivi : ").count == 2, "\(refused.stderr)")
        #expect(!refused.stderr.contains("Error"))
        let directory = folder.path("dossier")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let file = CLI.minimalAct
        let folderOutput = try CLI.run(["exporter", "akn", "--sortie", directory, "--registre", folder.path("absent")])
        #expect(folderOutput.exitCode == 1 && folderOutput.stderr.components(separatedBy: "suivi : ").count == 2, "\(folderOutput)")
        let missing = try CLI.run(["afficher", file, "--eid", "art_999"])
        #expect(missing.exitCode == 1 && missing.stderr.hasPrefix("suivi : aucun élément d'eId « art_999 »")
                && missing.stderr.components(separatedBy: "suivi : ").count == 2, "\(missing)")
        let version = try CLI.run(["--version"])
        #expect(version.exitCode == 0 && version.stdout == "0.1.0\n", "\(version)")
    }
}
}
