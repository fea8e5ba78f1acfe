import Foundation
import LegalText

/// Records kept beside the texts on `main` (the committee's `committee/`, and any other folder outside `texts/`):
/// read from any commit, written as one commit on `main` by the person acting.
extension TextRegister {
    /// The branch HEAD names, where adopted versions and records live (`refs/heads/main`).
    public static let mainBranch = GitStore.mainBranch

    /// The tip of `main`; nil before the first version.
    public func mainTip() async throws(RegisterError) -> ObjectID? {
        try await store.tip()
    }

    /// Every file below `folder` at `commit`, path → content (empty when there is no such folder).
    public func records(under folder: String, at commit: ObjectID) async throws(RegisterError) -> [String: Data] {
        try await store.readFiles(under: folder, at: commit)
    }

    /// The file at `path` in `commit`; nil when absent.
    public func record(at path: String, in commit: ObjectID) async throws(RegisterError) -> Data? {
        try await store.readFile(path: path, at: commit)
    }

    /// Commits changes to records (path → new content, `nil` to delete) as one commit on `main`, on top of exactly
    /// `expectedMain`: use it when the changes were decided from the records at that commit.
    /// - Throws: ``RegisterError/conflict(ref:expected:actual:)`` when `main` moved meanwhile (read again and retry),
    ///   ``RegisterError/invalidPath(path:reason:)`` for a path under `texts/` (texts change only through versions
    ///   and drafts). Nothing is written when it throws.
    public func writeRecords(_ changes: [String: Data?], message: String, author: Identity, expectedMain: ObjectID?)
        async throws(RegisterError) -> ObjectID
    {
        try Self.checkRecordPaths(changes)
        return try await store.commit(changes: changes, message: message, author: author, date: Date(),
                                      expectedParent: expectedMain, signer: signer)
    }

    /// Commits changes to records that do not depend on the rest of the tree (one position, one new comment) as one
    /// commit on `main`, on top of whatever its tip is when it lands: re-applied on a new tip when another writer
    /// moved `main` first, so no update is lost.
    /// - Throws: ``RegisterError/invalidPath(path:reason:)`` for a path under `texts/`.
    public func applyRecords(_ changes: [String: Data?], message: String, author: Identity) async throws(RegisterError)
        -> ObjectID
    {
        try Self.checkRecordPaths(changes)
        return try await store.commitApplying(changes: changes, message: message, author: author, date: Date(), signer: signer)
    }

    private static func checkRecordPaths(_ changes: [String: Data?]) throws(RegisterError) {
        let texts = RegisterLayout.textsFolder
        for path in changes.keys.sorted() where path == texts || path.hasPrefix(texts + "/") {
            throw .invalidPath(path: path, reason: "les textes ne s'écrivent que par une version ou un projet, jamais comme un enregistrement")
        }
    }
}
