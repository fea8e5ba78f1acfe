import ArgumentParser
import ClauseDiff
import Foundation
import LegalText
import SuiviSynthetic
import Register

extension SuiviBench {
    /// `suivi-bench diff`: comparison speed, in process and against xmldiff and git on the same files.
    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Mesure la comparaison : paire du corpus, arrêté généré de 10 000 éléments (1 % modifié), face à xmldiff et git.",
            discussion: """
            (a) paire du corpus, en mémoire ; (b) arrêté généré, 1 % des alinéas modifiés, en mémoire ; \
            (c) les mêmes fichiers, processus contre processus : suivi diff --format json, xmldiff \
            (pip install xmldiff) et git diff --no-index --word-diff. Médianes de --runs mesures.
              suivi-bench diff --old corpus/2017-01-05/AFSP1638149A.xml --new corpus/2026-projet/AFSP1638149A.xml
            """
        )

        @Option(help: "Version de départ de la paire du corpus.")
        var old: String = "corpus/2017-01-05/AFSP1638149A.xml"

        @Option(help: "Version d'arrivée de la paire du corpus.")
        var new: String = "corpus/2026-projet/AFSP1638149A.xml"

        @Option(help: "Nombre approximatif d'éléments de l'arrêté généré.")
        var clauses: Int = 10_000

        @Option(help: "Nombre de mesures (la médiane est retenue).")
        var runs: Int = 7

        @Option(help: "Commande xmldiff (paquet PyPI xmldiff).")
        var xmldiff: String = "xmldiff"

        @Option(help: "Temps maximal accordé à un appel de xmldiff, en secondes.")
        var xmldiffTimeout: Double = 600

        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        @Option(help: "Le suivi mesuré. Par défaut : celui construit à côté de suivi-bench.")
        var suivi: String?

        @Option(help: "Registre (par exemple fait par suivi-bench generate) : compare aussi deux versions consécutives, suivi diff --repo contre git diff dans le même dépôt.")
        var repo: String?

        func run() async throws {
            var results: [String: Double] = [:]
            // (a) corpus pair, in process.
            let corpusOld = try LegalTextReader.read(contentsOf: old).document
            let corpusNew = try LegalTextReader.read(contentsOf: new).document
            results["corpusComparaisonMs"] = Stopwatch.median(runs: runs) { _ = ClauseDiffer().compare(corpusOld, corpusNew, oldLabel: "a", newLabel: "b") }
            results["corpusLectureEtComparaisonMs"] = Stopwatch.median(runs: runs) {
                guard let a = try? LegalTextReader.read(contentsOf: old).document,
                      let b = try? LegalTextReader.read(contentsOf: new).document else { return }
                _ = ClauseDiffer().compare(a, b, oldLabel: "a", newLabel: "b")
            }
            // (b) generated act, 1% of clauses changed.
            let (generatedOld, generatedNew, changed) = generatedPair()
            var generatedChanges = 0
            results["genereComparaisonMs"] = Stopwatch.median(runs: runs) {
                generatedChanges = ClauseDiffer().compare(generatedOld, generatedNew, oldLabel: "a", newLabel: "b")
                    .changes.filter { $0.change != .unchanged }.count
            }
            // (c) same files, process against process.
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-bench-diff-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let oldFile = folder.appendingPathComponent("ancien.xml").path
            let newFile = folder.appendingPathComponent("nouveau.xml").path
            try CanonicalWriter.data(generatedOld).write(to: URL(fileURLWithPath: oldFile))
            try CanonicalWriter.data(generatedNew).write(to: URL(fileURLWithPath: newFile))
            let selfPath = suivi ?? siblingSuivi()
            guard FileManager.default.isExecutableFile(atPath: selfPath) else {
                throw ValidationError("suivi introuvable (\(selfPath)) : construisez-le (swift build -c release) ou indiquez --suivi.")
            }
            for (label, a, b) in [("corpus", old, new), ("genere", oldFile, newFile)] {
                // Like git, print only what changed (text, no colour).
                results["\(label)ProcessusSuiviMs"] = try processMedian(selfPath, ["diff", a, b, "--only-changed", "--no-colour"])
                results["\(label)ProcessusSuiviJsonMs"] = try processMedian(selfPath, ["diff", a, b, "--format", "json", "--only-changed"])
                results["\(label)ProcessusGitMs"] = try processMedian("/usr/bin/git", ["diff", "--no-index", "--word-diff", a, b],
                                                                     acceptedStatus: [0, 1])
                if let xmldiffPath = which(xmldiff) {
                    // xmldiff is slow: repeat it only when one run is short; past the timeout, the timeout
                    // itself is kept as a lower bound.
                    if let once = try? processTime(xmldiffPath, [a, b], timeout: xmldiffTimeout) {
                        results["\(label)ProcessusXmldiffMs"] = once > 5_000 ? once
                            : try processMedian(xmldiffPath, [a, b], timeout: xmldiffTimeout)
                    } else {
                        results["\(label)ProcessusXmldiffMs"] = xmldiffTimeout * 1000
                        results["\(label)XmldiffInterrompu"] = 1
                    }
                }
            }
            // xmldiff's own work, timed inside Python (no interpreter start-up), for the corpus pair:
            // compared with suivi's in-process read + compare.
            if which(xmldiff) != nil, let python = which("python3") {
                let script = "import sys,time,xmldiff.main as m\nts=[]\nfor _ in range(\(max(1, min(runs, 5)))):\n"
                    + " t=time.perf_counter(); m.diff_files(sys.argv[1], sys.argv[2]); ts.append(time.perf_counter()-t)\n"
                    + "ts.sort(); print(ts[len(ts)//2]*1000)"
                if let output = try? processOutput(python, ["-c", script, old, new]), let value = Double(output) {
                    results["corpusXmldiffEnMemoireMs"] = value
                    results["corpusRapportXmldiffEnMemoire"] = value / (results["corpusLectureEtComparaisonMs"] ?? value)
                }
            }
            // (d) in the register: two consecutive versions, suivi (git says which files changed, only
            // those are parsed) against git diff --word-diff on the same repository.
            var registerPair: (String, String)?
            if let repo {
                let registry = try await registerCall { try TextRegister.open(at: URL(fileURLWithPath: repo)) }
                let adopted = try await registerCall { try await registry.versions() }
                    .filter { $0.kind == .adopted }
                if adopted.count >= 2 {
                    let a = adopted[adopted.count / 2 - 1].name, b = adopted[adopted.count / 2].name
                    registerPair = (a, b)
                    results["registreProcessusSuiviMs"] = try processMedian(selfPath, ["diff", a, b, "--repo", repo, "--only-changed", "--no-colour"])
                    results["registreProcessusGitMs"] = try processMedian(
                        "/usr/bin/git", ["-C", TextRegister.gitDirectory(of: URL(fileURLWithPath: repo)).path, "diff", "--word-diff", a, b])
                }
            }
            for label in ["corpus", "genere", "registre"] {
                if let ours = results["\(label)ProcessusSuiviMs"] {
                    if let theirs = results["\(label)ProcessusXmldiffMs"] { results["\(label)RapportXmldiff"] = theirs / ours }
                    if let git = results["\(label)ProcessusGitMs"] { results["\(label)RapportGit"] = ours / git }
                }
            }
            switch format {
            case .json: print(try jsonString(results.mapValues { ($0 * 1000).rounded() / 1000 }))
            case .text:
                let clauseCount = generatedOld.allClauses.count
                print("(a) Paire du corpus (\(corpusOld.allClauses.count) → \(corpusNew.allClauses.count) éléments), en mémoire : "
                      + String(format: "%.3f ms (objectif < 5 ms) ; avec la lecture des deux fichiers : %.2f ms",
                               results["corpusComparaisonMs"] ?? 0, results["corpusLectureEtComparaisonMs"] ?? 0))
                print("(b) Arrêté généré de \(clauseCount) éléments, \(changed) alinéas modifiés (\(generatedChanges) changements trouvés), en mémoire : "
                      + String(format: "%.2f ms (objectif < 100 ms)", results["genereComparaisonMs"] ?? 0))
                for (label, title) in [("corpus", "paire du corpus"), ("genere", "arrêté généré")] {
                    var line = String(format: "(c) %@, processus : suivi %.1f ms, git --word-diff %.1f ms",
                                      title, results["\(label)ProcessusSuiviMs"] ?? 0, results["\(label)ProcessusGitMs"] ?? 0)
                    let interrupted = results["\(label)XmldiffInterrompu"] != nil
                    if let xml = results["\(label)ProcessusXmldiffMs"] {
                        line += String(format: ", xmldiff %@%.1f ms", interrupted ? "> " : "", xml)
                    }
                    line += String(format: " ; suivi/git = %.2f (objectif ≤ 2)", results["\(label)RapportGit"] ?? 0)
                    if let ratio = results["\(label)RapportXmldiff"] {
                        line += String(format: ", xmldiff/suivi = %@%.0f× (objectif ≥ 100×)", interrupted ? "> " : "", ratio)
                    }
                    print(line)
                }
                if let (a, b) = registerPair, let ours = results["registreProcessusSuiviMs"], let git = results["registreProcessusGitMs"] {
                    print(String(format: "(d) registre %@, %@ → %@ : suivi diff --repo %.1f ms, git diff --word-diff %.1f ms ; suivi/git = %.2f (objectif ≤ 2)",
                                 repo ?? "", a, b, ours, git, results["registreRapportGit"] ?? 0))
                }
                if let value = results["corpusXmldiffEnMemoireMs"], let ratio = results["corpusRapportXmldiffEnMemoire"] {
                    print(String(format: "(c) paire du corpus, en mémoire : xmldiff.diff_files %.1f ms contre suivi (lecture + comparaison) %.2f ms : %.0f×",
                                 value, results["corpusLectureEtComparaisonMs"] ?? 0, ratio))
                }
                print(String(format: "    (sortie JSON complète : suivi %.1f ms sur la paire du corpus, %.1f ms sur l'arrêté généré)",
                             results["corpusProcessusSuiviJsonMs"] ?? 0, results["genereProcessusSuiviJsonMs"] ?? 0))
                if which(xmldiff) == nil { print("xmldiff introuvable : pip install xmldiff pour la comparaison.") }
            }
        }

        /// The generated act and a copy with about 1% of its alinéas reworded.
        private func generatedPair() -> (LegalDocument, LegalDocument, Int) {
            let old = SyntheticAct(articles: max(1, Int(Double(clauses) / 5.6))).document()
            var new = old
            var generator = SplitMix64(seed: 99)
            var changed = 0
            let target = max(1, old.allClauses.count / 100)
            while changed < target {
                let article = Int(generator.next() % UInt64(new.body.count))
                let paragraph = Int(generator.next() % UInt64(new.body[article].children.count))
                guard new.body[article].children[paragraph].children.isEmpty,
                      let text = new.body[article].children[paragraph].content.first?.plainText else { continue }
                new.body[article].children[paragraph].content = [Block(text: text.replacingOccurrences(of: "soins", with: "traitements") + " Alinéa modifié.")]
                changed += 1
            }
            return (old, new, changed)
        }

        private func processMedian(_ executable: String, _ arguments: [String], acceptedStatus: Set<Int32> = [0],
                                   timeout: Double = 600) throws -> Double {
            try Stopwatch.median(runs: runs) {
                _ = try processTime(executable, arguments, acceptedStatus: acceptedStatus, timeout: timeout)
            }
        }

        private func processTime(_ executable: String, _ arguments: [String], acceptedStatus: Set<Int32> = [0, 1],
                                 timeout: Double) throws -> Double {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let clock = ContinuousClock()
            let start = clock.now
            try process.run()
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning {
                if Date() > deadline {
                    kill(process.processIdentifier, SIGKILL)  // xmldiff does not always stop on SIGTERM
                    process.waitUntilExit()
                    throw ValidationError("\(executable) dépasse \(Int(timeout)) s : mesure abandonnée.")
                }
                Thread.sleep(forTimeInterval: 0.001)
            }
            let elapsed = Stopwatch.milliseconds(clock.now - start)
            guard acceptedStatus.contains(process.terminationStatus) else {
                throw ValidationError("\(executable) a échoué (code \(process.terminationStatus)).")
            }
            return elapsed
        }

        private func processOutput(_ executable: String, _ arguments: [String]) throws -> String {
            let process = Process()
            let pipe = Pipe()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        private func which(_ command: String) -> String? {
            if command.contains("/") { return FileManager.default.isExecutableFile(atPath: command) ? command : nil }
            for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
                let path = "\(folder)/\(command)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
            return nil
        }
    }
}
