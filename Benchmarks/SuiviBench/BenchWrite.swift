import ArgumentParser
import Foundation
import Register

extension SuiviBench {
    /// `suivi-bench write`: many small commits from one process, to measure and test concurrent writers, into a
    /// throw-away register only (``ScratchRegister``).
    struct Write: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "write",
            abstract: "Écritures concurrentes : N commits d'un même rédacteur sur une branche (mesure, tests).",
            discussion: """
            N'écrit que dans un registre jetable créé par suivi-bench (scratch-register ou generate), jamais \
            dans un registre réel. Chaque commit ajoute le fichier bench/<rédacteur>/<n>.txt par-dessus la branche telle qu'elle \
            est (comparer-et-échanger sur la référence, nouvel essai en cas de course). Lancez-en plusieurs \
            en parallèle sur le même registre : aucune écriture ne doit se perdre.
              suivi-bench scratch-register r
              for w in $(seq 1 16); do suivi-bench write --repo r --writer $w --commits 50 & done; wait
            """
        )

        @Option(help: "Registre jetable créé par suivi-bench scratch-register (ou generate).")
        var repo: String

        @Option(help: "Numéro du rédacteur (distingue les fichiers écrits).")
        var writer: Int

        @Option(help: "Nombre de commits.")
        var commits: Int = 50

        @Option(help: "Branche (sous refs/heads/).")
        var branch: String = "bench"

        func run() async throws {
            let registry = try ScratchRegister.open(at: URL(fileURLWithPath: repo))
            let store = registry.gitStore
            let author = Identity(name: "Rédacteur \(writer)", email: "redacteur\(writer)@suivi.invalid")
            let clock = ContinuousClock()
            let start = clock.now
            let (writer, branch) = (self.writer, self.branch)
            for number in 1...max(1, commits) {
                _ = try await registerCall {
                    try await store.commitApplying(
                        changes: ["bench/\(writer)/\(number).txt": Data("rédacteur \(writer), écriture \(number)\n".utf8)],
                        message: "Écriture \(number) du rédacteur \(writer)", author: author, date: Date(),
                        onBranch: "refs/heads/" + branch, maxAttempts: 10_000, signer: nil)
                }
            }
            let elapsed = clock.now - start
            print("rédacteur \(writer) : \(commits) commits en \(elapsed)")
        }
    }
}
