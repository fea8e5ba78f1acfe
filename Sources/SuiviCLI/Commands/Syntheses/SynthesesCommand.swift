import ArgumentParser
import Committee
import Foundation
import LegalText

extension Suivi {
    /// `suivi syntheses`: the syntheses on care in countries of origin (R5.1).
    struct SynthesesCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "syntheses",
            abstract: "Synthèses sur la disponibilité et l'accessibilité des soins, par pathologie et pays (portail documentaire).",
            discussion: """
            Chaque synthèse est un enregistrement committee/syntheses/<id>.xml ; chaque modification est un commit, \
            et « comparer » montre mot à mot ce qui a changé entre deux versions. Le texte se lit dans un fichier \
            (paragraphes séparés par une ligne vide) ou sur l'entrée standard (--fichier -).
              suivi syntheses ajouter vih-cameroun --titre "VIH au Cameroun" --pathologie VIH --pays Cameroun \\
                    --reference onusida-aidsinfo --fichier synthese.txt --auteur "Prénom Nom <courriel>"
              suivi syntheses modifier vih-cameroun --fichier synthese-v2.txt --auteur "Prénom Nom <courriel>"
              suivi syntheses comparer vih-cameroun 1 2
            Une synthèse dont la date de révision est passée est signalée par « suivi etat ».
            """,
            subcommands: [Add.self, Modify.self, List.self, Show.self, Compare.self]
        )

        /// The body's text from a file, or from standard input for `-`: UTF-8, at most 1 Mio.
        static func readBody(_ path: String) throws -> [String] {
            let data: Data
            if path == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let contents = FileManager.default.contents(atPath: path) else {
                    let reason = FileManager.default.fileExists(atPath: path) ? "illisible (droits, ou un dossier)" : "introuvable"
                    throw Refusal("texte de la synthèse « \(path) » \(reason) ; indiquez un fichier, ou « - » pour l'entrée standard.")
                }
                data = contents
            }
            guard data.count <= 1 << 20 else {
                throw Refusal("le texte de la synthèse « \(path) » dépasse 1 Mio ; une synthèse tient en quelques pages.")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw Refusal("le texte de la synthèse « \(path) » n'est pas en UTF-8 ; enregistrez-le en UTF-8 et recommencez.")
            }
            let paragraphs = Synthesis.paragraphs(from: text)
            guard !paragraphs.isEmpty else { throw Refusal("le texte de la synthèse « \(path) » est vide : rien n'a été enregistré.") }
            return paragraphs
        }

        /// A synthesis in plain text.
        static func render(_ synthesis: Synthesis, today: LegalDate) -> String {
            var lines = ["\(synthesis.id) — \(synthesis.title)",
                         "  date : \(synthesis.date.french) ; à réviser au plus tard le \(synthesis.reviewBy.french)"
                             + (synthesis.isOverdue(on: today) ? " — RÉVISION EN RETARD" : "")]
            if !synthesis.pathologies.isEmpty { lines.append("  pathologies : " + synthesis.pathologies.joined(separator: ", ")) }
            if !synthesis.countries.isEmpty { lines.append("  pays : " + synthesis.countries.joined(separator: ", ")) }
            lines.append("  auteurs : " + synthesis.authors.joined(separator: ", "))
            lines.append("  références : " + (synthesis.references.isEmpty ? "aucune" : synthesis.references.joined(separator: ", ")))
            return lines.joined(separator: "\n")
        }
    }
}
