import CGit2
import Foundation

/// An annotated tag object read from the repository.
final class GitTag {
    private let pointer: OpaquePointer
    private let repository: GitRepository

    init(owning pointer: OpaquePointer, in repository: GitRepository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_tag_free(pointer) }

    var message: String? { swiftString(git_tag_message(pointer)) }

    var targetID: ObjectID? { ObjectID(git_tag_target_id(pointer)) }

    /// The tagger and when they tagged; `nil` for a tag written without one.
    var tagger: (identity: Identity, date: Date, offsetMinutes: Int)? {
        guard let signature = git_tag_tagger(pointer) else { return nil }
        return (Identity(signature), Date(timeIntervalSince1970: TimeInterval(signature.pointee.when.time)),
                Int(signature.pointee.when.offset))
    }
}

extension GitRepository {
    /// The tag object with this id; `nil` when `id` is not an annotated tag object.
    func tag(_ id: ObjectID) throws(RegisterError) -> GitTag? {
        var out: OpaquePointer?
        var oid = id.oid
        let code = withPointer { git_tag_lookup(&out, $0, &oid) }
        guard try gitFound(code, "git_tag_lookup") else { return nil }
        return out.map { GitTag(owning: $0, in: self) }
    }

    /// Writes an annotated tag object without creating its reference (the caller creates it with CAS).
    func createTagObject(name: String, target: GitObject, tagger: GitSignature, message: String)
        throws(RegisterError) -> ObjectID
    {
        var oid = git_oid()
        let code = withPointer { repo in
            target.withPointer { target in
                tagger.withPointer { tagger in git_tag_annotation_create(&oid, repo, name, target, tagger, message) }
            }
        }
        try git(code, "git_tag_annotation_create")
        return ObjectID(oid)
    }

    /// Short names of all tags (`v2017-01-05`), sorted.
    func tagNames() throws(RegisterError) -> [String] {
        var names = git_strarray()
        try git(withPointer { git_tag_list(&names, $0) }, "git_tag_list")
        defer { git_strarray_dispose(&names) }
        return (0..<names.count).compactMap { swiftString(names.strings[$0]) }.sorted()
    }
}
