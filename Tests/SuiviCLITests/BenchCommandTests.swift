import Foundation
import Testing
import LegalText
import SuiviSynthetic
import SuiviTestSupport

/// `suivi-bench`, the benchmarks' own executable (docs/BENCHMARKS.md): it runs outside the product.
extension EndToEnd {
@Suite("suivi-bench")
struct BenchCommandTests {
    @Test("suivi-bench parse reads and validates a generated act and reports its size and element count")
    func parse() throws {
        let result = try CLI.bench("parse", "--megabytes", "0.05", "--runs", "1", "--format", "json", "--xmllint", "/nonexistent")
        #expect(result.exitCode == 0, "\(result)")
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result)")
        let act = SyntheticAct.ofSize(megabytes: 0.05).document()
        #expect(figures["clauses"] as? Int == act.allClauses.count, "\(result)")
        #expect(figures["bytes"] as? Int == CanonicalWriter.data(act).count, "\(result)")
    }

    @Test("suivi-bench scratch-register makes a register suivi can read, and refuses a folder that exists")
    func scratchRegister() throws {
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let repo = folder.path("registre")
        let created = try CLI.bench("scratch-register", repo)
        #expect(created.exitCode == 0, "\(created)")
        #expect(try CLI.run("log", "--repo", repo).exitCode == 0)
        let again = try CLI.bench("scratch-register", repo)
        #expect(again.exitCode == 1, "\(again)")
    }
}
}
