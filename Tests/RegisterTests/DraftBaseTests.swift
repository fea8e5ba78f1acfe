import Foundation
import LegalText
import Register
import Testing

@Suite("The base of a draft")
struct DraftBaseTests {
    @Test("an imported draft's base is the adopted version it branched from")
    func importedDraftBase() async throws {
        try await withTextRegister { (register, _) async throws in
            _ = try await register.importVersions(from: Corpus.folder.path, author: Fixture.drafter)
            let base = try #require(try await register.draftBase("2026-projet"))
            #expect(base.version == Corpus.adoptedTag)
            #expect(base.versionCommit == (try await register.commit(Corpus.adoptedTag)))
            #expect(base.commit == (try await register.commit(Corpus.adoptedTag)))
        }
    }

    @Test("a draft started after later writes on main keeps the last adopted version as its base version")
    func startedDraftBase() async throws {
        try await withTextRegister { (register, _) async throws in
            _ = try await register.importVersions(from: Corpus.folder.path, author: Fixture.drafter)
            // A committee-like write on main after the adopted version: the base commit moves, the version does not.
            let main = try #require(try await register.gitStore.tip())
            let record = try await register.gitStore.commit(
                changes: ["committee/notes/essai.xml": Data("<note/>\n".utf8)], message: "Note",
                author: Fixture.drafter, date: Date(), expectedParent: main, signer: nil)
            _ = try await register.startDraft("revision-2027")
            let base = try #require(try await register.draftBase("revision-2027"))
            #expect(base.commit == record)
            #expect(base.version == Corpus.adoptedTag)
        }
    }

    @Test("asking for the base of a draft that does not exist is refused with .unknownDraft")
    func unknownDraft() async throws {
        try await withTextRegister { (register, _) async throws in
            _ = try await register.importVersions(from: Corpus.folder.path, author: Fixture.drafter)
            await #expect(throws: RegisterError.unknownDraft(name: "nulle-part")) {
                _ = try await register.draftBase("nulle-part")
            }
        }
    }
}
