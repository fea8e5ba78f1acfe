import Foundation
import LegalText

extension TextRegister {
    /// The commits of `main` in which the record at `path` was added, changed or deleted, oldest first (as
    /// `git log --reverse -- path`); empty when `main` is unborn or the record was never written.
    public func recordHistory(of path: String) async throws(RegisterError) -> [CommitInfo] {
        guard let tip = try await store.tip() else { return [] }
        return try await store.history(path: path, from: tip).reversed()
    }
}
