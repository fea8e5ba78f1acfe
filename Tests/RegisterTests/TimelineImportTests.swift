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
        try await withTextRegister { register, _ in
            let timeline = try LegiImporter.timeline(from: Self.legiFixture)
            let outcomes = try await register.importTimeline(timeline, author: Self.author)
            #expect(outcomes.map(\.version) == ["v2018-03-10", "v2020-06-01", "v2022-01-01"])
            #expect(outcomes.allSatisfy { $0.status == .created })

            let log = try await register.gitStore.log(from: try #require(try await register.gitStore.tip()), firstParentOnly: true)
            #expect(log.count == 3)
            let versions = try await register.versions()
            #expect(versions.map(\.name) == ["v2018-03-10", "v2020-06-01", "v2022-01-01"])
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
        try await withTextRegister { register, _ in
            _ = try await register.importTimeline(try LegiImporter.timeline(from: Self.legiFixture), author: Self.author)
            let cases: [(String, String, [String])] = [
                ("2019-05-01", "v2018-03-10", ["art_1", "art_2"]),
                ("2021-02-01", "v2020-06-01", ["art_1", "art_2"]),
                ("2025-01-01", "v2022-01-01", ["art_1"]),
            ]
            for (day, tag, articles) in cases {
                let version = try await register.versionInForce(on: try date(day))
                #expect(version.name == tag)
                let document = try await register.document(at: version.commit)
                #expect(document.body.map(\.eId) == articles)
            }
            let middle = try await register.document(at: "v2020-06-01")
            #expect(middle.clause(eId: "art_1__para_2")?.textBlocks.first?.plainText.contains("nom de la personne") == true)
            let first = try await register.document(at: "v2018-03-10")
            #expect(first.clause(eId: "art_1__para_2")?.textBlocks.first?.plainText == "Le carnet mentionne la date de chaque nettoyage.")
            await #expect(throws: RegisterError.self) { try await register.versionInForce(on: try date("2018-03-01")) }
        }
    }

    @Test("re-importing the same extract commits nothing more")
    func idempotent() async throws {
        try await withTextRegister { register, _ in
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
        try await withTextRegister { register, _ in
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
        try await withTextRegister { register, _ in
            let source = try LegalTextReader.read(contentsOf: Corpus.adoptedFile)
            let outcome = try await register.importDocument(source, draftName: "unused", author: Self.author)
            #expect(outcome.version == Corpus.adoptedTag)
            let stored = try await register.document(at: Corpus.adoptedTag)
            #expect(stored == source.document)
        }
    }
}
