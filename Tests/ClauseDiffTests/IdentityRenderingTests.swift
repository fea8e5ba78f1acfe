import Foundation
import Testing
import LegalText
@testable import ClauseDiff

@Suite("What the reader sees of clause identity: labels, reorderings, headings, weak matches")
struct IdentityRenderingTests {
    /// The label of each change line of the plain terminal output: what stands between the marker and " [".
    private func labels(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            guard let first = line.first, "+-~>".contains(first), line.dropFirst().hasPrefix(" "),
                  let end = line.range(of: " [") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 2)..<end.lowerBound])
        }
    }

    @Test("a deleted clause and a renumbered clause never print the same label")
    func distinctLabels() throws {
        let diff = ClauseDiffer().compare(try fixture("renumbering-v1"), try fixture("renumbering-v2"), oldLabel: "v1", newLabel: "v2")
        let printed = labels(TerminalDiffRenderer(colour: false).render(diff))
        #expect(printed.count == diff.changes.filter { $0.change != .unchanged }.count)
        #expect(Set(printed).count == printed.count, "labels printed twice: \(printed)")
        let markdown = MarkdownDiffRenderer().render(diff)
        let titles = markdown.split(separator: "\n").filter { $0.hasPrefix("## `") }.map { $0.split(separator: "—")[0] }
        #expect(Set(titles).count == titles.count)
        let html = HTMLDiffRenderer().render(diff)
        let ids = html.components(separatedBy: "<section ").dropFirst().compactMap { $0.components(separatedBy: " id=\"").dropFirst().first?.split(separator: "\"").first }
        #expect(ids.count == printed.count)
        #expect(Set(ids).count == ids.count, "HTML ids repeated: \(ids)")
    }

    @Test("swapped alinéas (wIds kept, eIds follow the order) are moved, not renumbered")
    func swappedWithWIds() throws {
        let old = try fixture("renumbering-v1")
        var new = old
        new.body[1].children.swapAt(0, 1)
        new.body[1].children[0].eId = "art_2__para_1"
        new.body[1].children[1].eId = "art_2__para_2"
        let diff = ClauseDiffer().compare(old, new, oldLabel: "a", newLabel: "b")
        let swapped = diff.changes.filter { ["art_2__para_1", "art_2__para_2"].contains($0.wId) }
        #expect(swapped.count == 2)
        #expect(swapped.allSatisfy { $0.change == .moved }, "\(swapped.map(\.change))")
    }

    @Test("three alinéas in reverse order: the outer two are moved, the middle one, same place, number and text, is unchanged")
    func reversedThree() throws {
        let old = try fixture("renumbering-v1")
        var new = old
        let first = Clause(kind: .paragraph, eId: "art_2__para_1", wId: "art_2__para_a", content: [Block(text: "Premier alinéa.")])
        let second = Clause(kind: .paragraph, eId: "art_2__para_2", wId: "art_2__para_b", content: [Block(text: "Deuxième alinéa.")])
        let third = Clause(kind: .paragraph, eId: "art_2__para_3", wId: "art_2__para_c", content: [Block(text: "Troisième alinéa.")])
        var before = old
        before.body[1].children = [first, second, third]
        var a = first, c = third
        a.eId = "art_2__para_3"
        c.eId = "art_2__para_1"
        new.body[1].children = [c, second, a]
        let diff = ClauseDiffer().compare(before, new, oldLabel: "a", newLabel: "b")
        let byWId = Dictionary(uniqueKeysWithValues: diff.changes.map { ($0.wId, $0.change) })
        #expect(byWId["art_2__para_a"] == .moved, "\(byWId)")
        #expect(byWId["art_2__para_c"] == .moved, "\(byWId)")
        #expect(byWId["art_2__para_b"] == .unchanged, "\(byWId)")
        #expect(!TerminalDiffRenderer(colour: false).render(diff).contains("renuméroté"))
    }

    @Test("swapped alinéas without wIds are moved, not renumbered nor modified")
    func swappedWithoutWIds() throws {
        let old = try fixture("identity-no-wid")
        var new = old
        let first = new.body[1].children[0].content
        new.body[1].children[0].content = new.body[1].children[1].content
        new.body[1].children[1].content = first
        let diff = ClauseDiffer().compare(old, new, oldLabel: "a", newLabel: "b")
        let changed = diff.changes.filter { $0.change != .unchanged }
        #expect(changed.count == 2)
        #expect(changed.allSatisfy { $0.change == .moved }, "\(changed.map(\.change))")
        #expect(changed.allSatisfy { $0.matchedBy == .content })
    }

    @Test("a new article or section shows its heading in every output")
    func newHeading() throws {
        let old = try fixture("renumbering-v1")
        var new = old
        new.body.append(Clause(kind: .section, eId: "sec_1", num: "Section 1", heading: [.text("Dispositions transitoires")],
                               children: [Clause(kind: .paragraph, eId: "sec_1__para_1", content: [Block(text: "Texte nouveau.")])]))
        let diff = ClauseDiffer().compare(old, new, oldLabel: "a", newLabel: "b")
        #expect(TerminalDiffRenderer(colour: false).render(diff).contains("Dispositions transitoires"))
        #expect(MarkdownDiffRenderer().render(diff).contains("Dispositions transitoires"))
        #expect(HTMLDiffRenderer().render(diff).contains("Dispositions transitoires"))
    }

    /// Without wIds, an alinéa rewritten by about a third, behind an inserted article: a weak similarity match.
    private func weakDiff() throws -> DocumentDiff {
        let old = try fixture("identity-no-wid")
        var new = old
        new.body[2].children[0].content = [Block(text: "Les effets d'une particulière gravité sont examinés au cas par cas.")]
        new.body.insert(Clause(kind: .article, eId: "art_new", num: "Article nouveau",
                               children: [Clause(kind: .paragraph, eId: "art_new__para_1", content: [Block(text: "Sans rapport.")])]), at: 1)
        // Numbered by position, as a text from outside the register would be.
        for (index, _) in new.body.enumerated() {
            new.body[index] = Self.withoutWIds(new.body[index], eId: "art_\(index + 1)")
        }
        return ClauseDiffer().compare(old, new, oldLabel: "a", newLabel: "b")
    }

    /// The clause with eIds `eId`, `eId__para_N`, … and no wId, as read from a file without wIds.
    static func withoutWIds(_ clause: Clause, eId: String) -> Clause {
        var result = clause
        result.eId = eId
        result.wId = eId
        result.hasExplicitWId = false
        result.children = clause.children.enumerated().map { withoutWIds($1, eId: "\(eId)__para_\($0 + 1)") }
        return result
    }

    @Test("JSON says how each pair was matched, with its score and whether it is weak")
    func jsonEvidence() throws {
        let diff = try weakDiff()
        let data = Data(try JSONDiffDocument(diff).encoded().utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let changes = try #require(object["changes"] as? [[String: Any]])
        func match(oldEId: String) throws -> [String: Any] {
            let change = try #require(changes.first { ($0["old"] as? [String: Any])?["eId"] as? String == oldEId })
            return try #require(change["matchedBy"] as? [String: Any])
        }
        let reworded = try match(oldEId: "art_3__para_1")
        #expect(reworded["method"] as? String == "similarity")
        let score = try #require(reworded["score"] as? Double)
        #expect(score >= 0.6 && score < 0.8)
        #expect(reworded["weak"] as? Bool == true)
        let untouched = try match(oldEId: "art_3__para_2")
        #expect(untouched["method"] as? String == "content")
        #expect(untouched["weak"] as? Bool == false)
        #expect(try match(oldEId: "art_1")["method"] as? String == "eId")
    }

    @Test("text, Markdown and HTML mark weak matches, and only those")
    func weakMarked() throws {
        let diff = try weakDiff()
        let text = TerminalDiffRenderer(colour: false).render(diff)
        let flagged = text.split(separator: "\n").filter { $0.contains("appariement incertain") }
        #expect(flagged.count == 1)
        #expect(flagged.first?.contains("art_4__para_1") == true)
        #expect(MarkdownDiffRenderer().render(diff).components(separatedBy: "appariement incertain").count == 2)
        #expect(HTMLDiffRenderer().render(diff).components(separatedBy: "class=\"weak\"").count == 2)
    }
}

@Suite("What --stat counts under each part")
struct DiffStatLabelTests {
    /// The part labels of the `--stat` lines, with their counts.
    private func parts(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in text.split(separator: "\n").dropFirst(2) where line.hasPrefix("  ") && !line.contains(" : ") {
            let trimmed = line.dropFirst(2)
            guard let gap = trimmed.range(of: "  ") else { continue }
            result[String(trimmed[..<gap.lowerBound]).trimmingCharacters(in: .whitespaces)] =
                String(trimmed[gap.upperBound...]).trimmingCharacters(in: .whitespaces)
        }
        return result
    }

    @Test("--stat never counts a deleted article under the number a renumbered article now bears")
    func deletedApartFromRenumbered() throws {
        let diff = ClauseDiffer().compare(try fixture("renumbering-v1"), try fixture("renumbering-v2"), oldLabel: "v1", newLabel: "v2")
        let stat = parts(TerminalDiffRenderer(colour: false).renderStat(diff))
        // Old article 4 is deleted; old article 3 is renumbered article 4.
        #expect(stat["ex art_4"] == "2 supprimés", "\(stat)")
        #expect(stat["art_4"] == "1 renuméroté, 1 renuméroté et modifié", "\(stat)")
        let summary = DiffSummary(diff)
        #expect(summary.parts.first { $0.eId == "ex art_4" }?.counts == ["deleted": 2])
    }

    @Test("a deleted alinéa of an article that was only renumbered is counted under the article's new number")
    func deletedInsideRenumbered() throws {
        let old = try fixture("renumbering-v1")
        var new = old
        // Insert an article before article 2 (renumbering 2→3, 3→4…) and delete the second alinéa of the old article 2.
        new.body[1].children.remove(at: 1)
        new.body.insert(Clause(kind: .article, eId: "art_2", wId: "art_2-new", num: "Article 2",
                               children: [Clause(kind: .paragraph, eId: "art_2__para_1", wId: "art_2-new__para_1",
                                                 content: [Block(text: "Un article tout à fait nouveau, sans rapport.")])]), at: 1)
        for index in 2..<new.body.count {
            let number = index + 1
            new.body[index] = IdentityRenderingTests.renumberedKeepingWIds(new.body[index], to: "art_\(number)")
        }
        let diff = ClauseDiffer().compare(old, new, oldLabel: "a", newLabel: "b")
        let stat = parts(TerminalDiffRenderer(colour: false).renderStat(diff))
        #expect(stat["art_3"]?.contains("1 supprimé") == true, "\(stat)")
        #expect(stat["ex art_2"] == nil && stat["art_2"] == "2 insérés", "\(stat)")
    }
}

extension IdentityRenderingTests {
    /// The clause with eId `eId` (its alinéas `eId__para_N`), wIds kept.
    static func renumberedKeepingWIds(_ clause: Clause, to eId: String) -> Clause {
        var result = clause
        let old = clause.eId
        result.eId = eId
        result.children = clause.children.map { child in
            var copy = child
            copy.eId = eId + child.eId.dropFirst(old.count)
            return copy
        }
        return result
    }
}
