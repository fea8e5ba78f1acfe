import Foundation
import LegalText
import Register
import Testing

/// Records beside the texts (the committee's `committee/`): read and written through the register, never
/// through its git store.
@Suite("Register: records on main")
struct RecordsTests {
    func withSmallAct(_ body: (TextRegister) async throws -> Void) async throws {
        try await withTextRegister { (register, root) async throws in
            let folder = try writeVersions([("v1", SmallAct.v1())], into: root.appendingPathComponent("versions"))
            _ = try await register.importVersions(from: folder.path, author: Fixture.drafter)
            try await body(register)
        }
    }

    @Test("records written on top of the tip read back, by folder and one by one, authored by the person acting")
    func writeAndRead() async throws {
        try await withSmallAct { register in
            let main = try #require(try await register.mainTip())
            let commit = try await register.writeRecords(
                ["committee/a.xml": Data("a".utf8), "committee/sub/b.xml": Data("b".utf8)],
                message: "Comité : deux enregistrements", author: Fixture.member, expectedMain: main)
            #expect(try await register.mainTip() == commit)
            #expect(try await register.records(under: "committee", at: commit)
                    == ["committee/a.xml": Data("a".utf8), "committee/sub/b.xml": Data("b".utf8)])
            #expect(try await register.record(at: "committee/a.xml", in: commit) == Data("a".utf8))
            #expect(try await register.record(at: "committee/a.xml", in: main) == nil)
            let info = try await register.commitInfo(commit)
            #expect(info.author == Fixture.member)
            #expect(info.parents == [main])
            #expect(try await register.records(under: "absent", at: commit).isEmpty)
        }
    }

    @Test("records decided from an old tip are refused when main moved; applied ones land on the new tip")
    func compareAndSwap() async throws {
        try await withSmallAct { register in
            let old = try #require(try await register.mainTip())
            let moved = try await register.applyRecords(["committee/a.xml": Data("a".utf8)], message: "a", author: Fixture.member)
            await #expect(throws: RegisterError.conflict(ref: TextRegister.mainBranch, expected: old, actual: moved)) {
                try await register.writeRecords(["committee/b.xml": Data("b".utf8)], message: "b", author: Fixture.member,
                                                expectedMain: old)
            }
            #expect(try await register.mainTip() == moved)
            let applied = try await register.applyRecords(["committee/b.xml": Data("b".utf8)], message: "b", author: Fixture.member)
            #expect(try await register.commitInfo(applied).parents == [moved])
            #expect(try await register.records(under: "committee", at: applied).count == 2)
        }
    }

    @Test("a record can never write into a text's files: refused, nothing written")
    func textsAreNotRecords() async throws {
        try await withSmallAct { register in
            let before = try await register.refs()
            let main = try #require(try await register.mainTip())
            let path = SmallAct.folder + "/text.xml"
            await #expect(throws: RegisterError.self) {
                try await register.writeRecords([path: Data("x".utf8)], message: "x", author: Fixture.member, expectedMain: main)
            }
            await #expect(throws: RegisterError.self) {
                try await register.applyRecords(["texts": nil], message: "x", author: Fixture.member)
            }
            #expect(try await register.refs() == before)
        }
    }

    @Test("the fingerprint changes when a version or a draft moves, and only then")
    func fingerprint() async throws {
        try await withSmallAct { register in
            let first = try await register.fingerprint()
            #expect(try await register.fingerprint() == first)
            let draft = try await register.startDraft("projet", author: Fixture.drafter)
            let withDraft = try await register.fingerprint()
            #expect(withDraft != first)
            let file = register.workingCopy(ofDraft: "projet").appendingPathComponent(SmallAct.work + ".xml")
            var document = try LegalTextReader.read(contentsOf: file.path).document
            document.editArticle("art_2") { $0.children[0].content = [Block(text: "Texte modifié pour l'empreinte.")] }
            try CanonicalWriter.data(document).write(to: file)
            _ = try await register.commitDraft("projet", message: "modifié", author: Fixture.drafter)
            #expect(try await register.tip(of: try DraftName("projet")) != draft.tip)
            #expect(try await register.fingerprint() != withDraft)
        }
    }
}

