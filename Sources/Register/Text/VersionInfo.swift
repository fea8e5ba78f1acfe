import Foundation
import LegalText

/// A version of the texts in the register: an adopted version (annotated tag on `main`) or a draft
/// (branch `draft/<name>`).
public struct VersionInfo: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case adopted = "adoptee"
        case draft = "projet"
    }

    /// The tag (`v2017-01-05`) or the branch (`draft/2026-projet`).
    public let name: String
    public let kind: Kind
    public let commit: ObjectID
    /// For an adopted version: what its tag records (work, dates, publication).
    public let record: VersionRecord?
    /// For a draft: the date the draft bears.
    public let draftDate: LegalDate?
    /// The commit's first line.
    public let summary: String

    public init(name: String, kind: Kind, commit: ObjectID, record: VersionRecord?, draftDate: LegalDate?, summary: String) {
        self.name = name
        self.kind = kind
        self.commit = commit
        self.record = record
        self.draftDate = draftDate
        self.summary = summary
    }

    /// The date that orders versions: signature for an adopted version, draft date for a draft.
    public var date: LegalDate? { record?.signature ?? draftDate }
}
