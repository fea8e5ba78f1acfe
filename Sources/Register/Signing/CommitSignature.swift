import Foundation

/// What a commit's `gpgsig` header proves, checked in process (no `ssh-keygen`, no `git`).
public enum CommitSignature: Sendable, Hashable {
    /// The commit carries no signature.
    case unsigned
    /// The commit carries a signature that does not verify (another commit's, altered content, not an SSH
    /// signature in the `git` namespace); `reason` says which, in French.
    case invalid(reason: String)
    /// A valid SSH signature of exactly this commit by `key` (which still has to be trusted: see the roster).
    case valid(key: SSHPublicKey)
}

extension TextRegister {
    /// Checks the SSH signature of a commit against the commit's own content.
    public func signature(of commit: ObjectID) async throws(RegisterError) -> CommitSignature {
        guard let found = try await store.signature(of: commit) else { return .unsigned }
        let signature: SSHSignature
        do {
            signature = try SSHSignature(armored: found.armored)
        } catch {
            return .invalid(reason: "signature illisible (\(error.description))")
        }
        guard signature.namespace == SSHSignature.gitNamespace else {
            return .invalid(reason: "signature faite pour « \(signature.namespace) », pas pour un commit git")
        }
        guard signature.verifies(found.signedData) else {
            return .invalid(reason: "la signature ne correspond pas au contenu du commit (clé \(signature.publicKey.fingerprint))")
        }
        return .valid(key: signature.publicKey)
    }
}

extension TextRegister {
    /// Every commit reachable from `start`, newest first (what `suivi verifier` walks to check signatures).
    public func commits(from start: ObjectID) async throws(RegisterError) -> [CommitInfo] {
        try await store.log(from: start)
    }

    /// The files that differ between `old` (`nil`: an empty tree) and `new`, with what happened to each.
    public func fileChanges(from old: ObjectID?, to new: ObjectID) async throws(RegisterError) -> [PathChange] {
        try await store.changedPaths(from: old, to: new)
    }
}
