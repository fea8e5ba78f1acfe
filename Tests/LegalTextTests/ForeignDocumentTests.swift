import Foundation
import LegalText
import Testing

/// Any Akoma Ntoso 3.0 document in (issue 16): documents of other tools are read, their hierarchy becomes
/// clauses, what suivi does not model is carried and written back, missing eIds are computed.
@Suite("Akoma Ntoso documents from other tools")
struct ForeignDocumentTests {
    /// The real documents of `../shared/examples/akn`, read in place.
    static let folder = SharedMaterials.path("examples/akn")
    static let files: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
    }()
    /// Absent material disables the tests, except under CI, where it must be there.
    static let available = SharedMaterials.available && files.count == 5
    static let reason: Comment = "needs ../shared/examples/akn (five real documents): set SUIVI_SHARED"
    static var arguments: [String] {
        if ProcessInfo.processInfo.environment["CI"] == "true" && !available { return ["(../shared/examples/akn absent)"] }
        return files
    }
    static var enabled: Bool { available || ProcessInfo.processInfo.environment["CI"] == "true" }

    private func path(_ name: String) throws -> String {
        let path = Self.folder + "/" + name
        try #require(FileManager.default.fileExists(atPath: path), "the shared example \(path) is missing")
        return path
    }

    // MARK: The five real documents

    @Test("a real Akoma Ntoso document from another tool is read, and holds clauses",
          .enabled(if: ForeignDocumentTests.enabled, ForeignDocumentTests.reason), arguments: ForeignDocumentTests.arguments)
    func readsRealDocument(name: String) throws {
        let source = try LegalTextReader.readAny(contentsOf: try path(name))
        #expect(source.document.profile == .akn)
        #expect(!source.document.body.isEmpty)
        #expect(source.document.allClauses.count >= 5, "\(name): \(source.document.allClauses.count) clauses")
        #expect(LegalTextValidator.validate(source, profile: .akn) == [])
    }

    @Test("written back, a real document is equivalent to the original (canonical XML compare)",
          .enabled(if: ForeignDocumentTests.enabled, ForeignDocumentTests.reason), arguments: ForeignDocumentTests.arguments)
    func writesBackEquivalent(name: String) throws {
        let path = try path(name)
        let document = try LegalTextReader.readAny(contentsOf: path).document
        let written = CanonicalWriter.data(document)
        let original = try CanonicalXML.tree(Data(contentsOf: URL(fileURLWithPath: path)), file: path)
        let copy = try CanonicalXML.tree(written, file: "ecrit.xml")
        let differences = CanonicalXML.differences(original, copy, allowingAddedIdentifiers: true)
        #expect(differences.isEmpty, "\(name):\n\(differences.joined(separator: "\n"))")
    }

    @Test("a real document read back after writing is the same, and writing it is idempotent",
          .enabled(if: ForeignDocumentTests.enabled, ForeignDocumentTests.reason), arguments: ForeignDocumentTests.arguments)
    func roundTrips(name: String) throws {
        let document = try LegalTextReader.readAny(contentsOf: try path(name)).document
        let written = CanonicalWriter.data(document)
        let again = try LegalTextReader.readAny(data: written, file: name).document
        #expect(again == document)
        #expect(CanonicalWriter.data(again) == written)
    }

    @Test("what suivi writes of a real document validates against the OASIS schema",
          .enabled(if: ForeignDocumentTests.enabled, ForeignDocumentTests.reason), arguments: ForeignDocumentTests.arguments)
    func writtenIsSchemaValid(name: String) throws {
        let document = try LegalTextReader.readAny(contentsOf: try path(name)).document
        let directory = try TemporaryDirectory()
        let output = try directory.write(CanonicalWriter.data(document), to: name)
        let xmllint = try #require(["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                   "xmllint (libxml2-utils) is needed")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--noout", "--nonet", "--schema", SharedMaterials.path("schemas/akomantoso30.xsd"), output]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(name): \(message)")
    }

    @Test("the strict reader still refuses a real document: the suivi profile is a separate rule",
          .enabled(if: ForeignDocumentTests.enabled, ForeignDocumentTests.reason), arguments: ForeignDocumentTests.arguments)
    func strictReaderRefuses(name: String) throws {
        let path = try path(name)
        #expect(LegalTextError.caught { try LegalTextReader.read(contentsOf: path) } != nil)
    }

    @Test("missing eIds of a European bill are computed by the naming convention", .enabled(if: ForeignDocumentTests.enabled, ForeignDocumentTests.reason))
    func computedEIds() throws {
        let document = try LegalTextReader.readAny(contentsOf: try path("akn4eu_bill_123.xml")).document
        #expect(document.documentType == "bill")
        let first = try #require(document.body.first)
        #expect(first.kind == .article && first.eId == "art_1" && first.num == "Article 1")
        #expect(first.children.map(\.eId).prefix(2) == ["art_1__para_1", "art_1__para_2"])
        #expect(document.citations.map(\.eId).prefix(2) == ["cit_1", "cit_2"])
        let eIds = document.allClauses.map(\.eId)
        #expect(Set(eIds).count == eIds.count, "computed eIds are unique")
        #expect(document.allClauses.allSatisfy { !$0.hasExplicitWId }, "a wId the source lacks is not invented as identity")
    }

    @Test("the Scottish act's parts, hcontainers, sections and subsections are clauses; its tables are carried",
          .enabled(if: ForeignDocumentTests.enabled, ForeignDocumentTests.reason))
    func scottishHierarchy() throws {
        let document = try LegalTextReader.readAny(contentsOf: try path("asp-2017-1-enacted-data.akn.xml")).document
        let kinds = Set(document.allClauses.map(\.kind))
        #expect(kinds.isSuperset(of: [.part, .hcontainer, .section, .subsection, .paragraph]))
        let blocks = document.allClauses.flatMap { $0.intro + $0.content + $0.wrapUp }
        #expect(blocks.contains { $0.name == "tblock" && $0.plainText.contains("Scottish") })
    }

    // MARK: Small documents, one feature each

    private static func document(meta: String = defaultMeta, type: String = "act", preamble: String = "", body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
        <\(type) name="exemple">
        \(meta)
        \(preamble)
        <body>
        \(body)
        </body>
        </\(type)>
        </akomaNtoso>
        """
    }

    private static let defaultMeta = """
        <meta>
          <identification source="#autre">
            <FRBRWork>
              <FRBRthis value="/akn/xx/act/2020/1/!main"/>
              <FRBRuri value="/akn/xx/act/2020/1"/>
              <FRBRalias value="/eli/xx/2020/1" name="eli"/>
              <FRBRdate date="2020-01-02" name="adoption"/>
              <FRBRauthor href="#parlement"/>
              <FRBRcountry value="xx"/>
              <FRBRsubtype value="loi"/>
              <FRBRprescriptive value="true"/>
            </FRBRWork>
            <FRBRExpression>
              <FRBRthis value="/akn/xx/act/2020/1/fra@/!main"/>
              <FRBRuri value="/akn/xx/act/2020/1/fra@"/>
              <FRBRdate date="2020-01-02" name="adoption"/>
              <FRBRauthor href="#parlement"/>
              <FRBRlanguage language="fra"/>
            </FRBRExpression>
            <FRBRManifestation>
              <FRBRthis value="/akn/xx/act/2020/1/fra@/!main.xml"/>
              <FRBRuri value="/akn/xx/act/2020/1/fra@.akn"/>
              <FRBRdate date="2020-01-03" name="conversion"/>
              <FRBRauthor href="#editeur"/>
            </FRBRManifestation>
          </identification>
        </meta>
        """

    private static let articles = """
        <article>
          <num>Article 1</num>
          <paragraph><content><p>Premier alinéa de l'article premier.</p></content></paragraph>
          <paragraph><content><p>Second alinéa.</p></content></paragraph>
        </article>
        <article>
          <num>Article 2</num>
          <content><p>Article sans alinéa numéroté.</p></content>
        </article>
        """

    private func read(_ text: String) throws -> LegalDocument {
        try LegalTextReader.readAny(data: Data(text.utf8), file: "exemple.xml").document
    }

    private func equivalentAfterWriting(_ text: String) throws -> [String] {
        let written = CanonicalWriter.data(try read(text))
        return CanonicalXML.differences(try CanonicalXML.tree(Data(text.utf8), file: "exemple.xml"),
                                        try CanonicalXML.tree(written, file: "ecrit.xml"), allowingAddedIdentifiers: true)
    }

    @Test("FRBRalias, FRBRsubtype and FRBRprescriptive are read and written back")
    func frbrExtras() throws {
        let text = Self.document(body: Self.articles)
        let document = try read(text)
        #expect(document.identification.work.uri == "/akn/xx/act/2020/1")
        #expect(try equivalentAfterWriting(text) == [])
        let written = CanonicalWriter.string(document)
        #expect(written.contains(#"<FRBRalias name="eli" value="/eli/xx/2020/1"/>"#) || written.contains(#"<FRBRalias name="eli" value="/eli/xx/2020/1"></FRBRalias>"#))
        #expect(written.contains("FRBRsubtype") && written.contains("FRBRprescriptive"))
    }

    @Test("a document without eIds gets them by the naming convention, and they are written")
    func missingEIds() throws {
        let document = try read(Self.document(body: Self.articles))
        #expect(document.body.map(\.eId) == ["art_1", "art_2"])
        #expect(document.body[0].children.map(\.eId) == ["art_1__para_1", "art_1__para_2"])
        let written = CanonicalWriter.string(document)
        #expect(written.contains(#"<paragraph eId="art_1__para_2" wId="art_1__para_2">"#))
    }

    @Test("a preamble made of plain p is carried")
    func plainPreamble() throws {
        let text = Self.document(preamble: "<preamble><p>Le Parlement a adopté,</p><p>Le Président promulgue la loi dont la teneur suit :</p></preamble>",
                                 body: Self.articles)
        let document = try read(text)
        #expect(document.preamble.count == 2)
        #expect(try equivalentAfterWriting(text) == [])
    }

    @Test("a bill is read as a bill and written back as one")
    func bill() throws {
        let text = Self.document(type: "bill", body: Self.articles)
        let document = try read(text)
        #expect(document.documentType == "bill")
        #expect(CanonicalWriter.string(document).contains("<bill name=\"exemple\">"))
        #expect(try equivalentAfterWriting(text) == [])
    }

    @Test("a document whose elements carry a namespace prefix is read like the unprefixed one")
    func prefixedNamespace() throws {
        let plain = Self.document(body: Self.articles)
        let prefixed = plain.replacing(try Regex(#"<(/?)([A-Za-z])"#)) { match in
            "<\(match.output[1].substring ?? "")an:\(match.output[2].substring ?? "")"
        }.replacingOccurrences(of: "<an:akomaNtoso xmlns=", with: "<an:akomaNtoso xmlns:an=")
        #expect(prefixed.contains("<an:article>"))
        #expect(try read(prefixed) == read(plain))
        #expect(try equivalentAfterWriting(prefixed) == [])
    }

    @Test("elements suivi does not model, and other namespaces, are carried through untouched")
    func carried() throws {
        let body = """
            <hcontainer name="annexe-tableau">
              <num>A</num>
              <content>
                <tblock><table><tr><th><p>Pays</p></th><th><p>Taux</p></th></tr><tr><td><p>X</p></td><td><p>1 %</p></td></tr></table></tblock>
                <p>Texte avec <noteRef href="#n1"/> et <mref><ref href="#a">a</ref> et <ref href="#b">b</ref></mref>.</p>
              </content>
            </hcontainer>
            \(Self.articles)
            """
        let meta = Self.defaultMeta.replacingOccurrences(
            of: "</FRBRManifestation>",
            with: #"<preservation><x:outil xmlns:x="urn:exemple:outil" x:version="4.0">convertisseur</x:outil></preservation></FRBRManifestation>"#)
            .replacingOccurrences(of: "</identification>", with: ##"</identification><proprietary source="#autre"><y:donnee xmlns:y="urn:y">1</y:donnee></proprietary>"##)
        let text = Self.document(meta: meta, body: body)
        let document = try read(text)
        let container = try #require(document.body.first)
        #expect(container.kind == .hcontainer && container.eId == "hcontainer_1" && container.attributes["name"] == "annexe-tableau")
        #expect(container.content.map(\.name) == ["tblock", "p"])
        #expect(try equivalentAfterWriting(text) == [])
        // Once read back from what suivi writes, nothing more is lost.
        let written = CanonicalWriter.data(document)
        #expect(try LegalTextReader.readAny(data: written, file: "ecrit.xml").document == document)
    }

    @Test("a changed value of carried metadata is written, in the suivi form, not the stale carried block")
    func changedMetadata() throws {
        var document = try read(Self.document(body: Self.articles))
        #expect(document.carriedMeta != nil)
        document.identification.expression.uri = "/akn/xx/act/2020/1/fra@2021-01-01"
        let written = CanonicalWriter.string(document)
        #expect(written.contains("/akn/xx/act/2020/1/fra@2021-01-01"))
        #expect(written.contains(##"<identification source="#suivi">"##))
    }

    @Test("conversion to the suivi profile gives a document the strict reader reads, and says what it changed")
    func conversion() throws {
        let text = Self.document(type: "bill", preamble: "<preamble><p>Le Parlement a adopté :</p></preamble>",
                                 body: "<hcontainer name=\"titre\"><content><p>Un conteneur.</p></content></hcontainer>" + Self.articles)
        let conversion = ProfileConversion.convert(try read(text))
        #expect(conversion.document.profile == .suivi)
        let written = CanonicalWriter.data(conversion.document)
        let strict = try LegalTextReader.read(data: written, file: "converti.xml").document
        #expect(strict.body.map(\.eId) == ["sec_1", "art_1", "art_2"])
        #expect(strict.body.first?.attributes["class"] == "titre")
        let said = conversion.changes.joined(separator: "\n")
        #expect(said.contains("métadonnées réécrites") && said.contains("FRBRprescriptive"))
        #expect(said.contains("<bill> devient un <act>"))
        #expect(said.contains("<hcontainer> devenu(s) <section>"))
        // Already in the profile: nothing to say.
        #expect(ProfileConversion.convert(try Fixture.minimal().document).changes.isEmpty)
    }

    @Test("the canonical comparison sees a changed word, a dropped element and a changed attribute")
    func comparisonSeesDifferences() throws {
        let text = Self.document(body: Self.articles)
        let original = try CanonicalXML.tree(Data(text.utf8), file: "a.xml")
        for edited in [text.replacingOccurrences(of: "Second alinéa.", with: "Deuxième alinéa."),
                       text.replacingOccurrences(of: "<FRBRsubtype value=\"loi\"/>", with: ""),
                       text.replacingOccurrences(of: "name=\"adoption\"", with: "name=\"vote\"")] {
            #expect(edited != text)
            let copy = try CanonicalXML.tree(Data(edited.utf8), file: "b.xml")
            #expect(!CanonicalXML.differences(original, copy).isEmpty)
        }
        let reindented = text.replacingOccurrences(of: "\n", with: "\n    ")
        #expect(CanonicalXML.differences(original, try CanonicalXML.tree(Data(reindented.utf8), file: "c.xml")).isEmpty)
    }

    @Test("a hostile sample is refused by the reader of any Akoma Ntoso document as well", arguments: HostileSample.all)
    func hostileStillRefused(sample: HostileSample) throws {
        let directory = try TemporaryDirectory()
        let path = try sample.materialize(in: directory)
        let error = try #require(LegalTextError.caught { try LegalTextReader.readInItsProfile(contentsOf: path, limits: sample.limits) },
                                 "\(sample.fileName) was read as a valid document")
        #expect(sample.matches(error), "expected \(sample.refusal), got \(error)")
    }
}
