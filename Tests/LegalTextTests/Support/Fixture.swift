import Foundation
import LegalText
import Testing

/// The test fixtures of `Tests/LegalTextTests/Fixtures`, loaded from the test bundle.
enum Fixture {
    /// The URL of a fixture file, e.g. `url("minimal-act.xml")` or `url("empty.xml", in: "Fixtures/hostile")`.
    static func url(_ name: String, in subdirectory: String = "Fixtures") throws -> URL {
        let base = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        return try #require(
            Bundle.module.url(forResource: base, withExtension: ext, subdirectory: subdirectory),
            "fixture \(subdirectory)/\(name) is missing from the test bundle")
    }

    /// The minimal act of docs/FORMAT.md.
    static func minimalURL() throws -> URL { try url("minimal-act.xml") }

    /// The minimal act's bytes.
    static func minimalData() throws -> Data { try Data(contentsOf: minimalURL()) }

    /// The minimal act's text.
    static func minimalText() throws -> String {
        try #require(String(data: try minimalData(), encoding: .utf8))
    }

    /// The minimal act as read by the reader, with the lines of its eIds.
    static func minimal() throws -> SourceDocument {
        try LegalTextReader.read(contentsOf: try minimalURL().path)
    }

    /// The 1-based line of `text` whose first `eId="…"` attribute is `eId`, found without the reader.
    static func line(ofEId eId: String, in text: String) -> Int? {
        line(containing: #"eId="\#(eId)""#, in: text)
    }

    /// The 1-based line of the first occurrence of `needle` in `text`.
    static func line(containing needle: String, in text: String) -> Int? {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.contains(needle) {
            return index + 1
        }
        return nil
    }

    /// The package root (the folder holding Package.swift), from this source file's path.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)  // …/Tests/LegalTextTests/Support/Fixture.swift
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
    }
}

/// A fresh temporary folder, removed when the value goes away; each test makes its own, since
/// Swift Testing runs tests in parallel.
final class TemporaryDirectory {
    let url: URL

    init(_ label: String = "legaltext-tests") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `data` to `name` in the folder and returns its path.
    @discardableResult
    func write(_ data: Data, to name: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try data.write(to: file)
        return file.path
    }

    /// Writes `text` as UTF-8 to `name` in the folder and returns its path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        try write(Data(text.utf8), to: name)
    }
}

extension LegalTextError {
    /// Runs `body` and returns the error it threw, or nil when it did not throw.
    static func caught<T>(_ body: () throws -> T, sourceLocation: SourceLocation = #_sourceLocation) -> LegalTextError? {
        do {
            _ = try body()
            return nil
        } catch let error as LegalTextError {
            return error
        } catch {
            Issue.record("expected a LegalTextError, got \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }
}

extension LegalDocument {
    /// Changes the clause with the given eId (visa, body or annex clause) in place; returns whether it was found.
    @discardableResult
    mutating func modifyClause(_ eId: String, _ change: (inout Clause) -> Void) -> Bool {
        for index in body.indices where body[index].modify(eId, change) { return true }
        for annex in annexes.indices {
            for index in annexes[annex].clauses.indices where annexes[annex].clauses[index].modify(eId, change) {
                return true
            }
        }
        for item in preamble.indices {
            guard case .citations(var citations) = preamble[item] else { continue }
            for index in citations.indices where citations[index].modify(eId, change) {
                preamble[item] = .citations(citations)
                return true
            }
        }
        return false
    }

    /// Changes the lifecycle event of that kind in place; returns whether it was found.
    @discardableResult
    mutating func modifyEvent(_ kind: LegalEventKind, _ change: (inout LifecycleEvent) -> Void) -> Bool {
        guard let index = lifecycle.firstIndex(where: { $0.kind == kind }) else { return false }
        change(&lifecycle[index])
        return true
    }
}

extension Clause {
    /// Changes this clause or the descendant with the given eId; returns whether it was found.
    mutating func modify(_ wanted: String, _ change: (inout Clause) -> Void) -> Bool {
        if eId == wanted {
            change(&self)
            return true
        }
        for index in children.indices where children[index].modify(wanted, change) { return true }
        return false
    }
}
