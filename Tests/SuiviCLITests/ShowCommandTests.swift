import Foundation
import Testing

/// `suivi show`: one text, or one of its elements, as plain text.
extension EndToEnd {
@Suite("suivi show")
struct ShowCommandTests {
    @Test("--eid prints that point's text and nothing of the rest of the act")
    func point() throws {
        let result = try CLI.run("show", CLI.minimalAct, "--eid", "art_2__para_2__list_1__point_1")
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("1° de l'offre de soins, soit 25 000 établissements ;"), "\(result)")
        for other in ["Article 3", "directeur général", "des caractéristiques du système de santé", "Elles tiennent compte",
                      "Article 2", "Arrêté du 2 mars 2020"] {
            #expect(!result.stdout.contains(other), "« \(other) » printed: \(result)")
        }
        #expect(result.stderr.isEmpty, "\(result)")
    }

    @Test("--eid of an article prints its number, its alinéas and its points, and no other article")
    func article() throws {
        let result = try CLI.run("show", CLI.minimalAct, "--eid", "art_2")
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("Article 2"), "\(result)")
        #expect(result.stdout.contains("Elles tiennent compte :"), "\(result)")
        #expect(result.stdout.contains("2° des caractéristiques du système de santé."), "\(result)")
        #expect(!result.stdout.contains("Article 3"), "\(result)")
        #expect(!result.stdout.contains("Objet"), "\(result)")
    }

    @Test("--eid of an annex prints its number and title")
    func annex() throws {
        let result = try CLI.run("show", CLI.minimalAct, "--eid", "annex_1")
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("Annexe I — RÉFÉRENCES D'ESSAI"), "\(result)")
        #expect(result.stdout.contains("[À compléter d'après le texte officiel.]"), "\(result)")
        #expect(!result.stdout.contains("Article 1er"), "\(result)")
    }

    @Test("the whole act is shown when no eId is given")
    func whole() throws {
        let result = try CLI.run("show", CLI.minimalAct)
        #expect(result.exitCode == 0, "\(result)")
        for expected in ["Arrêté du 2 mars 2020 fixant des règles d'essai", "Article 1er — Objet", "Article 3",
                         "Annexe I — RÉFÉRENCES D'ESSAI", "Fait le 2 mars 2020."] {
            #expect(result.stdout.contains(expected), "« \(expected) » missing: \(result)")
        }
    }

    @Test("an unknown eId exits 1 with a message naming it")
    func unknownEId() throws {
        let result = try CLI.run("show", CLI.minimalAct, "--eid", "nope")
        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderr.contains("aucun élément d'eId « nope »"), "\(result)")
    }

    @Test("a hostile file is refused by show as by validate")
    func hostile() throws {
        let folder = try TemporaryFolder()
        let path = try HostileFile.all[0].write(into: folder)
        let result = try CLI.run("show", path)
        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderr.contains("\(path):3 : déclaration <!DOCTYPE> refusée"), "\(result)")
    }
}
}

/// The help text with its line wrapping undone (ArgumentParser wraps at the terminal width).
private func unwrapped(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

/// The help is written for French drafters.
extension EndToEnd {
@Suite("suivi help")
struct HelpTests {
    @Test("suivi --help exits 0 and describes the commands in French")
    func mainHelp() throws {
        let result = try CLI.run("--help")
        #expect(result.exitCode == 0, "\(result)")
        for expected in ["Suivi et révision de l'arrêté du 5 janvier 2017", "vérifie chaque version du corpus livré",
                         "validate", "Vérifie des textes Akoma Ntoso", "afficher", "Affiche un texte"] {
            #expect(unwrapped(result.stdout).contains(expected), "« \(expected) » missing: \(result)")
        }
    }

    @Test("suivi --help lists no benchmark command, and suivi bench is not a command: the measurements are suivi-bench's")
    func noBenchInTheProduct() throws {
        let help = try CLI.run("--help")
        #expect(help.exitCode == 0, "\(help)")
        #expect(!help.stdout.contains("bench"), "\(help)")
        let bench = try CLI.run("bench", "parse", "--megabytes", "0.01")
        #expect(bench.exitCode == 64, "\(bench)")
        #expect(!bench.stdout.contains("Texte généré"), "\(bench)")
    }

    @Test("suivi validate --help exits 0 and explains in French what is checked and the exit code")
    func validateHelp() throws {
        let result = try CLI.run("validate", "--help")
        #expect(result.exitCode == 0, "\(result)")
        for expected in ["Vérifie des textes Akoma Ntoso : XML sûr, structure, identifiants, métadonnées.",
                         "toute déclaration <!DOCTYPE> est refusée", "Code de sortie : 0 si tout est valide, 1 sinon.",
                         "Fichiers XML ou dossiers", "Format de sortie."] {
            #expect(unwrapped(result.stdout).contains(expected), "« \(expected) » missing: \(result)")
        }
    }

    @Test("suivi show --help exits 0 and is in French")
    func showHelp() throws {
        let result = try CLI.run("show", "--help")
        #expect(result.exitCode == 0, "\(result)")
        #expect(unwrapped(result.stdout).contains("Affiche un texte, ou un seul de ses éléments, en texte lisible."), "\(result)")
        #expect(unwrapped(result.stdout).contains("Identifiant (eId) de l'élément à afficher"), "\(result)")
    }
}
}
