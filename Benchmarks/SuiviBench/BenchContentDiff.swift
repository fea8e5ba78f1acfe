import ArgumentParser
import ClauseDiff
import Foundation
import LegalText
import SuiviSynthetic

extension SuiviBench {
    /// `suivi-bench diff-contenu`: the measurement of issue 16. A generated pair without wIds where
    /// articles are inserted, deleted and moved near the top (every later article renumbered): the
    /// classification is checked against the construction, then suivi and `xmldiff --fast-match`
    /// compare the same files, process against process.
    struct ContentDiff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff-contenu",
            abstract: "Mesure la comparaison par le contenu : paire générée sans wId (articles insérés, supprimés, déplacés en tête), face à xmldiff --fast-match.",
            discussion: """
            L'arrêté généré (--articles articles de 3 alinéas, sans wId) perd deux articles et en gagne \
            trois près du début, un article est déplacé vers le début : tous les articles suivants sont \
            renumérotés. Le classement de chaque élément est vérifié contre la construction (100 % attendu), \
            puis suivi diff et xmldiff --fast-match comparent les mêmes fichiers, processus contre processus.
              suivi-bench diff-contenu --articles 2000 --runs 7
            """
        )

        @Option(help: "Nombre d'articles de l'arrêté généré.")
        var articles: Int = 2_000

        @Option(help: "Nombre de mesures (la médiane est retenue).")
        var runs: Int = 7

        @Option(help: "Commande xmldiff (paquet PyPI xmldiff).")
        var xmldiff: String = "xmldiff"

        @Option(help: "Temps maximal accordé à un appel de xmldiff, en secondes.")
        var xmldiffTimeout: Double = 600

        @Option(help: "Le suivi mesuré. Par défaut : celui construit à côté de suivi-bench.")
        var suivi: String?

        @Option(help: "Format de sortie.")
        var format: OutputFormat = .text

        func run() async throws {
            let pair = ContentDiffPair(articles: articles)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-bench-contenu-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let oldFile = folder.appendingPathComponent("ancien.xml").path
            let newFile = folder.appendingPathComponent("nouveau.xml").path
            try Self.withoutWIds(pair.old).write(to: URL(fileURLWithPath: oldFile))
            try Self.withoutWIds(pair.new).write(to: URL(fileURLWithPath: newFile))
            // What the process reads: the files, without wIds.
            let old = try LegalTextReader.read(contentsOf: oldFile).document
            let new = try LegalTextReader.read(contentsOf: newFile).document
            guard !old.allClauses.contains(where: \.hasExplicitWId), !new.allClauses.contains(where: \.hasExplicitWId) else {
                throw ValidationError("les fichiers générés portent encore des wId.")
            }
            var results: [String: Double] = [:]
            var diff = ClauseDiffer().compare(old, new, oldLabel: "a", newLabel: "b")
            results["comparaisonMs"] = Stopwatch.median(runs: runs) { diff = ClauseDiffer().compare(old, new, oldLabel: "a", newLabel: "b") }
            let (right, total, wrong) = pair.check(diff)
            results["elements"] = Double(total)
            results["bienClasses"] = Double(right)
            results["octets"] = Double((try? FileManager.default.attributesOfItem(atPath: newFile)[.size] as? Int) ?? 0)

            let selfPath = suivi ?? siblingSuivi()
            guard FileManager.default.isExecutableFile(atPath: selfPath) else {
                throw ValidationError("suivi introuvable (\(selfPath)) : construisez-le (swift build -c release) ou indiquez --suivi.")
            }
            results["processusSuiviMs"] = try Stopwatch.median(runs: runs) {
                try runProcess(selfPath, ["diff", oldFile, newFile, "--format", "json", "--only-changed"], timeout: 600)
            }
            var xmldiffNote = "xmldiff introuvable : pip install xmldiff pour la comparaison."
            if let xmldiffPath = which(xmldiff) {
                do {
                    // One run when it is slow (it is: minutes), the median of a few otherwise.
                    let once = try Stopwatch.time { try runProcess(xmldiffPath, ["--fast-match", oldFile, newFile], timeout: xmldiffTimeout) }
                    results["processusXmldiffMs"] = once > 5_000 ? once : try Stopwatch.median(runs: min(runs, 3)) {
                        try runProcess(xmldiffPath, ["--fast-match", oldFile, newFile], timeout: xmldiffTimeout)
                    }
                    xmldiffNote = ""
                } catch {
                    results["processusXmldiffMs"] = xmldiffTimeout * 1000
                    results["xmldiffInterrompu"] = 1
                    xmldiffNote = "xmldiff interrompu après \(Int(xmldiffTimeout)) s (borne inférieure)."
                }
                if let theirs = results["processusXmldiffMs"], let ours = results["processusSuiviMs"] {
                    results["rapportXmldiff"] = theirs / ours
                }
            }
            switch format {
            case .json: print(try jsonString(results.mapValues { ($0 * 1000).rounded() / 1000 }))
            case .text:
                print("Paire générée sans wId : \(articles) articles, \(old.allClauses.count) → \(new.allClauses.count) éléments, "
                      + String(format: "%.2f Mo", (results["octets"] ?? 0) / 1_000_000) + " ; \(pair.summary)")
                print(String(format: "Classement juste : %ld sur %ld (%.1f %%)", right, total, total == 0 ? 0 : 100 * Double(right) / Double(total)))
                for line in wrong.prefix(10) { print("  faux : \(line)") }
                print(String(format: "En mémoire (lecture exclue) : %.1f ms", results["comparaisonMs"] ?? 0))
                var line = String(format: "Processus : suivi diff --format json %.1f ms (objectif < 170 ms)", results["processusSuiviMs"] ?? 0)
                if let theirs = results["processusXmldiffMs"] {
                    let bound = results["xmldiffInterrompu"] != nil ? "> " : ""
                    line += String(format: ", xmldiff --fast-match %@%.0f ms ; xmldiff/suivi = %@%.0f× (objectif ≥ 100×)",
                                   bound, theirs, bound, results["rapportXmldiff"] ?? 0)
                }
                print(line)
                if !xmldiffNote.isEmpty { print(xmldiffNote) }
            }
            if right != total { throw ExitCode.failure }
        }

        /// The canonical XML with every wId attribute removed (the canonical writer always writes them).
        static func withoutWIds(_ document: LegalDocument) -> Data {
            let bytes = Array(CanonicalWriter.string(document).utf8)
            let marker = Array(" wId=\"".utf8)
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes[index] == marker[0], index + marker.count <= bytes.count, Array(bytes[index..<index + marker.count]) == marker {
                    index += marker.count
                    while index < bytes.count && bytes[index] != UInt8(ascii: "\"") { index += 1 }
                    index += 1
                } else {
                    output.append(bytes[index])
                    index += 1
                }
            }
            return Data(output)
        }

        private func runProcess(_ executable: String, _ arguments: [String], timeout: Double) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning {
                if Date() > deadline {
                    kill(process.processIdentifier, SIGKILL)
                    process.waitUntilExit()
                    throw ValidationError("\(executable) dépasse \(Int(timeout)) s : mesure abandonnée.")
                }
                Thread.sleep(forTimeInterval: 0.001)
            }
            guard [0, 1].contains(process.terminationStatus) else {
                throw ValidationError("\(executable) a échoué (code \(process.terminationStatus)).")
            }
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

/// The pair of issue 16 and what each clause must be classified as, by construction.
struct ContentDiffPair {
    let old: LegalDocument
    let new: LegalDocument
    /// Old eId → (new eId, expected class) for the surviving clauses.
    private(set) var survivors: [String: (newEId: String, change: ChangeClass)] = [:]
    private(set) var deleted: Set<String> = []
    private(set) var inserted: Set<String> = []
    let summary: String

    init(articles: Int) {
        let source = SyntheticAct(articles: max(articles, 40), paragraphsPerArticle: 3).document()
        old = source
        // Near the top: articles 3 and 6 deleted, article 30 moved to the fourth place, three new articles.
        enum Slot { case kept(Int), moved(Int), added(Int) }
        var slots: [Slot] = source.body.indices.map { .kept($0) }
        let movedIndex = 29
        slots.remove(at: movedIndex)
        slots.remove(at: 5)
        slots.remove(at: 2)
        slots.insert(.moved(movedIndex), at: 2)
        slots.insert(.added(0), at: 1)
        slots.insert(.added(1), at: 5)
        slots.insert(.added(2), at: 9)
        deleted = Self.eIds(of: source.body[2]).union(Self.eIds(of: source.body[5]))
        var generator = SplitMix64(seed: 16)
        let words = ["tout", "nouvel", "article", "inséré", "ici", "pour", "la", "mesure", "commission", "délai", "mois", "décision"]
        func sentence() -> String {
            (0..<18).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ") + "."
        }
        var body: [Clause] = []
        for (position, slot) in slots.enumerated() {
            let number = position + 1
            let eId = "art_\(number)"
            let num = number == 1 ? "Article 1er" : "Article \(number)"
            switch slot {
            case .added:
                let clause = Clause(kind: .article, eId: eId, num: num, heading: [.text(sentence())],
                                    children: (1...2).map { Clause(kind: .paragraph, eId: "\(eId)__para_\($0)", content: [Block(text: sentence())]) })
                inserted.formUnion(Self.eIds(of: clause))
                body.append(clause)
            case .kept(let index), .moved(let index):
                let original = source.body[index]
                let renamed = Self.renamed(original, from: original.eId, to: eId, num: num)
                var isMoved = false
                if case .moved = slot { isMoved = true }
                for (before, after) in zip(Self.eIdList(of: original), Self.eIdList(of: renamed)) {
                    let change: ChangeClass = before == original.eId && isMoved ? .moved : before == after ? .unchanged : .renumbered
                    survivors[before] = (after, change)
                }
                body.append(renamed)
            }
        }
        // Outside the body (visas, annexes) nothing moves.
        for clause in source.citations + source.annexes.flatMap(\.clauses) {
            for eId in Self.eIdList(of: clause) { survivors[eId] = (eId, .unchanged) }
        }
        var edited = source
        edited.body = body
        new = edited
        summary = "2 articles supprimés, 3 insérés, l'article 30 déplacé en 4e position, les suivants renumérotés"
    }

    /// Checks a diff of `old` → `new` against the construction: (right, total, descriptions of the wrong ones).
    func check(_ diff: DocumentDiff) -> (Int, Int, [String]) {
        var right = 0, wrong: [String] = []
        for change in diff.changes {
            let ok: Bool
            switch change.change {
            case .inserted: ok = change.new.map { inserted.contains($0.eId) } ?? false
            case .deleted: ok = change.old.map { deleted.contains($0.eId) } ?? false
            default:
                if let old = change.old, let new = change.new, let expected = survivors[old.eId] {
                    ok = expected.newEId == new.eId && expected.change == change.change
                } else {
                    ok = false
                }
            }
            if ok {
                right += 1
            } else {
                wrong.append("\(change.change) \(change.old?.eId ?? "-") → \(change.new?.eId ?? "-")")
            }
        }
        // Every clause of both versions must appear once: a missing one is wrong too.
        let expectedTotal = survivors.count + deleted.count + inserted.count
        if diff.changes.count != expectedTotal {
            wrong.append("\(diff.changes.count) changements pour \(expectedTotal) éléments attendus")
        }
        return (right, max(expectedTotal, diff.changes.count), wrong)
    }

    /// The clause with its eId prefix `from` replaced by `to` in its whole subtree (wIds left to default).
    static func renamed(_ clause: Clause, from: String, to: String, num: String?) -> Clause {
        let eId = to + clause.eId.dropFirst(from.count)
        var copy = Clause(kind: clause.kind, eId: eId, attributes: clause.attributes, num: num ?? clause.num, heading: clause.heading,
                          intro: clause.intro, content: clause.content,
                          children: clause.children.map { renamed($0, from: from, to: to, num: nil) }, wrapUp: clause.wrapUp)
        copy.numMarkup = clause.numMarkup
        return copy
    }

    static func eIdList(of clause: Clause) -> [String] {
        [clause.eId] + clause.children.flatMap { eIdList(of: $0) }
    }

    static func eIds(of clause: Clause) -> Set<String> { Set(eIdList(of: clause)) }
}
