import Foundation
import LegalText

/// What the register's references are at one moment: every tag and branch with the object it names. Equal
/// fingerprints mean the same versions and drafts (``TextRegister/versions()`` is a function of them), so a cache
/// of anything computed from the versions stays valid while the fingerprint does not change.
public struct RegisterFingerprint: Sendable, Hashable {
    let references: [String: ObjectID]
}

extension TextRegister {
    /// The register's git directory (`…/register.git`).
    public var gitDirectory: URL { store.url }

    /// The fingerprint of the versions and drafts: cheap (reads references, no tag or commit object).
    public func fingerprint() async throws(RegisterError) -> RegisterFingerprint {
        RegisterFingerprint(references: try await store.referenceTargets())
    }

    /// Every tag designating a commit, sorted by name.
    public func tags() async throws(RegisterError) -> [TagInfo] {
        try await store.tags()
    }

    /// Every branch and its tip, sorted by name.
    public func branches() async throws(RegisterError) -> [Branch] {
        try await store.branches()
    }

    /// Author, date, message, parents and tree of one commit.
    public func commitInfo(_ id: ObjectID) async throws(RegisterError) -> CommitInfo {
        try await store.commitInfo(id)
    }

    /// Whether `id` is a commit the repository holds (not a tag, tree or blob, and not absent).
    public func containsCommit(_ id: ObjectID) async throws(RegisterError) -> Bool {
        try await store.contains(id) ? try await store.peeledCommit(id) == id : false
    }

    /// Whether commit `ancestor` is `commit` or one of its ancestors.
    public func isAncestor(_ ancestor: ObjectID, of commit: ObjectID) async throws(RegisterError) -> Bool {
        try await store.isAncestor(ancestor, of: commit)
    }

    /// The key naming a document's folder in the register (its NOR, else the end of its work URI): the `work`
    /// the register's functions take.
    public static func work(of document: LegalDocument) -> String {
        RegisterLayout.workKey(of: document)
    }

    /// Where part `source` of a shell (``DocumentShell/bodySources``, ``DocumentShell/annexSources``) of text `work`
    /// is stored: the path ``changedPaths(from:to:)`` lists and ``part(_:at:)`` reads.
    public static func path(ofPart source: String, work: String) -> String {
        RegisterLayout.folder(work: work) + "/" + source
    }

    /// The text a user names, by its key (`AFSP1638149A`) or by a path inside it (`texts/AFSP1638149A/…`).
    public static func work(named text: String) -> String {
        RegisterLayout.work(ofPath: text) ?? text
    }
}
