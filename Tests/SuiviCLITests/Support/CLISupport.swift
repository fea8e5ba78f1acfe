import Foundation
import Testing

/// The built `suivi` binary and the files the end-to-end tests run it on.
enum CLI {
    /// `suivi`, next to the test bundle in .build/<config>/ (the test target depends on SuiviCLI, so it is built).
    static let executable: String? = {
        let bundle = Bundle.main.bundleURL
        let argumentFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundle, bundle.deletingLastPathComponent(), argumentFolder, argumentFolder.deletingLastPathComponent()]
        return candidates.map { $0.appendingPathComponent("suivi").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// `suivi-bench` (the benchmarks' executable, built beside `suivi`: the test target depends on SuiviBench).
    static let benchExecutable: String? = executable.map {
        URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("suivi-bench").path
    }.flatMap { FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil }

    /// Runs `suivi-bench` with `arguments`.
    static func bench(_ arguments: String...) throws -> ProcessResult {
        let path = try #require(benchExecutable, "suivi-bench not found beside suivi")
        return try ProcessRunner.run(path, arguments)
    }

    /// Runs `suivi` with `arguments`.
    static func run(_ arguments: String...) throws -> ProcessResult {
        try run(arguments)
    }

    static func run(_ arguments: [String]) throws -> ProcessResult {
        let path = try #require(executable, "suivi not found next to \(Bundle.main.bundleURL.path) or \(CommandLine.arguments[0])")
        return try ProcessRunner.run(path, arguments)
    }

    /// The package root, from this source file: Tests/SuiviCLITests/Support/ → root.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The LegalText fixtures, shared with the unit tests (this target has no resources of its own).
    static let fixtures = packageRoot.appendingPathComponent("Tests/LegalTextTests/Fixtures")

    /// The path of the minimal act of docs/FORMAT.md.
    static var minimalAct: String { fixtures.appendingPathComponent("minimal-act.xml").path }

    static func minimalText() throws -> String {
        try String(contentsOfFile: minimalAct, encoding: .utf8)
    }
}

/// A fresh temporary folder for one test, removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-cli-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ data: Data, to name: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file.path
    }

    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        try write(Data(text.utf8), to: name)
    }
}

/// A hostile sample as the command line meets it: a file, the line `suivi validate` must point at
/// and a fragment of the French reason. The same list as LegalTextTests' HostileInputTests; the
/// static files are read from Tests/LegalTextTests/Fixtures/hostile, the big ones generated here.
struct HostileFile: Sendable, CustomTestStringConvertible {
    enum Source: Sendable {
        case fixture
        case nesting(depth: Int)
        case clauseNesting(depth: Int)
        case clauseNestingOnePerLine(depth: Int)
        /// A sparse file one byte over the reader's standard limit (64 MiB).
        case overStandardLimit
    }

    let name: String
    let source: Source
    /// The line `suivi` must print; nil for a file refused for its size before any line is read.
    let line: Int?
    let reason: String
    let testDescription: String

    init(_ name: String, _ source: Source = .fixture, line: Int?, reason: String, _ description: String) {
        self.name = name
        self.source = source
        self.line = line
        self.reason = reason
        self.testDescription = description
    }

    static let all: [HostileFile] = [
        HostileFile("billion-laughs.xml", line: 3, reason: "déclaration <!DOCTYPE> refusée", "billion laughs (nested entities)"),
        HostileFile("quadratic-blowup.xml", line: 3, reason: "déclaration <!DOCTYPE> refusée", "quadratic blowup"),
        HostileFile("external-entity-file.xml", line: 3, reason: "déclaration <!DOCTYPE> refusée", "external entity file:///etc/passwd"),
        HostileFile("external-entity-http.xml", line: 3, reason: "déclaration <!DOCTYPE> refusée", "external entity http://127.0.0.1:9/x"),
        HostileFile("external-dtd.xml", line: 3, reason: "déclaration <!DOCTYPE> refusée", "external DTD"),
        HostileFile("parameter-entities.xml", line: 3, reason: "déclaration <!DOCTYPE> refusée", "parameter entities"),
        HostileFile("undeclared-entity.xml", line: 10, reason: "entité XML, interdite", "undeclared entity &foo;"),
        HostileFile("invalid-utf8.xml", line: 10, reason: "pas en UTF-8 valide", "invalid UTF-8 bytes"),
        HostileFile("latin1-encoding.xml", line: 1, reason: "invalide pour l'attribut encoding", "encoding=\"ISO-8859-1\""),
        HostileFile("truncated.xml", line: 86, reason: "le document est tronqué", "truncated document"),
        HostileFile("empty.xml", line: 1, reason: "le document est tronqué", "empty file"),
        HostileFile("nesting-100000.xml", .nesting(depth: 100_000), line: 5, reason: "imbriqués trop profondément",
                    "100,000 nested elements"),
        HostileFile("clause-nesting-50000.xml", .clauseNesting(depth: 50_000), line: 5, reason: "imbriqués trop profondément",
                    "50,000 nested clause elements"),
        HostileFile("clause-nesting-100.xml", .clauseNestingOnePerLine(depth: 100), line: 69,
                    reason: "plus de 64 niveaux d'éléments imbriqués", "100 nested clauses, over the model's limit"),
        HostileFile("wrong-root.xml", line: 3, reason: "l'élément racine est <html>", "wrong root element"),
        HostileFile("wrong-namespace.xml", line: 2, reason: "attendu <akomaNtoso> dans l'espace de noms http://docs.oasis-open.org",
                    "right root in the wrong namespace"),
        HostileFile("unknown-element-in-article.xml", line: 79, reason: "élément <table> non pris en charge dans <article>",
                    "unknown element inside an article"),
        HostileFile("text-in-body.xml", line: 68, reason: "hors d'un paragraphe, dans <body>", "text directly inside body"),
        HostileFile("over-64-mib.xml", .overStandardLimit, line: nil, reason: "fichier trop volumineux", "file over the size limit"),
    ]

    /// Writes the sample into `folder` and returns its path.
    func write(into folder: TemporaryFolder) throws -> String {
        let head = """
            <?xml version="1.0" encoding="UTF-8"?>
            <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
            <act name="arrete">
            <body>

            """
        let tail = "\n</body>\n</act>\n</akomaNtoso>\n"
        switch source {
        case .fixture:
            let url = CLI.fixtures.appendingPathComponent("hostile").appendingPathComponent(name)
            return try folder.write(try Data(contentsOf: url), to: name)
        case .nesting(let depth):
            return try folder.write(head + String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth) + tail, to: name)
        case .clauseNesting(let depth):
            var text = head
            for level in 1...depth { text += #"<section eId="sec_\#(level)" wId="sec_\#(level)">"# }
            return try folder.write(text + String(repeating: "</section>", count: depth) + tail, to: name)
        case .clauseNestingOnePerLine(let depth):
            var text = head
            for level in 1...depth { text += #"<section eId="sec_\#(level)" wId="sec_\#(level)">"# + "\n" }
            text += "<content><p>Texte.</p></content>\n"
            return try folder.write(text + String(repeating: "</section>", count: depth) + tail, to: name)
        case .overStandardLimit:
            let path = try folder.write(try CLI.minimalText(), to: name)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.truncate(atOffset: UInt64(64 << 20) + 1)  // sparse: no 64 MiB written to disk
            try handle.close()
            return path
        }
    }
}
