import Foundation
import Testing

/// Stock git, with the user's and system's configuration out of the way (tests only: the product never runs git).
enum StockGit {
    static func run(_ arguments: [String], watchdog: Duration = .seconds(20)) throws -> ProcessResult {
        let env = try #require(ProcessRunner.systemTool("env"))
        let git = try #require(ProcessRunner.systemTool("git"))
        return try ProcessRunner.run(env, ["GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "LC_ALL=C", git] + arguments,
                                     watchdog: watchdog)
    }

    /// `git fsck --strict` on a register's repository.
    static func fsck(_ repo: String) throws -> ProcessResult {
        try run(["-C", repo + "/register.git", "fsck", "--strict"])
    }

    /// Every ref of a register's repository and its target (`git for-each-ref`).
    static func refs(_ repo: String) throws -> String {
        try run(["-C", repo + "/register.git", "for-each-ref"]).stdout
    }

    /// How many objects the repository holds, loose and packed (`git count-objects -v`).
    static func objectCount(_ repo: String) throws -> Int {
        let lines = try run(["-C", repo + "/register.git", "count-objects", "-v"]).stdout.split(separator: "\n")
        func value(_ key: String) -> Int {
            lines.first { $0.hasPrefix(key + ": ") }.flatMap { Int($0.dropFirst(key.count + 2)) } ?? 0
        }
        return value("count") + value("in-pack")
    }
}
