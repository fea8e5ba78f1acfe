import ArgumentParser
import Foundation
import LegalText
import SuiviSynthetic
import Register

extension SuiviBench {
    /// `suivi-bench generate`: a long synthetic history in a register.
    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Génère un registre d'essai : un arrêté de N éléments et M versions (1 % modifié à chaque version).",
            discussion: "  suivi-bench generate --clauses 10000 --versions 1000 --repo /tmp/registre-bench"
        )

        @Option(help: "Nombre approximatif d'éléments (articles, alinéas, points) du texte.")
        var clauses: Int = 10_000

        @Option(help: "Nombre de versions adoptées.")
        var versions: Int = 1_000

        @Option(help: "Dossier du registre à créer (il ne doit pas exister).")
        var repo: String

        func run() async throws {
            let url = URL(fileURLWithPath: repo)
            let registry = try ScratchRegister.create(at: url)
            let author = Identity(name: "Générateur suivi", email: "bench@suivi.invalid")
            let clock = ContinuousClock()
            let start = clock.now
            let history = SyntheticHistory(clauses: clauses, versions: versions)
            try await registerCall {
                try await history.write(into: registry, author: author) { done in
                    if done % 100 == 0 { printError("… \(done) versions") }
                }
            }
            print("Registre \(repo) : \(versions) versions d'un texte d'environ \(clauses) éléments, en \(clock.now - start).")
        }
    }

    /// `suivi-bench register`: query times on a register (median of several runs).
    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "register",
            abstract: "Mesure, sur un registre : version en vigueur à une date, texte en vigueur, historique d'un élément, import.",
            discussion: "  suivi-bench register --repo /tmp/registre-bench --runs 7"
        )

        @Option(help: "Dossier du registre (par exemple créé par suivi-bench generate).")
        var repo: String

        @Option(help: "Nombre de mesures (la médiane est retenue).")
        var runs: Int = 7

        @Option(help: "Élément dont on mesure l'historique.")
        var clause: String = "art_1__para_1"

        @Option(help: "Nombre de versions importées pour mesurer le débit d'import (0 : pas de mesure).")
        var importVersions: Int = 5

        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        func run() async throws {
            let registry = try await registerCall { try TextRegister.open(at: URL(fileURLWithPath: repo)) }
            let versions = try await registerCall { try await registry.versions() }
            let adopted = versions.filter { $0.kind == .adopted }
            guard let middle = adopted.dropFirst(adopted.count / 2).first, let date = middle.record?.entryIntoForce else {
                throw ValidationError("le registre ne contient aucune version adoptée.")
            }
            let clause = self.clause
            var results: [String: Double] = [:]
            var historyLength = 0
            results["versionEnVigueurMs"] = try await median(runs) {
                _ = try await registry.versionInForce(on: date)
            }
            results["texteEnVigueurMs"] = try await median(runs) {
                let version = try await registry.versionInForce(on: date)
                _ = try await registry.document(at: version.commit)
            }
            // First query with an empty changed-paths cache (it diffs every pair of versions once), then warm.
            try? FileManager.default.removeItem(at: TextRegister.gitDirectory(of: URL(fileURLWithPath: repo))
                .appendingPathComponent("suivi-cache"))
            results["historiqueFroidMs"] = try await median(1) {
                _ = try await registry.history(of: clause)
            }
            results["historiqueMs"] = try await median(runs) {
                historyLength = try await registry.history(of: clause).count
            }
            if importVersions > 0 {
                let (seconds, bytes) = try await measureImport(count: importVersions)
                results["importVersionsParSeconde"] = Double(importVersions) / seconds
                results["importMoParSeconde"] = Double(bytes) / 1_000_000 / seconds
            }
            let clauseCount = try await registerCall {
                try await registry.document(at: middle.commit).allClauses.count
            }
            switch format {
            case .json:
                var output = results.mapValues { ($0 * 100).rounded() / 100 }
                output["versions"] = Double(adopted.count)
                output["elements"] = Double(clauseCount)
                print(try jsonString(output))
            case .text:
                print("Registre : \(adopted.count) versions adoptées, texte de \(clauseCount) éléments ; médiane de \(runs) mesures.")
                print(String(format: "Version en vigueur le %@ : %.2f ms (objectif < 50 ms)", date.iso, results["versionEnVigueurMs"] ?? 0))
                print(String(format: "Texte complet en vigueur à cette date : %.2f ms", results["texteEnVigueurMs"] ?? 0))
                print(String(format: "Historique de %@ (%d changements) : %.2f ms (objectif < 200 ms) ; première requête, cache vide : %.2f ms",
                             clause, historyLength, results["historiqueMs"] ?? 0, results["historiqueFroidMs"] ?? 0))
                if let rate = results["importVersionsParSeconde"], let mb = results["importMoParSeconde"] {
                    print(String(format: "Import : %.2f versions/s (%.1f Mo/s de XML lu, vérifié, découpé et enregistré)", rate, mb))
                }
            }
        }

        private func median(_ runs: Int, _ body: () async throws -> Void) async throws -> Double {
            try await Stopwatch.median(runs: runs) { try await registerCall { try await body() } }
        }

        /// Imports `count` versions of a generated 10,000-clause act into a fresh register; returns the
        /// time and the XML bytes read.
        private func measureImport(count: Int) async throws -> (Double, Int) {
            let base = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-bench-import-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: base) }
            var document = SyntheticAct(articles: 1_786).document()
            var bytes = 0
            for index in 0..<count {
                let signature = LegalDate(year: 2001, month: 1, day: 1)!.adding(days: 30 * index)
                document.lifecycle = [
                    LifecycleEvent(eId: "evt_signature", date: signature, refersTo: LegalEventKind.signature.rawValue),
                    LifecycleEvent(eId: "evt_vigueur", date: signature.adding(days: 1), refersTo: LegalEventKind.entryIntoForce.rawValue),
                ]
                document.body[index % document.body.count].children[0].content = [Block(text: "Version \(index + 1).")]
                let folder = base.appendingPathComponent("versions/\(signature.iso)")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let data = CanonicalWriter.data(document)
                bytes += data.count
                try data.write(to: folder.appendingPathComponent("texte.xml"))
            }
            let target = base.appendingPathComponent("registre")
            let author = Identity(name: "Mesure", email: "bench@suivi.invalid")
            let milliseconds = try await Stopwatch.time {
                try await registerCall {
                    let fresh = try TextRegister.create(at: target)
                    _ = try await fresh.importVersions(from: base.appendingPathComponent("versions").path, author: author)
                }
            }
            return (milliseconds / 1000, bytes)
        }
    }
}
