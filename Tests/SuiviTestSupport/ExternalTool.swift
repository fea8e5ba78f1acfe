import Foundation
import Testing

/// Programs outside the package that some tests need. Such a test is tagged `.externalTool` and declared
/// `.enabled(if: ExternalTool.runs("xmllint"), ExternalTool.reason("xmllint", package: "libxml2-utils"))`: it is
/// skipped, with its reason shown, on a machine without the tool, and it always runs under `CI=true`, where
/// ``require(_:package:)`` then fails it, since CI must have every tool.
public enum ExternalTool {
    /// True under `CI=true` (.ci/run): a missing tool fails the test instead of skipping it.
    public static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// The tool's path on `$PATH` (then /usr/bin, /bin, /usr/local/bin), if any.
    public static func path(_ name: String) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/bin", "/bin", "/usr/local/bin"]
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether a test needing `names` runs: they are all present, or this is CI.
    public static func runs(_ names: String...) -> Bool {
        !TestSelection.fastOnly && (inCI || names.allSatisfy { path($0) != nil })
    }

    /// The reason shown when such a test is skipped.
    public static func reason(_ name: String, package: String) -> Comment {
        Comment(rawValue: "\(name) absent (paquet \(package)) : test désactivé hors CI, obligatoire sous CI=true")
    }

    /// The tool's path, or a failure naming the package to install.
    public static func require(_ name: String, package: String,
                               sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(path(name), "\(name) introuvable : installez \(package) (.ci/run l'installe)", sourceLocation: sourceLocation)
    }
}

/// Which tests run. Swift Testing's `--skip tag:…` needs Swift 6.4 (ST-0025); on Swift 6.3,
/// `SUIVI_TESTS_RAPIDES=1 swift test` skips the end-to-end and external-tool tests instead (docs/TESTING.md).
public enum TestSelection {
    /// `SUIVI_TESTS_RAPIDES=1`: only the fast, self-contained tests (never under `CI=true`).
    public static let fastOnly = ProcessInfo.processInfo.environment["SUIVI_TESTS_RAPIDES"] == "1" && !ExternalTool.inCI

    /// The reason shown for a test skipped by ``fastOnly``.
    public static let fastOnlyReason: Comment = "SUIVI_TESTS_RAPIDES=1 : test de bout en bout ou avec outil externe ignoré"
}
