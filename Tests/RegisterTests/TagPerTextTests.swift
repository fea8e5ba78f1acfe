import Foundation
import LegalText
import Register
import Testing

/// Version tags are per text (`<text>/v<date>`); the names of registers made before (`v2017-01-05`)
/// keep working, and a short name names a version while only one text has one of that date.
@Suite("Register: version tags per text")
struct TagPerTextTests {
    static let author = Identity(name: "Import", email: "import@suivi.invalid")

    /// The small act of the fixtures, signed the same day as the corpus's adopted version.
    static func otherTextSameDay() throws -> LegalDocument {
        try adoptedVersion(try SmallAct.v1(), signed: "2017-01-05", published: "2017-01-06", inForce: "2017-01-07") { document in
            let work = "/eli/arrete/2017/1/5/\(SmallAct.work)/jo/texte"
            document.identification.work.uri = work
            document.identification.work.this = work
            document.identification.expression.uri = work + "/fr"
            document.identification.expression.this = work + "/fr"
        }
    }

    @Test("two texts with a version on the same date both import, each under its own tag, and both resolve")
    func twoTextsSameDate() async throws {
        try await withTextRegister { (register, _) async throws in
            let corpus = try await register.importVersions(from: Corpus.folder.path, author: Self.author)
            #expect(corpus.first?.version == "AFSP1638149A/v2017-01-05")
            let other = try await register.importDocument(
                SourceDocument(file: "petit-arrete.xml", document: try Self.otherTextSameDay()), draftName: "inutile",
                author: Self.author)
            #expect(other.status == .created)
            #expect(other.version == "TEST2000001A/v2017-01-05")

            let adopted = try await register.versions().filter { $0.kind == .adopted }.map(\.name)
            #expect(Set(adopted) == ["AFSP1638149A/v2017-01-05", "TEST2000001A/v2017-01-05"])
            let corpusText = try await register.document(at: "AFSP1638149A/v2017-01-05", work: "AFSP1638149A")
            #expect(corpusText.identification.work.number == "AFSP1638149A")
            let small = try await register.document(at: "TEST2000001A/v2017-01-05", work: SmallAct.work)
            #expect(small.identification.work.uri.contains("TEST2000001A"))

            // The short name is now ambiguous: refused with both names, never one picked silently.
            let error = await #expect(throws: RegisterError.self) { try await register.resolve("v2017-01-05") }
            #expect(error == .ambiguousVersion(name: "v2017-01-05",
                                               candidates: ["AFSP1638149A/v2017-01-05", "TEST2000001A/v2017-01-05"]))
        }
    }

    @Test("a short version name (v2017-01-05) resolves while only one text has a version of that date, with git suffixes")
    func shortNameResolves() async throws {
        try await withTextRegister { (register, _) async throws in
            _ = try await register.importVersions(from: Corpus.folder.path, author: Self.author)
            let full = try await register.resolve("AFSP1638149A/v2017-01-05")
            #expect(try await register.resolve("v2017-01-05") == full)
            #expect(try await register.resolve("v2017-01-05^{}") == full)
            let stored = try await register.document(at: "v2017-01-05")
            #expect(stored == (try Corpus.document(Corpus.adoptedFile)))
            await #expect(throws: RegisterError.notFound(revision: "v1999-01-01")) { try await register.resolve("v1999-01-01") }
        }
    }

    @Test("a register made before tags were per text (tag v2017-01-05) still opens, lists and resolves it, and re-importing adds no second tag")
    func oldStyleRegister() async throws {
        try await withTextRegister { (register, root) async throws in
            // What an earlier suivi wrote: the adopted version on main, tagged v<signature>.
            let document = try Corpus.document(Corpus.adoptedFile)
            let record = VersionRecord(document: document)
            let store = register.gitStore
            let commit = try await store.commit(files: RegisterLayout.files(for: document), message: "Version du 5 janvier 2017",
                                                author: Self.author, date: Date(timeIntervalSince1970: 1_483_617_600),
                                                expectedParent: nil, signer: nil)
            try await store.tag(name: "v2017-01-05", target: commit, message: record.message, tagger: Self.author,
                                date: Date(timeIntervalSince1970: 1_483_617_600))

            let reopened = try TextRegister.open(at: root.appendingPathComponent("registre"))
            let versions = try await reopened.versions()
            #expect(versions.map(\.name) == ["v2017-01-05"])
            #expect(versions.first?.record?.isNamed("v2017-01-05") == true)
            #expect(try await reopened.resolve("v2017-01-05") == commit)
            #expect(try await reopened.versionInForce(on: try #require(LegalDate(iso: "2020-01-01"))).name == "v2017-01-05")

            let again = try await reopened.importVersions(from: Corpus.folder.path, author: Self.author)
            #expect(again.first?.version == "v2017-01-05")
            #expect(again.first?.status == .alreadyPresent)
            #expect(try await store.tags().map(\.name) == ["v2017-01-05"])
        }
    }
}
