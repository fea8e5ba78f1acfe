import LegalText

/// Carries a paragraph's new wording, as a word processor shows it, into the clause's inline content while keeping
/// its markup (references, dates, spans): the one changed stretch (between the common beginning and the common end
/// of the old and new wordings) is located in the stored text and replaced there; the rest is untouched.
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
        var prefix = 0
        while prefix < old.count, prefix < wanted.count, old[prefix] == wanted[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < wanted.count - prefix, old[old.count - 1 - suffix] == wanted[wanted.count - 1 - suffix] {
            suffix += 1
        }
        let start = map[prefix]
        let end = max(start, map[old.count - suffix])
        let replacement = String(wanted[prefix..<(wanted.count - suffix)])
        var edit = Edit(start: start, end: end, replacement: replacement)
        var result = edit.visit(inlines)
        if !edit.placed, !replacement.isEmpty { result.append(.text(replacement)) }
        return result
    }

    /// Replaces the stored characters `start..<end` by `replacement`, walking the inline tree in text order.
    struct Edit {
        let start: Int
        let end: Int
        let replacement: String
        var offset = 0
        var placed = false

        mutating func visit(_ inlines: [Inline]) -> [Inline] {
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
                    if !placed, start == to, start == end {
                        kept += replacement
                        placed = true
                    }
                    if !kept.isEmpty || characters.isEmpty { out.append(.text(kept)) }
                case .element(let name, let attributes, let children):
                    let before = children.plainText
                    let edited = visit(children)
                    if !before.isEmpty, edited.plainText.isEmpty { continue }
                    out.append(.element(name: name, attributes: attributes, children: edited))
                }
            }
            return out
        }
    }
}
