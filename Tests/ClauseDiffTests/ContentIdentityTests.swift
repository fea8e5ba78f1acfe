import Foundation
import Testing
import LegalText
import SuiviSynthetic
@testable import ClauseDiff

/// Texts without wIds (from outside the register): clauses are recognised by their content, and
/// eIds are only evidence, so an eId shift is never taken for identity.
@Suite("Clause identity by content, without wIds")
struct ContentIdentityTests {
    typealias P = Outline.Paragraph
    typealias A = Outline.Article

    /// Five articles of one to three alinéas, each with a heading.
    static let base = Outline(articles: (1...5).map { number in
        A(key: "a\(number)", heading: "Intitulé de l'article \(["premier", "deuxième", "troisième", "quatrième", "cinquième"][number - 1])",
          paragraphs: (1...(number % 3 + 1)).map { P(key: "a\(number)p\($0)", text: Outline.sentence("a\(number)p\($0)")) })
    })

    private func compare(_ old: Outline, _ new: Outline, oldNumbers: [Int]? = nil, newNumbers: [Int]? = nil,
                         context: String) throws -> DocumentDiff {
        let (oldDocument, oldKeys) = try old.document(numbers: oldNumbers)
        let (newDocument, newKeys) = try new.document(numbers: newNumbers)
        let diff = ClauseDiffer().compare(oldDocument, newDocument, oldLabel: "a", newLabel: "b")
        Outline.check(diff, expected: Outline.expectedClasses(old: old, oldKeys: oldKeys, new: new, newKeys: newKeys),
                      oldKeys: oldKeys, newKeys: newKeys, context: context)
        return diff
    }

    @Test("a wId missing from the source is known as missing, not taken from the eId as identity")
    func missingWIdIsKnown() throws {
        let document = try fixture("identity-no-wid")
        #expect(document.body.allSatisfy { !$0.hasExplicitWId && $0.wId == $0.eId })
        #expect(try fixture("renumbering-v1").body.allSatisfy(\.hasExplicitWId))
        #expect(ClauseSnapshot.all(in: document).allSatisfy { !$0.hasExplicitWId })
    }

    @Test("an article inserted near the top: later clauses are renumbered, none modified against a wrong partner")
    func insertNearTop() throws {
        var new = Self.base
        new.articles.insert(A(key: "n1", heading: "Article nouveau", paragraphs: [P(key: "n1p1", text: Outline.sentence("n1p1"))]), at: 1)
        let diff = try compare(Self.base, new, context: "insertion")
        #expect(diff.counts[.modified] == nil && diff.counts[.renumberedModified] == nil)
        #expect(diff.counts[.inserted] == 2)
        let renumbered = try #require(diff.changes.first { $0.old?.eId == "art_2" })
        #expect(renumbered.change == .renumbered && renumbered.new?.eId == "art_3")
        #expect(renumbered.matchedBy == .content)
    }

    @Test("an article deleted in the middle, numbers not recompacted: only the deletion shows")
    func deleteWithoutRecompacting() throws {
        var new = Self.base
        new.articles.remove(at: 2)
        let diff = try compare(Self.base, new, newNumbers: [1, 2, 4, 5], context: "suppression")
        #expect(diff.counts[.deleted] == 1 + Self.base.articles[2].paragraphs.count)
        #expect(diff.changes.filter { $0.change != .unchanged && $0.change != .deleted }.isEmpty)
    }

    @Test("an article deleted in the middle, numbers recompacted: later articles renumbered")
    func deleteRecompacting() throws {
        var new = Self.base
        new.articles.remove(at: 1)
        let diff = try compare(Self.base, new, context: "suppression renumérotée")
        #expect(diff.counts[.modified] == nil && diff.counts[.renumberedModified] == nil)
    }

    @Test("an alinéa moved to another article is moved, and its old siblings renumbered")
    func moveToAnotherArticle() throws {
        var new = Self.base
        let moved = new.articles[2].paragraphs.remove(at: 0)
        new.articles[4].paragraphs.insert(moved, at: 1)
        let diff = try compare(Self.base, new, context: "déplacement")
        #expect(diff.changes.first { $0.old?.eId == "art_3__para_1" }?.change == .moved)
    }

    @Test("a reworded alinéa behind an insertion is renumbered+modified with its own partner")
    func rewordAfterInsertion() throws {
        var new = Self.base
        new.articles[3].paragraphs[0].text = Outline.reworded(new.articles[3].paragraphs[0].text)
        new.articles.insert(A(key: "n1", heading: "Article nouveau", paragraphs: [P(key: "n1p1", text: Outline.sentence("n1p1"))]), at: 0)
        let diff = try compare(Self.base, new, context: "reformulation")
        let change = try #require(diff.changes.first { $0.old?.eId == "art_4__para_1" })
        #expect(change.change == .renumberedModified && change.new?.eId == "art_5__para_1")
        guard case .similarity(let score)? = change.matchedBy else {
            Issue.record("expected a similarity match, got \(String(describing: change.matchedBy))")
            return
        }
        #expect(score >= 0.8 && score < 1)
    }

    @Test("all four at once, every clause as written by hand")
    func allTogether() throws {
        var new = Self.base
        new.articles.insert(A(key: "n1", heading: "Article nouveau", paragraphs: [P(key: "n1p1", text: Outline.sentence("n1p1"))]), at: 1)
        new.articles[5].paragraphs[0].text = Outline.reworded(new.articles[5].paragraphs[0].text)   // a5p1 reworded
        let moved = new.articles[2].paragraphs.remove(at: 1)                                         // a2p2 → a4
        new.articles[4].paragraphs.append(moved)
        new.articles.remove(at: 3)                                                                  // a3 deleted
        let diff = try compare(Self.base, new, context: "ensemble")
        let (_, oldKeys) = try Self.base.document()
        let (_, newKeys) = try new.document()
        var classes: [String: ChangeClass] = [:]
        for change in diff.changes {
            if let key = change.old.flatMap({ oldKeys[$0.eId] }) ?? change.new.flatMap({ newKeys[$0.eId] }) { classes[key] = change.change }
        }
        // Written by hand, not derived: the reader's expectation.
        #expect(classes == [
            "a1": .unchanged, "a1p1": .unchanged, "a1p2": .unchanged,
            "n1": .inserted, "n1p1": .inserted,
            "a2": .renumbered, "a2p1": .renumbered, "a2p2": .moved, "a2p3": .renumbered,
            "a3": .deleted, "a3p1": .deleted,
            "a4": .unchanged, "a4p1": .unchanged, "a4p2": .unchanged,
            "a5": .unchanged, "a5p1": .modified, "a5p2": .unchanged, "a5p3": .unchanged,
        ])
    }

    @Test("wIds written by hand that follow the numbering are contradicted by content")
    func contradictedWIds() throws {
        var new = Self.base
        new.articles.insert(A(key: "n1", heading: "Article nouveau", paragraphs: [P(key: "n1p1", text: Outline.sentence("n1p1"))]), at: 0)
        let (oldDocument, oldKeys) = try Self.base.document()
        let (newDocumentWithoutWIds, newKeys) = try new.document()
        var newDocument = newDocumentWithoutWIds
        func explicit(_ clause: inout Clause) {
            clause.wId = clause.eId
            for index in clause.children.indices { explicit(&clause.children[index]) }
        }
        var oldExplicit = oldDocument
        for index in oldExplicit.body.indices { explicit(&oldExplicit.body[index]) }
        for index in newDocument.body.indices { explicit(&newDocument.body[index]) }
        let diff = ClauseDiffer().compare(oldExplicit, newDocument, oldLabel: "a", newLabel: "b")
        Outline.check(diff, expected: Outline.expectedClasses(old: Self.base, oldKeys: oldKeys, new: new, newKeys: newKeys),
                      oldKeys: oldKeys, newKeys: newKeys, context: "wIds renumérotés")
        #expect(diff.changes.first { $0.old?.eId == "art_1" }?.new?.eId == "art_2")
    }

    @Test("a pair sharing nothing is not modified when each text has a better partner")
    func noModifiedWithoutLikeness() throws {
        // The first alinéas of articles 2 and 3 change places: same eIds, other texts.
        var new = Self.base
        let second = new.articles[1].paragraphs[0]
        new.articles[1].paragraphs[0] = new.articles[2].paragraphs[0]
        new.articles[2].paragraphs[0] = second
        let diff = try compare(Self.base, new, context: "échange")
        for change in diff.changes where change.change.isModification {
            Issue.record("\(change.eId) reported \(change.change.rawValue)")
        }
    }

    @Test("random inserts, deletes, moves and rewords without wIds are recovered exactly")
    func generated() throws {
        for (seed, articles) in [(UInt64(1), 8), (2, 30), (3, 120), (4, 400)] {
            var generator = SplitMix64(seed: seed)
            var next = 0
            func fresh() -> Int { next += 1; return next }
            let old = Outline(articles: (1...articles).map { _ in
                let key = "g\(fresh())"
                return A(key: key, heading: Outline.sentence(key + "h", count: 4),
                         paragraphs: (1...(3 + generator.below(2))).map { _ in
                             let paragraph = "g\(fresh())"
                             return P(key: paragraph, text: Outline.sentence(paragraph))
                         })
            })
            var new = old
            var touched: Set<String> = []   // articles that received an operation: at most one each
            for _ in 0..<max(3, articles / 3) {
                let index = generator.below(new.articles.count)
                guard !touched.contains(new.articles[index].key) else { continue }
                switch generator.below(5) {
                case 0:  // insert an article
                    let key = "g\(fresh())"
                    new.articles.insert(A(key: key, heading: Outline.sentence(key + "h", count: 4),
                                          paragraphs: [P(key: "g\(next)p", text: Outline.sentence("g\(next)p"))]), at: index)
                    touched.insert(key)
                case 1:  // delete an article
                    new.articles.remove(at: index)
                case 2:  // move an alinéa to another article
                    let target = generator.below(new.articles.count)
                    guard target != index, !touched.contains(new.articles[target].key) else { continue }
                    let moved = new.articles[index].paragraphs.remove(at: generator.below(new.articles[index].paragraphs.count))
                    new.articles[target].paragraphs.insert(moved, at: generator.below(new.articles[target].paragraphs.count + 1))
                    touched.insert(new.articles[target].key)
                    touched.insert(new.articles[index].key)
                case 3:  // reword an alinéa
                    let paragraph = generator.below(new.articles[index].paragraphs.count)
                    new.articles[index].paragraphs[paragraph].text = Outline.reworded(new.articles[index].paragraphs[paragraph].text)
                    touched.insert(new.articles[index].key)
                default:  // insert an alinéa
                    let key = "g\(fresh())"
                    new.articles[index].paragraphs.insert(P(key: key, text: Outline.sentence(key)),
                                                          at: generator.below(new.articles[index].paragraphs.count + 1))
                    touched.insert(new.articles[index].key)
                }
            }
            _ = try compare(old, new, context: "graine \(seed), \(articles) articles")
        }
    }
}
