import Foundation
import Register

/// A draft branch whose text the committee adopted: the branch still exists in the register, but
/// its tip is exactly the commit the committee was consulted on and that became an adopted version.
public struct AdoptedDraft: Sendable, Hashable, Codable {
    /// The branch (`draft/periodique-2020`).
    public let branch: String
    /// The review that adopted it.
    public let review: String
    /// The adopted version's tag (`v2027-01-15`).
    public let tag: String
}

extension CommitteeState {
    /// The drafts among `versions` that were adopted as they stand: the branch of an adopted review
    /// whose tip is still the consulted commit. A draft that moved on after the adoption is not one
    /// (it holds work that no adoption covers).
    public func adoptedDrafts(among versions: [VersionInfo]) -> [String: AdoptedDraft] {
        var result: [String: AdoptedDraft] = [:]
        for review in reviews.values {
            guard let branch = review.draftBranch, let tag = review.adoptedVersion,
                  let consulted = review.consultedCommit, !consulted.isEmpty,
                  let draft = versions.first(where: { $0.kind == .draft && $0.name == branch }),
                  draft.commit.hex.hasPrefix(consulted.lowercased()) else { continue }
            result[branch] = AdoptedDraft(branch: branch, review: review.id, tag: tag)
        }
        return result
    }
}
