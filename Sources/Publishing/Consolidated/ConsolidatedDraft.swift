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
    /// For a draft: the adopted version it was built on (« la version du 5 janvier 2017 (v2017-01-05) »).
    public var base: String?
    /// For a draft built on a version that is no longer the last adopted one: the later version (its tag).
    public var adoptedSince: String?

    public init(document: LegalDocument, revision: String, commit: String, status: VersionStatus,
                review: ReviewHeader?, tag: String?, base: String? = nil, adoptedSince: String? = nil) {
        self.document = document
        self.revision = revision
        self.commit = commit
        self.status = status
        self.review = review
        self.tag = tag
        self.base = base
        self.adoptedSince = adoptedSince
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
        if let base { lines.append(("Établi sur", base)) }
        if let adoptedSince {
            lines.append(("Attention", "la version \(adoptedSince) a été adoptée depuis : ce texte n'en reprend pas les modifications "
                          + "tant que le projet n'est pas mis à jour ; il ne se lirait pas ainsi après adoption"))
        }
        if let date = document.date(of: .signature) { lines.append(("Signature", date.french)) }
        if let date = document.date(of: .entryIntoForce) { lines.append(("Entrée en vigueur", date.french)) }
        if let date = document.date(of: .draft), document.isDraft { lines.append(("Date du projet", date.french)) }
        if document.isWorkingTranscription {
            lines.append(("Avertissement", "transcription de travail, qui n'est pas le texte officiel"))
        }
        return lines
    }
}
