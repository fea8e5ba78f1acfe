import Committee
import Publishing
import Register

// Library calls with typed throws, run from commands whose errors `Suivi.main` prints (once, in French).

/// Runs a register operation.
func registerCall<T>(_ body: () async throws(RegisterError) -> T) async throws -> T {
    try await body()
}

/// Runs a committee operation.
func committeeCall<T>(_ body: () async throws(CommitteeError) -> T) async throws -> T {
    try await body()
}

/// Runs a publishing call.
func publishingCall<T>(_ body: () async throws(PublishingError) -> T) async throws -> T {
    try await body()
}
