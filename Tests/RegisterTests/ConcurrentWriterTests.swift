import Foundation
import Register
import Testing
import SuiviTestSupport

@Suite("Concurrent writers", .tags(.externalTool), .enabled(if: ExternalTool.runs("git"), ExternalTool.reason("git", package: "git")))
struct ConcurrentWriterTests {
    static let writers = 8
    static let commitsPerWriter = 25

    /// Every writer's files, as `comments/w<writer>/c<n>.xml`.
    static var expectedPaths: [String] {
        (0..<writers).flatMap { w in (0..<commitsPerWriter).map { "comments/w\(w)/c\($0).xml" } }.sorted()
    }

    /// Runs `writers` tasks of `commitsPerWriter` commitApplying each, writer `w` going through `stores[w]`.
    static func hammer(_ stores: [GitStore]) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (writer, store) in stores.enumerated() {
                group.addTask {
                    for n in 0..<commitsPerWriter {
                        _ = try await store.commitApplying(
                            changes: ["comments/w\(writer)/c\(n).xml": Fixture.data("commentaire \(writer)-\(n)")],
                            message: "Commentaire \(n) du membre \(writer)",
                            author: Identity(name: "Membre \(writer)", email: "m\(writer)@example.org"),
                            date: Fixture.signature.addingTimeInterval(Double(n)), signer: nil)
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// Checks that the branch holds exactly one linear commit per update and every file.
    static func checkNothingLost(_ store: GitStore, url: URL) async throws {
        let log = try await store.log()
        #expect(log.count == writers * commitsPerWriter)
        #expect(Set(log.map(\.id)).count == log.count)
        #expect(log.filter { $0.parents.isEmpty }.count == 1)
        #expect(log.allSatisfy { $0.parents.count <= 1 })
        let tip = try #require(try await store.tip())
        #expect(try await store.listFiles(at: tip) == expectedPaths)
        #expect(try await store.readFile(path: "comments/w7/c24.xml", at: tip) == Fixture.data("commentaire 7-24"))
        let fsck = try runGit(["fsck", "--strict"], in: url)
        #expect(fsck.status == 0, "\(fsck.errors)")
        let count = try runGit(["rev-list", "--count", "main"], in: url)
        #expect(count.output.trimmingCharacters(in: .whitespacesAndNewlines) == "\(writers * commitsPerWriter)")
    }

    @Test("8 writers × 25 commits through separate stores (as separate processes) lose no update")
    func separateStores() async throws {
        try await withNewStore { (_, url) async throws in
            var stores: [GitStore] = []
            for _ in 0..<Self.writers { stores.append(try GitStore(openingAt: url)) }
            try await Self.hammer(stores)
            try await Self.checkNothingLost(stores[0], url: url)
        }
    }

    @Test("8 writers × 25 commits through one shared store lose no update")
    func sharedStore() async throws {
        try await withNewStore { (store, url) async throws in
            try await Self.hammer(Array(repeating: store, count: Self.writers))
            try await Self.checkNothingLost(store, url: url)
        }
    }
}
