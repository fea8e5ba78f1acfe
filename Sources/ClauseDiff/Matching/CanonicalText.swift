/// Hashing and comparing texts by their canonical form (NFC), with the results of Swift's `String`
/// hashing and `==`, but without normalising the texts that a quick check shows already canonical.
///
/// Swift hashes and compares a non-ASCII string through its NFC form, scalar by scalar: on French
/// text that is about twenty times slower than hashing its bytes, and it was most of a diff's time.
/// A text whose scalars are all below U+0300 (or among the general punctuation U+2002–U+206F and
/// the euro sign) is already in NFC: none of them decomposes, combines with its neighbour or is
/// reordered. For such texts the UTF-8 bytes are the NFC bytes; any other text goes through
/// `String`, which normalises. `String.hash(into:)` feeds the NFC bytes then a 0xFF terminator, so
/// both paths give equal hashes for canonically equivalent texts (pinned by a test).
enum CanonicalText {
    /// Whether valid UTF-8 `bytes` are known to be in NFC by the quick check above.
    static func isQuickNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
            } else if byte >= 0xC2 && byte <= 0xCB {
                index += 2  // U+0080–U+02FF
            } else if byte == 0xE2 && index + 2 < count {
                let second = bytes[index + 1], third = bytes[index + 2]
                guard (second == 0x80 && third >= 0x82) || (second == 0x81 && third <= 0xAF)
                        || (second == 0x82 && third == 0xAC) else { return false }
                index += 3  // U+2002–U+206F, U+20AC
            } else {
                return false
            }
        }
        return true
    }

    /// Feeds `text` to `hasher` exactly as `hasher.combine(text)` does.
    static func combine(_ text: String, into hasher: inout Hasher) {
        var text = text
        let fast: Bool = text.withUTF8 { bytes in
            guard isQuickNFC(bytes) else { return false }
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            return true
        }
        if fast {
            hasher.combine(0xFF as UInt8)
        } else {
            hasher.combine(text)
        }
    }

    /// Feeds the blocks joined by newlines to `hasher`, exactly as `hasher.combine(blocks.joined(separator: "\n"))`
    /// does, without joining them when they are all quick-NFC (a newline never composes).
    static func combine(blocks: [String], into hasher: inout Hasher) {
        guard blocks.allSatisfy(isQuickNFC) else {
            hasher.combine(blocks.joined(separator: "\n"))
            return
        }
        for (index, block) in blocks.enumerated() {
            if index > 0 { hasher.combine(0x0A as UInt8) }
            var block = block
            block.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
        hasher.combine(0xFF as UInt8)
    }

    static func isQuickNFC(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isQuickNFC($0) }
    }

    /// `a == b` (canonical equivalence), comparing bytes when both texts are quick-NFC.
    static func equal(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        let verdict: Bool? = a.withUTF8 { first in
            b.withUTF8 { second in
                if first.count == second.count && (first.count == 0 || first.baseAddress == second.baseAddress) { return true }
                guard isQuickNFC(first), isQuickNFC(second) else { return nil }
                return first.elementsEqual(second)
            }
        }
        return verdict ?? (a == b)
    }

    /// `a == b` for optional texts.
    static func equal(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (a?, b?): return equal(a, b)
        default: return false
        }
    }

    /// `a == b` for lists of texts (element by element, as `Array.==`).
    static func equal(_ a: [String], _ b: [String]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
    }
}

/// A word or text used as a dictionary key: equal and hashed as its `String`, through ``CanonicalText``.
struct CanonicalKey: Hashable {
    let text: String

    static func == (a: CanonicalKey, b: CanonicalKey) -> Bool { CanonicalText.equal(a.text, b.text) }

    func hash(into hasher: inout Hasher) { CanonicalText.combine(text, into: &hasher) }
}
