import Foundation
import Testing

/// `suivi validate`, run as a drafter runs it: the built binary, real files, exit codes.
extension EndToEnd {
@Suite("suivi validate")
struct ValidateCommandTests {
    @Test("a valid act exits 0 and is reported valid")
    func validAct() throws {
        let result = try CLI.run("validate", CLI.minimalAct)
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("✓ \(CLI.minimalAct) : valide"), "\(result)")
        #expect(result.stdout.contains("version adoptée, 3 articles, 1 annexes"), "\(result)")
        #expect(result.stdout.contains("1 fichier(s) vérifié(s) : 1 valide(s), 0 invalide(s), 0 problème(s)."), "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
    }

    @Test("--format json prints schema version 1 and valid: true for a valid act")
    func json() throws {
        let result = try CLI.run("validate", "--format", "json", CLI.minimalAct)
        #expect(result.exitCode == 0, "\(result)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let root = try #require(object as? [String: Any], "not a JSON object: \(result.stdout)")
        #expect(root["schemaVersion"] as? Int == 1)
        #expect(root["valid"] as? Bool == true)
        let files = try #require(root["files"] as? [[String: Any]])
        #expect(files.count == 1)
        #expect(files.first?["file"] as? String == CLI.minimalAct)
        #expect(files.first?["valid"] as? Bool == true)
        #expect((files.first?["problems"] as? [Any])?.isEmpty == true)
    }

    @Test("a hostile file exits 1 with its path, line and French reason, within 2 s and 200 MB",
          arguments: HostileFile.all)
    func hostile(sample: HostileFile) throws {
        let folder = try TemporaryFolder()
        let path = try sample.write(into: folder)
        let result = try CLI.run("validate", path)
        #expect(result.exitCode == 1, "\(result)")
        #expect(!result.timedOut)
        #expect(result.stdout.contains("✗ \(path) : 1 problème(s)"), "\(result)")
        if let line = sample.line {
            #expect(result.stdout.contains("\(path):\(line) "), "no file:line in \(result)")
        } else {
            #expect(result.stdout.contains("  \(path) : "), "\(result)")
        }
        #expect(result.stdout.contains(sample.reason), "no French reason in \(result)")
        #expect(result.stdout.contains("0 valide(s), 1 invalide(s)"), "\(result)")
        // The acceptance of the issue: refused fast and in bounded memory.
        #expect(result.wallSeconds < 2, "\(result)")
        #expect(result.maxRSSKiB < 200 * 1024, "\(result)")
    }

    @Test("a hostile file is reported in JSON with the rule lecture-impossible and its line", arguments: HostileFile.all)
    func hostileJSON(sample: HostileFile) throws {
        let folder = try TemporaryFolder()
        let path = try sample.write(into: folder)
        let result = try CLI.run("validate", "--format", "json", path)
        #expect(result.exitCode == 1, "\(result)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result)")
        #expect(root["schemaVersion"] as? Int == 1)
        #expect(root["valid"] as? Bool == false)
        let file = try #require((root["files"] as? [[String: Any]])?.first)
        #expect(file["file"] as? String == path)
        let problems = try #require(file["problems"] as? [[String: Any]])
        #expect(problems.count == 1)
        #expect(problems.first?["rule"] as? String == "lecture-impossible")
        #expect(problems.first?["line"] as? Int == sample.line)
        #expect((problems.first?["message"] as? String)?.contains(sample.reason) == true)
    }

    @Test("a folder with one valid and one invalid file exits 1 and reports both")
    func folder() throws {
        let folder = try TemporaryFolder()
        let text = try CLI.minimalText()
        let valid = try folder.write(text, to: "valide.xml")
        let invalid = try folder.write(text.replacingOccurrences(of: "<num>Article 3</num>", with: "<num>Article 4</num>"),
                                       to: "sous-dossier/invalide.xml")
        try folder.write("pas du XML", to: "notes.txt")
        let result = try CLI.run("validate", folder.url.path)
        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stdout.contains("✓ \(valid) : valide"), "\(result)")
        #expect(result.stdout.contains("✗ \(invalid) : 1 problème(s)"), "\(result)")
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains(#"eId="art_3""#) }.map { $0 + 1 })
        #expect(result.stdout.contains("\(invalid):\(line) : l'article « Article 4 » a l'eId art_3 ; attendu art_4"), "\(result)")
        #expect(!result.output.contains("notes.txt"), "a non-XML file was checked: \(result)")
        #expect(result.stdout.contains("2 fichier(s) vérifié(s) : 1 valide(s), 1 invalide(s), 1 problème(s)."), "\(result)")
    }

    @Test("a folder reported in JSON lists each file with its problems")
    func folderJSON() throws {
        let folder = try TemporaryFolder()
        let text = try CLI.minimalText()
        try folder.write(text, to: "a-valide.xml")
        try folder.write(text.replacingOccurrences(of: "<num>Article 3</num>", with: "<num>Article 4</num>"), to: "b-invalide.xml")
        let result = try CLI.run("validate", "--format", "json", folder.url.path)
        #expect(result.exitCode == 1, "\(result)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(root["valid"] as? Bool == false)
        let files = try #require(root["files"] as? [[String: Any]])
        #expect(files.map { $0["valid"] as? Bool } == [true, false])
        let problem = try #require((files.last?["problems"] as? [[String: Any]])?.first)
        #expect(problem["rule"] as? String == "eid-incoherent")
        #expect(problem["eId"] as? String == "art_3")
        #expect((problem["line"] as? Int ?? 0) > 0)
    }

    @Test("a path that does not exist exits 1 with a message naming it")
    func missingPath() throws {
        let folder = try TemporaryFolder()
        let missing = folder.path("absent.xml")
        let result = try CLI.run("validate", missing)
        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stderr.contains(missing), "\(result)")
        #expect(result.stderr.contains("aucun fichier ou dossier à ce chemin"), "\(result)")
    }

    @Test("a folder without any .xml file exits 1 with a message")
    func emptyFolder() throws {
        let folder = try TemporaryFolder()
        let result = try CLI.run("validate", folder.url.path)
        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stderr.contains("aucun fichier .xml trouvé"), "\(result)")
    }
}
}
