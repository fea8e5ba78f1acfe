import CGit2
import Foundation

/// A blob (a file's content) read from the repository.
final class GitBlob {
    private let pointer: OpaquePointer
    private let repository: GitRepository

    init(owning pointer: OpaquePointer, in repository: GitRepository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_blob_free(pointer) }

    /// A copy of the content.
    var data: Data {
        let size = Int(git_blob_rawsize(pointer))
        guard size > 0, let bytes = git_blob_rawcontent(pointer) else { return Data() }
        return Data(bytes: bytes, count: size)
    }
}

extension GitRepository {
    /// The blob with this id; `nil` when the repository holds no such blob.
    func blob(_ id: ObjectID) throws(RegisterError) -> GitBlob? {
        var out: OpaquePointer?
        var oid = id.oid
        let code = withPointer { git_blob_lookup(&out, $0, &oid) }
        guard try gitFound(code, "git_blob_lookup") else { return nil }
        return out.map { GitBlob(owning: $0, in: self) }
    }

    /// The id git gives `data` as a blob, computed without storing anything (`git_odb_hash`).
    static func blobID(of data: Data) -> ObjectID? {
        _ = libgit2
        var oid = git_oid()
        let code = data.withUnsafeBytes { buffer in
            withUnsafeBytes(of: UInt8(0)) { empty in
                git_odb_hash(&oid, buffer.baseAddress ?? empty.baseAddress, buffer.count, GIT_OBJECT_BLOB)
            }
        }
        guard code == 0 else {
            clearGitError()
            return nil
        }
        return ObjectID(oid)
    }

    /// Stores `data` as a blob (a no-op when the same content is already stored) and returns its id.
    func writeBlob(_ data: Data) throws(RegisterError) -> ObjectID {
        var oid = git_oid()
        let code = data.withUnsafeBytes { buffer in
            withPointer { repo in
                // An empty Data may lend a null base address; libgit2 wants a pointer even for 0 bytes.
                withUnsafeBytes(of: UInt8(0)) { empty in
                    git_blob_create_from_buffer(&oid, repo, buffer.baseAddress ?? empty.baseAddress, buffer.count)
                }
            }
        }
        try git(code, "git_blob_create_from_buffer")
        return ObjectID(oid)
    }
}
