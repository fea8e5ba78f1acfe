import LegalText

/// A clause as it stands in one version, reduced to what a comparison needs: identity, place,
/// number, heading and its own text (its children are compared separately).
public struct ClauseSnapshot: Sendable, Hashable, Codable {
    public let kind: ClauseKind
    public let eId: String
    public let wId: String
    /// Whether the source carried the wId (else it is the eId by default, and says nothing of identity).
    public let hasExplicitWId: Bool
    /// The wId of the parent clause, or of the container ("body", the annex wId, "preamble").
    public let parentWId: String
    public let num: String?
    public let heading: String?
    /// The clause's own text, block by block (intro, content, wrap-up), without its children.
    public let blocks: [String]

    public init(kind: ClauseKind, eId: String, wId: String, parentWId: String, num: String?, heading: String?, blocks: [String],
                hasExplicitWId: Bool = true) {
        self.kind = kind
        self.eId = eId
        self.wId = wId
        self.hasExplicitWId = hasExplicitWId
        self.parentWId = parentWId
        self.num = num
        self.heading = heading
        self.blocks = blocks
    }

    /// The own text as one string, blocks separated by a newline.
    public var text: String { blocks.joined(separator: "\n") }

    /// Every clause of a document, in document order, as snapshots.
    public static func all(in document: LegalDocument) -> [ClauseSnapshot] {
        var result: [ClauseSnapshot] = []
        func visit(_ clause: Clause, parent: String) {
            result.append(ClauseSnapshot(
                kind: clause.kind, eId: clause.eId, wId: clause.wId, parentWId: parent, num: clause.num,
                heading: clause.headingText, blocks: (clause.intro + clause.content + clause.wrapUp).map(\.plainText),
                hasExplicitWId: clause.hasExplicitWId))
            for child in clause.children { visit(child, parent: clause.wId) }
        }
        for citation in document.citations { visit(citation, parent: "preamble") }
        for clause in document.body { visit(clause, parent: "body") }
        for annex in document.annexes {
            for clause in annex.clauses { visit(clause, parent: annex.wId) }
        }
        return result
    }
}
