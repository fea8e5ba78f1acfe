import Foundation
import LegalText
import Testing
@testable import Register

/// A `draft commit` stopped where a SIGKILL can stop it: after its branch moved, before its working copy and
/// `.base` were rewritten (found by the killed-writers test of the CLI suite).
@Suite("Draft commit interrupted after the branch moved")
struct DraftCommitCrashTests {
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
}
