import Foundation
import LegalText
import Register
import Testing

/// One resolver for everything that names a version (`TextRegister.resolveRevision`): a tag, a version name
/// without its text, a draft, a commit id, a date in force; anything ambiguous or unknown is refused in French.
@Suite("Register: one resolver of revisions")
struct RevisionTests {
    /// The small act's three versions and its draft `projet-2026` (SmallAct.writeHistory).
    func withHistory(_ body: (TextRegister) async throws -> Void) async throws {
        try await withTextRegister { (register, root) async throws in
            _ = try await register.importVersions(from: try SmallAct.writeHistory(into: root).path, author: Fixture.drafter)
            try await body(register)
        }
    }

    @Test("a full tag and a version name without its text both name the adopted version, as a tag")
    func tags() async throws {
        try await withHistory { register in
            let tag = try #require(try await register.tags().first { $0.name == "TEST2000001A/v2021-09-01" })
            let full = try await register.resolveRevision("TEST2000001A/v2021-09-01")
            #expect(full.revision == .tag("TEST2000001A/v2021-09-01"))
            #expect(full.commit == tag.target)
            let short = try await register.resolveRevision("v2021-09-01")
            #expect(short.revision == .tag("TEST2000001A/v2021-09-01"))
            #expect(short.commit == tag.target)
            #expect(short.label == "TEST2000001A/v2021-09-01")
            #expect(try await register.resolve(.tag("TEST2000001A/v2021-09-01")) == tag.target)
        }
    }

    @Test("a draft is named by its branch or by its name alone, and resolves to its tip")
    func drafts() async throws {
        try await withHistory { register in
            let draft = try DraftName("projet-2026")
            let tip = try #require(try await register.tip(of: draft))
            for text in ["draft/projet-2026", "projet-2026"] {
                let resolved = try await register.resolveRevision(text)
                #expect(resolved.revision == .draft(draft), "\(text)")
                #expect(resolved.commit == tip, "\(text)")
                #expect(resolved.label == "draft/projet-2026")
            }
            #expect(try await register.resolve(.draft(draft)) == tip)
            await #expect(throws: RegisterError.unknownDraft(name: "absent")) { try await register.resolve(.draft(try DraftName("absent"))) }
        }
    }

    @Test("a commit id, full or abbreviated, and git's suffixes name a commit")
    func commits() async throws {
        try await withHistory { register in
            let v2 = try await register.resolve("TEST2000001A/v2021-06-01")
            for text in [v2.hex, String(v2.hex.prefix(12)), "TEST2000001A/v2021-09-01^", "v2021-09-01~1"] {
                let resolved = try await register.resolveRevision(text)
                #expect(resolved.revision == .commit(v2), "\(text)")
                #expect(resolved.commit == v2, "\(text)")
            }
            #expect(try await register.resolve(.commit(v2)) == v2)
        }
    }

    @Test("a date names the version in force that day, by entry into force, not by signature or commit order")
    func dateInForce() async throws {
        try await withHistory { register in
            let v1 = try await register.resolve("TEST2000001A/v2020-03-02")
            let v2 = try await register.resolve("TEST2000001A/v2021-06-01")
            let v3 = try await register.resolve("TEST2000001A/v2021-09-01")
            // v2 was signed before v3 but came into force after it.
            let expected: [(String, ObjectID, String)] = [
                ("2021-01-01", v1, "TEST2000001A/v2020-03-02"),
                ("2021-10-01", v3, "TEST2000001A/v2021-09-01"),
                ("2022-06-01", v2, "TEST2000001A/v2021-06-01"),
            ]
            for (date, commit, name) in expected {
                // The plain string door every front end calls (before, a date there was "not found").
                #expect(try await register.resolve(date) == commit, "\(date)")
                let resolved = try await register.resolveRevision(date, work: SmallAct.work)
                #expect(resolved.revision == .inForce(try #require(LegalDate(iso: date))))
                #expect(resolved.label == name)
                #expect(try await register.document(at: date).identification.expression.uri
                        == (try await register.document(at: commit)).identification.expression.uri)
            }
            let before = try #require(LegalDate(iso: "2020-03-05"))
            let error = await #expect(throws: RegisterError.self) { try await register.resolve("2020-03-05") }
            #expect(error == .noVersionInForce(date: before, firstEntryIntoForce: LegalDate(iso: "2020-03-06")))
        }
    }

    @Test("a name that is nothing is refused in French, naming what was asked")
    func unknown() async throws {
        try await withHistory { register in
            for text in ["v1999-01-01", "projet-absent", "draft/projet-absent", "0123456789abcdef"] {
                let error = await #expect(throws: RegisterError.self) { try await register.resolve(text) }
                #expect(error == .notFound(revision: text), "\(text)")
                #expect(error?.description.contains("« \(text) »") == true)
                #expect(error?.description.contains("introuvable") == true)
            }
        }
    }

    @Test("a draft whose name is also a short commit id is ambiguous: refused with both, never one picked silently")
    func draftNamedLikeACommit() async throws {
        try await withHistory { register in
            let v1 = try await register.resolve("TEST2000001A/v2020-03-02")
            let prefix = String(v1.hex.prefix(10))
            let draft = try await register.startDraft(prefix, author: Fixture.drafter)
            #expect(draft.tip != v1)
            let error = await #expect(throws: RegisterError.self) { try await register.resolve(prefix) }
            #expect(error == .ambiguousVersion(name: prefix, candidates: [prefix, "draft/" + prefix]))
            #expect(error?.description.contains("plusieurs") == true)
            // Its branch name stays unambiguous.
            #expect(try await register.resolve("draft/" + prefix) == draft.tip)
        }
    }

    @Test("a version name shared by two texts is ambiguous unless the text is given")
    func shortNameOfTwoTexts() async throws {
        try await withTextRegister { (register, _) async throws in
            _ = try await register.importVersions(from: Corpus.folder.path, author: Fixture.drafter)
            _ = try await register.importDocument(
                SourceDocument(file: "petit-arrete.xml", document: try TagPerTextTests.otherTextSameDay()), draftName: "inutile",
                author: Fixture.drafter)
            await #expect(throws: RegisterError.ambiguousVersion(name: "v2017-01-05",
                                                                 candidates: ["AFSP1638149A/v2017-01-05", "TEST2000001A/v2017-01-05"])) {
                try await register.resolve("v2017-01-05")
            }
            let small = try await register.resolveRevision("v2017-01-05", work: SmallAct.work)
            #expect(small.revision == .tag("TEST2000001A/v2017-01-05"))
            let corpus = try await register.resolveRevision("v2017-01-05", work: "AFSP1638149A")
            #expect(corpus.revision == .tag("AFSP1638149A/v2017-01-05"))
        }
    }

    @Test("the history of a clause up to a date stops at the version in force that day")
    func historyUpToDate() async throws {
        try await withHistory { register in
            let upToTag = try await register.history(of: "art_2__para_1", work: SmallAct.work, upTo: "TEST2000001A/v2021-09-01")
            let upToDate = try await register.history(of: "art_2__para_1", work: SmallAct.work, upTo: "2021-10-01")
            #expect(upToDate == upToTag)
            await #expect(throws: RegisterError.notAVersion(revision: "v1999-01-01")) {
                try await register.history(of: "art_2__para_1", upTo: "v1999-01-01")
            }
        }
    }
}
