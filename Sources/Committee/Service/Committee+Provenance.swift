import Foundation
import Register

extension Committee {
    /// The provenance of each clause of the text at `revision` (``TextRegister/blame(at:work:writtenOn:)``), with
    /// the committee's part: the review that adopted each version, and, for a version adopted from a draft, the
    /// person who wrote each change on that draft (not the chair who adopted it). For a draft, the review it is
    /// drafted for.
    public func provenance(at revision: String? = nil, work: String? = nil) async throws(CommitteeError) -> [BlameLine] {
        let state = try await self.state()
        var writtenOn: [String: ObjectID] = [:]
        var reviewOf: [String: String] = [:]
        for review in state.reviews.values.sorted(by: { $0.id < $1.id }) {
            if let branch = review.draftBranch, review.adoptedVersion == nil, reviewOf[branch] == nil { reviewOf[branch] = review.id }
            guard let tag = review.adoptedVersion else { continue }
            reviewOf[tag] = review.id
            if let consulted = review.consultedCommit, let id = ObjectID(hex: consulted),
               try await call({ () async throws(RegisterError) in try await register.containsCommit(id) }) {
                writtenOn[tag] = id
            }
        }
        let lines = try await call { () async throws(RegisterError) in
            try await register.blame(at: revision, work: work, writtenOn: writtenOn)
        }
        return lines.map { line in
            var wording = line.wording
            wording.review = reviewOf[wording.version]
            var numbering = line.numbering
            if let version = numbering?.version { numbering?.review = reviewOf[version] }
            return BlameLine(eId: line.eId, wId: line.wId, version: line.version, date: line.date, wording: wording, numbering: numbering)
        }
    }
}
