import Foundation
import Testing

/// The libraries' messages name what the user gives as values (``Register/InputField``, ``Register/Remedy``), never
/// as a CLI option or command: the web shows them to a browser user, and the CLI may rename its options and commands.
@Suite("Library messages name no CLI option")
struct LibraryMessagesTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let libraries = ["LegalText", "Register", "ClauseDiff", "Committee", "Publishing"]

    /// The CLI options (`--motif`, `--as`…) in the string literals of one source file, as "line: option"; comments
    /// are not read, nor CSS custom properties (`--encre:`, `var(--encre)`) in the HTML renderers' style sheets.
    static func options(in source: String) throws -> [String] {
        try hits(of: Regex(#"(?:^|[^\w-])--[a-z][a-z0-9-]*"#), in: source, from: "--")
    }

    /// The commands of the CLI, in the current French names and the earlier English ones.
    static let commands = [
        "init", "validate", "convertir", "diff", "afficher", "show", "importer", "import", "versions", "log", "historique",
        "history", "provenance", "blame", "projet", "draft", "comite", "committee", "etat", "status", "evenement", "event",
        "revision", "review", "position", "commentaire", "comment", "exporter", "export", "web", "serve", "cloner", "clone",
        "recuperer", "pull", "envoyer", "push", "verifier", "verify",
    ]

    /// The CLI commands (`suivi draft commit`, « suivi versions »…) in the string literals of one source file, as
    /// "line: suivi command"; comments are not read.
    static func commandNames(in source: String) throws -> [String] {
        try hits(of: Regex(#"\bsuivi (?:"# + commands.joined(separator: "|") + #")\b"#), in: source, from: "suivi")
    }

    /// The matches of `pattern` in the string literals of one source file, each from `marker` on, as "line: match";
    /// comments are not read, nor CSS custom properties (`--encre:`, `var(--encre)`) in the HTML renderers' style sheets.
    static func hits(of pattern: Regex<AnyRegexOutput>, in source: String, from marker: String) throws -> [String] {
        let literal = try Regex(#""(?:[^"\\]|\\.)*""#)
        let css = try Regex(#"var\(--[a-z0-9-]+\)|--[a-z][a-z0-9-]*\s*:"#)
        var found: [String] = []
        var inMultiline = false
        for (number, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            var strings: [Substring] = []
            if trimmed.contains("\"\"\"") {
                inMultiline.toggle()
                continue
            }
            if inMultiline {
                strings = [line[...]]
            } else {
                if trimmed.hasPrefix("//") { continue }
                strings = line.matches(of: literal).map { line[$0.range] }
            }
            for string in strings {
                let text = String(string).replacing(css, with: "")
                found += text.matches(of: pattern).map { match in
                    let hit = text[match.range]
                    return "\(number + 1): \(hit[hit.range(of: marker)!.lowerBound...])"
                }
            }
        }
        return found
    }

    /// Every Swift file of the library modules through `scan`: how many files, and each hit as `path:line: text`.
    static func scanLibraries(_ scan: (String) throws -> [String]) throws -> (files: Int, offenders: [String]) {
        var offenders: [String] = []
        var files = 0
        for module in libraries {
            let folder = packageRoot.appendingPathComponent("Sources/\(module)")
            let paths = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
            for path in paths where path.hasSuffix(".swift") {
                files += 1
                let source = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
                offenders += try scan(source).map { "Sources/\(module)/\(path):\($0)" }
            }
        }
        return (files, offenders)
    }

    @Test("no user-facing string of LegalText, Register, ClauseDiff, Committee or Publishing names a CLI option")
    func noOption() throws {
        let (files, offenders) = try Self.scanLibraries(Self.options)
        #expect(files > 100, "the library sources were not found under \(Self.packageRoot.path)")
        #expect(offenders.isEmpty, "CLI options in library messages (give an InputField or a Remedy instead):\n\(offenders.joined(separator: "\n"))")
    }

    @Test("no user-facing string of LegalText, Register, ClauseDiff, Committee or Publishing names a CLI command")
    func noCommand() throws {
        let (files, offenders) = try Self.scanLibraries(Self.commandNames)
        #expect(files > 100, "the library sources were not found under \(Self.packageRoot.path)")
        #expect(offenders.isEmpty, "CLI commands in library messages (give a Remedy instead):\n\(offenders.joined(separator: "\n"))")
    }

    @Test("the scan sees a command in a message, in a multi-line string, and not in a comment or in the word « suivi »")
    func commandScanner() throws {
        let source = #"""
        /// Written by `suivi draft commit`.
        throw .invalid("enregistrez-le (« suivi draft commit p1 »).")
        let profile = "le profil suivi ; un texte suivi par le comité"
        let help = """
          relancez suivi pull
          """
        let ok = "suivi-draft, poursuivi versions"
        """#
        #expect(try Self.commandNames(in: source) == ["2: suivi draft", "5: suivi pull"])
    }

    @Test("the scan sees an option in a message, in a multi-line string, and not in a comment or a style sheet")
    func scanner() throws {
        let source = #"""
        // git log --first-parent
        throw .invalidInput("une position indique son motif (--motif).")
        let css = "body{color:var(--encre)} :root{--encre:#111}"
        let help = """
          relancez avec --confirmer
          """
        let x = "a--b et 2--3"
        """#
        #expect(try Self.options(in: source) == ["2: --motif", "5: --confirmer"])
    }
}
