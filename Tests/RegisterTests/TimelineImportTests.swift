import Foundation
import LegalText
import Register
import Testing

/// Committing an official consolidation history (LEGI) and single Akoma Ntoso documents.
@Suite("Register: official text import")
struct TimelineImportTests {
    static let author = Identity(name: "Import LEGI", email: "legi@suivi.invalid")
    /// The LEGI fixture of LegalTextTests (three versions of two articles, article 2 abrogated on 2022-01-01).
    static let legiFixture = Corpus.packageRoot.appendingPathComponent("Tests/LegalTextTests/Fixtures/legi/LEGITEXT000099000001").path

    private func date(_ iso: String) throws -> LegalDate { try #require(LegalDate(iso: iso)) }

    @Test("one commit per consolidation date, dated that day, tagged v<date> with the JORF references")
    func commitsAndTags() async throws {
        try await withTextRegister { (register, _) async throws in
            let timeline = try LegiImporter.timeline(from: Self.legiFixture)
            let outcomes = try await register.importTimeline(timeline, author: Self.author)
            #expect(outcomes.map(\.version) == ["TEST1800001A/v2018-03-10", "TEST1800001A/v2020-06-01", "TEST1800001A/v2022-01-01"])
            #expect(outcomes.allSatisfy { $0.status == .created })

            let log = try await register.gitStore.log(from: try #require(try await register.gitStore.tip()), firstParentOnly: true)
            #expect(log.count == 3)
            let versions = try await register.versions()
            #expect(versions.map(\.name) == ["TEST1800001A/v2018-03-10", "TEST1800001A/v2020-06-01", "TEST1800001A/v2022-01-01"])
            #expect(versions[1].record?.consolidation?.iso == "2020-06-01")
            #expect(versions[1].record?.officialReferences == ["Arrêté du 20 mai 2020 - art. 1 (V) [JORFTEXT000099000002]"])
            #expect(versions[2].record?.officialReferences == ["Arrêté du 15 décembre 2021 - art. 2 [JORFTEXT000099000003]"])
            for (version, outcome) in zip(versions, outcomes) {
                let info = try await register.gitStore.commitInfo(outcome.commit)
                #expect(info.summary.hasPrefix("Version consolidée au"))
                #expect(version.record?.entryIntoForce?.noonUTC == info.date)
            }
        }
    }

    @Test("the text in force on dates between the versions, from the register")
    func inForce() async throws {
        try await withTextRegister { (register, _) async throws in
            _ = try await register.importTimeline(try LegiImporter.timeline(from: Self.legiFixture), author: Self.author)
            let cases: [(String, String, [String])] = [
                ("2019-05-01", "TEST1800001A/v2018-03-10", ["art_1", "art_2"]),
                ("2021-02-01", "TEST1800001A/v2020-06-01", ["art_1", "art_2"]),
                ("2025-01-01", "TEST1800001A/v2022-01-01", ["art_1"]),
            ]
            for (day, tag, articles) in cases {
                let version = try await register.versionInForce(on: try date(day))
                #expect(version.name == tag)
                let document = try await register.document(at: version.commit)
                #expect(document.body.map(\.eId) == articles)
            }
            let middle = try await register.document(at: "TEST1800001A/v2020-06-01")
            #expect(middle.clause(eId: "art_1__para_2")?.textBlocks.first?.plainText.contains("nom de la personne") == true)
            let first = try await register.document(at: "TEST1800001A/v2018-03-10")
            #expect(first.clause(eId: "art_1__para_2")?.textBlocks.first?.plainText == "Le carnet mentionne la date de chaque nettoyage.")
            await #expect(throws: RegisterError.self) { try await register.versionInForce(on: try date("2018-03-01")) }
        }
    }

    @Test("re-importing the same extract commits nothing more")
    func idempotent() async throws {
        try await withTextRegister { (register, _) async throws in
            let timeline = try LegiImporter.timeline(from: Self.legiFixture)
            let first = try await register.importTimeline(timeline, author: Self.author)
            let tip = try await register.gitStore.tip()
            let again = try await register.importTimeline(timeline, author: Self.author)
            #expect(again.allSatisfy { $0.status == .alreadyPresent })
            #expect(again.map(\.commit) == first.map(\.commit))
            #expect(try await register.gitStore.tip() == tip)
        }
    }

    @Test("a timeline with one invalid version commits nothing")
    func nothingPartial() async throws {
        try await withTextRegister { (register, _) async throws in
            let timeline = try LegiImporter.timeline(from: Self.legiFixture)
            var broken = timeline.versions
            var document = broken[2].document
            document.body.append(document.body[0])  // the same eId twice
            broken[2] = .init(date: broken[2].date, document: document, officialReferences: [], changes: [])
            let invalid = ConsolidationTimeline(source: timeline.source, versions: broken, endsOn: nil)
            await #expect(throws: RegisterError.self) { try await register.importTimeline(invalid, author: Self.author) }
            #expect(try await register.gitStore.tip() == nil)
            #expect(try await register.versions().isEmpty)
        }
    }

    @Test("an Akoma Ntoso document is imported as an adopted version, keeping its eIds and wIds")
    func importDocument() async throws {
        try await withTextRegister { (register, _) async throws in
            let source = try LegalTextReader.read(contentsOf: Corpus.adoptedFile)
            let outcome = try await register.importDocument(source, draftName: "unused", author: Self.author)
            #expect(outcome.version == Corpus.adoptedTag)
            let stored = try await register.document(at: Corpus.adoptedTag)
            #expect(stored == source.document)
        }
    }
}

/// LEGI abrogations, unknown dates, commit dates, and imports that are all or nothing.
@Suite("Register: LEGI abrogations, dates and all-or-nothing imports")
struct TimelineAbrogationTests {
    static let author = Identity(name: "Import LEGI", email: "legi@suivi.invalid")
    /// A code of the project's own invention: signature unknown (2999-01-01), versions of 1961, 1985 and
    /// 1999, the whole text abrogated on 2003-01-01.
    static let code = Corpus.packageRoot.appendingPathComponent("Tests/LegalTextTests/Fixtures/legi/LEGITEXT000099000002").path

    private func date(_ iso: String) throws -> LegalDate { try #require(LegalDate(iso: iso)) }

    @Test("the abrogation of the whole text is a version: after it, no version is in force")
    func abrogation() async throws {
        try await withTextRegister { (register, _) async throws in
            let outcomes = try await register.importTimeline(try LegiImporter.timeline(from: Self.code), author: Self.author)
            #expect(outcomes.map(\.version) == ["LEGITEXT000099000002/v1961-03-01", "LEGITEXT000099000002/v1985-07-01",
                                                "LEGITEXT000099000002/v1999-01-01", "LEGITEXT000099000002/v2003-01-01"])
            #expect(try await register.versionInForce(on: try date("2002-12-31")).name == "LEGITEXT000099000002/v1999-01-01")
            let error = await #expect(throws: RegisterError.self) { try await register.versionInForce(on: try date("2005-01-01")) }
            #expect(error == .repealed(date: try date("2005-01-01"), since: try date("2003-01-01"),
                                       version: "LEGITEXT000099000002/v2003-01-01"))
            let last = try #require(try await register.versions().last)
            #expect(last.record?.repeal?.iso == "2003-01-01")
            #expect(last.record?.message.contains("Texte abrogé") == true)
            let info = try await register.gitStore.commitInfo(last.commit)
            #expect(info.summary == "Abrogation au 1er janvier 2003 (LEGITEXT000099000002)")
        }
    }

    @Test("an unknown signature is never invented, and commit dates are the legal dates when git can store them, else the import's own time")
    func dates() async throws {
        try await withTextRegister { (register, _) async throws in
            let before = Date()
            let outcomes = try await register.importTimeline(try LegiImporter.timeline(from: Self.code), author: Self.author)
            let after = Date()
            for version in try await register.versions() {
                let record = try #require(version.record)
                #expect(record.signature == nil, "\(version.name)")
                #expect(!record.message.contains("signée le"), "\(version.name): \(record.message)")
                #expect(record.message.contains("date de signature inconnue"), "\(version.name)")
            }
            // 1961: before what git stores faithfully. The commit is dated when it was written, and says so.
            let first = try await register.gitStore.commitInfo(outcomes[0].commit)
            #expect(first.date >= before.addingTimeInterval(-1) && first.date <= after.addingTimeInterval(1), "\(first.date)")
            #expect(first.message.contains("Date légale : 1er mars 1961"))
            let tag = try #require(try await register.gitStore.tagInfo(named: outcomes[0].version))
            #expect(tag.date.map { $0 >= before.addingTimeInterval(-1) } == true)
            // 1985 and later: the legal date, noon UTC.
            for (outcome, iso) in zip(outcomes.dropFirst(), ["1985-07-01", "1999-01-01", "2003-01-01"]) {
                let info = try await register.gitStore.commitInfo(outcome.commit)
                #expect(info.date == (try date(iso)).noonUTC, "\(outcome.version)")
                #expect(!info.message.contains("Date légale"))
            }
        }
    }

    @Test("an import whose task is cancelled before its last step writes nothing: no tag, main unchanged")
    func cancelledImportWritesNothing() async throws {
        try await withTextRegister { (register, _) async throws in
            _ = try await register.importVersions(from: Corpus.folder.path, author: Self.author)
            let tip = try await register.gitStore.tip()
            let tags = try await register.gitStore.tags().map(\.name)
            let timeline = try LegiImporter.timeline(from: TimelineImportTests.legiFixture)
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }  // cancelled from the start: deterministic
                return try await register.importTimeline(timeline, author: Self.author)
            }
            let result = await task.result
            #expect(throws: RegisterError.cancelled) { try result.get() }
            #expect(try await register.gitStore.tip() == tip)
            #expect(try await register.gitStore.tags().map(\.name) == tags)
            // Run again, not cancelled: everything is there.
            let outcomes = try await register.importTimeline(timeline, author: Self.author)
            #expect(outcomes.count == 3 && outcomes.allSatisfy { $0.status == .created })
        }
    }

    @Test("a corpus import whose task is cancelled writes nothing: no tag, no draft branch, no working copy")
    func cancelledCorpusImportWritesNothing() async throws {
        try await withTextRegister { (register, root) async throws in
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await register.importVersions(from: Corpus.folder.path, author: Self.author)
            }
            let result = await task.result
            #expect(throws: RegisterError.cancelled) { try result.get() }
            #expect(try await register.gitStore.tip() == nil)
            #expect(try await register.gitStore.tags().isEmpty)
            #expect(try await register.gitStore.branches().isEmpty)
            let copies = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("registre/brouillons").path)) ?? []
            #expect(copies.isEmpty)
        }
    }

    @Test("versions committed but not tagged (an import stopped there) are tagged by the next import, not written again")
    func resumesUntagged() async throws {
        try await withTextRegister { (register, _) async throws in
            let timeline = try LegiImporter.timeline(from: TimelineImportTests.legiFixture)
            _ = try await register.importTimeline(timeline, author: Self.author)
            let tip = try #require(try await register.gitStore.tip())
            let commits = try await register.gitStore.log(from: tip, firstParentOnly: true).count
            // Delete two tags, as a writer killed before creating them would leave the register.
            let store = register.gitStore
            let gitDirectory = store.url
            for name in ["TEST1800001A/v2018-03-10", "TEST1800001A/v2022-01-01"] {
                try FileManager.default.removeItem(at: gitDirectory.appendingPathComponent("refs/tags/" + name))
            }
            let again = try await register.importTimeline(timeline, author: Self.author)
            #expect(again.map(\.status) == [.created, .alreadyPresent, .created])
            #expect(try await store.tip() == tip)
            #expect(try await store.log(from: tip, firstParentOnly: true).count == commits)
            #expect(try await store.tags().count == 3)
        }
    }
}
