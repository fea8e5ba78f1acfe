import ArgumentParser
import Foundation
import Register

/// How a measurement prints its figures.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
}

/// The JSON printed by `--format json`: sorted keys, pretty, no escaped slashes.
func jsonString<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Runs a register operation, printing its error in French and exiting 1 on failure.
func registerCall<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        printError("suivi-bench : \(error)")
        throw ExitCode.failure
    }
}

/// The built `suivi` next to this executable (both are products of the same package, built in the same folder).
func siblingSuivi() -> String {
    let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("suivi").path
}
