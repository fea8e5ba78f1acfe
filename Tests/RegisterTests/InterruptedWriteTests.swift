import Foundation
import LegalText
import Testing
@testable import Register

/// Writes stopped where a SIGKILL can stop them, as found by the killed-writers test of the CLI suite.
@Suite("Writes interrupted by a kill")
struct InterruptedWriteTests {
    static let drafter = Identity(name: "Rédactrice", email: "redaction@example.org")

    func rewordArticle1(_ register: TextRegister, _ text: String) throws {
        let file = register.workingCopy(ofDraft: "revision").appendingPathComponent(SmallAct.work + ".xml")
        var document = try LegalTextReader.read(contentsOf: file.path).document
        document.editArticle("art_1") { $0.children[0].content = [Block(text: text)] }
        try CanonicalWriter.data(document).write(to: file)
    }

    @Test("the next commit of the same clause recognises the interrupted commit as its own and succeeds")
    func nextCommitSucceeds() async throws {
        try await withTextRegister { (register, root) async throws in
            let folder = try writeVersions([("v1", SmallAct.v1())], into: root.appendingPathComponent("versions"))
            _ = try await register.importVersions(from: folder.path, author: Self.drafter)
            let draft = try await register.startDraft("revision")

            try rewordArticle1(register, "Première rédaction.")
            let interrupted = try #require(try await register.commitDraft(
                "revision", message: "Première", author: Self.drafter, stoppingAfterBranchMove: true))
            #expect(try await register.gitStore.tip(of: draft.branch) == interrupted)
            #expect(try await register.drafts().first?.base == draft.tip, "the working copy still says the old base")

            try rewordArticle1(register, "Seconde rédaction.")
            let next = try #require(try await register.commitDraft("revision", message: "Seconde", author: Self.drafter))
            #expect(try await register.gitStore.commitInfo(next).parents == [interrupted])
            let text = try await register.document(at: next)
            #expect(text.clause(eId: "art_1__para_1")?.content == [Block(text: "Seconde rédaction.")])
            #expect(!FileManager.default.fileExists(atPath: register.workingCopy(ofDraft: "revision")
                .appendingPathComponent(".pending").path), "nothing pending once the working copy is rewritten")
        }
    }

    @Test("an import killed after committing a draft but before writing its working copy: importing again writes it")
    func importWritesMissingWorkingCopy() async throws {
        try await withTextRegister { (register, root) async throws in
            let folder = try SmallAct.writeHistory(into: root)
            _ = try await register.importVersions(from: folder.path, author: Self.drafter)
            let copy = register.workingCopy(ofDraft: "projet-2026")
            try FileManager.default.removeItem(at: copy)  // what the kill leaves: the branch, no working copy

            let again = try await register.importVersions(from: folder.path, author: Self.drafter)
            #expect(again.allSatisfy { $0.status == .alreadyPresent })
            let tip = try #require(try await register.gitStore.tip(of: "refs/heads/" + SmallAct.draftBranch))
            #expect(try await register.drafts().first { $0.name == "projet-2026" }?.base == tip)
            let written = try Data(contentsOf: copy.appendingPathComponent(SmallAct.work + ".xml"))
            #expect(written == CanonicalWriter.data(try await register.document(at: tip)))
        }
    }
}
