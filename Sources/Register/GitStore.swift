import CGit2
import Foundation

/// The register's git repository: each version is a commit, each adopted version an annotated tag, each draft a
/// branch; files are built into trees in memory, so no working directory or index is ever involved.
///
/// **Layout.** The repository is *bare* (`register.git/` holds `HEAD`, `objects/`, `refs/`…, with no checked-out
/// files that could drift from the branch the store moves). `HEAD` names `refs/heads/main` from creation on and the
/// store never moves it, so `git clone <path>` checks out `main`, and `git log`, `git show`, `git fsck` work on
/// the repository itself. Pushing rewritten history into it is refused (`receive.denyNonFastForwards`).
///
/// **Concurrent writers.** Every branch or tag update is a compare-and-swap that libgit2 performs under the
/// reference's lock file: "point `main` at C only if it still points at P". `commit(files:…)` and
/// `commit(changes:…)` refuse with ``RegisterError/conflict(ref:expected:actual:)`` when the branch moved;
/// `commitApplying(changes:…)` rebuilds its change on the new tip and tries again, so writers in other tasks,
/// other `GitStore`s or other processes never lose an update. A lock held by a live writer is waited for (up to
/// `lockTimeout`).
///
/// **Crashes.** libgit2 writes each object to a temporary file and renames it into place, then writes the
/// reference to `<ref>.lock` and renames that over the reference, fsyncing each file first. A process killed
/// at any point therefore leaves either the old or the new reference, plus at worst unreachable objects
/// (`git fsck` lists them as dangling and exits 0; `git gc` prunes them) and temporary files under `objects/`
/// that git ignores. The one leftover that matters is a `*.lock` file, which would block every later write to
/// that reference, as with git itself. Opening a store removes lock files older than `staleLockAge` (listed in
/// ``removedStaleLocks``); a writer that meets a lock older than that while retrying removes it too. A lock
/// younger than that may be another git program's and is waited for. suivi's own writers also hold an
/// advisory `flock` (``WritersLock``) while they update a reference, which the kernel drops when a process
/// dies: a `.lock` file met under that lock cannot be a live suivi writer's, so removing an old one never
/// steals a live lock, and the next write goes through about `staleLockAge` (2 s) after a writer was killed.
///
/// **Threads.** libgit2 objects must be used by one thread at a time: the repository lives inside this actor and
/// no libgit2 object is kept across an `await`. The actor runs on its own serial dispatch queue
/// (``StoreExecutor``), not on Swift concurrency's cooperative threads: its network transfers, `flock` and lock
/// waits block that queue's thread only.
package actor GitStore {
    /// The branch HEAD names, where adopted versions live.
    package static let mainBranch = "refs/heads/main"

    /// The repository's directory (`…/register.git`).
    package nonisolated let url: URL
    /// Lock files removed when the store opened because a writer died holding them, relative to the git directory.
    package nonisolated let removedStaleLocks: [String]

    let repository: GitRepository
    private let executor: StoreExecutor
    private let staleLockAge: Duration
    private let lockTimeout: Duration
    private let writersLock: WritersLock

    /// Creates an empty bare repository at `url` (and missing parent folders) and opens it.
    /// - Throws: ``RegisterError/repositoryExists(path:)`` when a repository is already there.
    package init(creatingAt url: URL, staleLockAge: Duration = .seconds(2), lockTimeout: Duration = .seconds(15))
        throws(RegisterError)
    {
        try GitStore.createRepository(at: url.path)
        try self.init(openingAt: url, staleLockAge: staleLockAge, lockTimeout: lockTimeout)
    }

    /// Opens the repository at `url` (bare, or the top of a working tree: then its checkout is not updated),
    /// after removing lock files left by writers that died.
    /// - Parameters:
    ///   - staleLockAge: a lock file older than this is taken for a dead writer's and removed.
    ///   - lockTimeout: how long a write waits for another writer's lock before ``RegisterError/locked(ref:)``.
    /// - Throws: ``RegisterError/notARepository(path:)``.
    package init(openingAt url: URL, staleLockAge: Duration = .seconds(2), lockTimeout: Duration = .seconds(15))
        throws(RegisterError)
    {
        let repository = try GitRepository.open(at: url.path)
        self.url = url
        self.repository = repository
        self.staleLockAge = staleLockAge
        self.lockTimeout = lockTimeout
        self.executor = StoreExecutor(label: "suivi.GitStore " + url.path)
        let writers = try WritersLock(gitDirectory: repository.gitDirectory)
        self.writersLock = writers
        // Not waited for (this runs on the caller's thread): while another writer holds the lock, the sweep is
        // left to the writers, which remove a stale lock they meet.
        self.removedStaleLocks = try writers.withLockIfFree { () throws(RegisterError) in
            StaleLocks.sweep(gitDirectory: repository.gitDirectory, olderThan: staleLockAge)
        } ?? []
    }

    /// Every job of the store runs on its own dispatch queue (``StoreExecutor``).
    package nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

    // MARK: Reading

    /// The commit a branch points at; `nil` while the branch has no commit yet.
    package func tip(of branch: String = GitStore.mainBranch) throws(RegisterError) -> ObjectID? {
        try Self.checkBranchName(branch)
        return try repository.referenceTarget(branch)
    }

    /// The reference HEAD names (`refs/heads/main`); `nil` if another tool detached it.
    package func headBranch() throws(RegisterError) -> String? {
        try repository.reference("HEAD")?.symbolicTarget
    }

    /// The commit a revision names: a branch, a tag (peeled), a full or abbreviated id, `main~2`, `v2017-01-05^`…
    /// - Throws: ``RegisterError/notFound(revision:)``, ``RegisterError/ambiguous(revision:)``,
    ///   ``RegisterError/notACommit(revision:)``.
    package func resolve(revision: String) throws(RegisterError) -> ObjectID {
        guard !revision.isEmpty, !revision.utf8.contains(0) else { throw .notFound(revision: revision) }
        let object = try repository.revparse(revision)
        guard let commit = try object.peeled(to: GIT_OBJECT_COMMIT), let id = commit.id else {
            throw .notACommit(revision: revision)
        }
        return id
    }

    /// The SSH signature in a commit's `gpgsig` header and the text it signs; `nil` when the commit is unsigned.
    package func signature(of id: ObjectID) throws(RegisterError) -> (armored: String, signedData: Data)? {
        _ = try commit(id)
        guard let found = try repository.commitSignature(id) else { return nil }
        return (found.signature, found.signedData)
    }

    /// Author, date, message, parents and tree of one commit.
    package func commitInfo(_ id: ObjectID) throws(RegisterError) -> CommitInfo {
        try commit(id).info()
    }

    /// The content of the file at `path` in commit `commit`; `nil` when no file is there (absent, or a folder).
    package func readFile(path: String, at commit: ObjectID) throws(RegisterError) -> Data? {
        _ = try TreeEdit.components(of: path)
        guard let entry = try self.commit(commit).tree().entry(atPath: path), entry.isBlob else { return nil }
        return try repository.blob(entry.id)?.data
    }

    /// The blob ids of the files at `paths` in commit `commit` (a path that is no file is left out).
    package func blobIDs(of paths: [String], at commit: ObjectID) throws(RegisterError) -> [String: ObjectID] {
        let tree = try self.commit(commit).tree()
        var ids: [String: ObjectID] = [:]
        for path in paths {
            _ = try TreeEdit.components(of: path)
            if let entry = try tree.entry(atPath: path), entry.isBlob { ids[path] = entry.id }
        }
        return ids
    }

    /// Every file below the folder `folder` in commit `commit`, path → content, read in one walk of the
    /// folder's trees (each tree is loaded once, however many files it holds).
    package func readFiles(under folder: String, at commit: ObjectID) throws(RegisterError) -> [String: Data] {
        let trimmed = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        _ = try TreeEdit.components(of: trimmed)
        guard let entry = try self.commit(commit).tree().entry(atPath: trimmed), entry.isTree,
              let tree = try repository.tree(entry.id) else { return [:] }
        var files: [String: Data] = [:]
        try collect(tree, prefix: trimmed + "/", into: &files)
        return files
    }

    private func collect(_ tree: GitTree, prefix: String, into files: inout [String: Data]) throws(RegisterError) {
        for entry in tree.entries {
            if entry.isTree, let subtree = try repository.tree(entry.id) {
                try collect(subtree, prefix: prefix + entry.name + "/", into: &files)
            } else if entry.isBlob, let blob = try repository.blob(entry.id) {
                files[prefix + entry.name] = blob.data
            }
        }
    }

    /// Paths of all files in commit `commit`, or only those below the folder `folder`, sorted.
    package func listFiles(at commit: ObjectID, under folder: String = "") throws(RegisterError) -> [String] {
        let root = try self.commit(commit).tree()
        let trimmed = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        guard !trimmed.isEmpty else { return try repository.filePaths(in: root, prefix: "").sorted() }
        _ = try TreeEdit.components(of: trimmed)
        guard let entry = try root.entry(atPath: trimmed), entry.isTree, let tree = try repository.tree(entry.id) else {
            return []
        }
        return try repository.filePaths(in: tree, prefix: trimmed + "/").sorted()
    }

    /// The files that differ between two commits, sorted by path; `from: nil` compares with an empty tree.
    package func changedPaths(from old: ObjectID?, to new: ObjectID) throws(RegisterError) -> [PathChange] {
        let newCommit = try commit(new)
        let oldCommit = try old.map { id throws(RegisterError) in try commit(id) }
        if let oldCommit, oldCommit.treeID == newCommit.treeID { return [] }  // same tree: O(1)
        return try GitDiff(in: repository, from: oldCommit?.tree(), to: newCommit.tree()).changes
    }

    /// The commits reachable from a branch, newest first (children before parents); empty while it is unborn.
    /// - Parameters:
    ///   - firstParentOnly: follow only the branch's own line, not merged drafts' commits.
    ///   - limit: stop after this many commits.
    package func log(branch: String = GitStore.mainBranch, firstParentOnly: Bool = false, limit: Int? = nil)
        throws(RegisterError) -> [CommitInfo]
    {
        guard let tip = try tip(of: branch) else { return [] }
        return try log(from: tip, firstParentOnly: firstParentOnly, limit: limit)
    }

    /// The commits reachable from `start`, newest first (children before parents).
    package func log(from start: ObjectID, firstParentOnly: Bool = false, limit: Int? = nil)
        throws(RegisterError) -> [CommitInfo]
    {
        var commits: [CommitInfo] = []
        try walk(from: start, firstParentOnly: firstParentOnly) { commit throws(RegisterError) in
            commits.append(try commit.info())
            return limit.map { commits.count < $0 } ?? true
        }
        return commits
    }

    /// The commits reachable from `start` in which the file (or folder) at `path` was added, changed or deleted,
    /// newest first. A merge counts only if `path` differs from every parent's, as in `git log -- path`.
    package func history(path: String, from start: ObjectID) throws(RegisterError) -> [CommitInfo] {
        _ = try TreeEdit.components(of: path)
        var commits: [CommitInfo] = []
        try walk(from: start, firstParentOnly: false) { commit throws(RegisterError) in
            let here = try commit.tree().entry(atPath: path)?.id
            var parents: [ObjectID?] = []
            for parent in commit.parentIDs { parents.append(try self.commit(parent).tree().entry(atPath: path)?.id) }
            let changed = parents.isEmpty ? here != nil : parents.allSatisfy { $0 != here }
            if changed { commits.append(try commit.info()) }
            return true
        }
        return commits
    }

    // MARK: Writing commits

    /// Commits `files` as the **whole** content of the branch (any file not listed is absent from the new commit),
    /// only if the branch still points at `expectedParent`.
    ///
    /// - Parameters:
    ///   - files: path → content, for every file of the new version.
    ///   - author: who made the change; also recorded as committer.
    ///   - date: the author date, also used as committer date (1970…2099).
    ///   - timeZoneMinutes: the author's offset from UTC, in minutes (`60` for Paris in winter).
    ///   - branch: the full branch name.
    ///   - expectedParent: the tip the caller read; `nil` when the branch must not exist yet (first commit).
    /// - Returns: the new commit's id, which the branch now points at.
    /// - Throws: ``RegisterError/conflict(ref:expected:actual:)`` when the branch moved; nothing is lost, the new
    ///   objects are just left unreferenced.
    package func commit(
        files: [String: Data], message: String, author: Identity, date: Date, timeZoneMinutes: Int = 0,
        onBranch branch: String = GitStore.mainBranch, expectedParent: ObjectID?, signer: Signer?
    ) async throws(RegisterError) -> ObjectID {
        let edit = try TreeEdit(changes: files.mapValues { Optional($0) })
        let stamp = try Stamp(message: message, author: author, date: date, timeZoneMinutes: timeZoneMinutes, signer: signer)
        return try await commitOnExpectedParent(edit, replacingTree: true, stamp, branch, expectedParent)
    }

    /// Commits changes to some files on top of `expectedParent`, only if the branch still points there.
    /// - Parameter changes: path → new content, or `nil` to delete the file (or a whole folder); other files
    ///   are kept.
    /// - Throws: ``RegisterError/conflict(ref:expected:actual:)`` when the branch moved.
    package func commit(
        changes: [String: Data?], message: String, author: Identity, date: Date, timeZoneMinutes: Int = 0,
        onBranch branch: String = GitStore.mainBranch, expectedParent: ObjectID?, signer: Signer?
    ) async throws(RegisterError) -> ObjectID {
        let edit = try TreeEdit(changes: changes)
        let stamp = try Stamp(message: message, author: author, date: date, timeZoneMinutes: timeZoneMinutes, signer: signer)
        return try await commitOnExpectedParent(edit, replacingTree: false, stamp, branch, expectedParent)
    }

    /// Commits changes to some files on top of whatever the branch's tip is when the commit lands (creating the
    /// branch if needed). When another writer moves the branch first, the same changes are re-applied on the new
    /// tip and the swap retried, so neither update is lost. Use it for changes that do not depend on the rest of
    /// the tree (one comment, one position); use `commit(changes:…expectedParent:)` when they do.
    /// - Parameters:
    ///   - changes: path → new content, or `nil` to delete the file (or a whole folder).
    ///   - maxAttempts: how many times to rebuild before ``RegisterError/retriesExhausted(ref:attempts:)``.
    package func commitApplying(
        changes: [String: Data?], message: String, author: Identity, date: Date, timeZoneMinutes: Int = 0,
        onBranch branch: String = GitStore.mainBranch, maxAttempts: Int = 100, signer: Signer?
    ) async throws(RegisterError) -> ObjectID {
        try Self.checkBranchName(branch)
        let edit = try TreeEdit(changes: changes)
        let stamp = try Stamp(message: message, author: author, date: date, timeZoneMinutes: timeZoneMinutes, signer: signer)
        let attempts = max(1, maxAttempts)
        for _ in 0..<attempts {
            let tip = try repository.referenceTarget(branch)
            let id = try writeCommit(edit, replacingTree: false, parent: tip, stamp)
            let logMessage = stamp.reflogMessage(initial: tip == nil)
            if case .updated = try await compareAndSwap(branch, to: id, expected: tip, logMessage: logMessage) {
                return id
            }
            await Task.yield()
        }
        throw .retriesExhausted(ref: branch, attempts: attempts)
    }

    // MARK: Tags

    /// Tags commit `target` with an annotated tag: the way an adopted version is named (`v2017-01-05`), its
    /// message carrying the publication and entry-into-force dates.
    ///
    /// Idempotent: if the tag already designates `target`, nothing is written and the existing tag is returned
    /// (with its original message). A tag is never moved.
    /// - Throws: ``RegisterError/tagExists(name:target:)`` when the tag designates another commit;
    ///   ``RegisterError/notFound(revision:)`` when `target` is not a commit of the repository.
    @discardableResult
    package func tag(
        name: String, target: ObjectID, message: String, tagger: Identity, date: Date, timeZoneMinutes: Int = 0
    ) async throws(RegisterError) -> TagInfo {
        let ref = "refs/tags/" + name
        guard !name.isEmpty, GitRepository.isValidReferenceName(ref) else { throw .invalidReference(name: name) }
        if let existing = try tagInfo(named: name) { return try Self.sameTag(existing, target) }
        let stamp = try Stamp(message: message, author: tagger, date: date, timeZoneMinutes: timeZoneMinutes)
        let tagID = try writeTagObject(name: name, target: target, stamp)
        let outcome = try await compareAndSwap(ref, to: tagID, expected: nil, logMessage: "tag: \(name)")
        guard let created = try tagInfo(named: name) else { throw .conflict(ref: ref, expected: nil, actual: nil) }
        if case .updated = outcome { return created }
        return try Self.sameTag(created, target)  // another writer created it first
    }

    /// Every tag designating a commit, sorted by name.
    package func tags() throws(RegisterError) -> [TagInfo] {
        var tags: [TagInfo] = []
        for name in try repository.tagNames() {
            if let tag = try tagInfo(named: name) { tags.append(tag) }
        }
        return tags
    }

    /// The names of every tag (`AFSP1638149A/v2017-01-05`), sorted, without reading them.
    package func tagNames() throws(RegisterError) -> [String] {
        try repository.tagNames()
    }

    /// The tag of that short name; `nil` when absent (or designating something other than a commit).
    package func tagInfo(named name: String) throws(RegisterError) -> TagInfo? {
        let ref = "refs/tags/" + name
        guard !name.isEmpty, GitRepository.isValidReferenceName(ref) else { throw .invalidReference(name: name) }
        guard let id = try repository.referenceTarget(ref),
              let commit = try repository.object(id)?.peeled(to: GIT_OBJECT_COMMIT), let target = commit.id
        else { return nil }
        guard let annotated = try repository.tag(id) else {
            return TagInfo(name: name, id: id, target: target, message: nil, tagger: nil, date: nil,
                           timeZoneMinutes: nil)
        }
        let tagger = annotated.tagger
        return TagInfo(name: name, id: id, target: target, message: annotated.message ?? "", tagger: tagger?.identity,
                       date: tagger?.date, timeZoneMinutes: tagger?.offsetMinutes)
    }

    /// The commit a tag designates.
    /// - Throws: ``RegisterError/notFound(revision:)`` when there is no such tag.
    package func resolveTag(_ name: String) throws(RegisterError) -> ObjectID {
        guard let tag = try tagInfo(named: name) else { throw .notFound(revision: name) }
        return tag.target
    }

    // MARK: Several references at once

    /// Moves several references (branches and tags) in one step: all move, or none does. Every reference
    /// is locked, checked to be where the caller expected while locked, then written; when one is
    /// elsewhere, ``RegisterError/conflict(ref:expected:actual:)`` and nothing moves. A reference locked
    /// by another writer is waited for (up to `lockTimeout`), a stale lock removed as in every write.
    ///
    /// This is the last step of a write made of many objects (an import of many versions): every commit
    /// and tag object is written first, unreferenced, then this moves the references. It is synchronous:
    /// nothing cancels it half-way (a cancelled task stops before it or after it, never inside).
    package func updateReferences(_ updates: [ReferenceUpdate]) throws(RegisterError) {
        guard !updates.isEmpty else { return }
        for update in updates {
            guard update.ref.hasPrefix("refs/heads/") || update.ref.hasPrefix("refs/tags/"),
                  GitRepository.isValidReferenceName(update.ref) else { throw .invalidReference(name: update.ref) }
            guard try repository.object(update.target) != nil else { throw .notFound(revision: update.target.hex) }
        }
        let clock = ContinuousClock()
        let deadline = clock.now + lockTimeout
        var pause = Duration.microseconds(500)
        while true {
            let outcome = try writersLock.withLock { () throws(RegisterError) -> TransactionOutcome in
                let first = try repository.updateReferences(updates)
                guard case .locked(let ref) = first else { return first }
                let lock = URL(fileURLWithPath: repository.gitDirectory + ref + ".lock")
                guard StaleLocks.isStale(lock, olderThan: staleLockAge) else { return first }
                try? FileManager.default.removeItem(at: lock)
                return try repository.updateReferences(updates)
            }
            switch outcome {
            case .updated:
                return
            case .moved(let ref, let actual):
                throw .conflict(ref: ref, expected: updates.first { $0.ref == ref }?.expected, actual: actual)
            case .locked(let ref):
                guard clock.now < deadline else { throw .locked(ref: ref) }
                let jittered = pause * Double.random(in: 0.5...1.5)
                usleep(UInt32(max(1, jittered.components.attoseconds / 1_000_000_000_000)))
                pause = min(pause * 2, .milliseconds(50))
            }
        }
    }

    /// Writes the commit object for `changes` on top of `parent` (nil: a first commit) and returns its id,
    /// **without moving any reference**: the commit is unreachable until ``updateReferences(_:)`` points
    /// a reference at it (or at a descendant).
    package func writeCommitObject(
        changes: [String: Data?], message: String, author: Identity, date: Date, timeZoneMinutes: Int = 0,
        parent: ObjectID?, signer: Signer?
    ) throws(RegisterError) -> ObjectID {
        let edit = try TreeEdit(changes: changes)
        let stamp = try Stamp(message: message, author: author, date: date, timeZoneMinutes: timeZoneMinutes, signer: signer)
        return try writeCommit(edit, replacingTree: false, parent: parent, stamp)
    }

    /// Writes an annotated tag object naming `target`, **without creating the tag reference** (see
    /// ``writeCommitObject(changes:message:author:date:timeZoneMinutes:parent:)``).
    package func writeTagObject(
        name: String, target: ObjectID, message: String, tagger: Identity, date: Date, timeZoneMinutes: Int = 0
    ) throws(RegisterError) -> ObjectID {
        guard !name.isEmpty, GitRepository.isValidReferenceName("refs/tags/" + name) else { throw .invalidReference(name: name) }
        let stamp = try Stamp(message: message, author: tagger, date: date, timeZoneMinutes: timeZoneMinutes)
        return try writeTagObject(name: name, target: target, stamp)
    }

    /// Every branch and tag, full name → the object it names (for a tag, the tag object), without reading them.
    func referenceTargets() throws(RegisterError) -> [String: ObjectID] {
        var targets: [String: ObjectID] = [:]
        for pattern in ["refs/heads/*", "refs/tags/*"] {
            for ref in try repository.referenceNames(matching: pattern) {
                if let id = try repository.referenceTarget(ref) { targets[ref] = id }
            }
        }
        return targets
    }

    // MARK: Branches

    /// Every branch and its tip, sorted by name.
    package func branches() throws(RegisterError) -> [Branch] {
        var branches: [Branch] = []
        for ref in try repository.referenceNames(matching: "refs/heads/*") {
            if let tip = try repository.referenceTarget(ref) { branches.append(Branch(ref: ref, tip: tip)) }
        }
        return branches
    }

    /// Creates branch `ref` (`refs/heads/draft/<review-id>`) at commit `commit`. Idempotent when it already points
    /// there.
    /// - Throws: ``RegisterError/branchExists(ref:tip:)`` when it points elsewhere.
    package func createBranch(_ ref: String, at commit: ObjectID) async throws(RegisterError) {
        try Self.checkBranchName(ref)
        _ = try self.commit(commit)
        let outcome = try await compareAndSwap(ref, to: commit, expected: nil, logMessage: "branch: created from \(commit)")
        guard case .moved(let actual) = outcome, actual != commit else { return }
        guard let actual else { throw .conflict(ref: ref, expected: nil, actual: nil) }
        throw .branchExists(ref: ref, tip: actual)
    }

    /// Deletes branch `ref` if it still points at `expectedTip` (an abandoned or merged draft).
    /// - Throws: ``RegisterError/protectedBranch(ref:)`` for the branch HEAD names,
    ///   ``RegisterError/conflict(ref:expected:actual:)`` when it moved, ``RegisterError/locked(ref:)``.
    package func deleteBranch(_ ref: String, expectedTip: ObjectID) throws(RegisterError) {
        try Self.checkBranchName(ref)
        guard try headBranch() != ref else { throw .protectedBranch(ref: ref) }
        guard let reference = try repository.reference(ref) else {
            throw .conflict(ref: ref, expected: expectedTip, actual: nil)
        }
        guard reference.target == expectedTip else {
            throw .conflict(ref: ref, expected: expectedTip, actual: reference.target)
        }
        let code = reference.delete()  // compares with the value read above, under the ref's lock
        switch code {
        case GitCode.modified, GitCode.notFound:
            clearGitError()
            throw .conflict(ref: ref, expected: expectedTip, actual: try repository.referenceTarget(ref))
        case GitCode.locked:
            clearGitError()
            throw .locked(ref: ref)
        default:
            try git(code, "git_reference_delete")
        }
    }

    // MARK: Internals

    /// What a compare-and-swap on a reference found.
    enum SwapOutcome {
        case updated
        /// The reference was not at the expected value; it is now at `actual` (`nil`: absent).
        case moved(actual: ObjectID?)
    }

    /// Points `ref` at `target` if it is at `expected` (`nil`: absent), waiting while another writer holds its lock.
    func compareAndSwap(_ ref: String, to target: ObjectID, expected: ObjectID?, logMessage: String)
        async throws(RegisterError) -> SwapOutcome
    {
        let clock = ContinuousClock()
        let deadline = clock.now + lockTimeout
        var pause = Duration.microseconds(500)
        while true {
            let lock = URL(fileURLWithPath: repository.gitDirectory + ref + ".lock")
            // Under the writers' lock no live suivi writer holds `<ref>.lock`: one found there and older than
            // `staleLockAge` was left by a killed writer and is removed (a younger one may be another git
            // program's, working right now: waited for).
            let code = try writersLock.withLock { () throws(RegisterError) -> Int32 in
                let first = repository.updateReference(ref, to: target, expected: expected ?? .zero, logMessage: logMessage)
                guard first == GitCode.locked, StaleLocks.isStale(lock, olderThan: staleLockAge) else { return first }
                clearGitError()
                try? FileManager.default.removeItem(at: lock)
                return repository.updateReference(ref, to: target, expected: expected ?? .zero, logMessage: logMessage)
            }
            switch code {
            case GitCode.modified, GitCode.notFound:  // notFound: expected a value, found no reference
                clearGitError()
                return .moved(actual: try repository.referenceTarget(ref))
            case GitCode.locked:
                clearGitError()
                guard clock.now < deadline else { throw .locked(ref: ref) }
                do {
                    try await Task.sleep(for: pause * Double.random(in: 0.5...1.5))
                } catch {
                    throw .cancelled
                }
                pause = min(pause * 2, .milliseconds(50))
            default:
                try git(code, "git_reference_create_matching")
                return .updated
            }
        }
    }

    private func commitOnExpectedParent(
        _ edit: TreeEdit, replacingTree: Bool, _ stamp: Stamp, _ branch: String, _ expectedParent: ObjectID?
    ) async throws(RegisterError) -> ObjectID {
        try Self.checkBranchName(branch)
        let tip = try repository.referenceTarget(branch)
        guard tip == expectedParent else { throw .conflict(ref: branch, expected: expectedParent, actual: tip) }
        let id = try writeCommit(edit, replacingTree: replacingTree, parent: expectedParent, stamp)
        let logMessage = stamp.reflogMessage(initial: expectedParent == nil)
        switch try await compareAndSwap(branch, to: id, expected: expectedParent, logMessage: logMessage) {
        case .updated: return id
        case .moved(let actual): throw .conflict(ref: branch, expected: expectedParent, actual: actual)
        }
    }

    /// Writes the blobs, trees and commit object for `edit` on top of `parent`; moves no reference.
    private func writeCommit(_ edit: TreeEdit, replacingTree: Bool, parent: ObjectID?, _ stamp: Stamp)
        throws(RegisterError) -> ObjectID
    {
        var parents: [GitCommit] = []
        var base: GitTree?
        if let parent {
            let parentCommit = try commit(parent)
            parents.append(parentCommit)
            if !replacingTree { base = try parentCommit.tree() }
        }
        let treeID = try repository.writeTree(applying: edit, to: base)
        guard let tree = try repository.tree(treeID) else { throw .notFound(revision: treeID.hex) }
        let signature = try GitSignature(stamp.identity, seconds: stamp.seconds, offsetMinutes: stamp.timeZoneMinutes)
        // The one place a commit of the store is signed: every commit, branch or record, goes through here.
        return try repository.createCommit(
            tree: tree, parents: parents, author: signature, committer: signature, message: stamp.message,
            signer: stamp.signer)
    }

    private func writeTagObject(name: String, target: ObjectID, _ stamp: Stamp) throws(RegisterError) -> ObjectID {
        guard let object = try repository.object(target, type: GIT_OBJECT_COMMIT) else {
            throw .notFound(revision: target.hex)
        }
        let signature = try GitSignature(stamp.identity, seconds: stamp.seconds, offsetMinutes: stamp.timeZoneMinutes)
        return try repository.createTagObject(name: name, target: object, tagger: signature, message: stamp.message)
    }

    func commit(_ id: ObjectID) throws(RegisterError) -> GitCommit {
        guard let commit = try repository.commit(id) else { throw .notFound(revision: id.hex) }
        return commit
    }

    /// Visits commits reachable from `start`, newest first, until `visit` returns false.
    private func walk(from start: ObjectID, firstParentOnly: Bool, _ visit: (GitCommit) throws(RegisterError) -> Bool)
        throws(RegisterError)
    {
        _ = try commit(start)
        let walker = try GitRevwalk(in: repository)
        if firstParentOnly { try walker.followFirstParentOnly() }
        try walker.push(start)
        while let id = try walker.next() {
            guard try visit(try commit(id)) else { return }
        }
    }

    private static func sameTag(_ existing: TagInfo, _ target: ObjectID) throws(RegisterError) -> TagInfo {
        guard existing.target == target else { throw .tagExists(name: existing.name, target: existing.target) }
        return existing
    }

    private static func checkBranchName(_ ref: String) throws(RegisterError) {
        guard ref.hasPrefix("refs/heads/"), ref.count > "refs/heads/".count, GitRepository.isValidReferenceName(ref)
        else { throw .invalidReference(name: ref) }
    }

    /// Creates the bare repository and its configuration, then closes it so the store opens it afresh.
    private static func createRepository(at path: String) throws(RegisterError) {
        let repository = try GitRepository.create(at: path)
        let config = try repository.configuration()
        // Bare repositories keep no reflog by default; the register keeps one for every branch move.
        try config.set("core.logAllRefUpdates", true)
        // History is append-only: a clone cannot force-push rewritten history into the register.
        try config.set("receive.denyNonFastForwards", true)
    }
}

/// A validated author (or tagger), date and cleaned-up message, ready for a signature.
struct Stamp {
    let identity: Identity
    let seconds: Int64
    let timeZoneMinutes: Int
    let message: String
    /// Who signs the commit (`nil`: unsigned).
    let signer: Signer?

    /// 2100-01-01T00:00:00Z: git stores later dates, but tools disagree about them.
    static let latestSeconds: Int64 = 4_102_444_800

    init(message: String, author: Identity, date: Date, timeZoneMinutes: Int, signer: Signer? = nil) throws(RegisterError) {
        let forbidden: Set<Character> = ["<", ">", "\n", "\r", "\0"]
        for field in [author.name, author.email] {
            guard !field.trimmingCharacters(in: .whitespaces).isEmpty, !field.contains(where: forbidden.contains) else {
                throw .invalidIdentity(name: author.name, email: author.email)
            }
        }
        let interval = date.timeIntervalSince1970.rounded(.down)
        guard interval.isFinite, interval >= 0, interval < Double(Self.latestSeconds) else {
            throw .dateOutOfRange(date)
        }
        guard (-720...840).contains(timeZoneMinutes) else { throw .invalidTimeZone(minutes: timeZoneMinutes) }
        self.identity = author
        self.seconds = Int64(interval)
        self.timeZoneMinutes = timeZoneMinutes
        self.message = try prettifiedMessage(message)
        self.signer = signer
    }

    /// The reflog line for a branch move, as `git commit` writes it.
    func reflogMessage(initial: Bool) -> String {
        let summary = message.prefix { $0 != "\n" }
        return (initial ? "commit (initial): " : "commit: ") + summary
    }
}
