import Foundation
import Testing
import LegalText
@testable import ClauseDiff

/// v1 → v2: a new article 2 is inserted (old 2 and 3 become 3 and 4), article 4 is deleted,
/// an alinéa moves from old article 3 to article 5, and words change in three alinéas.
@Suite("Renumbering scenario: one insertion shows as one insertion, not as N edits")
struct RenumberingScenarioTests {
    let diff: DocumentDiff

    init() throws {
        diff = ClauseDiffer().compare(try fixture("renumbering-v1"), try fixture("renumbering-v2"),
                                      oldLabel: "v1", newLabel: "v2")
    }

    private func change(wId: String) throws -> ClauseChange {
        try #require(diff.changes.first { $0.wId == wId })
    }

    @Test("the inserted article and its alinéa are inserted")
    func insertion() throws {
        #expect(try change(wId: "art_2_v2").change == .inserted)
        #expect(try change(wId: "art_2_v2__para_1").change == .inserted)
    }

    @Test("articles pushed down by the insertion are renumbered, not modified")
    func renumbering() throws {
        let old2 = try change(wId: "art_2")
        #expect(old2.change == .renumbered)
        #expect(old2.old?.eId == "art_2" && old2.new?.eId == "art_3")
        #expect(old2.old?.num == "Article 2" && old2.new?.num == "Article 3")
        #expect(try change(wId: "art_2__para_1").change == .renumbered)
        #expect(try change(wId: "art_3").change == .renumbered)
    }

    @Test("a renumbered alinéa whose words changed is renumbered+modified, with a word diff")
    func renumberedModified() throws {
        let paragraph = try change(wId: "art_2__para_2")
        #expect(paragraph.change == .renumberedModified)
        let inserted = paragraph.textDiff?.segments.filter { $0.kind == .inserted }.map(\.text).joined()
        #expect(inserted == " et de sa continuité")
        #expect(try change(wId: "art_3__para_1").change == .renumberedModified)
    }

    @Test("the deleted article and its alinéa are deleted, listed where they stood")
    func deletion() throws {
        #expect(try change(wId: "art_4").change == .deleted)
        #expect(try change(wId: "art_4__para_1").change == .deleted)
        let order = diff.changes.map(\.wId)
        let deletedAt = try #require(order.firstIndex(of: "art_4"))
        let previous = try #require(order.firstIndex(of: "art_3__para_1"))
        #expect(deletedAt == previous + 1)
    }

    @Test("an alinéa moved to another article is moved")
    func move() throws {
        let moved = try change(wId: "art_3__para_2")
        #expect(moved.change == .moved)
        #expect(moved.old?.eId == "art_3__para_2" && moved.new?.eId == "art_5__para_2")
        #expect(moved.textDiff == nil)
    }

    @Test("an alinéa edited in place is modified; untouched clauses are unchanged")
    func modificationAndUnchanged() throws {
        #expect(try change(wId: "art_5__para_1").change == .modified)
        #expect(try change(wId: "art_1").change == .unchanged)
        #expect(try change(wId: "art_1__para_1").change == .unchanged)
        #expect(try change(wId: "art_5").change == .unchanged)
    }

    @Test("every clause of both versions appears exactly once")
    func completeness() throws {
        let old = ClauseSnapshot.all(in: try fixture("renumbering-v1")).map(\.wId)
        let new = ClauseSnapshot.all(in: try fixture("renumbering-v2")).map(\.wId)
        #expect(Set(diff.changes.map(\.wId)) == Set(old + new))
        #expect(diff.changes.count == Set(old + new).count)
        #expect(diff.counts[.inserted] == 2)
        #expect(diff.counts[.deleted] == 2)
        #expect(diff.counts[.moved] == 1)
    }

    @Test("the draft's metadata changes are listed")
    func metadata() {
        #expect(diff.metadataChanges.contains { $0.hasPrefix("Statut : version adoptée → projet") })
    }

    @Test("--eid restricts the comparison to a part of the text")
    func restriction() {
        let part = diff.restricted(toEIdPrefix: "art_5")
        #expect(Set(part.changes.map(\.wId)) == ["art_5", "art_5__para_1", "art_3__para_2"])
    }
}

@Suite("Comparing a version with itself, or with a reformatted copy")
struct EmptyDiffTests {
    @Test("a version compared with itself has no change")
    func itself() throws {
        let document = try fixture("renumbering-v1")
        let diff = ClauseDiffer().compare(document, document, oldLabel: "a", newLabel: "a")
        #expect(diff.isEmpty)
        #expect(diff.onlyChanged.changes.isEmpty)
    }

    @Test("files that differ only in formatting give an empty diff")
    func formatting() throws {
        let document = try fixture("renumbering-v1")
        let canonical = CanonicalWriter.string(document)
        // Re-indent everything and spread each alinéa over several lines with extra spaces.
        let reformatted = canonical
            .replacingOccurrences(of: "  ", with: "\t ")
            .replacingOccurrences(of: "<p>", with: "<p>\n      ")
            .replacingOccurrences(of: " les ", with: "   les\n ")
        #expect(reformatted != canonical)
        let other = try LegalTextReader.read(data: Data(reformatted.utf8), file: "reformatted.xml").document
        let diff = ClauseDiffer().compare(document, other, oldLabel: "canonique", newLabel: "reformaté")
        #expect(diff.isEmpty)
    }
}

@Suite("Clauses without a shared wId are matched by eId, then by similarity")
struct FallbackMatchingTests {
    @Test("an alinéa retyped with a fresh wId is recognised by its text")
    func similarity() throws {
        let old = try fixture("renumbering-v1")
        var new = old
        // Same text with one word changed, but the drafter gave it a new wId and moved it to art_5.
        var moved = new.body[2].children.remove(at: 1)
        moved.wId = "retyped"
        moved.eId = "art_5__para_2"
        moved.content = [Block(text: "Le collège se prononce dans un délai de deux mois.")]
        new.body[4].children.append(moved)
        let diff = ClauseDiffer().compare(old, new, oldLabel: "a", newLabel: "b")
        let change = try #require(diff.changes.first { $0.new?.wId == "retyped" })
        #expect(change.change == .movedModified)
        #expect(change.old?.wId == "art_3__para_2")
        guard case .similarity(let score)? = change.matchedBy else {
            Issue.record("expected a similarity match, got \(String(describing: change.matchedBy))")
            return
        }
        #expect(score >= 0.6 && score < 1)
    }

    @Test("unrelated texts are not paired: deletion and insertion")
    func dissimilar() throws {
        let old = try fixture("renumbering-v1")
        var new = old
        new.body[3].children[0].wId = "other"
        new.body[3].children[0].eId = "art_4__para_2"
        new.body[3].children[0].content = [Block(text: "Une disposition entièrement nouvelle sur un autre sujet.")]
        let diff = ClauseDiffer().compare(old, new, oldLabel: "a", newLabel: "b")
        #expect(diff.changes.first { $0.new?.wId == "other" }?.change == .inserted)
        #expect(diff.changes.first { $0.old?.wId == "art_4__para_1" }?.change == .deleted)
    }

    @Test("a clause whose wId changed but eId did not is matched by eId")
    func byEId() throws {
        let old = try fixture("renumbering-v1")
        var new = old
        new.body[0].children[0].wId = "renamed"
        let diff = ClauseDiffer().compare(old, new, oldLabel: "a", newLabel: "b")
        let change = try #require(diff.changes.first { $0.new?.wId == "renamed" })
        #expect(change.matchedBy == .eId)
        #expect(change.change == .unchanged)
    }
}
