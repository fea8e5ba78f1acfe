import Foundation
import Register
import Testing

@Suite("Branches")
struct BranchTests {
    @Test("a draft branch starts from a commit, moves on its own, and leaves main where it was")
    func draftBranch() async throws {
        try await withNewStore { (store, _) async throws in
            let v1 = try await store.commit(
                files: ["a.xml": Fixture.data("1")], message: "v1", author: Fixture.drafter, date: Fixture.signature,
                expectedParent: nil, signer: nil)
            let draft = "refs/heads/draft/revision-2026"
            try await store.createBranch(draft, at: v1)
            try await store.createBranch(draft, at: v1)  // idempotent
            let d1 = try await store.commit(
                changes: ["a.xml": Fixture.data("projet")], message: "projet", author: Fixture.drafter,
                date: Fixture.signature, onBranch: draft, expectedParent: v1, signer: nil)
            #expect(try await store.tip() == v1)
            #expect(try await store.tip(of: draft) == d1)
            #expect(try await store.branches() == [Branch(ref: draft, tip: d1), Branch(ref: "refs/heads/main", tip: v1)])
            #expect(try await store.branches().first?.shortName == "draft/revision-2026")
            #expect(try await store.resolve(revision: "draft/revision-2026") == d1)
            #expect(try await store.changedPaths(from: v1, to: d1).map(\.path) == ["a.xml"])

            await #expect(throws: RegisterError.branchExists(ref: draft, tip: d1)) {
                try await store.createBranch(draft, at: v1)
            }
            await #expect(throws: RegisterError.conflict(ref: draft, expected: v1, actual: d1)) {
                try await store.deleteBranch(draft, expectedTip: v1)
            }
            await #expect(throws: RegisterError.protectedBranch(ref: "refs/heads/main")) {
                try await store.deleteBranch("refs/heads/main", expectedTip: v1)
            }
            try await store.deleteBranch(draft, expectedTip: d1)
            #expect(try await store.tip(of: draft) == nil)
            #expect(try await store.headBranch() == "refs/heads/main")
        }
    }
}
