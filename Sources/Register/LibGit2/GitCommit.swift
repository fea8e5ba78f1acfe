import CGit2
import Foundation

/// A commit read from the repository.
final class GitCommit {
    private let pointer: OpaquePointer
    private let repository: GitRepository

    init(owning pointer: OpaquePointer, in repository: GitRepository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_commit_free(pointer) }

    func withPointer<R>(_ body: (OpaquePointer) -> R) -> R {
        withExtendedLifetime(self) { body(pointer) }
    }

    var id: ObjectID? { ObjectID(git_commit_id(pointer)) }

    var treeID: ObjectID? { ObjectID(git_commit_tree_id(pointer)) }

    var parentIDs: [ObjectID] {
        (0..<git_commit_parentcount(pointer)).compactMap { ObjectID(git_commit_parent_id(pointer, $0)) }
    }

    /// The commit's root tree.
    func tree() throws(RegisterError) -> GitTree {
        var out: OpaquePointer?
        try git(git_commit_tree(&out, pointer), "git_commit_tree")
        guard let out else { throw .libgit2(function: "git_commit_tree", code: -1, message: "arbre nul") }
        return GitTree(owning: out, in: repository)
    }

    /// Everything the public API shows of a commit, copied out of libgit2.
    func info() throws(RegisterError) -> CommitInfo {
        guard let id, let treeID, let author = git_commit_author(pointer), let committer = git_commit_committer(pointer)
        else { throw .libgit2(function: "git_commit_author", code: -1, message: "commit incomplet") }
        return CommitInfo(
            id: id,
            message: swiftString(git_commit_message(pointer)) ?? "",
            summary: swiftString(git_commit_summary(pointer)) ?? "",
            author: Identity(author),
            date: Date(timeIntervalSince1970: TimeInterval(author.pointee.when.time)),
            timeZoneMinutes: Int(author.pointee.when.offset),
            committer: Identity(committer),
            committerDate: Date(timeIntervalSince1970: TimeInterval(committer.pointee.when.time)),
            parents: parentIDs,
            tree: treeID
        )
    }
}

extension GitRepository {
    /// The commit with this id; `nil` when the repository holds no such commit.
    func commit(_ id: ObjectID) throws(RegisterError) -> GitCommit? {
        var out: OpaquePointer?
        var oid = id.oid
        let code = withPointer { git_commit_lookup(&out, $0, &oid) }
        guard try gitFound(code, "git_commit_lookup") else { return nil }
        return out.map { GitCommit(owning: $0, in: self) }
    }

    /// Writes a commit object (no reference is moved: the caller does that with compare-and-swap); signed in git's
    /// SSH format (`gpgsig` header) when `signer` is given.
    func createCommit(
        tree: GitTree, parents: [GitCommit], author: GitSignature, committer: GitSignature, message: String,
        signer: Signer?
    ) throws(RegisterError) -> ObjectID {
        if let signer {
            return try createSignedCommit(tree: tree, parents: parents, author: author, committer: committer,
                                          message: message, signer: signer)
        }
        var oid = git_oid()
        let code = withPointer { repo in
            tree.withPointer { tree in
                author.withPointer { author in
                    committer.withPointer { committer in
                        GitCommit.withPointers(parents[...], []) { parents in
                            var parents: [OpaquePointer?] = parents
                            return git_commit_create(
                                &oid, repo, nil, author, committer, "UTF-8", message, tree, parents.count, &parents)
                        }
                    }
                }
            }
        }
        try git(code, "git_commit_create")
        return ObjectID(oid)
    }
}

extension GitRepository {
    /// Builds the commit's text (`git_commit_create_buffer`), signs exactly that text, and writes it with the
    /// signature in its `gpgsig` header, as `git commit -S` with `gpg.format=ssh` does.
    private func createSignedCommit(
        tree: GitTree, parents: [GitCommit], author: GitSignature, committer: GitSignature, message: String, signer: Signer
    ) throws(RegisterError) -> ObjectID {
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let code = withPointer { repo in
            tree.withPointer { tree in
                author.withPointer { author in
                    committer.withPointer { committer in
                        GitCommit.withPointers(parents[...], []) { parents in
                            var parents: [OpaquePointer?] = parents
                            return git_commit_create_buffer(
                                &buffer, repo, author, committer, "UTF-8", message, tree, parents.count, &parents)
                        }
                    }
                }
            }
        }
        try git(code, "git_commit_create_buffer")
        guard let pointer = buffer.ptr else { throw .libgit2(function: "git_commit_create_buffer", code: -1, message: "tampon vide") }
        let content = Data(bytes: pointer, count: buffer.size)
        var signature = try signer.sign(content)
        // git writes the armor's lines without a final empty continuation line.
        while signature.hasSuffix("\n") { signature.removeLast() }
        var oid = git_oid()
        let written = withPointer { repo in
            git_commit_create_with_signature(&oid, repo, pointer, signature, "gpgsig")
        }
        try git(written, "git_commit_create_with_signature")
        return ObjectID(oid)
    }

    /// The signature in a commit's `gpgsig` header and the text it signs (the commit without that header);
    /// `nil` for an unsigned commit.
    func commitSignature(_ id: ObjectID) throws(RegisterError) -> (signature: String, signedData: Data)? {
        var signature = git_buf(), signed = git_buf()
        defer {
            git_buf_dispose(&signature)
            git_buf_dispose(&signed)
        }
        var oid = id.oid
        let code = withPointer { git_commit_extract_signature(&signature, &signed, $0, &oid, "gpgsig") }
        guard try gitFound(code, "git_commit_extract_signature") else { return nil }
        let text = signature.ptr.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: signature.size), as: UTF8.self) } ?? ""
        let data = signed.ptr.map { Data(bytes: $0, count: signed.size) } ?? Data()
        return (text, data)
    }
}

extension GitCommit {
    /// Lends the raw pointers of several commits at once, keeping each alive until `body` returns.
    static func withPointers<R>(
        _ commits: ArraySlice<GitCommit>, _ lent: [OpaquePointer?], _ body: ([OpaquePointer?]) -> R
    ) -> R {
        guard let first = commits.first else { return body(lent) }
        return first.withPointer { withPointers(commits.dropFirst(), lent + [$0], body) }
    }
}
