import Committee
import LegalText
import Register

/// What a reader must be told at the top of a page that shows a text which is not the text in force today: a
/// draft (« Projet soumis à la consultation du comité — non en vigueur »), an adopted version not yet in force, a
/// version no longer in force. Nil (no notice) for the text in force.
public enum ForceNotice: Sendable, Hashable {
    /// The draft the committee is being consulted on.
    case consultedDraft(label: String)
    /// A draft still being written (or adopted since as version `adoptedAs`).
    case draft(label: String, adoptedAs: String?)
    /// An adopted version whose entry into force is still to come.
    case notYetInForce(version: String, entryIntoForce: LegalDate)
    /// An adopted version replaced since by `inForce`.
    case noLongerInForce(version: String, inForce: String)
    /// A state of the text that is neither an adopted version nor a draft (a commit named by its id).
    case workingState(label: String)

    /// The sentence shown at the top of the page.
    public var french: String {
        switch self {
        case .consultedDraft(let label):
            return "Projet soumis à la consultation du comité — non en vigueur (\(label))."
        case .draft(let label, nil):
            return "Projet de révision en cours de rédaction — non en vigueur (\(label))."
        case .draft(let label, let tag?):
            return "Projet adopté par le comité sous la version \(tag) — le projet lui-même n’est pas en vigueur (\(label))."
        case .notYetInForce(let version, let entry):
            return "Version adoptée, pas encore en vigueur : la version \(version) entrera en vigueur le \(entry.french)."
        case .noLongerInForce(let version, let inForce):
            return "Version qui n’est plus en vigueur : la version \(version) a été remplacée ; le texte en vigueur est la version \(inForce)."
        case .workingState(let label):
            return "État de travail du registre — non en vigueur (\(label))."
        }
    }

    /// The notice for the text at `commit`, shown under `label`, on `today`: nil when it is the text in force
    /// (`inForce`, nil when no version is in force that day).
    public static func of(commit: ObjectID, label: String, versions: [VersionInfo], inForce: VersionInfo?,
                          reviews: [Review], today: LegalDate) -> ForceNotice? {
        if let inForce, inForce.commit == commit { return nil }
        if let adopted = versions.last(where: { $0.kind == .adopted && $0.commit == commit }) {
            if let entry = adopted.record?.entryIntoForce, today < entry {
                return .notYetInForce(version: adopted.name, entryIntoForce: entry)
            }
            guard let inForce else { return nil }
            return .noLongerInForce(version: adopted.name, inForce: inForce.name)
        }
        let drafts = Set(versions.filter { $0.kind == .draft && $0.commit == commit }.map(\.name))
        let consulted = reviews.first { review in
            review.status == .consultation && review.consultedCommit.map { !$0.isEmpty && commit.hex.hasPrefix($0.lowercased()) } == true
        }
        if consulted != nil { return .consultedDraft(label: label) }
        if !drafts.isEmpty || label.hasPrefix("draft/") {
            let review = reviews.first { review in review.draftBranch.map { drafts.contains($0) || $0 == label } == true }
            return .draft(label: label, adoptedAs: review?.adoptedVersion)
        }
        return .workingState(label: label)
    }

    /// The adopted versions whose entry into force is after `today`, earliest first: the home page announces them.
    public static func upcoming(among versions: [VersionInfo], today: LegalDate) -> [VersionInfo] {
        versions.filter { version in
            version.kind == .adopted && version.record?.entryIntoForce.map { today < $0 } == true
        }.sorted { ($0.record?.entryIntoForce ?? today) < ($1.record?.entryIntoForce ?? today) }
    }
}

extension Publisher {
    /// The notice for the text at `commit` shown under `label` on `today` (``ForceNotice/of(commit:label:versions:inForce:reviews:today:)``).
    public func forceNotice(at commit: ObjectID, label: String, today: LegalDate, work: String? = nil)
        async throws(PublishingError) -> ForceNotice? {
        let versions = try await call { () async throws(RegisterError) in try await register.versions() }
        let inForce = try? await register.versionInForce(on: today, work: work)
        let state = try await committeeState()
        return ForceNotice.of(commit: commit, label: label, versions: versions, inForce: inForce,
                              reviews: state.reviews.values.sorted { $0.id < $1.id }, today: today)
    }
}
