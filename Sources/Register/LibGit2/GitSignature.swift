import CGit2

/// A signature (name, e-mail, time, offset) built for a commit or a tag.
final class GitSignature {
    private let pointer: UnsafeMutablePointer<git_signature>

    /// - Parameters:
    ///   - seconds: seconds since 1970-01-01 UTC.
    ///   - offsetMinutes: the signer's offset from UTC.
    init(_ identity: Identity, seconds: Int64, offsetMinutes: Int) throws(RegisterError) {
        var out: UnsafeMutablePointer<git_signature>?
        try git(git_signature_new(&out, identity.name, identity.email, seconds, Int32(offsetMinutes)),
                "git_signature_new")
        guard let out else { throw .libgit2(function: "git_signature_new", code: -1, message: "signature nulle") }
        pointer = out
    }

    deinit { git_signature_free(pointer) }

    func withPointer<R>(_ body: (UnsafeMutablePointer<git_signature>) -> R) -> R {
        withExtendedLifetime(self) { body(pointer) }
    }
}
