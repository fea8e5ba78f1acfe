import Foundation

/// The frozen copy of the shipped corpus and committee records the tests read
/// (`Tests/Fixtures/shipped-2026-12/`, see its README): editing `corpus/` or `committee/` never breaks a test
/// whose subject is not the shipped data itself. Only the tests about the shipped data
/// (LegalTextTests' `CorpusFactsTests` and the shipped-corpus suite) read the live folders, through ``Live``.
public enum ShippedFixture {
    /// The package root, from this source file: Tests/SuiviTestSupport/ → root.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The frozen copy's folder.
    public static let root = packageRoot.appendingPathComponent("Tests/Fixtures/shipped-2026-12")

    /// The frozen corpus: `2017-01-05/AFSP1638149A.xml` (the text in force) and `2026-projet/AFSP1638149A.xml`
    /// (the 2026 draft).
    public static let corpus = root.appendingPathComponent("corpus")

    /// The frozen committee records (members, reviews, events), as `suivi committee import` reads them.
    public static let committee = root.appendingPathComponent("committee")

    /// The 2017 version in the frozen corpus.
    public static let version2017 = corpus.appendingPathComponent("2017-01-05/AFSP1638149A.xml")

    /// The 2026 draft in the frozen corpus.
    public static let draft2026 = corpus.appendingPathComponent("2026-projet/AFSP1638149A.xml")

    /// The live, shipped folders (`corpus/`, `committee/` at the package root): only for tests whose subject is
    /// the shipped data.
    public enum Live {
        public static let corpus = packageRoot.appendingPathComponent("corpus")
        public static let committee = packageRoot.appendingPathComponent("committee")
    }
}
