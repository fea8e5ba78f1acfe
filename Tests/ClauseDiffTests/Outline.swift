import Foundation
import Testing
import LegalText
@testable import ClauseDiff
import SuiviSynthetic

/// A text described as articles of alinéas, each with a stable key known only to the test: built into
/// a document numbered by position (eIds `art_N`, `art_N__para_M`) and without any wId, as a text
/// from outside the register would be. The keys let a test say which clause is which.
struct Outline {
    struct Paragraph: Equatable {
        var key: String
        var text: String
    }

    struct Article: Equatable {
        var key: String
        var heading: String?
        var paragraphs: [Paragraph]
    }

    var articles: [Article]

    /// The document, its articles numbered `numbers[i]` (default: by position), and the key of each eId.
    func document(numbers: [Int]? = nil, kind: ClauseKind = .article) throws -> (LegalDocument, [String: String]) {
        var document = try fixture("identity-no-wid")
        var keys: [String: String] = [:]
        document.body = articles.enumerated().map { index, article in
            let number = numbers?[index] ?? index + 1
            let eId = (kind == .section ? "sec_" : "art_") + "\(number)"
            keys[eId] = article.key
            let paragraphs = article.paragraphs.enumerated().map { position, paragraph in
                let paraId = "\(eId)__para_\(position + 1)"
                keys[paraId] = paragraph.key
                return Clause(kind: .paragraph, eId: paraId, content: [Block(text: paragraph.text)])
            }
            return Clause(kind: kind, eId: eId, num: kind == .section ? "Section \(number)" : "Article \(number)",
                          heading: article.heading.map { [.text($0)] }, children: paragraphs)
        }
        return (document, keys)
    }

    /// A sentence of `count` words no other sentence uses, starting with the key.
    static func sentence(_ key: String, count: Int = 10) -> String {
        ([key.capitalized] + (1..<count).map { "mot\(key)x\($0)" }).joined(separator: " ") + "."
    }

    /// The same sentence with its last word replaced: similarity 0.9 for ten words.
    static func reworded(_ text: String) -> String {
        var words = text.dropLast().split(separator: " ").map(String.init)
        words[words.count - 1] = "nouveau" + words[words.count - 1]
        return words.joined(separator: " ") + "."
    }

    /// The expected class of every clause, from what the test knows: the key of each eId on both
    /// sides, which keys were reworded, and each alinéa's article (by key) on both sides.
    static func expectedClasses(old: Outline, oldKeys: [String: String], new: Outline, newKeys: [String: String])
        -> [String: ChangeClass] {
        var oldEId: [String: String] = [:]
        var newEId: [String: String] = [:]
        for (eId, key) in oldKeys { oldEId[key] = eId }
        for (eId, key) in newKeys { newEId[key] = eId }
        var oldParent: [String: String] = [:], newParent: [String: String] = [:]
        var oldText: [String: String] = [:], newText: [String: String] = [:]
        for article in old.articles {
            oldText[article.key] = article.heading ?? ""
            for paragraph in article.paragraphs { oldParent[paragraph.key] = article.key; oldText[paragraph.key] = paragraph.text }
        }
        for article in new.articles {
            newText[article.key] = article.heading ?? ""
            for paragraph in article.paragraphs { newParent[paragraph.key] = article.key; newText[paragraph.key] = paragraph.text }
        }
        var expected: [String: ChangeClass] = [:]
        for key in Set(oldEId.keys).union(newEId.keys) {
            guard let before = oldEId[key] else { expected[key] = .inserted; continue }
            guard let after = newEId[key] else { expected[key] = .deleted; continue }
            let modified = oldText[key] != newText[key]
            if oldParent[key] != newParent[key] {
                expected[key] = modified ? .movedModified : .moved
            } else if before != after {
                expected[key] = modified ? .renumberedModified : .renumbered
            } else {
                expected[key] = modified ? .modified : .unchanged
            }
        }
        return expected
    }

    /// Checks that the diff classifies every clause as expected and pairs each with itself.
    static func check(_ diff: DocumentDiff, expected: [String: ChangeClass], oldKeys: [String: String],
                      newKeys: [String: String], context: String) {
        var seen: [String: ChangeClass] = [:]
        for change in diff.changes {
            let oldKey = change.old.flatMap { oldKeys[$0.eId] }
            let newKey = change.new.flatMap { newKeys[$0.eId] }
            if let oldKey, let newKey, oldKey != newKey {
                Issue.record("\(context): \(change.old?.eId ?? "") (\(oldKey)) paired with \(change.new?.eId ?? "") (\(newKey)) as \(change.change.rawValue)")
                continue
            }
            guard let key = oldKey ?? newKey else { continue }  // clauses outside the body (visas)
            if seen[key] != nil { Issue.record("\(context): \(key) listed twice") }
            seen[key] = change.change
        }
        for (key, wanted) in expected where seen[key] != wanted {
            Issue.record("\(context): \(key) expected \(wanted.rawValue), got \(seen[key]?.rawValue ?? "nothing")")
        }
    }
}

