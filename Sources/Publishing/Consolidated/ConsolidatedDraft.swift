import Committee
import Foundation
import LegalText
import Register

/// The full text as it would read after adoption (annexes included), with what a reader must know
/// about it: the revision asked for, the commit, its status, and the review it belongs to.
public struct ConsolidatedDraft: Sendable, Hashable, Codable {
    /// The review a version belongs to, as the header shows it.
    public struct ReviewHeader: Sendable, Hashable, Codable {
        public var id: String
        public var subject: String
        public var stage: String
        public var consultedCommit: String?

        public init(_ review: Review) {
            id = review.id
            subject = review.subject
            stage = review.status.label
            consultedCommit = review.consultedCommit
        }
    }

    public var document: LegalDocument
    /// The revision as asked (`draft/periodique-2020`, `v2017-01-05`, a commit).
    public var revision: String
    /// The commit (40 hex digits).
    public var commit: String
    public var status: VersionStatus
    public var review: ReviewHeader?
    /// For an adopted version, its tag.
    public var tag: String?

    public init(document: LegalDocument, revision: String, commit: String, status: VersionStatus,
                review: ReviewHeader?, tag: String?) {
        self.document = document
        self.revision = revision
        self.commit = commit
        self.status = status
        self.review = review
        self.tag = tag
    }

    /// The page title: "Texte consolidé — Arrêté du 5 janvier 2017 …".
    public var title: String {
        "Texte consolidé — " + (document.identification.work.name ?? document.title ?? "texte")
    }

    /// The header lines (label, value), in French.
    public var headerLines: [(String, String)] {
        var lines: [(String, String)] = []
        lines.append(("Statut", status.french))
        if let review {
            lines.append(("Révision", "\(review.id) — \(review.stage)"))
            lines.append(("Objet", review.subject))
        } else {
            lines.append(("Révision", "aucune révision du comité n'est rattachée à cette version"))
        }
        lines.append(("Version demandée", revision))
        lines.append(("Commit du projet", commit))
        if let tag { lines.append(("Version adoptée", tag)) }
        if let date = document.date(of: .signature) { lines.append(("Signature", date.french)) }
        if let date = document.date(of: .entryIntoForce) { lines.append(("Entrée en vigueur", date.french)) }
        if let date = document.date(of: .draft), document.isDraft { lines.append(("Date du projet", date.french)) }
        if document.isWorkingTranscription {
            lines.append(("Avertissement", "transcription de travail, qui n'est pas le texte officiel"))
        }
        return lines
    }
}
