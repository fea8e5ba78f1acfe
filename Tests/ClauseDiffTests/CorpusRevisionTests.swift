import Foundation
import Testing
import LegalText
@testable import ClauseDiff
import SuiviTestSupport

/// The proposed 2026 revision (corpus/README.md lists its changes, recommendation by recommendation):
/// every change appears once, in the right class.
@Suite("The 2017 → 2026 corpus comparison")
struct CorpusRevisionTests {
    let diff: DocumentDiff

    init() throws {
        let corpus = ShippedFixture.corpus
        diff = ClauseDiffer().compare(
            try LegalTextReader.read(contentsOf: corpus.appendingPathComponent("2017-01-05/AFSP1638149A.xml").path).document,
            try LegalTextReader.read(contentsOf: corpus.appendingPathComponent("2026-projet/AFSP1638149A.xml").path).document,
            oldLabel: "2017", newLabel: "2026")
    }

    private func eIds(_ change: ChangeClass) -> Set<String> {
        Set(diff.changes.filter { $0.change == change }.map(\.eId))
    }

    @Test("the recodification in the articles and the DGS's role are modifications, in place")
    func modified() {
        #expect(eIds(.modified) == ["art_1__para_1", "art_2__para_1", "art_6__para_1",
                                    "annex_2__sec_A__para_2", "annex_2__sec_A__para_3"])
    }

    @Test("the visas are not amended: a consolidated text keeps those of the order as published")
    func visasUnchanged() {
        let visas = diff.changes.filter { $0.eId.hasPrefix("cit_") }
        #expect(visas.count == 4 && visas.allSatisfy { $0.change == .unchanged })
    }

    @Test("alinéas pushed down by insertions are renumbered, with their old eId")
    func renumbered() {
        let pairs = Set(diff.changes.filter { $0.change == .renumbered }.map { "\($0.old?.eId ?? "") → \($0.new?.eId ?? "")" })
        #expect(pairs == ["art_3__para_4 → art_3__para_5", "art_3__para_5 → art_3__para_7",
                          "art_4__para_3 → art_4__para_5", "annex_2__sec_A__para_8 → annex_2__sec_A__para_11"])
    }

    @Test("the new alinéas, articles and subsections (R2.1, R1.2, R3, R5.1, the 2025 funding crisis, hepatitis, Annexe III) are insertions")
    func inserted() {
        let inserted = eIds(.inserted)
        let topLevel = inserted.filter { eId in !inserted.contains { eId != $0 && eId.hasPrefix($0 + "__") } }
        #expect(topLevel == ["art_3__para_4", "art_3__para_6", "art_4__para_3", "art_4__para_4", "art_6__para_2",
                             "art_6__para_3", "art_6__para_4", "art_6-1", "art_6-2", "annex_2__sec_A__para_8",
                             "annex_2__sec_A__para_9", "annex_2__sec_A__para_10", "annex_2__sec_C__subsec_1__para_4",
                             "annex_2__sec_C__subsec_1__para_5", "annex_2__sec_C__subsec_2", "annex_3__para_2"])
    }

    @Test("nothing is deleted or moved, and each clause appears once")
    func nothingElse() {
        #expect(eIds(.deleted).isEmpty && eIds(.moved).isEmpty && eIds(.movedModified).isEmpty
                && eIds(.renumberedModified).isEmpty)
        #expect(Set(diff.changes.map(\.wId)).count == diff.changes.count)
    }

    @Test("article 1 shows the recodified reference as a word change")
    func wordChange() throws {
        let article = try #require(diff.changes.first { $0.eId == "art_1__para_1" }?.textDiff)
        #expect(article.segments.contains { $0.kind == .inserted && $0.text.contains("L. 425-9") })
        #expect(article.segments.contains { $0.kind == .deleted && $0.text.contains("L. 313-11") })
    }
}
