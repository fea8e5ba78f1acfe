import Foundation

extension GitStore {
    /// Commits a merge on `branch`: the tree of commit `treeOf` with `changes` applied, and `parents` (the
    /// branch's tip first), only if the branch still points at `expectedParent`.
    /// - Parameter changes: path → new content, or `nil` to delete the file (or a whole folder).
    /// - Throws: ``RegisterError/conflict(ref:expected:actual:)`` when the branch moved; nothing is lost, the new
    ///   objects are just left unreferenced.
    package func commitMerge(
        changes: [String: Data?], over treeOf: ObjectID, parents: [ObjectID], message: String, author: Identity,
        date: Date, onBranch branch: String, expectedParent: ObjectID, signer: Signer? = nil
    ) async throws(RegisterError) -> ObjectID {
        let edit = try TreeEdit(changes: changes)
        let stamp = try Stamp(message: message, author: author, date: date, timeZoneMinutes: 0)
        let tip = try repository.referenceTarget(branch)
        guard tip == expectedParent else { throw .conflict(ref: branch, expected: expectedParent, actual: tip) }
        let treeID = try repository.writeTree(applying: edit, to: try commit(treeOf).tree())
        guard let tree = try repository.tree(treeID) else { throw .notFound(revision: treeID.hex) }
        var commits: [GitCommit] = []
        for parent in parents { commits.append(try commit(parent)) }
        let signature = try GitSignature(stamp.identity, seconds: stamp.seconds, offsetMinutes: stamp.timeZoneMinutes)
        let id = try repository.createCommit(tree: tree, parents: commits, author: signature, committer: signature,
                                             message: stamp.message, signer: signer)
        switch try await compareAndSwap(branch, to: id, expected: expectedParent, logMessage: stamp.reflogMessage(initial: false)) {
        case .updated: return id
        case .moved(let actual): throw .conflict(ref: branch, expected: expectedParent, actual: actual)
        }
    }
}
