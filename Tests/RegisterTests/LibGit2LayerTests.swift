import CGit2
import Foundation
import Testing

@testable import Register

@Suite("libgit2 layer")
struct LibGit2LayerTests {
    @Test("a reference compare-and-swap creates only when absent and moves only from the expected commit")
    func referenceCompareAndSwap() async throws {
        try await withNewStore { (store, url) async throws in
            let first = try await store.commit(
                files: ["a.xml": Fixture.data("1")], message: "v1", author: Fixture.drafter, date: Fixture.signature,
                onBranch: "refs/heads/side", expectedParent: nil, signer: nil)
            let second = try await store.commit(
                changes: ["a.xml": Fixture.data("2")], message: "v2", author: Fixture.drafter, date: Fixture.signature,
                onBranch: "refs/heads/side", expectedParent: first, signer: nil)
            let repository = try GitRepository.open(at: url.path)
            let main = GitStore.mainBranch

            // Absent reference, "must not exist" (zero id): created.
            #expect(repository.updateReference(main, to: first, expected: .zero, logMessage: "t") == 0)
            #expect(try repository.referenceTarget(main) == first)
            // Present reference, "must not exist": refused, unchanged.
            #expect(repository.updateReference(main, to: second, expected: .zero, logMessage: "t") == GitCode.modified)
            clearGitError()
            // Present reference, wrong expected value: refused, unchanged.
            #expect(repository.updateReference(main, to: second, expected: second, logMessage: "t") == GitCode.modified)
            clearGitError()
            #expect(try repository.referenceTarget(main) == first)
            // Present reference, right expected value: moved.
            #expect(repository.updateReference(main, to: second, expected: first, logMessage: "t") == 0)
            #expect(try repository.referenceTarget(main) == second)
            // Absent reference with an expected value: not found, which the store reads as "moved".
            #expect(repository.updateReference("refs/heads/none", to: second, expected: first, logMessage: "t")
                == GitCode.notFound)
            clearGitError()
            // A held lock: locked, which the store waits on.
            let lock = url.appendingPathComponent("refs/heads/main.lock")
            try Data().write(to: lock)
            #expect(repository.updateReference(main, to: first, expected: second, logMessage: "t") == GitCode.locked)
            clearGitError()
            try FileManager.default.removeItem(at: lock)
        }
    }

    @Test("a failing libgit2 call becomes a typed error naming the function and libgit2's message")
    func errorHelper() throws {
        _ = libgit2
        var out: OpaquePointer?
        let code = git_repository_open_ext(&out, "/nonexistent/suivi", GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil)
        let error = #expect(throws: RegisterError.self) { try git(code, "git_repository_open_ext") }
        guard case .libgit2(let function, let thrownCode, let message) = error else {
            Issue.record("expected a libgit2 error, got \(String(describing: error))")
            return
        }
        #expect(function == "git_repository_open_ext")
        #expect(thrownCode == GitCode.notFound)
        #expect(message.contains("/nonexistent/suivi"))
        #expect(throws: Never.self) { try git(0, "git_nothing") }
    }

    @Test("object ids read and print as 40 hex digits and encode as strings")
    func objectIDs() throws {
        let hex = "0123456789abcdef0123456789abcdef01234567"
        let id = try #require(ObjectID(hex: hex.uppercased()))
        #expect(id.hex == hex)
        #expect(id.abbreviated == "0123456")
        #expect(ObjectID(id.oid) == id)
        #expect(ObjectID(hex: "xyz") == nil)
        #expect(ObjectID(hex: String(hex.dropLast())) == nil)
        #expect(ObjectID(bytes: [1, 2, 3]) == nil)
        let json = try JSONEncoder().encode([id])
        #expect(String(decoding: json, as: UTF8.self) == "[\"\(hex)\"]")
        #expect(try JSONDecoder().decode([ObjectID].self, from: json) == [id])
    }
}
