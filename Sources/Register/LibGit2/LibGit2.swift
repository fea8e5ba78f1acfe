import CGit2

/// libgit2's global state, set up on first use. Swift initialises a global `let` lazily and exactly once,
/// so every entry point touches it (`_ = libgit2`) and no caller has to remember `git_libgit2_init()`.
/// It is never shut down: the process ends first.
///
/// It also turns on fsync for everything libgit2 writes in a git directory (objects, references, lock files
/// before their rename), so a power cut cannot leave a branch naming a commit that never reached the disk.
let libgit2: Int32 = {
    let initialisations = git_libgit2_init()
    _ = suivi_git_enable_fsync_gitdir(1)
    return initialisations
}()

/// Turns a libgit2 return code into a typed error carrying the function name and libgit2's own message.
///
/// libgit2 keeps its last error per thread, so call this on the line right after the C call, never across
/// an `await`.
func git(_ code: Int32, _ function: StaticString) throws(RegisterError) {
    guard code < 0 else { return }
    throw .libgit2(function: "\(function)", code: code, message: lastGitErrorMessage())
}

/// libgit2's message for the last failure on this thread, then clears it.
func lastGitErrorMessage() -> String {
    defer { git_error_clear() }
    guard let error = git_error_last(), let text = error.pointee.message else { return "erreur inconnue" }
    return String(validatingCString: text) ?? "message illisible"
}

/// Forgets a failure the caller handles itself (`GIT_ENOTFOUND` meaning "absent"), so it cannot leak into
/// a later message.
func clearGitError() { git_error_clear() }

/// The return code of a lookup: `false` when libgit2 found nothing (its error is cleared), `true` on
/// success, any other failure thrown. With `reference`, an invalid reference name throws
/// ``RegisterError/invalidReference(name:)``.
func gitFound(_ code: Int32, _ function: StaticString, reference: String? = nil) throws(RegisterError) -> Bool {
    if code == GitCode.notFound {
        clearGitError()
        return false
    }
    if let reference, code == GitCode.invalidSpec {
        clearGitError()
        throw .invalidReference(name: reference)
    }
    try git(code, function)
    return true
}

/// libgit2 error codes the store reacts to.
enum GitCode {
    static let notFound = GIT_ENOTFOUND.rawValue
    static let exists = GIT_EEXISTS.rawValue
    static let ambiguous = GIT_EAMBIGUOUS.rawValue
    static let invalidSpec = GIT_EINVALIDSPEC.rawValue
    static let modified = GIT_EMODIFIED.rawValue
    static let locked = GIT_ELOCKED.rawValue
    static let iterationOver = GIT_ITEROVER.rawValue
    static let unbornBranch = GIT_EUNBORNBRANCH.rawValue
}

extension ObjectID {
    /// Copies a libgit2 oid.
    init(_ oid: git_oid) {
        self.bytes = withUnsafeBytes(of: oid.id) { Array($0) }
    }

    /// Copies a borrowed libgit2 oid; `nil` for a null pointer.
    init?(_ oid: UnsafePointer<git_oid>?) {
        guard let oid else { return nil }
        self.init(oid.pointee)
    }

    /// The all-zero oid git uses for "no object" (in reflogs, and for "must not exist yet" in a ref CAS).
    static let zero = ObjectID(git_oid())

    /// The libgit2 form of this id.
    var oid: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { $0.copyBytes(from: bytes) }
        return oid
    }
}

extension Identity {
    /// Reads a borrowed libgit2 signature.
    init(_ signature: UnsafePointer<git_signature>) {
        self.init(
            name: signature.pointee.name.flatMap { String(validatingCString: $0) } ?? "",
            email: signature.pointee.email.flatMap { String(validatingCString: $0) } ?? ""
        )
    }
}

/// Copies a borrowed C string, `nil` when null or not UTF-8.
func swiftString(_ text: UnsafePointer<CChar>?) -> String? {
    text.flatMap { String(validatingCString: $0) }
}
