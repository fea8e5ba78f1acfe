/// An addressable clause: article, alinéa, list, point, section or visa, with its children.
///
/// A clause is either a leaf holding `content` blocks, or a container holding an optional `intro`,
/// child clauses and an optional `wrapUp`.
public struct Clause: Sendable, Hashable, Codable {
    public var kind: ClauseKind
    /// The Akoma Ntoso eId: changes when the clause is renumbered (`art_3__para_2`).
    public var eId: String
    /// The stable identifier: the eId the clause had when it first appeared. When the source carried
    /// none, it defaults to the eId (see ``hasExplicitWId``).
    public var wId: String {
        didSet { hasExplicitWId = true }
    }
    /// Whether the wId came from the source (or was set), rather than defaulted to the eId: a
    /// comparison trusts only explicit wIds as identity. Not part of equality, hashing or coding
    /// (the canonical writer always writes a wId).
    public var hasExplicitWId = true
    /// Other attributes of the element, kept as they are (e.g. `class`).
    public var attributes: [String: String]
    /// The number as printed ("Article 3", "1°", "A."), if any.
    public var num: String?
    /// The number's markup, when the source marks it up (`<num><i>a</i>)</num>`, from another tool): written
    /// back as long as its text is still ``num``.
    public var numMarkup: [Inline]?
    public var heading: [Inline]?
    public var intro: [Block]
    public var content: [Block]
    public var children: [Clause]
    public var wrapUp: [Block]
    /// The attributes of the clause's parts (`heading`, `intro`, `content`, `wrapUp`), by part name, when a
    /// document from another tool gives them some (an eId on a `content`); nil when none has any.
    public var partAttributes: [String: [String: String]]?

    public init(
        kind: ClauseKind, eId: String, wId: String? = nil, attributes: [String: String] = [:],
        num: String? = nil, heading: [Inline]? = nil, intro: [Block] = [], content: [Block] = [],
        children: [Clause] = [], wrapUp: [Block] = []
    ) {
        self.kind = kind
        self.eId = eId
        self.wId = wId ?? eId
        self.hasExplicitWId = wId != nil
        self.attributes = attributes
        self.num = num
        self.heading = heading
        self.intro = intro
        self.content = content
        self.children = children
        self.wrapUp = wrapUp
    }

    private enum CodingKeys: String, CodingKey {
        case kind, eId, wId, attributes, num, numMarkup, heading, intro, content, children, wrapUp, partAttributes
    }

    public static func == (a: Clause, b: Clause) -> Bool {
        a.kind == b.kind && a.eId == b.eId && a.wId == b.wId && a.attributes == b.attributes && a.num == b.num
            && a.numMarkup == b.numMarkup && a.heading == b.heading && a.intro == b.intro && a.content == b.content && a.children == b.children
            && a.wrapUp == b.wrapUp && a.partAttributes == b.partAttributes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(eId)
        hasher.combine(wId)
        hasher.combine(attributes)
        hasher.combine(num)
        hasher.combine(numMarkup)
        hasher.combine(heading)
        hasher.combine(intro)
        hasher.combine(content)
        hasher.combine(children)
        hasher.combine(wrapUp)
        hasher.combine(partAttributes)
    }

    /// The heading's text, if any.
    public var headingText: String? { heading?.plainText }

    /// All the text of the clause and its descendants, block by block.
    public var textBlocks: [Block] {
        intro + content + children.flatMap(\.textBlocks) + wrapUp
    }

    /// This clause followed by all its descendants, depth first, in document order.
    public var flattened: [Clause] {
        var result = [self]
        for child in children { result += child.flattened }
        return result
    }

    /// The clause with the given eId, here or below.
    public func descendant(eId wanted: String) -> Clause? {
        if eId == wanted { return self }
        for child in children {
            if let found = child.descendant(eId: wanted) { return found }
        }
        return nil
    }
}
