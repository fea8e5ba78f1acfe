import Foundation
import LegalText
import Testing
import SuiviTestSupport

/// Reading Légifrance LEGI XML into a timeline of consolidated versions.
@Suite("LEGI import")
struct LegiImportTests {
    private func fixtureTimeline() throws -> ConsolidationTimeline {
        try LegiImporter.timeline(from: LegiSample.fixture)
    }

    private func date(_ iso: String) throws -> LegalDate {
        try #require(LegalDate(iso: iso))
    }

    private func paragraphs(_ document: LegalDocument, _ eId: String) -> [String] {
        document.clause(eId: eId)?.children.map { $0.textBlocks.map(\.plainText).joined(separator: " ") } ?? []
    }

    // MARK: The fixture: three versions of two articles, one abrogated

    @Test("three versions of two articles, one abrogated, give one version per consolidation date")
    func consolidationDates() throws {
        let timeline = try fixtureTimeline()
        #expect(timeline.versions.map(\.date.iso) == ["2018-03-10", "2020-06-01", "2022-01-01"])
        #expect(timeline.endsOn == nil)
    }

    @Test("the text in force on dates between versions")
    func textInForce() throws {
        let timeline = try fixtureTimeline()
        #expect(timeline.version(inForceOn: try date("2018-03-09")) == nil)

        let first = try #require(timeline.version(inForceOn: try date("2019-05-01"))).document
        #expect(first.body.map(\.eId) == ["art_1", "art_2"])
        #expect(paragraphs(first, "art_1") == [
            "Chaque fontaine d'essai est dotée d'un carnet d'entretien tenu par son gardien.",
            "Le carnet mentionne la date de chaque nettoyage.",
        ])
        #expect(paragraphs(first, "art_2") == ["Le carnet est présenté à tout agent de contrôle qui le demande."])

        let second = try #require(timeline.version(inForceOn: try date("2021-02-01"))).document
        #expect(second.body.map(\.eId) == ["art_1", "art_2"])
        #expect(paragraphs(second, "art_1").last
                == "Le carnet mentionne la date de chaque nettoyage et le nom de la personne qui l'a effectué, au 1er jour ouvré suivant.")

        let third = try #require(timeline.version(inForceOn: try date("2024-01-01"))).document
        #expect(third.body.map(\.eId) == ["art_1"])
        #expect(third.clause(eId: "art_2") == nil)
    }

    @Test("the day a version starts, it is the one in force; the day before, the previous one")
    func boundaries() throws {
        let timeline = try fixtureTimeline()
        #expect(timeline.version(inForceOn: try date("2020-05-31"))?.date.iso == "2018-03-10")
        #expect(timeline.version(inForceOn: try date("2020-06-01"))?.date.iso == "2020-06-01")
        #expect(timeline.version(inForceOn: try date("2021-12-31"))?.document.clause(eId: "art_2") != nil)
        #expect(timeline.version(inForceOn: try date("2022-01-01"))?.document.clause(eId: "art_2") == nil)
    }

    @Test("inline markup of the article text is kept (exponent of « 1er »)")
    func inlineMarkup() throws {
        let document = try #require(try fixtureTimeline().versions.last).document
        let block = try #require(document.clause(eId: "art_1__para_2")?.content.first)
        #expect(block.inlines.contains(.element(name: "sup", attributes: [:], children: [.text("er")])))
    }

    @Test("each version is a valid document of the subset, with its dates")
    func versionsValidate() throws {
        for version in try fixtureTimeline().versions {
            let problems = LegalTextValidator.validate(SourceDocument(file: "legi", document: version.document))
            #expect(problems.isEmpty, "\(version.date): \(problems)")
            #expect(version.document.date(of: .signature)?.iso == "2018-03-02")
            #expect(version.document.date(of: .publication)?.iso == "2018-03-09")
            #expect(version.document.date(of: .entryIntoForce) == version.date)
            #expect(version.document.title == "Arrêté du 2 mars 2018 relatif au carnet d'entretien des fontaines d'essai")
        }
    }

    @Test("work and expression URIs follow ELI: {work}/fr as published, {work}/{date}/fr when consolidated")
    func eliURIs() throws {
        let versions = try fixtureTimeline().versions
        let work = "/eli/arrete/2018/3/2/TEST1800001A/jo/texte"
        #expect(versions.allSatisfy { $0.document.identification.work.uri == work })
        #expect(versions.map(\.document.identification.expression.uri) == [
            work + "/fr", work + "/2020-06-01/fr", work + "/2022-01-01/fr",
        ])
        #expect(versions[0].document.identification.work.number == "TEST1800001A")
    }

    @Test("each version names the JORF texts that made it")
    func officialReferences() throws {
        let versions = try fixtureTimeline().versions
        #expect(versions[0].officialReferences.first?.hasSuffix("[JORFTEXT000099000001]") == true)
        #expect(versions[1].officialReferences == ["Arrêté du 20 mai 2020 - art. 1 (V) [JORFTEXT000099000002]"])
        #expect(versions[2].officialReferences == ["Arrêté du 15 décembre 2021 - art. 2 [JORFTEXT000099000003]"])
        #expect(versions[2].changes == ["article 2 : abrogé (LEGIARTI000099000021)"])
    }

    @Test("the visas, the authority, the enacting formula and the signatories are read")
    func preambleAndConclusions() throws {
        let document = try #require(try fixtureTimeline().versions.first).document
        #expect(document.citations.map { $0.content.map(\.plainText).joined() }
                == ["Vu le code imaginaire des fontaines, notamment son article F. 12 ;"])
        #expect(document.preamble.first == .formula(name: "autorite", blocks: [Block(text: "Le ministre des essais fictifs,")]))
        #expect(document.conclusions.first?.plainText == "Fait le 2 mars 2018.")
    }

    // MARK: Stable wIds

    @Test("a renumbered article keeps its wId; the new article taking its number gets another")
    func renumbering() throws {
        let old = [(id: "LEGIARTI000099000051", num: "2", start: "2019-01-01", end: "2021-01-01", state: "MODIFIE"),
                   (id: "LEGIARTI000099000052", num: "3", start: "2021-01-01", end: "2999-01-01", state: "VIGUEUR")]
        let folder = try LegiSample.folder([
            "a1.xml": LegiSample.articleXML(id: "LEGIARTI000099000041", num: "1", state: "VIGUEUR", start: "2019-01-01",
                                            end: "2999-01-01", versions: [], content: "Premier article d'essai."),
            "a2.xml": LegiSample.articleXML(id: "LEGIARTI000099000051", num: "2", state: "MODIFIE", start: "2019-01-01",
                                            end: "2021-01-01", versions: old, content: "Article qui sera renuméroté."),
            "a3.xml": LegiSample.articleXML(id: "LEGIARTI000099000052", num: "3", state: "VIGUEUR", start: "2021-01-01",
                                            end: "2999-01-01", versions: old, content: "Article qui sera renuméroté."),
            "new.xml": LegiSample.articleXML(id: "LEGIARTI000099000061", num: "2", state: "VIGUEUR", start: "2021-01-01",
                                             end: "2999-01-01", versions: [], content: "Article inséré en 2021."),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let timeline = try LegiImporter.timeline(from: folder.path)
        #expect(timeline.versions.count == 2)
        let before = try #require(timeline.versions.first).document
        #expect(before.body.map(\.eId) == ["art_1", "art_2"])
        #expect(before.body.map(\.wId) == ["art_1", "art_2"])
        let after = try #require(timeline.versions.last).document
        #expect(after.body.map(\.eId) == ["art_1", "art_2", "art_3"])
        #expect(after.body.map(\.wId) == ["art_1", "art_2-2021", "art_2"])
        #expect(after.clause(eId: "art_3")?.textBlocks.first?.plainText == "Article qui sera renuméroté.")
        #expect(LegalTextValidator.validate(SourceDocument(file: "legi", document: after)).isEmpty)
        // Without TEXTELR / TEXTE_VERSION, what the articles repeat about their text is used.
        #expect(after.identification.work.number == "TEST1900005A")
        #expect(after.title == "Arrêté d'essai sur la numérotation")
    }

    @Test("line breaks inside styling (font, span) still separate alinéas; links become refs")
    func stylingAndLinks() throws {
        let folder = try LegiSample.folder([
            "a.xml": LegiSample.articleXML(
                id: "LEGIARTI000099000081", num: "1", state: "VIGUEUR", start: "2019-01-01", end: "2999-01-01",
                versions: [], content: "<font size=\"2\">Premier alinéa.<br/>Second alinéa, voir "
                    + "<a href=\"/affichTexte.do?cidTexte=JORFTEXT000099000009\">l'arrêté</a>.</font>"),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = try #require(try LegiImporter.timeline(from: folder.path).versions.first).document
        #expect(paragraphs(document, "art_1") == ["Premier alinéa.", "Second alinéa, voir l'arrêté."])
        let second = try #require(document.clause(eId: "art_1__para_2")?.content.first)
        #expect(second.inlines.contains(.element(name: "ref", attributes: ["href": "/affichTexte.do?cidTexte=JORFTEXT000099000009"],
                                                 children: [.text("l'arrêté")])))
    }

    @Test("sections come from each version's context; the structure files give the order of their contents")
    func sectionsAndOrder() throws {
        let context = """
        <TM><TITRE_TM debut="2019-01-01" fin="2999-01-01" id="LEGISCTA000099000091">Chapitre 1er : Dispositions d'essai</TITRE_TM></TM>
        """
        let folder = try LegiSample.folder([
            "a1.xml": LegiSample.articleXML(id: "LEGIARTI000099000101", num: "1", state: "VIGUEUR", start: "2019-01-01",
                                            end: "2999-01-01", versions: [], content: "Article un.", context: context),
            "a2.xml": LegiSample.articleXML(id: "LEGIARTI000099000102", num: "2", state: "VIGUEUR", start: "2019-01-01",
                                            end: "2999-01-01", versions: [], content: "Article deux.", context: context),
            "section.xml": """
            <?xml version="1.0" encoding="UTF-8"?>
            <SECTION_TA><ID>LEGISCTA000099000091</ID><TITRE_TA>Chapitre 1er : Titre actuel</TITRE_TA>
            <STRUCTURE_TA>
            <LIEN_ART debut="2019-01-01" etat="VIGUEUR" fin="2999-01-01" id="LEGIARTI000099000102" num="2" origine="LEGI"/>
            <LIEN_ART debut="2019-01-01" etat="VIGUEUR" fin="2999-01-01" id="LEGIARTI000099000101" num="1" origine="LEGI"/>
            </STRUCTURE_TA></SECTION_TA>
            """,
            "struct.xml": """
            <?xml version="1.0" encoding="UTF-8"?>
            <TEXTELR><META><META_COMMUN><ID>LEGITEXT000099000005</ID><NATURE>ARRETE</NATURE></META_COMMUN></META>
            <STRUCT><LIEN_SECTION_TA cid="LEGISCTA000099000091" debut="2019-01-01" etat="VIGUEUR" fin="2999-01-01" \
            id="LEGISCTA000099000091" niv="1">Chapitre 1er : Titre actuel</LIEN_SECTION_TA></STRUCT></TEXTELR>
            """,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = try #require(try LegiImporter.timeline(from: folder.path).versions.first).document
        let chapter = try #require(document.body.first)
        #expect(chapter.kind == .chapter && chapter.eId == "chp_1" && chapter.num == "Chapitre 1er")
        #expect(chapter.headingText == "Dispositions d'essai")
        #expect(chapter.children.map(\.eId) == ["art_2", "art_1"])
        #expect(LegalTextValidator.validate(SourceDocument(file: "legi", document: document)).isEmpty)
    }

    // MARK: The real examples

    @Test("the shared LEGI examples (a code with sections) are read: sections become the hierarchy", .tags(.externalTool),
          .enabled(if: !TestSelection.fastOnly && (SharedMaterials.available || ExternalTool.inCI),
                   "needs ../shared (OASIS schema, real examples): set SUIVI_SHARED (required under CI=true)"))
    func sharedExamples() throws {
        try #require(FileManager.default.fileExists(atPath: LegiSample.sharedExamples))
        let timeline = try LegiImporter.timeline(from: LegiSample.sharedExamples)
        #expect(timeline.versions.map(\.date.iso) == ["1952-06-29", "2001-01-01"])
        #expect(timeline.versions.map(\.kind) == [.consolidation, .abrogation])
        #expect(timeline.endsOn?.iso == "2001-01-01")
        let document = try #require(timeline.versions.first).document
        let chapter = try #require(document.body.first)
        #expect(chapter.kind == .chapter && chapter.eId == "chp_I" && chapter.headingText == "Monnaies et médailles")
        let article = try #require(document.clause(eId: "art_1"))
        #expect(article.textBlocks.first?.plainText.contains("régie administrative") == true)
        #expect(LegalTextValidator.validate(SourceDocument(file: "legi", document: document)).isEmpty)
    }

    // MARK: Files held in memory

    @Test("an extract read from memory gives the same timeline as the folder it came from")
    func extractInMemory() throws {
        let root = URL(fileURLWithPath: LegiSample.fixture)
        let paths = try #require(FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String])
            .filter { $0.hasSuffix(".xml") }.sorted()
        let files = try paths.map { (file: root.path + "/" + $0, data: try Data(contentsOf: root.appendingPathComponent($0))) }
        let inMemory = try LegiImporter.timeline(files: files, source: LegiSample.fixture)
        #expect(inMemory == (try fixtureTimeline()))
    }

    @Test("a file in memory is refused like a file on disk, named by the name it was given")
    func refusedInMemory() throws {
        let bomb = Data(#"<?xml version="1.0"?><!DOCTYPE ARTICLE [<!ENTITY a "aaaa">]><ARTICLE>&a;</ARTICLE>"#.utf8)
        let error = #expect(throws: LegalTextError.self) {
            try LegiImporter.timeline(files: [(file: "extrait/LEGIARTI000099000011.xml", data: bomb)], source: "extrait")
        }
        #expect(error?.file == "extrait/LEGIARTI000099000011.xml")
        let none = #expect(throws: LegalTextError.self) { try LegiImporter.timeline(files: [], source: "extrait") }
        #expect(none?.file == "extrait")
    }

    // MARK: Unknown or malformed content

    @Test("an unknown ETAT is reported with the file, line and element")
    func unknownState() throws {
        let copy = try LegiSample.copyOfFixture()
        defer { try? FileManager.default.removeItem(at: copy) }
        let file = LegiSample.article("LEGIARTI000099000021", in: copy)
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "<ETAT>ABROGE</ETAT>", with: "<ETAT>EN_SUSPENS</ETAT>").utf8).write(to: file)
        let error = #expect(throws: LegalTextError.self) { try LegiImporter.timeline(from: copy.path) }
        guard case .invalidContent(let where_, let line, let element, let reason)? = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(where_ == file.path)
        #expect(element == "ETAT")
        #expect(line == 14)
        #expect(reason.contains("EN_SUSPENS"))
    }

    @Test("a table in an article is reported, not dropped")
    func unsupportedMarkup() throws {
        let copy = try LegiSample.copyOfFixture()
        defer { try? FileManager.default.removeItem(at: copy) }
        let file = LegiSample.article("LEGIARTI000099000012", in: copy)
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "<p>Chaque", with: "<table><tr><td>x</td></tr></table><p>Chaque").utf8).write(to: file)
        let error = #expect(throws: LegalTextError.self) { try LegiImporter.timeline(from: copy.path) }
        guard case .invalidContent(let where_, _, let element, _)? = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(where_ == file.path)
        #expect(element == "table")
    }

    @Test("a file that is not LEGI, a bad date and a DOCTYPE are refused with the file named",
          arguments: [
              ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<COMMENTAIRE/>", "COMMENTAIRE"),
              ("DATE_DEBUT", "DATE_DEBUT"),
              ("<?xml version=\"1.0\"?>\n<!DOCTYPE ARTICLE [<!ENTITY x \"y\">]>\n<ARTICLE>&x;</ARTICLE>", "DOCTYPE"),
          ])
    func refusedFiles(content: String, element: String) throws {
        let copy = try LegiSample.copyOfFixture()
        defer { try? FileManager.default.removeItem(at: copy) }
        let file = LegiSample.article("LEGIARTI000099000011", in: copy)
        if content == "DATE_DEBUT" {
            let text = try String(contentsOf: file, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "<DATE_DEBUT>2018-03-10", with: "<DATE_DEBUT>2018-13-10").utf8).write(to: file)
        } else {
            try Data(content.utf8).write(to: file)
        }
        let error = #expect(throws: LegalTextError.self) { try LegiImporter.timeline(from: copy.path) }
        #expect(error?.file == file.path)
        switch error {
        case .invalidContent(_, _, let found, _)?: #expect(found == element)
        case .doctypeForbidden?: #expect(element == "DOCTYPE")
        default: Issue.record("unexpected \(String(describing: error))")
        }
    }

    @Test("two versions of one article in force on the same day are refused")
    func overlappingVersions() throws {
        let both = [(id: "LEGIARTI000099000071", num: "1", start: "2019-01-01", end: "2999-01-01", state: "VIGUEUR"),
                    (id: "LEGIARTI000099000072", num: "1", start: "2020-01-01", end: "2999-01-01", state: "VIGUEUR")]
        let folder = try LegiSample.folder([
            "a.xml": LegiSample.articleXML(id: both[0].id, num: "1", state: "VIGUEUR", start: both[0].start, end: both[0].end,
                                           versions: both, content: "Première rédaction."),
            "b.xml": LegiSample.articleXML(id: both[1].id, num: "1", state: "VIGUEUR", start: both[1].start, end: both[1].end,
                                           versions: both, content: "Seconde rédaction."),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: LegalTextError.self) { try LegiImporter.timeline(from: folder.path) }
    }
}
