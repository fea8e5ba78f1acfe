import LegalText

/// Inline content seen as a sequence of atoms: each character of running text, and each inline element
/// (a reference, a date) as one indivisible atom. Word-level amendments cut and splice these, so that
/// quoted words keep their markup (a `ref` keeps its `href`).
enum Atom: Hashable, Sendable {
    case character(Character)
    case element(Inline)

    /// Punctuation that may close or open quoted words: , ; . : ( ) and the like (not the apostrophe).
    var isPunctuation: Bool {
        if case .character(let c) = self { return ",;.:()[]!?".contains(c) }
        return false
    }

    var isSpace: Bool { if case .character(let c) = self { return c == " " || c == "\u{00A0}" || c == "\u{202F}" }; return false }
}

enum InlineAtoms {
    static func atoms(_ inlines: [Inline]) -> [Atom] {
        var out: [Atom] = []
        for inline in inlines {
            switch inline {
            case .text(let text): out += text.map { .character($0) }
            case .element: out.append(.element(inline))
            }
        }
        return out
    }

    /// Back to inlines: consecutive characters merged into one text run, no empty run.
    static func inlines<S: Sequence>(_ atoms: S) -> [Inline] where S.Element == Atom {
        var out: [Inline] = []
        var text = ""
        for atom in atoms {
            switch atom {
            case .character(let c): text.append(c)
            case .element(let inline):
                if !text.isEmpty { out.append(.text(text)); text = "" }
                out.append(inline)
            }
        }
        if !text.isEmpty { out.append(.text(text)) }
        return out
    }

    /// Inlines in their normal form (merged text runs, no empty run), as the reader gives them.
    static func normalized(_ inlines: [Inline]) -> [Inline] { self.inlines(atoms(inlines)) }

    /// Start offsets of every occurrence of `needle` in `haystack`.
    static func occurrences(of needle: [Atom], in haystack: [Atom]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var result: [Int] = []
        var start = 0
        while start + needle.count <= haystack.count {
            if haystack[start] == needle[0], haystack[start..<start + needle.count].elementsEqual(needle) { result.append(start) }
            start += 1
        }
        return result
    }

    static func text(_ atoms: [Atom]) -> String {
        var out = ""
        for atom in atoms {
            switch atom {
            case .character(let c): out.append(c)
            case .element(let inline): out += inline.plainText
            }
        }
        return out
    }
}
