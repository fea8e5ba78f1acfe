import Foundation
import Register
import Testing

@Suite("Tags")
struct TagTests {
    static let publication = """
        Arrêté du 5 janvier 2017 fixant les orientations générales

        Publication : JORF n°0006 du 7 janvier 2017
        Entrée en vigueur : 8 janvier 2017
        """

    @Test("tagging a version twice the same way is a no-op; onto another commit, an error")
    func idempotentTags() async throws {
        try await withNewStore { (store, _) async throws in
            let v1 = try await store.commit(
                files: ["a.xml": Fixture.data("1")], message: "v1", author: Fixture.drafter, date: Fixture.signature,
                expectedParent: nil, signer: nil)
            let v2 = try await store.commit(
                changes: ["a.xml": Fixture.data("2")], message: "v2", author: Fixture.drafter, date: Fixture.signature,
                expectedParent: v1, signer: nil)

            let tag = try await store.tag(
                name: "v2017-01-05", target: v1, message: Self.publication, tagger: Fixture.drafter,
                date: Fixture.signature, timeZoneMinutes: Fixture.paris)
            #expect(tag.target == v1)
            #expect(tag.isAnnotated)
            #expect(tag.message == Self.publication + "\n")
            #expect(tag.tagger == Fixture.drafter)
            #expect(tag.date == Fixture.signature)
            #expect(tag.timeZoneMinutes == Fixture.paris)
            #expect(tag.id != v1)  // an annotated tag is its own object

            let again = try await store.tag(
                name: "v2017-01-05", target: v1, message: "autre message", tagger: Fixture.member,
                date: Fixture.signature)
            #expect(again == tag)

            await #expect(throws: RegisterError.tagExists(name: "v2017-01-05", target: v1)) {
                try await store.tag(name: "v2017-01-05", target: v2, message: "déplacé", tagger: Fixture.drafter,
                                    date: Fixture.signature)
            }
            #expect(try await store.resolveTag("v2017-01-05") == v1)
            #expect(try await store.resolve(revision: "v2017-01-05") == v1)
        }
    }

    @Test("tags list with their messages, sorted by name, and resolve to their commits")
    func listTags() async throws {
        try await withNewStore { (store, _) async throws in
            let v1 = try await store.commit(
                files: ["a.xml": Fixture.data("1")], message: "v1", author: Fixture.drafter, date: Fixture.signature,
                expectedParent: nil, signer: nil)
            let v2 = try await store.commit(
                changes: ["a.xml": Fixture.data("2")], message: "v2", author: Fixture.drafter, date: Fixture.signature,
                expectedParent: v1, signer: nil)
            try await store.tag(name: "v2026-03-01", target: v2, message: "Révision 2026", tagger: Fixture.drafter,
                                date: Fixture.signature)
            try await store.tag(name: "v2017-01-05", target: v1, message: "Version initiale", tagger: Fixture.drafter,
                                date: Fixture.signature)
            let tags = try await store.tags()
            #expect(tags.map(\.name) == ["v2017-01-05", "v2026-03-01"])
            #expect(tags.map(\.target) == [v1, v2])
            #expect(tags.map(\.message) == ["Version initiale\n", "Révision 2026\n"])
            #expect(try await store.tagInfo(named: "v1999") == nil)
            await #expect(throws: RegisterError.notFound(revision: "v1999")) { try await store.resolveTag("v1999") }
        }
    }

    @Test("a tag must name a commit of the register and a valid reference")
    func badTags() async throws {
        try await withNewStore { (store, _) async throws in
            let missing = try #require(ObjectID(hex: String(repeating: "0f", count: 20)))
            await #expect(throws: RegisterError.notFound(revision: missing.hex)) {
                try await store.tag(name: "v1", target: missing, message: "m", tagger: Fixture.drafter,
                                    date: Fixture.signature)
            }
            let v1 = try await store.commit(
                files: ["a.xml": Fixture.data("1")], message: "v1", author: Fixture.drafter, date: Fixture.signature,
                expectedParent: nil, signer: nil)
            await #expect(throws: RegisterError.invalidReference(name: "v 1")) {
                try await store.tag(name: "v 1", target: v1, message: "m", tagger: Fixture.drafter,
                                    date: Fixture.signature)
            }
            #expect(try await store.tags().isEmpty)
        }
    }

    @Test("two stores tagging the same name concurrently: one wins, the other sees a no-op or a refusal")
    func concurrentTags() async throws {
        try await withNewStore { (store, url) async throws in
            let v1 = try await store.commit(
                files: ["a.xml": Fixture.data("1")], message: "v1", author: Fixture.drafter, date: Fixture.signature,
                expectedParent: nil, signer: nil)
            let v2 = try await store.commit(
                changes: ["a.xml": Fixture.data("2")], message: "v2", author: Fixture.drafter, date: Fixture.signature,
                expectedParent: v1, signer: nil)
            let stores = try (0..<6).map { _ in try GitStore(openingAt: url) }
            let results = await withTaskGroup(of: Result<ObjectID, RegisterError>.self) { group in
                for (index, other) in stores.enumerated() {
                    group.addTask {
                        do throws(RegisterError) {
                            let tag = try await other.tag(
                                name: "v-concurrent", target: index.isMultiple(of: 2) ? v1 : v2, message: "m\(index)",
                                tagger: Fixture.drafter, date: Fixture.signature)
                            return .success(tag.target)
                        } catch {
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let winner = try await store.resolveTag("v-concurrent")
            for result in results {
                switch result {
                case .success(let target): #expect(target == winner)
                case .failure(let error): #expect(error == .tagExists(name: "v-concurrent", target: winner))
                }
            }
        }
    }
}
