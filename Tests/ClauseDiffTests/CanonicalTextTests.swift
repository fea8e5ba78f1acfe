import Testing
import SuiviSynthetic
@testable import ClauseDiff

/// The matcher hashes and compares texts through ``CanonicalText`` (bytes when a quick check shows them
/// in NFC) instead of `String`'s normalising hash and `==`: the results must be exactly `String`'s, so
/// that a faster diff is the same diff.
@Suite("Canonical text hashing and comparison")
struct CanonicalTextTests {
    /// Pieces of text, precomposed and decomposed forms of the same letters, and scalars at the edges
    /// of the quick check (U+2000 and U+2001 decompose to U+2002 and U+2003; U+2126 to Ω).
    static let pieces = [
        "a", "e", " ", "\n", "é", "e\u{301}", "\u{301}", "É", "E\u{301}", "ç", "c\u{327}", "’", "\u{A0}", "\u{202F}",
        "\u{2000}", "\u{2002}", "\u{2001}", "\u{2003}", "€", "Ω", "\u{2126}", "ﬁ", "œ", "«", "»", "\u{2FF}", "\u{300}",
        "ắ", "a\u{306}\u{301}", "한", "\u{1112}\u{1161}\u{11AB}", "🙂", "L. 425-9", "\u{2060}", "\u{206F}", "\u{2070}",
        "\r\n", "\r", "\u{200C}", "\u{200D}", "\u{AD}", "\u{203C}", "1", "5 janvier 2017",
    ]
    /// Pieces that read the same (canonical equivalents), to draw equal texts in different forms.
    static let equivalents: [String: [String]] = [
        "é": ["e\u{301}"], "É": ["E\u{301}"], "ç": ["c\u{327}"], "\u{2000}": ["\u{2002}"], "\u{2001}": ["\u{2003}"],
        "Ω": ["\u{2126}"], "ắ": ["a\u{306}\u{301}"], "한": ["\u{1112}\u{1161}\u{11AB}"],
    ]

    static func text(_ generator: inout SplitMix64) -> String {
        (0..<generator.below(9)).map { _ in generator.pick(pieces) }.joined()
    }

    /// The same text with some pieces swapped for an equivalent (or, rarely, for another piece).
    static func variant(of pieces: [String], _ generator: inout SplitMix64) -> String {
        pieces.map { piece in
            let choice = generator.below(10)
            if choice < 4, let other = equivalents[piece] ?? equivalents.first(where: { $0.value.contains(piece) }).map({ [$0.key] }) {
                return generator.pick(other)
            }
            return choice == 9 ? generator.pick(Self.pieces) : piece
        }.joined()
    }

    static func stringHash(_ text: String) -> Int {
        var hasher = Hasher()
        hasher.combine(text)
        return hasher.finalize()
    }

    static func canonicalHash(_ text: String) -> Int {
        var hasher = Hasher()
        CanonicalText.combine(text, into: &hasher)
        return hasher.finalize()
    }

    @Test("hashes and equality are String's on random texts in NFC, NFD and mixed forms")
    func agreesWithString() {
        for seed in UInt64(1)...400 {
            var generator = SplitMix64(seed: seed)
            let parts = (0..<generator.below(9)).map { _ in generator.pick(Self.pieces) }
            let a = parts.joined()
            let b = Self.variant(of: parts, &generator)
            #expect(CanonicalText.equal(a, b) == (a == b), "seed \(seed): \(Array(a.unicodeScalars)) vs \(Array(b.unicodeScalars))")
            #expect(Self.canonicalHash(a) == Self.stringHash(a), "seed \(seed)")
            #expect(Self.canonicalHash(b) == Self.stringHash(b), "seed \(seed)")
            if a == b { #expect(Self.canonicalHash(a) == Self.canonicalHash(b), "seed \(seed)") }
            #expect((CanonicalKey(text: a) == CanonicalKey(text: b)) == (a == b), "seed \(seed)")
            let blocks = (0..<generator.below(4)).map { _ in Self.text(&generator) }
            var joined = Hasher(), streamed = Hasher()
            joined.combine(blocks.joined(separator: "\n"))
            CanonicalText.combine(blocks: blocks, into: &streamed)
            #expect(joined.finalize() == streamed.finalize(), "seed \(seed): \(blocks)")
            let other = blocks.map { Self.variant(of: [$0], &generator) }
            #expect(CanonicalText.equal(blocks, other) == (blocks == other), "seed \(seed)")
        }
    }

    @Test("equivalent texts in NFC and NFD are equal and hash alike")
    func equivalentForms() {
        let composed = "Le médecin de l’Office apprécie « l’accès effectif » — 25\u{202F}000 €"
        let decomposed = "Le me\u{301}decin de l’Office appre\u{301}cie « l’acce\u{300}s effectif » — 25\u{202F}000 €"
        #expect(composed == decomposed)
        #expect(CanonicalText.isQuickNFC(composed))
        #expect(!CanonicalText.isQuickNFC(decomposed))
        #expect(CanonicalText.equal(composed, decomposed))
        #expect(Self.canonicalHash(composed) == Self.canonicalHash(decomposed))
        #expect(!CanonicalText.equal(composed, composed + "."))
        #expect(!CanonicalText.equal(["a", "b"], ["a\nb"]))
        #expect(CanonicalText.equal(nil, nil) && !CanonicalText.equal("a", nil))
    }

    @Test("the tokenizer's characters are Array(text)'s grapheme clusters on random texts")
    func charactersAreGraphemeClusters() {
        for seed in UInt64(1)...400 {
            var generator = SplitMix64(seed: seed)
            let text = (0..<generator.below(12)).map { _ in generator.pick(Self.pieces) }.joined()
            #expect(FrenchTokenizer.characters(text) == Array(text), "seed \(seed): \(Array(text.unicodeScalars))")
        }
    }

    /// The clause tree's subtree hashes as first written: `String` hashing of the heading and the joined text.
    static func referenceHashes(_ clauses: [ClauseSnapshot], children: [[Int]]) -> [Int] {
        var hash = Array(repeating: 0, count: clauses.count)
        for index in clauses.indices.reversed() {
            var hasher = Hasher()
            hasher.combine(clauses[index].kind)
            hasher.combine(clauses[index].heading)
            hasher.combine(clauses[index].text)
            for child in children[index] { hasher.combine(hash[child]) }
            hash[index] = hasher.finalize()
        }
        return hash
    }

    @Test("the clause tree hashes every subtree exactly as String hashing of its heading and text does")
    func treeHashesAreTheReference() {
        for seed in UInt64(1)...60 {
            var generator = SplitMix64(seed: seed)
            var clauses: [ClauseSnapshot] = []
            for article in 1...(1 + generator.below(5)) {
                let eId = "art_\(article)"
                clauses.append(ClauseSnapshot(kind: .article, eId: eId, wId: eId, parentWId: "body", num: "Article \(article)",
                                              heading: generator.below(2) == 0 ? nil : Self.text(&generator), blocks: [],
                                              hasExplicitWId: false))
                for paragraph in 1...(1 + generator.below(3)) {
                    let parts = (0..<generator.below(3)).map { _ in Self.text(&generator) }
                    clauses.append(ClauseSnapshot(kind: .paragraph, eId: "\(eId)__para_\(paragraph)", wId: "\(eId)__para_\(paragraph)",
                                                  parentWId: eId, num: nil, heading: nil,
                                                  blocks: generator.below(3) == 0 ? parts.map { Self.variant(of: [$0], &generator) } : parts,
                                                  hasExplicitWId: false))
                }
            }
            let tree = ClauseTree(clauses)
            #expect(tree.hash == Self.referenceHashes(clauses, children: tree.children), "seed \(seed)")
        }
    }
}
