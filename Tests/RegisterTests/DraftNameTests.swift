import Foundation
import LegalText
import Register
import Testing

/// A draft's name is checked once, by `DraftName`, which alone knows its branch `refs/heads/draft/<name>`.
@Suite("Register: draft names")
struct DraftNameTests {
    @Test("a draft name owns its branch and its reference")
    func branchAndRef() throws {
        let name = try DraftName("2026-projet")
        #expect(name.name == "2026-projet")
        #expect(name.branch == "draft/2026-projet")
        #expect(name.ref == "refs/heads/draft/2026-projet")
        #expect(try DraftName(branch: "draft/2026-projet") == name)
        #expect(try DraftName(branch: "2026-projet") == name)
        #expect(DraftName(ref: "refs/heads/draft/2026-projet") == name)
        #expect(DraftName(ref: "refs/heads/main") == nil)
        #expect(DraftName(ref: "refs/tags/draft/2026-projet") == nil)
        #expect(DraftName(ref: "refs/heads/draft/a.b") == nil)
    }

    @Test("a name no branch should carry is refused, in French, naming it",
          arguments: ["", "a/b", "draft/x", "a b", "a..b", "a.b", "-projet", "_projet", "projet-é", "pro\u{0}jet", "pro\njet",
                      "a~1", "a^", "a:b", "a@{1}", String(repeating: "p", count: DraftName.maximumLength + 1)])
    func refusals(_ text: String) {
        #expect(throws: RegisterError.invalidDraftName(text)) { try DraftName(text) }
        #expect(RegisterError.invalidDraftName(text).description.contains("Nom de projet invalide"))
    }

    @Test("starting a draft with such a name writes nothing")
    func startRefused() async throws {
        try await withTextRegister { (register, root) async throws in
            let folder = try writeVersions([("v1", SmallAct.v1())], into: root.appendingPathComponent("versions"))
            _ = try await register.importVersions(from: folder.path, author: Fixture.drafter)
            let before = try await register.refs()
            for name in ["a.b", "-x", "a/b"] {
                await #expect(throws: RegisterError.invalidDraftName(name)) { try await register.startDraft(name) }
            }
            #expect(try await register.refs() == before)
        }
    }

    @Test("a draft folder whose name is no draft name is refused at import, and nothing is written")
    func importRefused() async throws {
        try await withTextRegister { (register, root) async throws in
            let folder = try writeVersions([("v1", SmallAct.v1()), ("projet.2026", SmallAct.draft())],
                                           into: root.appendingPathComponent("versions"))
            await #expect(throws: RegisterError.invalidDraftName("projet.2026")) {
                try await register.importVersions(from: folder.path, author: Fixture.drafter)
            }
            #expect(try await register.refs().isEmpty)
        }
    }

    @Test("looking up a draft by a name no draft can have finds no draft")
    func lookups() async throws {
        try await withTextRegister { (register, root) async throws in
            let folder = try writeVersions([("v1", SmallAct.v1())], into: root.appendingPathComponent("versions"))
            _ = try await register.importVersions(from: folder.path, author: Fixture.drafter)
            await #expect(throws: RegisterError.unknownDraft(name: "../main")) { try await register.draftBase("../main") }
            await #expect(throws: RegisterError.unknownDraft(name: "a b")) {
                try await register.commitDraft("a b", message: "m", author: Fixture.drafter)
            }
        }
    }
}
