import ClauseDiff
import Committee
import Foundation
import LegalText
import Register

/// Builds every export from a register: reads the versions, the committee's records, and hands
/// values to the renderers. Front ends (CLI, web) call this and print what the renderers write.
public struct Publisher: Sendable {
    public let register: TextRegister
    public let committee: Committee

    public init(register: TextRegister) {
        self.register = register
        committee = Committee(register: register)
    }

    /// The commit a revision names (``TextRegister/resolveRevision(_:work:)``): a date `AAAA-MM-JJ` (the version
    /// in force that day), a tag, a draft (`draft/<name>` or `<name>`), a branch or a commit id.
    public func resolve(_ revision: String, work: String? = nil) async throws(PublishingError) -> ObjectID {
        try await call { () async throws(RegisterError) in try await register.resolve(revision, work: work) }
    }

    /// The text at a revision.
    public func document(at commit: ObjectID, work: String? = nil) async throws(PublishingError) -> LegalDocument {
        try await call { () async throws(RegisterError) in try await register.document(at: commit, work: work) }
    }

    // MARK: Consolidated draft

    /// The consolidated text at `revision`, with its status and its review.
    public func consolidated(at revision: String, work: String? = nil) async throws(PublishingError) -> ConsolidatedDraft {
        let commit = try await resolve(revision, work: work)
        let document = try await self.document(at: commit, work: work)
        let tag = try await adoptedTag(of: commit)
        let state = try await committeeState()
        let review = try await review(for: revision, commit: commit, tag: tag, in: state)
        let status: VersionStatus
        if tag != nil {
            status = .adopted
        } else if let review, review.consultedCommit == commit.hex {
            status = .consulted
        } else {
            status = .draft
        }
        var base: String?
        var adoptedSince: String?
        if tag == nil {
            let adopted = try await adoptedVersions(of: work, at: commit)
            if let version = try await baseVersion(of: commit, among: adopted) {
                let date = (version.record?.consolidation ?? version.record?.signature).map { "du \($0.french) " } ?? ""
                base = "la version \(date)(\(version.name))"
                if let latest = adopted.last, latest.commit != version.commit { adoptedSince = latest.name }
            }
        }
        return ConsolidatedDraft(document: document, revision: revision, commit: commit.hex, status: status,
                                 review: review.map(ConsolidatedDraft.ReviewHeader.init), tag: tag, base: base, adoptedSince: adoptedSince)
    }

    /// The adopted version's tag designating `commit`, if any.
    func adoptedTag(of commit: ObjectID) async throws(PublishingError) -> String? {
        let versions = try await call { () async throws(RegisterError) in try await register.versions() }
        return versions.first { $0.kind == .adopted && $0.commit == commit }?.name
    }

    func committeeState() async throws(PublishingError) -> CommitteeState {
        do {
            return try await committee.state()
        } catch {
            throw .committee(error)
        }
    }

    /// The review a version belongs to: the one that adopted its tag, was consulted on it, or drafts
    /// on the branch it names or whose tip it is.
    func review(for revision: String, commit: ObjectID, tag: String?, in state: CommitteeState) async throws(PublishingError) -> Review? {
        let reviews = state.reviews.values.sorted { $0.id < $1.id }
        if let tag, let review = reviews.first(where: { $0.adoptedVersion == tag }) { return review }
        if let review = reviews.first(where: { $0.consultedCommit == commit.hex }) { return review }
        if let draft = try? DraftName(branch: revision),
           let review = reviews.first(where: { $0.draftBranch.flatMap { try? DraftName(branch: $0) } == draft }) {
            return review
        }
        for review in reviews {
            guard let branch = review.draftBranch,
                  let tip = try? await register.resolve(branch), tip == commit else { continue }
            return review
        }
        return nil
    }

    // MARK: Comparison

    /// The comparison table between two revisions (whole texts, unchanged clauses included).
    public func comparison(from old: String, to new: String, work: String? = nil) async throws(PublishingError) -> ComparisonTable {
        let oldDocument = try await document(at: resolve(old, work: work), work: work)
        let newDocument = try await document(at: resolve(new, work: work), work: work)
        return ComparisonTable(old: oldDocument, new: newDocument, oldLabel: old, newLabel: new)
    }

    // MARK: Amending order

    /// The amending order that turns the text at `old` into the text at `new`.
    public func amendingOrder(from old: String, to new: String, work: String? = nil) async throws(PublishingError) -> AmendingOrder {
        let oldDocument = try await document(at: resolve(old, work: work), work: work)
        let newDocument = try await document(at: resolve(new, work: work), work: work)
        return AmendingOrderGenerator().order(from: oldDocument, to: newDocument)
    }

    /// Runs a register call, wrapping its error.
    func call<T>(_ body: () async throws(RegisterError) -> T) async throws(PublishingError) -> T {
        do {
            return try await body()
        } catch {
            throw .register(error)
        }
    }
}

extension Publisher {
    /// The bulletin of a review: its text (the adopted version, else the consulted draft, else the draft's tip)
    /// against the version it changes (``comparisonBase(of:at:chair:)``: the draft's base, or for an adopted review
    /// the version before it), never against the text in force today.
    public func bulletin(review id: String) async throws(PublishingError) -> Bulletin {
        let state = try await committeeState()
        let review: Review
        do { review = try state.review(id) } catch { throw .committee(error) }
        let base = try await comparisonBase(of: review, at: .consulted, chair: state.roster.chair?.id ?? "dgs")
        let newDocument = try await document(at: base.newCommit, work: review.work)
        let oldDocument = try await document(at: base.baseCommit, work: review.work)
        let event = review.event.flatMap { state.events[$0] }
        var bulletin = Bulletin(review: review, event: event, comments: state.comments[id] ?? [], old: oldDocument, new: newDocument,
                                base: base)
        bulletin.documentary = try await documentaryUpdates(since: base.baseDate)
        return bulletin
    }

    /// The Atom feed of the adopted versions.
    public func feed(baseURL: String) async throws(PublishingError) -> AtomFeed {
        let versions = try await call { () async throws(RegisterError) in try await register.versions() }
        return AtomFeed(versions: versions, baseURL: baseURL)
    }
}
