import CGit2
import Foundation

/// What a remote repository holds, as advertised when connecting: branches and tags, full name → object id
/// (for an annotated tag, the tag object's id).
public struct RemoteSnapshot: Sendable, Hashable {
    public let url: String
    public let branches: [String: ObjectID]
    public let tags: [String: ObjectID]
}

/// The result of merging two commits' trees in memory.
public enum TreeMerge: Sendable, Hashable {
    /// No conflict: the merged tree, written in the repository.
    case clean(tree: ObjectID)
    /// The paths changed differently on both sides, with each side's blob (`nil`: absent on that side).
    case conflicts([ConflictingPath])
}

/// One path a merge could not reconcile.
public struct ConflictingPath: Sendable, Hashable {
    public let path: String
    public let ancestor: ObjectID?
    public let ours: ObjectID?
    public let theirs: ObjectID?
}

extension GitStore {
    // MARK: Remotes

    /// The URL recorded for remote `name` (`origin` after `suivi clone`); `nil` when none is.
    package func remoteURL(named name: String = "origin") throws(RegisterError) -> String? {
        try repository.remoteURL(named: name)
    }

    /// Records remote `name` → `url` in the repository's configuration, as `git remote add` does.
    package func setRemote(named name: String = "origin", url: String) throws(RegisterError) {
        try repository.setRemote(named: name, url: url)
    }

    /// Connects to `url`, lists its branches and tags, and downloads the objects they need into this
    /// repository. **No reference of this repository moves**: the caller decides what to do with the snapshot.
    /// Identifiers and host keys: `credentials`.
    package func fetch(from url: String, credentials: RemoteCredentials = .process) throws(RegisterError) -> RemoteSnapshot {
        let remote = try GitRemote.anonymous(url: url, in: repository, credentials: credentials)
        let advertised = try remote.advertisedReferences()
        var branches: [String: ObjectID] = [:]
        var tags: [String: ObjectID] = [:]
        for (name, id) in advertised where GitRepository.isValidReferenceName(name) {
            if name.hasPrefix("refs/heads/") { branches[name] = id }
            if name.hasPrefix("refs/tags/") { tags[name] = id }  // `^{}` peeled entries are not valid names
        }
        if !branches.isEmpty || !tags.isEmpty {
            try remote.download(refspecs: ["+refs/heads/*:refs/remotes/suivi/*", "+refs/tags/*:refs/tags/*"])
        }
        return RemoteSnapshot(url: url, branches: branches, tags: tags)
    }

    /// Pushes `refspecs` to `url` (never forced: the remote refuses what is not a fast-forward).
    /// - Returns: the references the remote refused, full name → reason.
    package func push(to url: String, refspecs: [String],
                      credentials: RemoteCredentials = .process) throws(RegisterError) -> [String: String] {
        let remote = try GitRemote.anonymous(url: url, in: repository, credentials: credentials)
        return try remote.push(refspecs: refspecs)
    }

    /// The branches and tags `url` advertises, without downloading anything.
    package func remoteReferences(at url: String,
                                  credentials: RemoteCredentials = .process) throws(RegisterError) -> [String: ObjectID] {
        try GitRemote.anonymous(url: url, in: repository, credentials: credentials).advertisedReferences()
    }

    // MARK: Graph and merges

    /// Whether commit `ancestor` is `commit` or one of its ancestors.
    package func isAncestor(_ ancestor: ObjectID, of commit: ObjectID) throws(RegisterError) -> Bool {
        try repository.isAncestor(ancestor, of: commit)
    }

    /// The best common ancestor of two commits (`git merge-base`); `nil` when they share no history.
    package func mergeBase(_ one: ObjectID, _ two: ObjectID) throws(RegisterError) -> ObjectID? {
        try repository.mergeBase(one, two)
    }

    /// Whether the repository holds an object with this id (any type).
    package func contains(_ id: ObjectID) throws(RegisterError) -> Bool {
        try repository.object(id) != nil
    }

    /// Merges commit `theirs` into commit `ours` tree by tree, from their merge base (libgit2's
    /// `git_merge_commits`), in memory: no reference moves, no working directory is involved.
    package func mergeTrees(ours: ObjectID, theirs: ObjectID) throws(RegisterError) -> TreeMerge {
        let index = try GitMergeIndex.merging(commit(ours), commit(theirs), in: repository)
        guard index.hasConflicts else { return .clean(tree: try index.writeTree()) }
        return .conflicts(try index.conflicts().map {
            ConflictingPath(path: $0.path, ancestor: $0.ancestor, ours: $0.ours, theirs: $0.theirs)
        })
    }

    /// The content of a blob; `nil` when the repository holds none with this id.
    package func blob(_ id: ObjectID) throws(RegisterError) -> Data? {
        try repository.blob(id)?.data
    }

    /// Writes a commit of `tree` with several parents (a merge), moving no reference.
    package func writeMergeCommit(tree: ObjectID, parents: [ObjectID], message: String, author: Identity, date: Date,
                                  signer: Signer? = nil) throws(RegisterError) -> ObjectID
    {
        let stamp = try Stamp(message: message, author: author, date: date, timeZoneMinutes: 0)
        guard let gitTree = try repository.tree(tree) else { throw .notFound(revision: tree.hex) }
        var commits: [GitCommit] = []
        for parent in parents { commits.append(try commit(parent)) }
        let signature = try GitSignature(stamp.identity, seconds: stamp.seconds, offsetMinutes: stamp.timeZoneMinutes)
        return try repository.createCommit(tree: gitTree, parents: commits, author: signature, committer: signature,
                                           message: stamp.message, signer: signer)
    }

    /// Points branch or tag `ref` at `target` if it is still at `expected` (`nil`: absent), as every other write.
    /// - Throws: ``RegisterError/conflict(ref:expected:actual:)`` when someone moved it meanwhile.
    package func moveReference(_ ref: String, to target: ObjectID, expected: ObjectID?, logMessage: String)
        async throws(RegisterError)
    {
        guard ref.hasPrefix("refs/heads/") || ref.hasPrefix("refs/tags/"), GitRepository.isValidReferenceName(ref) else {
            throw .invalidReference(name: ref)
        }
        guard try repository.object(target) != nil else { throw .notFound(revision: target.hex) }
        if case .moved(let actual) = try await compareAndSwap(ref, to: target, expected: expected, logMessage: logMessage) {
            throw .conflict(ref: ref, expected: expected, actual: actual)
        }
    }

    /// The object a reference points at, without peeling (a tag object for an annotated tag); `nil` when absent.
    package func referenceTarget(_ ref: String) throws(RegisterError) -> ObjectID? {
        try repository.referenceTarget(ref)
    }

    /// The commit an object leads to (itself, or a tag's target); `nil` when it leads to none.
    package func peeledCommit(_ id: ObjectID) throws(RegisterError) -> ObjectID? {
        try repository.object(id)?.peeled(to: GIT_OBJECT_COMMIT)?.id
    }
}
