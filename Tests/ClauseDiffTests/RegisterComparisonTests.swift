import Foundation
import Testing
import LegalText
import Register
@testable import ClauseDiff
import SuiviTestSupport

@Suite("Comparing two versions in the register reads only the files git reports as changed")
struct RegisterComparisonTests {
    /// The frozen copy of the shipped corpus.
    private var corpus: URL { ShippedFixture.corpus }

    @Test("the register comparison finds the same changes as comparing the whole files")
    func sameAsFiles() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-cmp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let register = try TextRegister.create(at: root)
        _ = try await register.importVersions(from: corpus.path, author: Identity(name: "Test", email: "t@suivi.invalid"))
        let old = try await register.resolve("v2017-01-05")
        let new = try await register.resolve("draft/2026-projet")
        let (diff, unread) = try await RegisterComparison().compare(in: register, from: old, to: new, work: nil,
                                                                   oldLabel: "v2017-01-05", newLabel: "draft/2026-projet")
        let files = ClauseDiffer().compare(
            try LegalTextReader.read(contentsOf: corpus.appendingPathComponent("2017-01-05/AFSP1638149A.xml").path).document,
            try LegalTextReader.read(contentsOf: corpus.appendingPathComponent("2026-projet/AFSP1638149A.xml").path).document,
            oldLabel: "a", newLabel: "b")
        #expect(unread > 0)
        func changed(_ diff: DocumentDiff) -> [String: ChangeClass] {
            Dictionary(uniqueKeysWithValues: diff.changes.filter { $0.change != .unchanged }.map { ($0.wId, $0.change) })
        }
        #expect(changed(diff) == changed(files))
        #expect(diff.metadataChanges == files.metadataChanges)
        #expect(!changed(diff).isEmpty)
    }

    @Test("the register comparison counts as many unchanged clauses as comparing the whole files, whole or restricted to a part")
    func sameUnchangedCount() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-cmp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let register = try TextRegister.create(at: root)
        _ = try await register.importVersions(from: corpus.path, author: Identity(name: "Test", email: "t@suivi.invalid"))
        let old = try await register.resolve("v2017-01-05")
        let new = try await register.resolve("draft/2026-projet")
        let oldDocument = try LegalTextReader.read(contentsOf: corpus.appendingPathComponent("2017-01-05/AFSP1638149A.xml").path).document
        let newDocument = try LegalTextReader.read(contentsOf: corpus.appendingPathComponent("2026-projet/AFSP1638149A.xml").path).document
        let files = ClauseDiffer().compare(oldDocument, newDocument, oldLabel: "a", newLabel: "b")
        // Twice: the second run reads the clause lists of the unread parts from the cache.
        for _ in 0..<2 {
            let (diff, unread) = try await RegisterComparison().compare(in: register, from: old, to: new, work: nil,
                                                                       oldLabel: "a", newLabel: "b")
            #expect(unread > 0)
            #expect(diff.counts == files.counts, "\(diff.counts) vs \(files.counts)")
            #expect(DiffSummary(diff).counts == DiffSummary(files).counts)
            for part in Set(newDocument.body.map(\.eId) + newDocument.annexes.map(\.eId)) {
                #expect(diff.restricted(toEIdPrefix: part).counts == files.restricted(toEIdPrefix: part).counts, "\(part)")
            }
            #expect(diff.onlyChanged.counts[.unchanged] == nil)
            let text = TerminalDiffRenderer(colour: false).render(diff)
            #expect(text.contains("\(files.counts[.unchanged] ?? -1) inchangés"), "\(text.prefix(300))")
        }
    }

    @Test("a version compared with itself reads nothing and finds nothing")
    func itself() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-cmp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let register = try TextRegister.create(at: root)
        _ = try await register.importVersions(from: corpus.path, author: Identity(name: "Test", email: "t@suivi.invalid"))
        let version = try await register.resolve("v2017-01-05")
        let (diff, unread) = try await RegisterComparison().compare(in: register, from: version, to: version, work: nil,
                                                                   oldLabel: "a", newLabel: "a")
        #expect(diff.isEmpty)
        #expect(unread == 7 + 5 + 4 + 1)  // 7 articles, 5 parts of Annexe I, 4 of Annexe II and 1 of Annexe III: none read
    }
}
