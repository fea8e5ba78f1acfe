import Foundation
import LegalText
import Register
import Testing

// The text layer of the register (TextRegister): import of versions, stored layout, versions in force,
// clause history, blame and drafts. Each test makes its own register in its own temporary directory.

@Suite("Text register: import of versions")
struct TextRegisterImportTests {
    @Test("importing the corpus makes one commit per adopted version, dated noon UTC on its signature day")
    func adoptedVersionCommit() async throws {
        try await withTextRegister { (register, _) async throws in
            let outcomes = try await register.importVersions(from: Corpus.folder.path, author: Fixture.drafter)
            #expect(outcomes.map(\.version) == [Corpus.adoptedTag, Corpus.draftBranch])
            #expect(outcomes.map(\.status) == [.created, .created])

            let main = try await register.gitStore.log()
            #expect(main.count == 1)
            let commit = try #require(main.first)
            #expect(commit.date == (try noonUTC("2017-01-05")))
            #expect(commit.committerDate == commit.date)
            #expect(commit.timeZoneMinutes == 0)
            #expect(commit.author == Fixture.drafter)
            #expect(commit.summary == "Version du 5 janvier 2017 (AFSP1638149A)")
            #expect(outcomes.first?.commit == commit.id)
        }
    }

    @Test("an adopted version gets an annotated tag v<signature> whose message carries the Suivi-* trailers")
    func adoptedVersionTag() async throws {
        try await withTextRegister { (register, _) async throws in
            _ = try await register.importVersions(from: Corpus.folder.path, author: Fixture.drafter)
            let tag = try #require(try await register.gitStore.tagInfo(named: Corpus.adoptedTag))
            #expect(tag.isAnnotated)
            #expect(tag.target == (try await register.gitStore.tip()))
            #expect(tag.date == (try noonUTC("2017-01-05")))
            let message = try #require(tag.message)
            for trailer in ["Suivi-Texte: AFSP1638149A", "Suivi-Signature: 2017-01-05", "Suivi-Publication: 2017-01-22",
                            "Suivi-Publication-Reference: Journal officiel n°0019 du 22 janvier 2017",
                            "Suivi-Entree-En-Vigueur: 2017-01-23"] {
                #expect(message.contains("\n" + trailer + "\n"), "missing trailer \(trailer) in:\n\(message)")
            }
            let record = try #require(VersionRecord(message: message))
            #expect(record.entryIntoForce == LegalDate(iso: "2017-01-23"))
            #expect(record.publication == LegalDate(iso: "2017-01-22"))
            #expect(record.work == Corpus.work)
        }
    }

    @Test("a draft folder becomes branch draft/<folder>, branched from the adopted version")
    func draftBranch() async throws {
        try await withTextRegister { (register, _) async throws in
            _ = try await register.importVersions(from: Corpus.folder.path, author: Fixture.drafter)
            let tip = try #require(try await register.gitStore.tip(of: "refs/heads/" + Corpus.draftBranch))
            let info = try await register.gitStore.commitInfo(tip)
            #expect(info.parents == [try await register.commit(Corpus.adoptedTag)])
            #expect(info.date == (try noonUTC("2026-11-24")))
            let versions = try await register.versions()
            #expect(versions.map(\.name) == [Corpus.adoptedTag, Corpus.draftBranch])
            #expect(versions.map(\.kind) == [.adopted, .draft])
            #expect(versions.last?.draftDate == LegalDate(iso: "2026-11-24"))
        }
    }

    @Test("adopted versions are committed in signature order, whatever the folder names, one commit each")
    func signatureOrder() async throws {
        try await withTextRegister { (register, root) async throws in
            let folder = try SmallAct.writeHistory(into: root)
            let outcomes = try await register.importVersions(from: folder.path, author: Fixture.drafter)
            #expect(outcomes.map(\.version) == SmallAct.tags + [SmallAct.draftBranch])

            let main = try await register.gitStore.log(firstParentOnly: true)
            #expect(main.count == 3)
            #expect(main.map(\.date) == (try ["2021-09-01", "2021-06-01", "2020-03-02"].map(noonUTC)))
            #expect(main.last?.parents == [])
            for tag in SmallAct.tags {
                let commit = try await register.commit(tag)
                #expect(main.contains { $0.id == commit }, "\(tag) is not on main")
                #expect(try await register.gitStore.commitInfo(commit).date == (try noonUTC(String(tag.dropFirst("TEST2000001A/v".count)))))
            }
            #expect(try await register.versions().map(\.name) == SmallAct.tags + [SmallAct.draftBranch])
        }
    }

    @Test("re-importing the same folder is a no-op: same commits, no new commit, tags unchanged")
    func reimportIsIdempotent() async throws {
        try await withTextRegister { (register, _) async throws in
            let first = try await register.importVersions(from: Corpus.folder.path, author: Fixture.drafter)
            let refs = try await register.refs()
            let tags = try await register.gitStore.tags()

            let second = try await register.importVersions(from: Corpus.folder.path, author: Fixture.member)
            #expect(second.map(\.status) == [.alreadyPresent, .alreadyPresent])
            #expect(second.map(\.commit) == first.map(\.commit))
            #expect(try await register.refs() == refs)
            #expect(try await register.gitStore.tags() == tags)
            #expect(try await register.gitStore.log().count == 1)
            let draft = try #require(try await register.gitStore.tip(of: "refs/heads/" + Corpus.draftBranch))
            #expect(try await register.gitStore.log(from: draft).count == 2)
        }
    }
}

@Suite("Text register: re-importing after drafting")
struct TextRegisterReimportTests {
    @Test("re-importing an unchanged draft folder does not revert the commits made on its branch since")
    func reimportKeepsDraftWork() async throws {
        try await withTextRegister { (register, _) async throws in
            _ = try await register.importVersions(from: Corpus.folder.path, author: Fixture.drafter)
            let branch = "refs/heads/" + Corpus.draftBranch
            let imported = try #require(try await register.gitStore.tip(of: branch))
            try await register.writeWorkingCopy(name: "2026-projet", at: imported)
            let file = register.workingCopy(ofDraft: "2026-projet").appendingPathComponent("AFSP1638149A.xml")
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.contains("Cette appréciation peut s'appuyer"))
            try Data(text.replacingOccurrences(of: "Cette appréciation peut s'appuyer",
                                               with: "Cette appréciation pourra s'appuyer").utf8).write(to: file)
            let edited = try #require(try await register.commitDraft("2026-projet", message: "Article 3", author: Fixture.member))

            let again = try await register.importVersions(from: Corpus.folder.path, author: Fixture.drafter)
            #expect(again.map(\.status) == [.alreadyPresent, .alreadyPresent])
            #expect(try await register.gitStore.tip(of: branch) == edited, "the drafter's commit must stay the tip")
            let clause = try await register.document(at: Corpus.draftBranch).clause(eId: "art_3__para_7")
            #expect(clause?.textBlocks.first?.plainText.hasPrefix("Cette appréciation pourra") == true)
        }
    }
}

/// A version folder with one bad file: the corpus, with one of its two files spoilt.
struct SpoiltCorpus: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let file: String
    let replace: String
    let with: String
    let rule: ValidationRule

    static let all = [
        SpoiltCorpus(testDescription: "duplicate eId in the draft", file: "2026-projet/AFSP1638149A.xml",
                     replace: #"<paragraph eId="art_3__para_2" wId"#, with: #"<paragraph eId="art_3__para_1" wId"#,
                     rule: .duplicateEId),
        SpoiltCorpus(testDescription: "a DOCTYPE in the adopted version", file: "2017-01-05/AFSP1638149A.xml",
                     replace: "<akomaNtoso ", with: "<!DOCTYPE akomaNtoso>\n<akomaNtoso ", rule: .unreadable),
        SpoiltCorpus(testDescription: "entry into force before signature", file: "2017-01-05/AFSP1638149A.xml",
                     replace: #"<eventRef date="2017-01-23""#, with: #"<eventRef date="2016-01-23""#,
                     rule: .inconsistentDates),
    ]

    /// Copies the corpus into `root/corpus` and spoils the file.
    func write(into root: URL) throws -> URL {
        let copy = root.appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: Corpus.folder, to: copy)
        let path = copy.appendingPathComponent(file)
        let text = try String(contentsOf: path, encoding: .utf8)
        #expect(text.contains(replace), "the corpus changed: \(replace) not found in \(file)")
        try Data(text.replacingOccurrences(of: replace, with: with).utf8).write(to: path)
        return copy
    }
}

@Suite("Text register: nothing is committed from an invalid document")
struct TextRegisterInvalidImportTests {
    @Test("an invalid document anywhere in the folder is refused with .invalidDocuments, and no ref is created",
          arguments: SpoiltCorpus.all)
    func refusedOnEmptyRegister(_ sample: SpoiltCorpus) async throws {
        try await withTextRegister { (register, root) async throws in
            let folder = try sample.write(into: root)
            let error = await #expect(throws: RegisterError.self) {
                try await register.importVersions(from: folder.path, author: Fixture.drafter)
            }
            guard case .invalidDocuments(let problems) = error else {
                Issue.record("expected .invalidDocuments, got \(String(describing: error))")
                return
            }
            #expect(problems.contains { $0.rule == sample.rule && $0.file.hasSuffix(sample.file) }, "\(problems)")
            #expect(try await register.refs().isEmpty)
            #expect(try await register.gitStore.tip() == nil)
            #expect(try await register.gitStore.headBranch() == GitStore.mainBranch)
        }
    }

    @Test("a folder with a new valid version and an invalid file leaves every ref, and HEAD, where they were")
    func refusedAfterEarlierImport() async throws {
        try await withTextRegister { (register, root) async throws in
            let history = try SmallAct.writeHistory(into: root)
            try FileManager.default.removeItem(at: history.appendingPathComponent("a-insertion"))
            try FileManager.default.removeItem(at: history.appendingPathComponent("b-correction"))
            _ = try await register.importVersions(from: history.path, author: Fixture.drafter)
            let refs = try await register.refs()
            let head = try await register.gitStore.tip()

            let next = try writeVersions([("a-insertion", SmallAct.v2())], into: root.appendingPathComponent("next"))
            let bad = next.appendingPathComponent("b-correction/TEST2000001A.xml")
            try FileManager.default.createDirectory(at: bad.deletingLastPathComponent(), withIntermediateDirectories: true)
            let text = CanonicalWriter.string(try SmallAct.v3())
            try Data(text.replacingOccurrences(of: #"eId="art_3__para_1""#, with: #"eId="art_1__para_1""#).utf8).write(to: bad)

            let error = await #expect(throws: RegisterError.self) {
                try await register.importVersions(from: next.path, author: Fixture.drafter)
            }
            guard case .invalidDocuments(let problems) = error else {
                Issue.record("expected .invalidDocuments, got \(String(describing: error))")
                return
            }
            #expect(problems.allSatisfy { $0.file.hasSuffix("b-correction/TEST2000001A.xml") }, "\(problems)")
            #expect(try await register.refs() == refs)
            #expect(try await register.gitStore.tip() == head)
        }
    }
}

@Suite("Text register: stored layout and reassembly")
struct TextRegisterLayoutTests {
    @Test("a text is stored as text.xml, one file per article and one per annex section, each named by its wId")
    func layout() async throws {
        try await withTextRegister { (register, _) async throws in
            _ = try await register.importVersions(from: Corpus.folder.path, author: Fixture.drafter)
            let files = try await register.gitStore.listFiles(at: try await register.commit(Corpus.adoptedTag))
            let document = try Corpus.document(Corpus.adoptedFile)
            let folder = "texts/AFSP1638149A"
            var expected = ["\(folder)/text.xml"]
            expected += document.body.map { "\(folder)/articles/\($0.wId).xml" }
            for annex in document.annexes {
                expected += annex.clauses.map { "\(folder)/annexes/\(annex.wId)/\($0.wId).xml" }
            }
            #expect(files == expected.sorted())
            #expect(files.contains("\(folder)/articles/art_3.xml"))
            #expect(files.contains("\(folder)/annexes/annex_2/annex_2__sec_C.xml"))

            let draft = try await register.gitStore.listFiles(at: try await register.commit(Corpus.draftBranch))
            #expect(draft.contains("\(folder)/articles/art_6-1.xml"))
            #expect(Set(files).isSubset(of: Set(draft)), "a renumbered clause keeps its file name")
        }
    }

    @Test("a part file is a canonical XML fragment holding one article, one element per line")
    func partFile() async throws {
        try await withTextRegister { (register, _) async throws in
            _ = try await register.importVersions(from: Corpus.folder.path, author: Fixture.drafter)
            let data = try #require(try await register.gitStore.readFile(
                path: "texts/AFSP1638149A/articles/art_3.xml", at: try await register.commit(Corpus.adoptedTag)))
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + #"<article eId="art_3" wId="art_3""#))
            #expect(text.contains("\n  <num>Article 3</num>\n"))
            let article = try #require(try await register.part("texts/AFSP1638149A/articles/art_3.xml",
                                                                at: try await register.commit(Corpus.adoptedTag)))
            #expect(article == (try Corpus.document(Corpus.adoptedFile)).body.first { $0.wId == "art_3" })
        }
    }

    @Test("document(at:) reassembles exactly the imported documents, adopted and draft", arguments: [
        (Corpus.adoptedTag, "2017-01-05/AFSP1638149A.xml"), (Corpus.draftBranch, "2026-projet/AFSP1638149A.xml"),
    ])
    func reassembly(revision: String, file: String) async throws {
        try await withTextRegister { (register, _) async throws in
            _ = try await register.importVersions(from: Corpus.folder.path, author: Fixture.drafter)
            let stored = try await register.document(at: revision)
            let parsed = try Corpus.document(Corpus.folder.appendingPathComponent(file).path)
            #expect(stored == parsed)
            #expect(CanonicalWriter.string(stored) == CanonicalWriter.string(parsed))
        }
    }

    @Test("two versions differ only in the files of the clauses that changed (and the shell)")
    func onlyChangedFilesDiffer() async throws {
        try await withTextRegister { (register, root) async throws in
            _ = try await register.importVersions(from: SmallAct.writeHistory(into: root).path, author: Fixture.drafter)
            let changed = try await register.gitStore.changedPaths(
                from: try await register.commit("TEST2000001A/v2020-03-02"), to: try await register.commit("TEST2000001A/v2021-06-01"))
            #expect(changed.map(\.path) == [smallActArticle("art_2"), "\(SmallAct.folder)/text.xml"])
            let corrected = try await register.gitStore.changedPaths(
                from: try await register.commit("TEST2000001A/v2021-06-01"), to: try await register.commit("TEST2000001A/v2021-09-01"))
            #expect(corrected.map(\.path).contains(smallActArticle("art_2")))
            #expect(!corrected.map(\.path).contains(smallActArticle("art_1")))
            #expect(try await register.document(at: "TEST2000001A/v2021-06-01") == (try reparsed(SmallAct.v2())))
            #expect(try await register.document(at: "TEST2000001A/v2021-09-01") == (try reparsed(SmallAct.v3())))
            #expect(try await register.document(at: SmallAct.draftBranch) == (try reparsed(SmallAct.draft())))
        }
    }
}

@Suite("Text register: text in force on a date")
struct TextRegisterInForceTests {
    @Test("versionInForce picks by entry into force, not by commit order", arguments: [
        ("2020-03-06", "TEST2000001A/v2020-03-02"),  // the day v1 enters into force
        ("2021-08-01", "TEST2000001A/v2020-03-02"),  // v2 is signed but not yet in force
        ("2021-09-03", "TEST2000001A/v2021-09-01"),  // v3 enters into force before v2
        ("2021-12-31", "TEST2000001A/v2021-09-01"),
        ("2022-01-01", "TEST2000001A/v2021-06-01"),  // v2's deferred entry into force
        ("2030-01-01", "TEST2000001A/v2021-06-01"),
    ])
    func inForce(date: String, expected: String) async throws {
        try await withTextRegister { (register, root) async throws in
            _ = try await register.importVersions(from: SmallAct.writeHistory(into: root).path, author: Fixture.drafter)
            let version = try await register.versionInForce(on: try #require(LegalDate(iso: date)))
            #expect(version.name == expected)
            #expect(version.kind == .adopted)
            #expect(version.commit == (try await register.commit(expected)))
        }
    }

    @Test("a date before the first entry into force throws .noVersionInForce with the first date")
    func beforeFirstVersion() async throws {
        try await withTextRegister { (register, root) async throws in
            _ = try await register.importVersions(from: SmallAct.writeHistory(into: root).path, author: Fixture.drafter)
            let date = try #require(LegalDate(iso: "2020-03-05"))
            await #expect(throws: RegisterError.noVersionInForce(date: date, firstEntryIntoForce: LegalDate(iso: "2020-03-06"))) {
                try await register.versionInForce(on: date)
            }
        }
    }

    @Test("on the corpus: in force in 2020 is v2017-01-05; in 2016 nothing, and the message gives 23 janvier 2017")
    func corpusInForce() async throws {
        try await withTextRegister { (register, _) async throws in
            _ = try await register.importVersions(from: Corpus.folder.path, author: Fixture.drafter)
            #expect(try await register.versionInForce(on: try #require(LegalDate(iso: "2020-06-01"))).name == Corpus.adoptedTag)
            let before = try #require(LegalDate(iso: "2016-01-01"))
            let error = await #expect(throws: RegisterError.self) {
                try await register.versionInForce(on: before)
            }
            #expect(error == .noVersionInForce(date: LegalDate(iso: "2016-01-01")!, firstEntryIntoForce: LegalDate(iso: "2017-01-23")))
            #expect(error?.description.contains("23 janvier 2017") == true)
        }
    }
}

@Suite("Text register: history of a clause")
struct TextRegisterHistoryTests {
    @Test("history follows an alinéa by wId across renumbering: inserted, renumbered, modified")
    func followsRenumbering() async throws {
        try await withTextRegister { (register, root) async throws in
            _ = try await register.importVersions(from: SmallAct.writeHistory(into: root).path, author: Fixture.drafter)
            let entries = try await register.history(of: "art_2__para_1")
            #expect(entries.map(\.version) == SmallAct.tags)
            #expect(entries.map(\.change) == [.inserted, .renumbered, .modified])
            #expect(entries.map(\.eId) == ["art_2__para_1", "art_2__para_2", "art_2__para_2"])
            #expect(entries.map(\.previousEId) == [nil, "art_2__para_1", "art_2__para_2"])
            #expect(entries.map(\.date) == SmallAct.tags.map { LegalDate(iso: String($0.dropFirst("TEST2000001A/v".count))) })
            #expect(entries.last?.text == SmallAct.reworded)
        }
    }

    @Test("with upTo a draft, the draft is the last step: here the alinéa is deleted")
    func upToDraft() async throws {
        try await withTextRegister { (register, root) async throws in
            _ = try await register.importVersions(from: SmallAct.writeHistory(into: root).path, author: Fixture.drafter)
            for upTo in [SmallAct.draftBranch, "projet-2026"] {
                let entries = try await register.history(of: "art_2__para_1", upTo: upTo)
                #expect(entries.map(\.version) == SmallAct.tags + [SmallAct.draftBranch])
                #expect(entries.map(\.change) == [.inserted, .renumbered, .modified, .deleted])
                let deleted = try #require(entries.last)
                #expect(deleted.eId == nil)
                #expect(deleted.previousEId == "art_2__para_2")
                #expect(deleted.text == "")
            }
        }
    }

    @Test("a clause inserted by a later version starts its history there")
    func insertedLater() async throws {
        try await withTextRegister { (register, root) async throws in
            _ = try await register.importVersions(from: SmallAct.writeHistory(into: root).path, author: Fixture.drafter)
            let entries = try await register.history(of: "art_2__para_1-2021", upTo: SmallAct.draftBranch)
            #expect(entries.map(\.version) == ["TEST2000001A/v2021-06-01"])
            #expect(entries.map(\.change) == [.inserted])
            #expect(entries.first?.eId == "art_2__para_1")
        }
    }

    @Test("an eId that is no clause's wId is looked up as an eId and followed by its wId")
    func eIdLookup() async throws {
        try await withTextRegister { (register, root) async throws in
            _ = try await register.importVersions(from: SmallAct.writeHistory(into: root).path, author: Fixture.drafter)
            // art_2__para_3 is, since v2, the eId of the list paragraph whose wId is art_2__para_2.
            let byEId = try await register.history(of: "art_2__para_3", upTo: SmallAct.draftBranch)
            let byWId = try await register.history(of: "art_2__para_2", upTo: SmallAct.draftBranch)
            #expect(byEId == byWId)
            #expect(byEId.map(\.version) == ["TEST2000001A/v2020-03-02", "TEST2000001A/v2021-06-01", SmallAct.draftBranch])
            #expect(byEId.map(\.change) == [.inserted, .renumbered, .renumbered])
            #expect(byEId.map(\.eId) == ["art_2__para_2", "art_2__para_3", "art_2__para_2"])
        }
    }

    @Test("upTo naming no draft is refused with .notAVersion, not silently ignored")
    func upToUnknownDraft() async throws {
        try await withTextRegister { (register, root) async throws in
            _ = try await register.importVersions(from: SmallAct.writeHistory(into: root).path, author: Fixture.drafter)
            await #expect(throws: RegisterError.notAVersion(revision: "draft/projet-2062")) {
                try await register.history(of: "art_2__para_1", upTo: "draft/projet-2062")
            }
        }
    }

    @Test("an identifier no version has is .clauseNotFound")
    func unknownClause() async throws {
        try await withTextRegister { (register, root) async throws in
            _ = try await register.importVersions(from: SmallAct.writeHistory(into: root).path, author: Fixture.drafter)
            await #expect(throws: RegisterError.clauseNotFound(identifier: "art_9__para_1")) {
                try await register.history(of: "art_9__para_1", upTo: SmallAct.draftBranch)
            }
        }
    }

    @Test("on the corpus, art_3__para_5 is renumbered art_3__para_7 by the 2026 draft (by wId and by new eId)")
    func corpusRenumbering() async throws {
        try await withTextRegister { (register, _) async throws in
            _ = try await register.importVersions(from: Corpus.folder.path, author: Fixture.drafter)
            for identifier in ["art_3__para_5", "art_3__para_7"] {
                let entries = try await register.history(of: identifier, upTo: Corpus.draftBranch)
                #expect(entries.map(\.version) == [Corpus.adoptedTag, Corpus.draftBranch], "\(identifier)")
                #expect(entries.map(\.change) == [.inserted, .renumbered], "\(identifier)")
                #expect(entries.last?.eId == "art_3__para_7")
                #expect(entries.last?.previousEId == "art_3__para_5")
            }
            let adoptedOnly = try await register.history(of: "art_3__para_5")
            #expect(adoptedOnly.map(\.change) == [.inserted])
        }
    }

    @Test("a visa (stored in text.xml) has a history too: cit_1 comes from 2017, and the 2026 draft leaves the visas alone")
    func visaHistory() async throws {
        try await withTextRegister { (register, _) async throws in
            _ = try await register.importVersions(from: Corpus.folder.path, author: Fixture.drafter)
            let entries = try await register.history(of: "cit_1", upTo: Corpus.draftBranch)
            #expect(entries.map(\.version) == [Corpus.adoptedTag])
            #expect(entries.map(\.change) == [.inserted])
            #expect(entries.last?.text.contains("L. 313-11 (11°)") == true)
        }
    }
}

@Suite("Text register: blame")
struct TextRegisterBlameTests {
    @Test("blame attributes each clause to the version that last changed it")
    func blameAdopted() async throws {
        try await withTextRegister { (register, root) async throws in
            _ = try await register.importVersions(from: SmallAct.writeHistory(into: root).path, author: Fixture.drafter)
            let lines = try await register.blame()
            let byEId = Dictionary(uniqueKeysWithValues: lines.map { ($0.eId, $0) })
            #expect(byEId["art_1__para_1"]?.version == "TEST2000001A/v2020-03-02")
            #expect(byEId["art_3__para_1"]?.version == "TEST2000001A/v2020-03-02")
            #expect(byEId["cit_2"]?.version == "TEST2000001A/v2020-03-02")
            #expect(byEId["annex_1__sec_A__para_1"]?.version == "TEST2000001A/v2020-03-02")
            #expect(byEId["art_2__para_1"]?.version == "TEST2000001A/v2021-06-01")  // inserted by v2
            #expect(byEId["art_2__para_1"]?.wId == "art_2__para_1-2021")
            #expect(byEId["art_2__para_2"]?.version == "TEST2000001A/v2021-09-01")  // renumbered by v2, reworded by v3
            #expect(byEId["art_2__para_3"]?.version == "TEST2000001A/v2021-06-01")  // renumbered by v2
            #expect(byEId["art_2__para_2"]?.date == LegalDate(iso: "2021-09-01"))
            #expect(lines.map(\.eId) == (try SmallAct.v3()).allClauses.map(\.eId))
        }
    }

    @Test("a clause whose parent alone was renumbered keeps the version that last changed it")
    func blameIgnoresParentRenumbering() async throws {
        try await withTextRegister { (register, root) async throws in
            _ = try await register.importVersions(from: SmallAct.writeHistory(into: root).path, author: Fixture.drafter)
            let byEId = Dictionary(uniqueKeysWithValues: try await register.blame().map { ($0.eId, $0.version) })
            // v2 renumbered the list paragraph art_2__para_2 → art_2__para_3: its list and points kept their
            // own numbers and text.
            #expect(byEId["art_2__para_3"] == "TEST2000001A/v2021-06-01")
            #expect(byEId["art_2__para_3__list_1"] == "TEST2000001A/v2020-03-02")
            #expect(byEId["art_2__para_3__list_1__point_1"] == "TEST2000001A/v2020-03-02")
        }
    }

    @Test("history up to an adopted version stops at that version")
    func historyUpToTag() async throws {
        try await withTextRegister { (register, root) async throws in
            _ = try await register.importVersions(from: SmallAct.writeHistory(into: root).path, author: Fixture.drafter)
            let upToV2 = try await register.history(of: "art_2__para_1", upTo: "TEST2000001A/v2021-06-01")
            #expect(upToV2.map(\.version) == ["TEST2000001A/v2020-03-02", "TEST2000001A/v2021-06-01"])
            let all = try await register.history(of: "art_2__para_1")
            #expect(all.count > upToV2.count)
        }
    }

    @Test("blame at an earlier version or at a draft stops there")
    func blameAtRevision() async throws {
        try await withTextRegister { (register, root) async throws in
            _ = try await register.importVersions(from: SmallAct.writeHistory(into: root).path, author: Fixture.drafter)
            let atV2 = Dictionary(uniqueKeysWithValues: try await register.blame(at: "TEST2000001A/v2021-06-01").map { ($0.eId, $0.version) })
            #expect(atV2["art_2__para_2"] == "TEST2000001A/v2021-06-01")
            #expect(atV2["art_1__para_1"] == "TEST2000001A/v2020-03-02")

            let atDraft = try await register.blame(at: SmallAct.draftBranch)
            let byEId = Dictionary(uniqueKeysWithValues: atDraft.map { ($0.eId, $0) })
            #expect(!atDraft.contains { $0.wId == "art_2__para_1" }, "the deleted alinéa is gone")
            #expect(byEId["art_2__para_1"]?.version == "TEST2000001A/v2021-06-01")
            #expect(byEId["art_2__para_2"]?.version == SmallAct.draftBranch)  // renumbered back by the draft
            #expect(byEId["art_2__para_2"]?.wId == "art_2__para_2")
            #expect(byEId["art_1__para_1"]?.version == "TEST2000001A/v2020-03-02")
        }
    }

    @Test("on the corpus, blame of the 2026 draft gives art_3__para_6 and art_6-1 to the draft, art_3__para_1 to 2017")
    func corpusBlame() async throws {
        try await withTextRegister { (register, _) async throws in
            _ = try await register.importVersions(from: Corpus.folder.path, author: Fixture.drafter)
            let byEId = Dictionary(uniqueKeysWithValues: try await register.blame(at: Corpus.draftBranch).map { ($0.eId, $0.version) })
            #expect(byEId["art_3__para_1"] == Corpus.adoptedTag)
            #expect(byEId["art_3__para_6"] == Corpus.draftBranch)
            #expect(byEId["art_6-1"] == Corpus.draftBranch)
            #expect(byEId["cit_1"] == Corpus.adoptedTag)
            #expect(byEId["cit_2"] == Corpus.adoptedTag)
        }
    }
}

@Suite("Text register: drafts and their working copies")
struct TextRegisterDraftTests {
    /// A register holding the small act's v1, and a draft `revision` started from it.
    private func withDraft(_ body: (TextRegister, DraftInfo) async throws -> Void) async throws {
        try await withTextRegister { (register, root) async throws in
            let folder = try writeVersions([("v1", SmallAct.v1())], into: root.appendingPathComponent("versions"))
            _ = try await register.importVersions(from: folder.path, author: Fixture.drafter)
            let draft = try await register.startDraft("revision")
            try await body(register, draft)
        }
    }

    private func workingCopyFile(_ register: TextRegister) -> URL {
        register.workingCopy(ofDraft: "revision").appendingPathComponent("TEST2000001A.xml")
    }

    /// Reads the working copy, edits it, writes it back in canonical form.
    private func editWorkingCopy(_ register: TextRegister, _ edit: (inout LegalDocument) -> Void) throws {
        let file = workingCopyFile(register)
        var document = try LegalTextReader.read(contentsOf: file.path).document
        edit(&document)
        try CanonicalWriter.data(document).write(to: file)
    }

    /// Another writer's commit on the draft branch: the part files of `document` that differ from the tip.
    private func commitAsOtherWriter(_ register: TextRegister, _ document: LegalDocument) async throws -> ObjectID {
        let store = register.gitStore
        let tip = try #require(try await store.tip(of: "refs/heads/draft/revision"))
        var changes: [String: Data?] = [:]
        for (path, data) in RegisterLayout.files(for: document) {
            if try await store.readFile(path: path, at: tip) != data { changes[path] = data }
        }
        return try await store.commit(changes: changes, message: "Autre rédacteur", author: Fixture.member, date: Date(),
                                      onBranch: "refs/heads/draft/revision", expectedParent: tip, signer: nil)
    }

    private static func reword(_ wId: String, _ text: String) -> (inout LegalDocument) -> Void {
        { document in document.editArticle(wId) { $0.children[0].content = [Block(text: text)] } }
    }

    // Until issue 14 the draft branch stayed at main's tip, so the draft kept the adopted version's metadata: the
    // branch now has one commit of its own making the text a draft.
    @Test("startDraft creates draft/<name> one commit above main, making the text a draft, and writes it as its working copy, with its base")
    func start() async throws {
        try await withDraft { (register, draft) async throws in
            let main = try #require(try await register.gitStore.tip())
            #expect(draft.branch == "refs/heads/draft/revision")
            #expect(try await register.gitStore.commitInfo(draft.tip).parents == [main])
            #expect(draft.base == draft.tip)
            #expect(try await register.gitStore.tip(of: "refs/heads/draft/revision") == draft.tip)
            let written = try Data(contentsOf: workingCopyFile(register))
            #expect(written == CanonicalWriter.data(try await register.document(at: draft.tip)))
            #expect(try LegalTextReader.read(data: written, file: "revision").document.isDraft)
            #expect(try await register.sameText(at: draft.tip, and: main, work: SmallAct.work), "only the metadata changed")
            #expect(try await register.drafts().map(\.name) == ["revision"])
            #expect(try await register.drafts().first?.base == draft.tip)
            // Opening it again: refused in the user's words (no branch, no commit id), saying where to continue.
            let again = await #expect(throws: RegisterError.self) { try await register.startDraft("revision") }
            #expect(again == .draftExists(name: "revision", workingCopy: register.workingCopy(ofDraft: "revision").path))
            let message = again?.description ?? ""
            #expect(message.contains("Le projet « revision » existe déjà : continuez-le dans sa copie de travail"), "\(message)")
            #expect(!message.contains("branche") && !message.contains("draft/") && !message.contains(draft.tip.abbreviated), "\(message)")
            #expect(try await register.drafts().first?.tip == draft.tip, "nothing written")
        }
    }

    @Test("editing one article in the working copy, commitDraft commits only that article's file")
    func commitOneArticle() async throws {
        try await withDraft { (register, draft) async throws in
            try editWorkingCopy(register, Self.reword("art_1", "Le présent arrêté fixe des règles d'essai révisées."))
            let commit = try #require(try await register.commitDraft("revision", message: "Article 1er", author: Fixture.member))
            #expect(try await register.gitStore.tip(of: "refs/heads/draft/revision") == commit)
            #expect(try await register.gitStore.commitInfo(draft.tip).parents == [try #require(try await register.gitStore.tip())],
                    "main does not move")
            let info = try await register.gitStore.commitInfo(commit)
            #expect(info.parents == [draft.tip])
            #expect(info.author == Fixture.member)
            #expect(info.summary == "Article 1er")
            let changed = try await register.gitStore.changedPaths(from: draft.tip, to: commit)
            #expect(changed.map(\.path) == [smallActArticle("art_1")])
            #expect(changed.map(\.kind) == [.modified])
            #expect(try await register.drafts().first?.base == commit, "the working copy now reads the new tip")
        }
    }

    @Test("a second writer's commit to another article is kept: both updates are on the branch")
    func otherArticleIsKept() async throws {
        try await withDraft { (register, _) async throws in
            var theirs = try SmallAct.v1()
            Self.reword("art_3", "L'exécution du présent arrêté est confiée au directeur général de la santé.")(&theirs)
            let other = try await commitAsOtherWriter(register, theirs)

            try editWorkingCopy(register, Self.reword("art_1", "Le présent arrêté fixe des règles d'essai révisées."))
            let commit = try #require(try await register.commitDraft("revision", message: "Article 1er", author: Fixture.drafter))
            #expect(try await register.gitStore.commitInfo(commit).parents == [other])
            let text = try await register.document(at: commit)
            #expect(text.clause(eId: "art_1__para_1")?.content == [Block(text: "Le présent arrêté fixe des règles d'essai révisées.")])
            #expect(text.clause(eId: "art_3__para_1")?.content
                    == [Block(text: "L'exécution du présent arrêté est confiée au directeur général de la santé.")])
            let working = try LegalTextReader.read(contentsOf: workingCopyFile(register).path).document
            #expect(working == text, "the working copy is refreshed with both updates")
        }
    }

    @Test("a concurrent change to the same article is a .draftConflict naming its file, and nothing is committed")
    func sameArticleConflicts() async throws {
        try await withDraft { (register, _) async throws in
            var theirs = try SmallAct.v1()
            Self.reword("art_1", "Version de l'autre rédacteur.")(&theirs)
            let other = try await commitAsOtherWriter(register, theirs)

            try editWorkingCopy(register, Self.reword("art_1", "Version du premier rédacteur."))
            await #expect(throws: RegisterError.draftConflict(draft: "revision", paths: [smallActArticle("art_1")])) {
                try await register.commitDraft("revision", message: "Article 1er", author: Fixture.drafter)
            }
            #expect(try await register.gitStore.tip(of: "refs/heads/draft/revision") == other)
            let working = try LegalTextReader.read(contentsOf: workingCopyFile(register).path).document
            #expect(working.clause(eId: "art_1__para_1")?.content == [Block(text: "Version du premier rédacteur.")],
                    "the drafter's edit is not thrown away")
        }
    }

    /// A second drafter on the same register: another register folder (own `brouillons/`) whose `register.git`
    /// is the first one's.
    private func secondDrafter(of register: TextRegister) throws -> TextRegister {
        let root = register.root.deletingLastPathComponent().appendingPathComponent("second-drafter")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: TextRegister.gitDirectory(of: root),
                                                   withDestinationURL: TextRegister.gitDirectory(of: register.root))
        return try TextRegister.open(at: root)
    }

    /// Prepares both drafters' working copies from the draft's tip, each with its own edit.
    private func prepare(_ edits: [(TextRegister, (inout LegalDocument) -> Void)]) async throws -> ObjectID {
        let tip = try #require(try await edits[0].0.gitStore.tip(of: "refs/heads/draft/revision"))
        for (drafter, edit) in edits {
            try await drafter.writeWorkingCopy(name: "revision", at: tip)
            let file = drafter.workingCopy(ofDraft: "revision").appendingPathComponent("TEST2000001A.xml")
            var document = try LegalTextReader.read(contentsOf: file.path).document
            edit(&document)
            try CanonicalWriter.data(document).write(to: file)
        }
        return tip
    }

    /// Runs both commits at the same moment: the branch's ref lock is held (as by a writer in the middle of its
    /// update) while both drafters check their working copies and reach the compare-and-swap, then released by
    /// a thread of its own (the test's task may be starved when the machine is busy; the lock must go long
    /// before the store takes it for a dead writer's).
    private func commitTogether(_ first: TextRegister, _ second: TextRegister) async throws
        -> [Result<ObjectID?, RegisterError>] {
        let git = TextRegister.gitDirectory(of: first.root)
        let lock = git.appendingPathComponent("refs/heads/draft/revision.lock")
        let marker = Data("verrou du test\n".utf8)
        try marker.write(to: lock)
        let objects = git.appendingPathComponent("objects")
        let before = Self.looseObjects(in: objects)
        async let one = outcome { () async throws(RegisterError) in
            try await first.commitDraft("revision", message: "Première", author: Fixture.drafter)
        }
        async let two = outcome { () async throws(RegisterError) in
            try await second.commitDraft("revision", message: "Seconde", author: Fixture.member)
        }
        await withCheckedContinuation { (released: CheckedContinuation<Void, Never>) in
            Thread {
                // Both are at the lock once both have written their objects (a blob, four trees, a commit each).
                let deadline = Date().addingTimeInterval(4)
                while Self.looseObjects(in: objects) < before + 12 && Date() < deadline { usleep(20_000) }
                if (try? Data(contentsOf: lock)) == marker { try? FileManager.default.removeItem(at: lock) }
                released.resume()
            }.start()
        }
        return await [one, two]
    }

    /// How many loose objects the repository holds.
    private static func looseObjects(in objects: URL) -> Int {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: objects.path)) ?? []
        return folders.filter { $0.count == 2 }.reduce(0) { count, folder in
            count + ((try? FileManager.default.contentsOfDirectory(atPath: objects.appendingPathComponent(folder).path))?.count ?? 0)
        }
    }

    @Test("two drafters committing the same article at the same moment: one commit lands, the other is a .draftConflict")
    func simultaneousSameArticle() async throws {
        try await withDraft { (register, _) async throws in
            let other = try secondDrafter(of: register)
            let tip = try await prepare([(register, Self.reword("art_1", "Rédaction de la première rédactrice.")),
                                         (other, Self.reword("art_1", "Rédaction de la seconde rédactrice."))])
            let outcomes = try await commitTogether(register, other)
            let landed = outcomes.filter { if case .success(.some) = $0 { true } else { false } }.count
            let conflicts = outcomes.filter {
                if case .failure(.draftConflict(_, let paths)) = $0 { paths == [smallActArticle("art_1")] } else { false }
            }.count
            #expect(landed == 1 && conflicts == 1, "\(outcomes): both landing means the first one's article 1 was overwritten unseen")
            let log = try await register.gitStore.log(branch: "refs/heads/draft/revision", firstParentOnly: true)
            #expect(log.first?.parents == [tip], "one commit only on top of \(tip)")
        }
    }

    @Test("two drafters committing different articles at the same moment: both updates land")
    func simultaneousDifferentArticles() async throws {
        try await withDraft { (register, _) async throws in
            let other = try secondDrafter(of: register)
            _ = try await prepare([(register, Self.reword("art_1", "Nouvelle rédaction de art_1.")),
                                   (other, Self.reword("art_3", "Nouvelle rédaction de art_3."))])
            for result in try await commitTogether(register, other) {
                if case .failure(let error) = result { Issue.record("\(error)") }
            }
            let text = try await register.document(at: "draft/revision")
            #expect(text.clause(eId: "art_1__para_1")?.content == [Block(text: "Nouvelle rédaction de art_1.")])
            #expect(text.clause(eId: "art_3__para_1")?.content == [Block(text: "Nouvelle rédaction de art_3.")])
            // The adopted version, the draft's opening commit (its metadata), then the two drafters.
            #expect(try await register.gitStore.log(branch: "refs/heads/draft/revision", firstParentOnly: true).count == 4)
        }
    }

    @Test("an invalid working copy is refused with .invalidDocuments, and nothing is committed")
    func invalidWorkingCopy() async throws {
        try await withDraft { (register, draft) async throws in
            let file = workingCopyFile(register)
            let text = try String(contentsOf: file, encoding: .utf8)
                .replacingOccurrences(of: #"<paragraph eId="art_3__para_1""#, with: #"<paragraph eId="art_1__para_1""#)
            try Data(text.utf8).write(to: file)
            let error = await #expect(throws: RegisterError.self) {
                try await register.commitDraft("revision", message: "Cassé", author: Fixture.drafter)
            }
            guard case .invalidDocuments(let problems) = error else {
                Issue.record("expected .invalidDocuments, got \(String(describing: error))")
                return
            }
            // art_1__para_1 twice, and an eId that is not the one its place in art_3 gives.
            #expect(Set(problems.map(\.rule)) == [.duplicateEId, .eIdMismatch], "\(problems)")
            #expect(try await register.gitStore.tip(of: "refs/heads/draft/revision") == draft.tip)
            #expect(try await register.gitStore.log(branch: "refs/heads/draft/revision").count == 2, "v1 and the draft's opening")
        }
    }

    @Test("commitDraft with no change in the working copy returns nil and writes nothing")
    func noChange() async throws {
        try await withDraft { (register, draft) async throws in
            #expect(try await register.commitDraft("revision", message: "Rien", author: Fixture.drafter) == nil)
            #expect(try await register.gitStore.tip(of: "refs/heads/draft/revision") == draft.tip)
        }
    }
}

/// The result of a register call, error kept typed.
func outcome<T>(_ body: () async throws(RegisterError) -> T) async -> Result<T, RegisterError> {
    do {
        return .success(try await body())
    } catch {
        return .failure(error)
    }
}

@Suite("Text register: imported drafts")
struct TextRegisterImportedDraftTests {
    @Test("an imported draft gets a working copy, ready for draft commit")
    func workingCopy() async throws {
        try await withTextRegister { (register, _) async throws in
            _ = try await register.importVersions(from: Corpus.folder.path, author: Fixture.drafter)
            let name = String(Corpus.draftBranch.dropFirst("draft/".count))
            let file = register.workingCopy(ofDraft: name).appendingPathComponent("AFSP1638149A.xml")
            let copy = try LegalTextReader.read(contentsOf: file.path).document
            #expect(copy == (try await register.document(at: Corpus.draftBranch)))
            #expect(try await register.commitDraft(name, message: "rien", author: Fixture.drafter) == nil)
        }
    }
}
