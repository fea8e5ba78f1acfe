import ArgumentParser
import Foundation
import LegalText
import SuiviSynthetic

extension SuiviBench {
    /// `suivi-bench parse`: parse + validate of a generated act, next to `xmllint --noout` on the same file.
    struct Parse: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "parse",
            abstract: "Lecture + validation d'un arrêté généré de N Mo, comparée à « xmllint --noout ».",
            discussion: """
            Génère un arrêté synthétique valide (graine fixe), l'écrit sous forme canonique dans un \
            fichier temporaire, puis mesure : suivi (lecture libxml2 + modèle + validation) et \
            xmllint --noout (analyse libxml2 seule), chacun --runs fois ; affiche la médiane et le débit.
            """
        )

        @Option(help: "Taille visée du texte généré, en mégaoctets.")
        var megabytes: Double = 10

        @Option(help: "Nombre de mesures de chaque côté (la médiane est retenue).")
        var runs: Int = 5

        @Option(help: "Chemin de xmllint (paquet libxml2-utils).")
        var xmllint: String = "/usr/bin/xmllint"

        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        @Option(help: "Conserve le texte généré à ce chemin (pour le mesurer avec d'autres outils).")
        var keep: String?

        func validate() throws {
            guard megabytes > 0, megabytes <= 60 else { throw ValidationError("--megabytes doit être entre 0 et 60.") }
            guard runs >= 1 else { throw ValidationError("--runs doit être au moins 1.") }
        }

        func run() throws {
            let document = SyntheticAct.ofSize(megabytes: megabytes).document()
            let data = CanonicalWriter.data(document)
            let path = keep ?? FileManager.default.temporaryDirectory
                .appendingPathComponent("suivi-bench-\(ProcessInfo.processInfo.processIdentifier).xml").path
            try data.write(to: URL(fileURLWithPath: path))
            defer { if keep == nil { try? FileManager.default.removeItem(atPath: path) } }
            let bytes = Double(data.count)

            var clauseCount = 0
            let ours = try Stopwatch.median(runs: runs) {
                let check = FileCheck.check(file: path)
                guard check.isValid, let document = check.document else {
                    throw ValidationError("le texte généré est invalide : \(check.problems.first?.description ?? "?")")
                }
                clauseCount = document.allClauses.count
            }
            var theirs: Double?
            if FileManager.default.isExecutableFile(atPath: xmllint) {
                theirs = try Stopwatch.median(runs: runs) { try runProcess(xmllint, ["--noout", path]) }
            }
            let result = BenchResult(
                bytes: data.count, clauses: clauseCount, runs: runs,
                suiviMedianSeconds: ours / 1000, xmllintMedianSeconds: theirs.map { $0 / 1000 })
            switch format {
            case .json: print(try jsonString(result))
            case .text:
                print("Texte généré : \(String(format: "%.1f", bytes / 1_000_000)) Mo, \(clauseCount) éléments, \(runs) mesures.")
                print("suivi (lecture + validation) : \(String(format: "%.1f", result.suiviMedianSeconds * 1000)) ms, "
                      + "\(String(format: "%.1f", result.suiviMegabytesPerSecond)) Mo/s")
                if let xmllintMB = result.xmllintMegabytesPerSecond, let seconds = result.xmllintMedianSeconds {
                    print("xmllint --noout            : \(String(format: "%.1f", seconds * 1000)) ms, "
                          + "\(String(format: "%.1f", xmllintMB)) Mo/s")
                    print("Rapport suivi / xmllint    : \(String(format: "%.2f", result.ratioToXmllint ?? 0)) "
                          + "(objectif ≥ 0,5)")
                } else {
                    print("xmllint introuvable (\(xmllint)) : installez libxml2-utils pour la comparaison.")
                }
            }
        }

        private func runProcess(_ executable: String, _ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw ValidationError("\(executable) a échoué (code \(process.terminationStatus)).")
            }
        }

    }
}

/// The figures of one `suivi-bench parse` run.
struct BenchResult: Encodable {
    let bytes: Int
    let clauses: Int
    let runs: Int
    let suiviMedianSeconds: Double
    let xmllintMedianSeconds: Double?

    var suiviMegabytesPerSecond: Double { Double(bytes) / 1_000_000 / suiviMedianSeconds }
    var xmllintMegabytesPerSecond: Double? { xmllintMedianSeconds.map { Double(bytes) / 1_000_000 / $0 } }
    var ratioToXmllint: Double? { xmllintMegabytesPerSecond.map { suiviMegabytesPerSecond / $0 } }

    enum CodingKeys: String, CodingKey {
        case bytes, clauses, runs, suiviMedianSeconds, xmllintMedianSeconds, suiviMegabytesPerSecond,
             xmllintMegabytesPerSecond, ratioToXmllint
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(bytes, forKey: .bytes)
        try container.encode(clauses, forKey: .clauses)
        try container.encode(runs, forKey: .runs)
        try container.encode(suiviMedianSeconds, forKey: .suiviMedianSeconds)
        try container.encodeIfPresent(xmllintMedianSeconds, forKey: .xmllintMedianSeconds)
        try container.encode(suiviMegabytesPerSecond, forKey: .suiviMegabytesPerSecond)
        try container.encodeIfPresent(xmllintMegabytesPerSecond, forKey: .xmllintMegabytesPerSecond)
        try container.encodeIfPresent(ratioToXmllint, forKey: .ratioToXmllint)
    }
}
