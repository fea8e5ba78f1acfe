import LegalText

/// Carries a paragraph's new wording, as a word processor shows it, into the clause's inline content while keeping
/// its markup (references, dates, spans): the old and new wordings are aligned word by word, and each changed stretch
/// is located in the stored text and replaced there; the rest is untouched.
enum ODTTextEdit {
    /// `inlines` edited so that their text reads `new`, given `shown`: the text the export showed for them
    /// (French typography applied, ``ODTReader/normalized(_:)``). Nil when the shown text cannot be aligned with
    /// the stored one.
    static func apply(to inlines: [Inline], shown: String, new: String) -> [Inline]? {
        let stored = Array(inlines.plainText)
        let old = Array(shown)
        let wanted = Array(new)
        // Where each shown character stands in the stored text (spaces the typography added stand before the next).
        var map = [Int](repeating: 0, count: old.count + 1)
        var i = 0
        var j = 0
        while j < old.count {
            if i < stored.count, stored[i] == old[j] || (stored[i].isWhitespace && old[j] == " ") {
                map[j] = i
                i += 1
                j += 1
            } else if i < stored.count, stored[i].isWhitespace {
                i += 1
            } else if old[j] == " " {
                map[j] = i
                j += 1
            } else {
                return nil
            }
        }
        map[old.count] = stored.count
        var result = inlines
        // From the last changed stretch to the first: an edit never moves the stored positions before it.
        for hunk in hunks(old, wanted).reversed() {
            let start = map[hunk.start]
            var edit = Edit(start: start, end: max(start, map[hunk.end]), replacement: hunk.replacement)
            result = edit.visit(result, depth: 0)
            if !edit.placed, !hunk.replacement.isEmpty { result.append(.text(hunk.replacement)) }
        }
        return result
    }

    /// One changed stretch: shown characters `start..<end` become `replacement`.
    struct Hunk: Equatable {
        var start: Int
        var end: Int
        var replacement: String
    }

    /// The changed stretches from `old` to `new`, word by word (a word, or one other character, is a token), in order.
    static func hunks(_ old: [Character], _ new: [Character]) -> [Hunk] {
        let a = tokens(old), b = tokens(new)
        guard a.count * b.count <= 4_000_000 else {
            // Too long to align word by word: one stretch, between the common beginning and the common end.
            var prefix = 0
            while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
            var suffix = 0
            while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
            guard prefix + suffix < max(old.count, new.count) else { return [] }
            return [Hunk(start: prefix, end: old.count - suffix, replacement: String(new[prefix..<(new.count - suffix)]))]
        }
        let n = a.count, m = b.count
        // common[i * (m + 1) + j]: length of the longest common token sequence of a[i...] and b[j...].
        var common = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                common[i * (m + 1) + j] = a[i].text == b[j].text
                    ? common[(i + 1) * (m + 1) + j + 1] + 1
                    : max(common[(i + 1) * (m + 1) + j], common[i * (m + 1) + j + 1])
            }
        }
        var result: [Hunk] = []
        var open: Hunk?
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i].text == b[j].text {
                if let hunk = open { result.append(hunk) }
                open = nil
                i += 1
                j += 1
            } else if j < m, i == n || common[i * (m + 1) + j + 1] >= common[(i + 1) * (m + 1) + j] {
                let position = i < n ? a[i].range.lowerBound : old.count
                if open == nil { open = Hunk(start: position, end: position, replacement: "") }
                open?.replacement += b[j].text
                j += 1
            } else {
                if open == nil { open = Hunk(start: a[i].range.lowerBound, end: a[i].range.lowerBound, replacement: "") }
                open?.end = a[i].range.upperBound
                i += 1
            }
        }
        if let hunk = open { result.append(hunk) }
        return result
    }

    /// Words (runs of letters and digits) and single other characters, with their place.
    static func tokens(_ characters: [Character]) -> [(range: Range<Int>, text: String)] {
        var result: [(range: Range<Int>, text: String)] = []
        var index = 0
        while index < characters.count {
            var end = index + 1
            if characters[index].isLetter || characters[index].isNumber {
                while end < characters.count, characters[end].isLetter || characters[end].isNumber { end += 1 }
            }
            result.append((index..<end, String(characters[index..<end])))
            index = end
        }
        return result
    }

    /// Replaces the stored characters `start..<end` by `replacement`, walking the inline tree in text order.
    struct Edit {
        let start: Int
        let end: Int
        let replacement: String
        var offset = 0
        var placed = false

        /// `depth`: how many inline elements hold `inlines`. Text inserted where a reference ends goes after it, not in it.
        mutating func visit(_ inlines: [Inline], depth: Int) -> [Inline] {
            var out: [Inline] = []
            for inline in inlines {
                switch inline {
                case .text(let text):
                    let characters = Array(text)
                    let from = offset, to = offset + characters.count
                    offset = to
                    guard to >= start, from <= end else {
                        out.append(inline)
                        continue
                    }
                    var kept = ""
                    for (index, character) in characters.enumerated() {
                        let position = from + index
                        if position == start, !placed {
                            kept += replacement
                            placed = true
                        }
                        if position < start || position >= end { kept.append(character) }
                    }
                    if !placed, start == to, start == end, depth == 0 {
                        kept += replacement
                        placed = true
                    }
                    if !kept.isEmpty || characters.isEmpty { out.append(.text(kept)) }
                case .element(let name, let attributes, let children):
                    let before = children.plainText
                    let edited = visit(children, depth: depth + 1)
                    if !before.isEmpty, edited.plainText.isEmpty { continue }
                    out.append(.element(name: name, attributes: attributes, children: edited))
                }
            }
            return out
        }
    }
}
