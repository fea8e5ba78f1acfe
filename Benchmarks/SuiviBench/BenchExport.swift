import ArgumentParser
import Foundation
import LegalText
import SuiviSynthetic
import Publishing
import Register

extension SuiviBench {
    /// `suivi-bench export`: time of each export on two versions of a register, ODT sizes, and the
    /// amending order's round trip on generated revisions.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Mesure les publications (texte consolidé, tableau comparatif, arrêté modificatif, flux) et l'aller-retour de l'arrêté modificatif.",
            discussion: "  suivi-bench export --repo registre v2017-01-05 draft/2026-projet --runs 7 --cas 200"
        )

        @Argument(help: "Version en vigueur.")
        var old: String = "v2017-01-05"
        @Argument(help: "Version proposée.")
        var new: String = "draft/2026-projet"
        @Option(help: "Registre mesuré (lu seulement).")
        var repo: String
        @Option(help: "Nombre de mesures (la médiane est retenue).")
        var runs: Int = 7
        @Option(name: .customLong("cas"), help: "Nombre de révisions générées pour l'aller-retour de l'arrêté modificatif.")
        var cases: Int = 200
        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        func run() async throws {
            let publisher = Publisher(register: try await registerCall { try TextRegister.open(at: URL(fileURLWithPath: repo)) })
            let (old, new) = (self.old, self.new)
            var results: [String: Double] = [:]
            var sizes: [String: Int] = [:]
            func time(_ name: String, _ body: () async throws -> Void) async throws {
                results[name] = try await Stopwatch.median(runs: runs, body)
            }
            try await time("consolideHTMLms") { _ = ConsolidatedRenderer.html(try await publisher.consolidated(at: new)) }
            try await time("consolideODTms") {
                let data = try ConsolidatedRenderer.odt(try await publisher.consolidated(at: new))
                sizes["consolideODToctets"] = data.count
            }
            try await time("tableauHTMLms") { _ = ComparisonRenderer.html(try await publisher.comparison(from: old, to: new)) }
            try await time("tableauODTms") {
                let data = try ComparisonRenderer.odt(try await publisher.comparison(from: old, to: new))
                sizes["tableauODToctets"] = data.count
            }
            var exactCorpus = false
            try await time("arreteModificatifms") {
                let order = try await publisher.amendingOrder(from: old, to: new)
                exactCorpus = order.roundTripExact
            }
            try await time("fluxms") { _ = try await publisher.feed(baseURL: "https://suivi.invalid").xml }
            // Round trip on generated revisions: generate, write, read back, parse, apply, compare.
            var exact = 0
            var operationKinds: [String: Int] = [:]
            let clock = ContinuousClock()
            let start = clock.now
            for seed in 0..<UInt64(max(0, cases)) {
                let base = SyntheticAct(articles: 3 + Int(seed % 5), paragraphsPerArticle: 2 + Int(seed % 3), seed: seed).document()
                var edits = SyntheticRevision(seed: seed &* 7919 &+ 1)
                let (revised, _) = edits.apply(to: base, count: 1 + Int(seed % 5), year: 2026)
                let order = AmendingOrderGenerator().order(from: base, to: revised, date: LegalDate(year: 2026, month: 11, day: 24))
                for operation in order.operations {
                    operationKinds[String(describing: operation).prefix { $0 != "(" }.description, default: 0] += 1
                }
                let xml = CanonicalWriter.string(order.document)
                let reread = try LegalTextReader.read(data: Data(xml.utf8), file: "ordre.xml").document
                let applied = try AmendingOrderApplier().apply(try AmendingOrderParser.operations(in: reread), to: base, year: 2026)
                if AmendingOrder.normativeText(applied, like: revised) == AmendingOrder.normativeText(revised, like: revised) { exact += 1 }
            }
            let roundTripMs = Stopwatch.milliseconds(clock.now - start)
            struct Output: Encodable {
                let runs: Int; let timesMs: [String: Double]; let sizes: [String: Int]; let corpusRoundTripExact: Bool
                let generatedCases: Int; let generatedExact: Int; let generatedTotalMs: Double; let operations: [String: Int]
            }
            let output = Output(runs: runs, timesMs: results, sizes: sizes, corpusRoundTripExact: exactCorpus,
                                generatedCases: cases, generatedExact: exact, generatedTotalMs: roundTripMs, operations: operationKinds)
            switch format {
            case .json: print(try jsonString(output))
            case .text:
                print("Publications \(old) → \(new), médiane de \(runs) mesures :")
                for key in results.keys.sorted() { print("  \(key) : \(String(format: "%.1f", results[key] ?? 0))") }
                for key in sizes.keys.sorted() { print("  \(key) : \(sizes[key] ?? 0)") }
                print("Arrêté modificatif du couple : aller-retour \(exactCorpus ? "exact" : "INEXACT")")
                print("Révisions générées : \(exact)/\(cases) exactes en \(String(format: "%.0f", roundTripMs)) ms ; formules : "
                      + operationKinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            }
        }
    }
}
