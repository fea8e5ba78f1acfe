import Foundation
import LegalText
import Testing
import SuiviTestSupport

/// Abrogations and unknown dates in LEGI: the abrogation of a whole text is a version of its own, and
/// a date LEGI does not know (its 2999-01-01 sentinel) is never replaced by a guess.
@Suite("LEGI import: abrogations and unknown dates")
struct LegiAbrogationTests {
    private func date(_ iso: String) throws -> LegalDate { try #require(LegalDate(iso: iso)) }

    @Test("the abrogation of the whole text is a version: the text is not in force from that date")
    func abrogationIsAVersion() throws {
        let timeline = try LegiImporter.timeline(from: LegiSample.abrogatedCode)
        #expect(timeline.versions.map(\.date.iso) == ["1961-03-01", "1985-07-01", "1999-01-01", "2003-01-01"])
        #expect(timeline.versions.map(\.kind) == [.consolidation, .consolidation, .consolidation, .abrogation])
        #expect(timeline.endsOn?.iso == "2003-01-01")
        #expect(timeline.version(inForceOn: try date("2002-12-31"))?.date.iso == "1999-01-01")
        #expect(timeline.version(inForceOn: try date("2003-01-01")) == nil)
        #expect(timeline.version(inForceOn: try date("2005-01-01")) == nil)

        let abrogation = try #require(timeline.versions.last)
        #expect(abrogation.changes == ["article 1 : abrogé (LEGIARTI000099000202)"])
        #expect(abrogation.officialReferences == ["Ordonnance fictive 2002-001 2002-11-20 art. 9 en vigueur le 1er janvier 2003 [JORFTEXT000099000202]"])
        let document = abrogation.document
        #expect(document.date(of: .repeal)?.iso == "2003-01-01")
        #expect(document.date(of: .entryIntoForce)?.iso == "2003-01-01")
        #expect(document.body.map(\.eId) == ["art_1"], "the text as it last stood")
        #expect(document.notes.first?.blocks.first?.plainText.hasPrefix("Texte abrogé") == true)
        #expect(LegalTextValidator.validate(SourceDocument(file: "legi", document: document)).isEmpty)
        // The versions before it are not abrogations.
        #expect(timeline.versions.dropLast().allSatisfy { $0.document.date(of: .repeal) == nil })
    }

    @Test("an unknown signature date (LEGI's 2999-01-01) stays unknown: no signature, no date taken from an article")
    func unknownSignature() throws {
        let timeline = try LegiImporter.timeline(from: LegiSample.abrogatedCode)
        for version in timeline.versions {
            let document = version.document
            #expect(document.date(of: .signature) == nil, "\(version.date.iso)")
            #expect(document.date(of: .publication) == nil, "\(version.date.iso)")
            #expect(document.date(of: .consolidation) == version.date)
            #expect(document.identification.work.uri == "/akn/fr/act/code/LEGITEXT000099000002")
            #expect(document.identification.work.date.name != "signature")
            #expect(LegalTextValidator.validate(SourceDocument(file: "legi", document: document)).isEmpty,
                    "\(version.date.iso)")
        }
    }

    @Test("a text abrogated, then back in force, is not in force between the two")
    func backInForce() throws {
        let folder = try LegiSample.folder([
            "a.xml": LegiSample.articleXML(id: "LEGIARTI000099000301", num: "1", state: "ABROGE", start: "2010-01-01",
                                           end: "2012-01-01", versions: [], content: "Première rédaction."),
            "b.xml": LegiSample.articleXML(id: "LEGIARTI000099000311", num: "2", state: "VIGUEUR", start: "2015-01-01",
                                           end: "2999-01-01", versions: [], content: "Article rétabli en 2015."),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let timeline = try LegiImporter.timeline(from: folder.path)
        #expect(timeline.versions.map(\.date.iso) == ["2010-01-01", "2012-01-01", "2015-01-01"])
        #expect(timeline.versions.map(\.kind) == [.consolidation, .abrogation, .consolidation])
        #expect(timeline.endsOn == nil)
        #expect(timeline.version(inForceOn: try date("2013-06-01")) == nil)
        #expect(timeline.version(inForceOn: try date("2016-01-01"))?.document.body.map(\.eId) == ["art_2"])
    }

    @Test("the shared LEGI example (read in place): abrogated on 2001-01-01, signature unknown, not in force in 2005", .tags(.externalTool),
          .enabled(if: !TestSelection.fastOnly && (SharedMaterials.available || ExternalTool.inCI),
                   "needs ../shared (real LEGI example): set SUIVI_SHARED"))
    func sharedExample() throws {
        try #require(FileManager.default.fileExists(atPath: LegiSample.sharedExamples),
                     "the shared LEGI example is expected in \(LegiSample.sharedExamples) (CI needs it)")
        let timeline = try LegiImporter.timeline(from: LegiSample.sharedExamples)
        #expect(timeline.versions.map(\.date.iso) == ["1952-06-29", "2001-01-01"])
        #expect(timeline.versions.last?.kind == .abrogation)
        #expect(timeline.version(inForceOn: try date("2000-12-31"))?.date.iso == "1952-06-29")
        #expect(timeline.version(inForceOn: try date("2005-01-01")) == nil)
        for version in timeline.versions {
            #expect(version.document.date(of: .signature) == nil, "LEGI gives 2999-01-01: the signature is unknown")
            #expect(LegalTextValidator.validate(SourceDocument(file: "legi", document: version.document)).isEmpty)
        }
    }
}
