import Foundation
import LegalText
import Register
import Testing

/// Issue 21, « signed records »: a register given a key signs every commit it writes, whatever the path (imports,
/// drafts, records, adoptions, draft updates). `GitStore`'s write functions take the signer without a default, so a
/// new path cannot forget it; this checks the paths there are.
@Suite("Signed write paths")
struct SignedWritePathsTests {
    @Test("every commit a register with a key writes is signed with that key, on every branch")
    func everyPathSigns() async throws {
        try await withTextRegister { unsigned, root in
            let key = Signer(randomFor: .member)
            let register = unsigned.signing(with: key)
            let author = Identity(name: "Secrétariat", email: "secretariat@example.org")
            _ = try await register.importVersions(from: Corpus.folder.path, author: author)
            let main = try #require(try await register.mainTip())
            _ = try await register.writeRecords(["committee/essai.xml": Data("<essai/>".utf8)], message: "Écrit", author: author,
                                                expectedMain: main)
            _ = try await register.applyRecords(["committee/autre.xml": Data("<autre/>".utf8)], message: "Appliqué", author: author)

            _ = try await register.startDraft("essai", author: author)
            let file = register.workingCopy(ofDraft: "essai").appendingPathComponent("\(Corpus.work).xml")
            let text = try String(contentsOf: file, encoding: .utf8)
            let edited = text.replacingOccurrences(of: "L'avis transmis au préfet ne comporte", with: "L'avis transmis au préfet ne contient")
            try #require(edited != text)
            try edited.write(to: file, atomically: true, encoding: .utf8)
            _ = try await register.commitDraft("essai", message: "Retouche", author: author)

            let draft = try await register.resolve(Corpus.draftBranch)
            _ = try await register.adoptDraft(at: draft, work: Corpus.work,
                                              dates: AdoptionDates(signature: LegalDate(iso: "2026-12-15")!, entryIntoForce: LegalDate(iso: "2027-01-01")!),
                                              message: "Adoption", author: author, expectedMain: try #require(try await register.mainTip()))
            _ = try? await register.updateDraft("essai", author: author)  // a conflict writes nothing: nothing to check then

            var seen = 0
            for branch in try await register.branches() {
                for commit in try await register.commits(from: branch.tip) {
                    seen += 1
                    #expect(try await register.signature(of: commit.id) == .valid(key: key.publicKey),
                            "\(branch.ref): « \(commit.summary) » (\(commit.id.abbreviated))")
                }
            }
            #expect(seen >= 7)
        }
    }
}
