/// A word-level comparison of two texts: runs of kept, deleted and inserted text, in reading order.
public struct WordDiff: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case equal, deleted, inserted
    }

    /// One run of text with what happened to it.
    public struct Segment: Sendable, Hashable, Codable {
        public let kind: Kind
        public let text: String

        public init(_ kind: Kind, _ text: String) {
            self.kind = kind
            self.text = text
        }
    }

    public let segments: [Segment]

    public init(segments: [Segment]) {
        self.segments = segments
    }

    /// Compares two texts token by token (see ``FrenchTokenizer``). A changed word is shown as the
    /// deletion of the old one followed by the insertion of the new one.
    public init(old: String, new: String) {
        let oldTokens = FrenchTokenizer.tokenize(old)
        let newTokens = FrenchTokenizer.tokenize(new)
        let operations = MyersDiff.diff(oldTokens.map(\.comparisonKey), newTokens.map(\.comparisonKey))
        var segments: [Segment] = []
        func append(_ kind: Kind, _ text: String) {
            guard !text.isEmpty else { return }
            if let last = segments.last, last.kind == kind {
                segments[segments.count - 1] = Segment(kind, last.text + text)
            } else {
                segments.append(Segment(kind, text))
            }
        }
        for operation in operations {
            switch operation {
            case .equal(_, let range): append(.equal, newTokens[range].map(\.text).joined())
            case .delete(let range): append(.deleted, oldTokens[range].map(\.text).joined())
            case .insert(let range): append(.inserted, newTokens[range].map(\.text).joined())
            }
        }
        self.segments = WordDiff.absorbLoneSpaces(segments)
    }

    /// Whether the two texts are the same (spaces of any width compare equal).
    public var isUnchanged: Bool { segments.allSatisfy { $0.kind == .equal } }

    /// The old text.
    public var oldText: String { segments.filter { $0.kind != .inserted }.map(\.text).joined() }

    /// The new text.
    public var newText: String { segments.filter { $0.kind != .deleted }.map(\.text).joined() }

    /// Number of words deleted and inserted.
    public var changedWordCount: (deleted: Int, inserted: Int) {
        var deleted = 0
        var inserted = 0
        for segment in segments where segment.kind != .equal {
            let words = FrenchTokenizer.tokenize(segment.text).filter { $0.kind != .space && $0.kind != .punctuation }.count
            if segment.kind == .deleted { deleted += words } else { inserted += words }
        }
        return (deleted, inserted)
    }

    /// A single kept space between two changes reads better inside the change:
    /// "[-a-] [+b+] [-c-]" becomes "[-a c-][+b c+]"-like runs; here: a lone equal space between a
    /// deletion/insertion pair and another change is moved into both sides.
    private static func absorbLoneSpaces(_ segments: [Segment]) -> [Segment] {
        guard segments.count >= 3 else { return segments }
        var result: [Segment] = []
        var index = 0
        while index < segments.count {
            let segment = segments[index]
            if segment.kind == .equal, segment.text.allSatisfy(FrenchTokenizer.isSpace),
               index > 0, index + 1 < segments.count,
               segments[index - 1].kind != .equal, segments[index + 1].kind != .equal {
                // Fold the space into the surrounding change: old and new both keep it.
                var deleted = ""
                var inserted = ""
                while let last = result.last, last.kind != .equal {
                    result.removeLast()
                    if last.kind == .deleted { deleted = last.text + deleted } else { inserted = last.text + inserted }
                }
                deleted += segment.text
                inserted += segment.text
                index += 1
                while index < segments.count, segments[index].kind != .equal {
                    if segments[index].kind == .deleted { deleted += segments[index].text } else { inserted += segments[index].text }
                    index += 1
                }
                if !deleted.isEmpty { result.append(Segment(.deleted, deleted)) }
                if !inserted.isEmpty { result.append(Segment(.inserted, inserted)) }
                continue
            }
            result.append(segment)
            index += 1
        }
        return result
    }
}
