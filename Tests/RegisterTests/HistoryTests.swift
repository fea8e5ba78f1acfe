import Foundation
import Register
import Testing

@Suite("Diffs, logs and history")
struct HistoryTests {
    @Test("changedPaths lists added, deleted and modified files between two commits")
    func changedPaths() async throws {
        try await withNewStore { (store, _) async throws in
            let v1 = try await store.commit(
                files: ["a.xml": Fixture.data("1"), "b.xml": Fixture.data("1"), "dir/c.xml": Fixture.data("1")],
                message: "v1", author: Fixture.drafter, date: Fixture.signature, expectedParent: nil, signer: nil)
            let v2 = try await store.commit(
                changes: ["a.xml": Fixture.data("2"), "b.xml": nil, "dir/d.xml": Fixture.data("new")],
                message: "v2", author: Fixture.drafter, date: Fixture.signature, expectedParent: v1, signer: nil)
            let changes = try await store.changedPaths(from: v1, to: v2)
            #expect(changes.map(\.path) == ["a.xml", "b.xml", "dir/d.xml"])
            #expect(changes.map(\.kind) == [.modified, .deleted, .added])
            #expect(changes[0].oldBlob != nil && changes[0].newBlob != nil && changes[0].oldBlob != changes[0].newBlob)
            #expect(changes[1].newBlob == nil)
            #expect(changes[2].oldBlob == nil)

            let backwards = try await store.changedPaths(from: v2, to: v1)
            #expect(backwards.map(\.kind) == [.modified, .added, .deleted])
            #expect(try await store.changedPaths(from: nil, to: v1).map(\.kind) == [.added, .added, .added])
            #expect(try await store.changedPaths(from: v2, to: v2).isEmpty)
        }
    }

    @Test("an article's history lists exactly the commits that changed its file, newest first")
    func historyOfAPath() async throws {
        try await withNewStore { (store, _) async throws in
            func commit(_ changes: [String: Data?], _ message: String) async throws -> ObjectID {
                try await store.commitApplying(changes: changes, message: message, author: Fixture.drafter,
                                               date: Fixture.signature, signer: nil)
            }
            let c1 = try await commit(["articles/art_1.xml": Fixture.data("1"), "articles/art_2.xml": Fixture.data("1")],
                                      "import")
            let c2 = try await commit(["articles/art_2.xml": Fixture.data("2")], "art 2 modifié")
            let c3 = try await commit(["articles/art_1.xml": Fixture.data("2")], "art 1 modifié")
            _ = try await commit(["articles/art_2.xml": Fixture.data("2")], "art 2 réécrit à l'identique")
            let c5 = try await commit(["articles/art_2.xml": nil], "art 2 abrogé")
            let c6 = try await commit(["annexes/annex_2/sec_A.xml": Fixture.data("A")], "annexe")
            #expect(try await store.history(path: "articles/art_2.xml", from: c6).map(\.id) == [c5, c2, c1])
            #expect(try await store.history(path: "articles/art_1.xml", from: c6).map(\.id) == [c3, c1])
            #expect(try await store.history(path: "articles", from: c6).map(\.id) == [c5, c3, c2, c1])
            #expect(try await store.history(path: "articles/art_1.xml", from: c2).map(\.id) == [c1])
            #expect(try await store.history(path: "nowhere.xml", from: c6).isEmpty)
        }
    }

    @Test("log walks newest first, can stop early, and starts from any commit")
    func log() async throws {
        try await withNewStore { (store, _) async throws in
            var ids: [ObjectID] = []
            for n in 0..<5 {
                ids.append(try await store.commitApplying(
                    changes: ["a.xml": Fixture.data("\(n)")], message: "version \(n)", author: Fixture.drafter,
                    date: Fixture.signature.addingTimeInterval(Double(n) * 60), signer: nil))
            }
            #expect(try await store.log().map(\.id) == ids.reversed())
            #expect(try await store.log(limit: 2).map(\.summary) == ["version 4", "version 3"])
            #expect(try await store.log(from: ids[1]).map(\.id) == [ids[1], ids[0]])
        }
    }
}
