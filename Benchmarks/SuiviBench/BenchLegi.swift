import ArgumentParser
import Foundation
import LegalText
import SuiviSynthetic
import Register

extension SuiviBench {
    /// `suivi-bench legi`: time to read LEGI extracts into a timeline and to import them into a new register.
    struct Legi: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "legi",
            abstract: "Mesure l'import LEGI : lecture en versions consolidées, puis import complet dans un registre neuf.",
            discussion: """
            Sans chemin, mesure un extrait LEGI généré (--articles articles, --consolidations dates). \
            Chaque mesure d'import crée un registre temporaire neuf. La médiane de --runs mesures est retenue.
              suivi-bench legi /work/shared/examples/legi Tests/LegalTextTests/Fixtures/legi/LEGITEXT000099000001
              suivi-bench legi --articles 500 --consolidations 24
            """
        )

        @Argument(help: "Extraits LEGI à mesurer (dossiers) ; aucun : un extrait généré.")
        var paths: [String] = []

        @Option(help: "Articles de l'extrait généré.")
        var articles: Int = 500

        @Option(help: "Dates de consolidation de l'extrait généré.")
        var consolidations: Int = 24

        @Option(help: "Nombre de mesures (la médiane est retenue).")
        var runs: Int = 5

        func validate() throws {
            guard runs >= 1 else { throw ValidationError("--runs doit être au moins 1.") }
            guard articles >= 1, consolidations >= 1 else { throw ValidationError("--articles et --consolidations : au moins 1.") }
        }

        func run() async throws {
            let manager = FileManager.default
            let scratch = manager.temporaryDirectory.appendingPathComponent("suivi-bench-legi-\(ProcessInfo.processInfo.processIdentifier)")
            defer { try? manager.removeItem(at: scratch) }
            var inputs = paths
            if inputs.isEmpty {
                let folder = scratch.appendingPathComponent("extrait")
                let output = try SyntheticLegi(articles: articles, consolidations: consolidations).write(to: folder)
                print("Extrait généré : \(articles) articles, \(output.articleVersions) versions d'articles, "
                      + "\(output.files) fichiers, \(String(format: "%.2f", Double(output.bytes) / 1_000_000)) Mo.")
                inputs = [folder.path]
            }
            let author = Identity(name: "Mesure suivi", email: "bench@suivi.invalid")
            for path in inputs {
                var timeline: ConsolidationTimeline?
                let read = try Stopwatch.median(runs: runs) {
                    do { timeline = try LegiImporter.timeline(from: path) } catch {
                        throw ValidationError(String(describing: error))
                    }
                }
                var counter = 0
                let imported = try await Stopwatch.median(runs: runs) {
                    counter += 1
                    let root = scratch.appendingPathComponent("registre-\(counter)")
                    defer { try? manager.removeItem(at: root) }
                    try await registerCall {
                        let registry = try TextRegister.create(at: root)
                        let fresh: ConsolidationTimeline
                        do { fresh = try LegiImporter.timeline(from: path) } catch {
                            throw RegisterError.io(path: path, reason: String(describing: error))
                        }
                        _ = try await registry.importTimeline(fresh, author: author)
                    }
                }
                let versions = timeline?.versions.count ?? 0
                print("\(path) : \(versions) versions consolidées ; lecture \(String(format: "%.1f", read)) ms ; "
                      + "import complet (lecture, validation, écriture, étiquettes) \(String(format: "%.1f", imported)) ms "
                      + "(médiane de \(runs)).")
            }
        }
    }
}
