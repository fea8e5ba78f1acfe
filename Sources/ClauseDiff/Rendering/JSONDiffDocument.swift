import Foundation

/// The JSON form of a comparison, schema `suivi-diff` version 1 (documented in docs/DIFF-JSON.md).
/// Field names and class names are stable; new fields may be added within a version.
public struct JSONDiffDocument: Encodable, Sendable {
    public static let schemaVersion = 1

    struct Side: Encodable {
        let eId: String
        let wId: String
        let parent: String
        let num: String?
        let heading: String?
        let text: [String]
    }

    struct Segment: Encodable {
        let op: String
        let text: String
    }

    struct Match: Encodable {
        let method: String
        let score: Double?
        let weak: Bool
    }

    struct Change: Encodable {
        let `class`: String
        let kind: String
        let eId: String
        let wId: String
        let old: Side?
        let new: Side?
        let textDiff: [Segment]?
        let headingDiff: [Segment]?
        let matchedBy: Match?
    }

    let schema = "suivi-diff"
    let schemaVersion = JSONDiffDocument.schemaVersion
    let old: String
    let new: String
    let summary: DiffSummary
    let metadataChanges: [String]
    let changes: [Change]

    public init(_ diff: DocumentDiff) {
        func side(_ snapshot: ClauseSnapshot?) -> Side? {
            snapshot.map { Side(eId: $0.eId, wId: $0.wId, parent: $0.parentWId, num: $0.num, heading: $0.heading, text: $0.blocks) }
        }
        func segments(_ diff: WordDiff?) -> [Segment]? {
            diff.map { $0.segments.map { Segment(op: $0.kind.rawValue, text: $0.text) } }
        }
        old = diff.oldLabel
        new = diff.newLabel
        summary = DiffSummary(diff)
        metadataChanges = diff.metadataChanges
        changes = diff.changes.map { change in
            let match = change.matchedBy.map { Match(method: $0.method, score: $0.score, weak: $0.isWeak) }
            return Change(class: change.change.rawValue, kind: (change.new ?? change.old)?.kind.rawValue ?? "",
                          eId: change.eId, wId: change.wId, old: side(change.old), new: side(change.new),
                          textDiff: segments(change.textDiff), headingDiff: segments(change.headingDiff), matchedBy: match)
        }
    }

    /// The JSON text, keys sorted, pretty-printed.
    public func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
