import Testing

extension Tag {
    /// Runs the built `suivi` (or `suivi-bench`) as a separate process, or serves it on loopback: slower, and
    /// the whole program end to end. Selecting by tag: docs/TESTING.md.
    @Tag public static var endToEnd: Self
    /// Needs a program outside the package: xmllint, stock git, LibreOffice (soffice), python3, Chromium, or the
    /// shared reference material (`../shared`). Enabled when present; under `CI=true` it always runs and fails
    /// when the tool is missing.
    @Tag public static var externalTool: Self
}
