import Foundation
import LegalText
import Testing

extension EndToEnd {
/// Any Akoma Ntoso 3.0 document in (issue 16), end to end, on the five real documents of
/// `../shared/examples/akn` (read in place, never copied): `validate` accepts them at the Akoma Ntoso level,
/// `import akn` imports them, `export akn` gives them back equivalent and schema-valid, `diff` sees nothing
/// between a document and itself and exactly one edit in a lightly edited copy, `convertir` says what it changed.
@Suite("any Akoma Ntoso 3.0 document in, end to end")
struct ForeignAKNCommandTests {
    static let author = "Import officiel <import@suivi.invalid>"
    static let folder = SharedMaterials.path("examples/akn")
    static let schema = SharedMaterials.path("schemas/akomantoso30.xsd")
    static let files: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
    }()
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"
    /// Absent material disables the tests, except under CI=true, where they run and fail.
    static let enabled = (SharedMaterials.available && files.count == 5) || isCI
    static let reason: Comment = "needs ../shared/examples/akn (five real documents) and the OASIS schema: set SUIVI_SHARED"
    static var arguments: [String] { files.isEmpty && isCI ? ["(../shared/examples/akn absent)"] : files }

    private func path(_ name: String) throws -> String {
        let path = Self.folder + "/" + name
        try #require(FileManager.default.fileExists(atPath: path), "the shared example \(path) is missing")
        return path
    }

    private func schemaCheck(_ file: String) throws -> ProcessResult {
        let xmllint = try #require(ProcessRunner.systemTool("xmllint"), "xmllint (libxml2-utils) is needed")
        try #require(FileManager.default.fileExists(atPath: Self.schema), "the OASIS schema is expected at \(Self.schema)")
        return try ProcessRunner.run(xmllint, ["--noout", "--nonet", "--schema", Self.schema, file])
    }

    private func json(_ result: ProcessResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result)")
    }

    @Test("`suivi validate` accepts a real document from another tool, at the Akoma Ntoso level, and says so",
          .enabled(if: ForeignAKNCommandTests.enabled, ForeignAKNCommandTests.reason), arguments: ForeignAKNCommandTests.arguments)
    func validates(name: String) throws {
        let path = try path(name)
        let result = try CLI.run("validate", path)
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("✓ \(path) : valide au profil Akoma Ntoso 3.0"), "\(result.stdout)")
        let asJSON = try json(try CLI.run("validate", "--format", "json", path))
        let files = try #require(asJSON["files"] as? [[String: Any]])
        #expect(files.first?["profile"] as? String == "akn")
        // Held to the suivi profile, the same file is not a text of the register.
        let strict = try CLI.run("validate", "--profil", "suivi", path)
        #expect(strict.exitCode == 1, "\(strict)")
        #expect(strict.stdout.contains("✗ \(path)"))
    }

    @Test("`suivi validate corpus` holds the shipped corpus to the suivi profile, as before")
    func corpusStillSuiviProfile() throws {
        let corpus = CLI.packageRoot.appendingPathComponent("corpus").path
        let automatic = try CLI.run("validate", corpus)
        let strict = try CLI.run("validate", "--profil", "suivi", corpus)
        #expect(automatic.exitCode == 0, "\(automatic)")
        #expect(automatic.stdout == strict.stdout)
        #expect(!automatic.stdout.contains("profil"))
        #expect(automatic.stdout.contains("valide (version adoptée"))
    }

    @Test("`import akn` imports a real document into a fresh register; `export akn` gives it back equivalent and schema-valid",
          .enabled(if: ForeignAKNCommandTests.enabled, ForeignAKNCommandTests.reason), arguments: ForeignAKNCommandTests.arguments)
    func importsAndExports(name: String) throws {
        let path = try path(name)
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let repo = folder.path("registre")
        try #require(try CLI.run("init", repo).exitCode == 0)
        let imported = try CLI.run("import", "akn", path, "--repo", repo, "--as", Self.author)
        #expect(imported.exitCode == 0, "\(imported)")
        #expect(imported.stdout.contains(": importée"), "\(imported)")

        let output = folder.path("export.xml")
        let exported = try CLI.run("export", "akn", "--output", output, "--repo", repo)
        try #require(exported.exitCode == 0, "\(exported)")
        let exportedData = try Data(contentsOf: URL(fileURLWithPath: output))
        // Equivalent to the original file, element for element, attribute for attribute, text for text.
        let differences = CanonicalXML.differences(
            try CanonicalXML.tree(Data(contentsOf: URL(fileURLWithPath: path)), file: path),
            try CanonicalXML.tree(exportedData, file: output), allowingAddedIdentifiers: true)
        #expect(differences.isEmpty, "\(name):\n\(differences.joined(separator: "\n"))")
        // And exactly what suivi writes of the file read directly: the register lost nothing on the way.
        let direct = CanonicalWriter.data(try LegalTextReader.readAny(contentsOf: path).document)
        #expect(exportedData == direct)
        let check = try schemaCheck(output)
        #expect(check.exitCode == 0, "\(name): \(check)")
    }

    @Test("`diff` of a real document against itself is empty, and against a copy with one paragraph edited shows exactly that edit",
          .enabled(if: ForeignAKNCommandTests.enabled, ForeignAKNCommandTests.reason), arguments: ForeignAKNCommandTests.arguments)
    func diffs(name: String) throws {
        let path = try path(name)
        let same = try json(try CLI.run("diff", path, path, "--format", "json"))
        let sameChanges = try #require(same["changes"] as? [[String: Any]])
        #expect(!sameChanges.isEmpty)
        #expect(sameChanges.allSatisfy { $0["class"] as? String == "unchanged" }, "\(sameChanges.filter { $0["class"] as? String != "unchanged" })")
        #expect((same["metadataChanges"] as? [Any])?.isEmpty ?? true)

        // Edit the text of one leaf clause's paragraph: its first words, found once in the file on one line.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let document = try LegalTextReader.readAny(contentsOf: path).document
        let candidates = document.body.flatMap(\.flattened).filter { clause in
            clause.children.isEmpty && clause.content.count == 1 && clause.content[0].isParagraph
                && clause.content[0].inlines.count == 1 && clause.content[0].plainText.count > 40
        }
        let (target, fragment) = try #require(candidates.lazy.compactMap { clause -> (Clause, String)? in
            let words = clause.content[0].plainText.split(separator: " ")
            guard words.count > 6 else { return nil }
            let fragment = words.prefix(6).joined(separator: " ")
            return text.components(separatedBy: fragment).count == 2 ? (clause, fragment) : nil
        }.first, "\(name): no paragraph whose first words stand once on one line")
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let edited = try folder.write(text.replacingOccurrences(of: fragment, with: fragment + " (modifié)"), to: "modifie.xml")
        let diff = try json(try CLI.run("diff", path, edited, "--format", "json"))
        let changes = try #require(diff["changes"] as? [[String: Any]])
        let changed = changes.filter { $0["class"] as? String != "unchanged" }
        #expect(changed.count == 1, "\(name): \(changed)")
        #expect(changed.first?["eId"] as? String == target.eId)
        #expect(changed.first?["class"] as? String == "modified")
        let segments = changed.first?["textDiff"] as? [[String: Any]] ?? []
        let edits = segments.filter { $0["op"] as? String != "equal" }
        #expect(edits.map { $0["op"] as? String } == ["inserted"], "\(segments)")
        #expect(edits.first.flatMap { $0["text"] as? String }?.trimmingCharacters(in: .whitespaces) == "(modifié)", "\(segments)")
        #expect(changes.count == sameChanges.count)
    }

    @Test("`convertir` brings a real document to the suivi profile, says what it changed and what is left",
          .enabled(if: ForeignAKNCommandTests.enabled, ForeignAKNCommandTests.reason), arguments: ForeignAKNCommandTests.arguments)
    func converts(name: String) throws {
        let path = try path(name)
        let folder = try TemporaryFolder()
        defer { withExtendedLifetime(folder) {} }
        let output = folder.path("converti.xml")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let converted = try CLI.run("convertir", path, "--sortie", output)
        #expect([0, 1].contains(converted.exitCode), "\(converted)")
        #expect(converted.stdout.contains("converti au profil suivi"), "\(converted)")
        #expect(converted.stdout.contains("métadonnées réécrites"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the original file is never modified")
        // The converted file reads in the suivi profile: what is left is the profile's rules, listed.
        let strict = try CLI.run("validate", "--profil", "suivi", output)
        #expect(!strict.stdout.contains("lecture-impossible") && !strict.stdout.contains("non pris en charge"), "\(strict)")
        #expect((strict.exitCode == 0) == (converted.exitCode == 0), "convertir and validate agree: \(converted) / \(strict)")
        let check = try schemaCheck(output)
        #expect(check.exitCode == 0, "\(name): \(check)")
    }
}
}
