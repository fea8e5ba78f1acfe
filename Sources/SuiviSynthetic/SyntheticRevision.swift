import LegalText
import Publishing

/// Random edits of a synthetic act, as a drafter would make them: words replaced, inserted or
/// deleted, alinéas inserted or deleted, articles inserted (6-1 style) or deleted, an article inserted
/// with the following ones renumbered. New clauses get their wIds by the rule of docs/FORMAT.md.
public struct SyntheticRevision: Sendable {
    var generator: SplitMix64
    static let words = ["continuité", "effective", "disponible", "traitement", "pays", "soins", "médecin", "accès", "réel", "collège"]

    public init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func int(_ bound: Int) -> Int { Int(generator.next() % UInt64(max(1, bound))) }

    mutating func word() -> String { Self.words[int(Self.words.count)] }

    mutating func sentence() -> String {
        var words: [String] = []
        for _ in 0..<(5 + int(8)) { words.append(word()) }
        return FrenchWords.capitalized(words.joined(separator: " ")) + "."
    }

    mutating func paragraph() -> Clause { Clause(kind: .paragraph, eId: "", wId: "", content: [Block(text: sentence())]) }

    /// The edited document (eIds recomputed, wIds of new clauses given for `year`), and what was done.
    public mutating func apply(to document: LegalDocument, count: Int, year: Int) -> (LegalDocument, [String]) {
        var doc = document
        var log: [String] = []
        for _ in 0..<count {
            let articleIndex = int(doc.body.count)
            switch int(8) {
            case 0, 1:
                // Words in a leaf alinéa: replace, insert or delete one word of its first text run.
                let leaves = doc.body[articleIndex].children.indices.filter { doc.body[articleIndex].children[$0].children.isEmpty }
                guard let leaf = leaves.isEmpty ? nil : leaves[int(leaves.count)],
                      case .text(let text)? = doc.body[articleIndex].children[leaf].content.first?.inlines.first else { continue }
                var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                guard words.count > 3 else { continue }
                let position = 1 + int(words.count - 2)
                switch int(3) {
                case 0: words[position] = word() + "s"; log.append("mots remplacés")
                case 1: words.insert(word(), at: position); log.append("mot inséré")
                default: words.remove(at: position); log.append("mot supprimé")
                }
                doc.body[articleIndex].children[leaf].content[0].inlines[0] = .text(words.joined(separator: " "))
            case 2:
                let position = int(doc.body[articleIndex].children.count + 1)
                doc.body[articleIndex].children.insert(paragraph(), at: position)
                log.append("alinéa inséré")
            case 3:
                guard doc.body[articleIndex].children.count > 1 else { continue }
                doc.body[articleIndex].children.remove(at: int(doc.body[articleIndex].children.count))
                log.append("alinéa supprimé")
            case 4:
                // "Article N-1" after article N.
                guard let label = Designation.articleLabel(doc.body[articleIndex]), !label.contains("-"),
                      !doc.body.contains(where: { $0.num == "Article \(label)-1" }) else { continue }
                doc.body.insert(Clause(kind: .article, eId: "", wId: "", num: "Article \(label)-1", children: [paragraph(), paragraph()]),
                                at: articleIndex + 1)
                log.append("article \(label)-1 inséré")
            case 5:
                guard doc.body.count > 2 else { continue }
                doc.body.remove(at: articleIndex)
                log.append("article supprimé")
            case 6:
                // An article inserted at a position, the following ones renumbered (only on plain numbers).
                let numbers = doc.body.map { Designation.articleLabel($0).flatMap { Int($0 == "1er" ? "1" : $0) } }
                guard numbers.allSatisfy({ $0 != nil }) else { continue }
                let position = articleIndex
                for index in position..<doc.body.count {
                    let value = (numbers[index] ?? 0) + 1
                    doc.body[index].num = value == 1 ? "Article 1er" : "Article \(value)"
                }
                let value = position == 0 ? 1 : (numbers[position - 1] ?? 0) + 1
                doc.body.insert(Clause(kind: .article, eId: "", wId: "", num: value == 1 ? "Article 1er" : "Article \(value)",
                                       children: [paragraph()]), at: position)
                log.append("article inséré avec renumérotation")
            default:
                // A whole alinéa rewritten.
                let leaves = doc.body[articleIndex].children.indices.filter { doc.body[articleIndex].children[$0].children.isEmpty }
                guard let leaf = leaves.isEmpty ? nil : leaves[int(leaves.count)] else { continue }
                doc.body[articleIndex].children[leaf].content = [Block(text: sentence())]
                log.append("alinéa réécrit")
            }
        }
        doc = IdentifierAssignment.assignEIds(doc)
        doc = IdentifierAssignment.assignNewWIds(doc, previous: document.allWIds, year: year)
        return (doc, log)
    }
}
