import Foundation
import Register
import Testing

/// A fresh directory under the system's temporary folder, removed when `body` returns.
func withTemporaryDirectory(_ body: (URL) async throws -> Void) async throws {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("suivi-register-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try await body(directory)
}

/// A new empty register in its own temporary directory, for one test.
func withNewStore(_ body: (GitStore, URL) async throws -> Void) async throws {
    try await withTemporaryDirectory { directory in
        let url = directory.appendingPathComponent("register.git", isDirectory: true)
        let store = try GitStore(creatingAt: url)
        try await body(store, url)
    }
}

enum Fixture {
    static let drafter = Identity(name: "Rédactrice DGS", email: "redaction@sante.gouv.fr")
    static let member = Identity(name: "Membre du comité", email: "comite@example.org")
    /// 2017-01-05T00:00:00Z, the signature date of the arrêté.
    static let signature = Date(timeIntervalSince1970: 1_483_574_400)
    static let paris = 60

    static func data(_ text: String) -> Data { Data(text.utf8) }

    static func text(_ data: Data?) -> String? { data.map { String(decoding: $0, as: UTF8.self) } }
}

/// Result of running the stock `git` binary.
struct GitRun {
    let status: Int32
    let output: String
    let errors: String
}

/// Runs `/usr/bin/git` with the user's and system's configuration out of the way (tests only).
@discardableResult
func runGit(_ arguments: [String], in directory: URL) throws -> GitRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    environment["HOME"] = directory.path
    environment["LC_ALL"] = "C"
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return GitRun(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                  errors: String(decoding: err, as: UTF8.self))
}
