import Foundation
import Testing
import SuiviTestSupport

extension CLI {
    /// The author the end-to-end tests import with.
    static let clerk = "Secrétariat du comité <secretariat@example.org>"

    /// Runs `suivi <arguments> --repo <repo>` and records an issue unless it exits 0.
    @discardableResult
    static func ok(_ arguments: [String], repo: String) throws -> ProcessResult {
        let result = try run(arguments + ["--repo", repo])
        #expect(result.exitCode == 0, "suivi \(arguments.joined(separator: " ")) → \(result)")
        return result
    }

    /// A new register `registre/` in `folder` with the shipped corpus imported and, unless told otherwise,
    /// the shipped committee records: the state a new user reaches with the README's first command.
    static func shippedRegister(in folder: TemporaryFolder, committee: Bool = true, author: String = clerk) throws -> String {
        let repo = folder.path("registre")
        var steps = [["init", repo], ["import", ShippedFixture.corpus.path, "--repo", repo, "--as", author]]
        if committee { steps.append(["committee", "import", ShippedFixture.committee.path, "--repo", repo, "--auteur", author]) }
        for arguments in steps {
            let result = try run(arguments)
            try #require(result.exitCode == 0, "suivi \(arguments.joined(separator: " ")) → \(result)")
        }
        return repo
    }
}
