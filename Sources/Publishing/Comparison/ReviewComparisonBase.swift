import Committee
import Foundation
import LegalText
import Register

/// The two texts a review's publications compare (bulletin, review page): the review's text, and the version it
/// changes. For a draft, that is the adopted version the draft was built on (its base: ``TextRegister/base(of:)``),
/// never "the text in force today", so a draft never appears to undo or to make a change adopted by another review
/// meanwhile. For an adopted review, it is the adopted version immediately before the one it adopted.
public struct ReviewComparisonBase: Sendable, Hashable, Codable {
    public let review: String
    /// The version compared against: its tag (`v2017-01-05`), date (signature, or consolidation) and commit.
    public let baseVersion: String
    public let baseDate: LegalDate?
    public let baseCommit: ObjectID
    /// The review's text: the adopted version, the consulted draft commit or the draft's tip.
    public let newCommit: ObjectID
    /// How the review's text is named: the adopted tag, else the draft branch.
    public let newLabel: String
    /// Whether the review's text is an adopted version.
    public let adopted: Bool

    public init(review: String, baseVersion: String, baseDate: LegalDate?, baseCommit: ObjectID, newCommit: ObjectID,
                newLabel: String, adopted: Bool) {
        self.review = review
        self.baseVersion = baseVersion
        self.baseDate = baseDate
        self.baseCommit = baseCommit
        self.newCommit = newCommit
        self.newLabel = newLabel
        self.adopted = adopted
    }

    /// « la version du 5 janvier 2017 (v2017-01-05) ».
    public var baseName: String {
        baseDate.map { "la version du \($0.french) (\(baseVersion))" } ?? "la version \(baseVersion)"
    }

    /// The sentence readers see above the changes: « Modifications par rapport à la version du 5 janvier 2017
    /// (v2017-01-05), … ».
    public var sentence: String {
        if adopted {
            return "Modifications par rapport à \(baseName), apportées par la version adoptée \(newLabel) (la version précédente du texte)."
        }
        return "Modifications par rapport à \(baseName), version sur laquelle le projet \(newLabel) a été établi "
            + "(et non par rapport au texte en vigueur aujourd'hui, s'il a changé depuis)."
    }
}

/// Where a review's text is read: its consulted commit (what the committee gave its positions on) or the draft's tip.
public enum ReviewDraftPoint: Sendable, Hashable {
    /// The consulted commit if any, else the draft's tip (the bulletin).
    case consulted
    /// The draft's tip (the review page, which shows the draft as it is now).
    case tip
}

extension Publisher {
    /// The two texts `review`'s publications compare (see ``ReviewComparisonBase``).
    /// - Throws: ``PublishingError/reviewWithoutDraft(review:chair:)`` when the review has no draft yet,
    ///   ``PublishingError/noEarlierVersion(review:work:)`` when no adopted version precedes it.
    public func comparisonBase(of review: Review, at point: ReviewDraftPoint = .consulted, chair: String = "dgs")
        async throws(PublishingError) -> ReviewComparisonBase {
        let versions = try await call { () async throws(RegisterError) in try await register.versions() }
        let adopted = versions.filter { $0.kind == .adopted && $0.record?.work == review.work }
        func date(_ version: VersionInfo) -> LegalDate? { version.record?.consolidation ?? version.record?.signature }

        if let tag = review.adoptedVersion, let index = adopted.firstIndex(where: { $0.name == tag }) {
            let new = adopted[index]
            guard index > 0 else { throw .noEarlierVersion(review: review.id, work: review.work) }
            let before = adopted[index - 1]
            return ReviewComparisonBase(review: review.id, baseVersion: before.name, baseDate: date(before), baseCommit: before.commit,
                                        newCommit: new.commit, newLabel: tag, adopted: true)
        }
        let revision: String?
        switch point {
        case .consulted: revision = review.consultedCommit ?? review.draftBranch
        case .tip: revision = review.draftBranch ?? review.consultedCommit
        }
        guard let revision else { throw .reviewWithoutDraft(review: review.id, chair: chair) }
        let newCommit = try await resolve(revision)
        guard let base = try await baseVersion(of: newCommit, among: adopted) else {
            throw .noEarlierVersion(review: review.id, work: review.work)
        }
        return ReviewComparisonBase(review: review.id, baseVersion: base.name, baseDate: date(base), baseCommit: base.commit,
                                    newCommit: newCommit, newLabel: review.draftBranch ?? revision, adopted: false)
    }

    /// The adopted version (among `adopted`, one text's versions in signature order) a draft commit was built on: the
    /// last one reachable from the merge base of the commit and `main` (``TextRegister/base(of:)``); nil when none is.
    func baseVersion(of commit: ObjectID, among adopted: [VersionInfo]) async throws(PublishingError) -> VersionInfo? {
        return try await call { () async throws(RegisterError) -> VersionInfo? in
            guard let base = try await register.base(of: commit) else { return nil }
            var best: VersionInfo?
            for version in adopted where version.commit != commit {
                if try await register.isAncestor(version.commit, of: base.commit) { best = version }
            }
            return best
        }
    }

    /// The adopted versions of `work` (of the only text when nil), in signature order.
    func adoptedVersions(of work: String?, at commit: ObjectID) async throws(PublishingError) -> [VersionInfo] {
        let versions = try await call { () async throws(RegisterError) in try await register.versions() }
        let key: String
        if let work { key = work } else { key = TextRegister.work(of: try await document(at: commit)) }
        return versions.filter { $0.kind == .adopted && $0.record?.work == key }
    }

    /// When `new` is a draft that was not built on `old`'s text, a French warning saying which version it was built
    /// on and what comparing it with `old` shows (changes adopted meanwhile as if the draft made or undid them); nil
    /// when `new` is an adopted version or `old` holds the same text as the draft's base. `wording` says the remedy
    /// (the comparison to export instead) in a front end's words.
    public func baseWarning(old: String, new: String, work: String? = nil, amending: Bool = false,
                            wording: ErrorWording = .neutral) async throws(PublishingError) -> String? {
        let newCommit = try await resolve(new, work: work)
        let adopted = try await adoptedVersions(of: work, at: newCommit)
        guard !adopted.contains(where: { $0.commit == newCommit }),
              let base = try await baseVersion(of: newCommit, among: adopted) else { return nil }
        let oldCommit = try await resolve(old, work: work)
        if oldCommit == base.commit { return nil }
        let oldDocument = try await document(at: oldCommit, work: work)
        let baseDocument = try await document(at: base.commit, work: work)
        if CanonicalWriter.string(oldDocument) == CanonicalWriter.string(baseDocument) { return nil }
        let date = (base.record?.consolidation ?? base.record?.signature).map { "du \($0.french) " } ?? ""
        var warning = "attention : \(new) a été établi sur la version \(date)(\(base.name)), pas sur \(old) : "
        if amending {
            warning += "cet arrêté modificatif reprendrait ou annulerait aussi les modifications intervenues entre ces deux versions. "
                + "Mettez d'abord le projet à jour sur le texte en vigueur."
        } else {
            warning += "la comparaison montre aussi, comme si le projet les faisait ou les annulait, les modifications intervenues "
                + "entre ces deux versions. Pour les seules modifications du projet : "
                + wording.remedy(.exportComparison(old: base.name, new: new))
        }
        return warning
    }
}
