import Foundation
import LegalText
import Testing

/// What the reader makes of `Fixtures/minimal-act.xml`, the complete small example of docs/FORMAT.md.
@Suite("Reading the minimal act")
struct ReadingTests {
    let source: SourceDocument
    var document: LegalDocument { source.document }

    init() throws {
        source = try Fixture.minimal()
    }

    @Test("the long title is the text of preface/longTitle")
    func title() {
        #expect(document.title == "Arrêté du 2 mars 2020 fixant des règles d'essai")
        #expect(document.actName == "arrete")
    }

    @Test("the NOR is the work's FRBRnumber and stays in the preface as a docNumber")
    func nor() throws {
        #expect(document.identification.work.number == "TEST2000001A")
        let norBlocks = document.preface.compactMap { item -> Block? in
            if case .block(let block) = item, block.className == "nor" { return block }
            return nil
        }
        let nor = try #require(norBlocks.first)
        #expect(nor.plainText == "NOR : TEST2000001A")
        #expect(nor.inlines == [.text("NOR : "), .element(name: "docNumber", attributes: [:], children: [.text("TEST2000001A")])])
    }

    @Test("the FRBR identification is read level by level")
    func identification() {
        let id = document.identification
        #expect(id.work.uri == "/eli/arrete/2020/3/2/TEST2000001A/jo/texte")
        #expect(id.work.date == FRBRDate(date: LegalDate(year: 2020, month: 3, day: 2)!, name: "signature"))
        #expect(id.work.country == "fr")
        #expect(id.work.name == "Arrêté d'essai")
        #expect(id.expression.uri == "/eli/arrete/2020/3/2/TEST2000001A/jo/texte/2020-03-02/fr")
        #expect(id.expression.language == "fra")
        #expect(id.manifestation.author == "#suivi")
        #expect(id.manifestation.date.date == LegalDate(iso: "2026-11-24"))
    }

    @Test("legal dates are read from lifecycle by kind", arguments: zip(
        [LegalEventKind.signature, .publication, .entryIntoForce, .draft],
        ["2020-03-02", "2020-03-05", "2020-03-06", nil] as [String?]))
    func dates(kind: LegalEventKind, expected: String?) {
        #expect(document.date(of: kind)?.iso == expected)
    }

    @Test("a signed version is not a draft, and the JORF publication is kept")
    func versionKind() throws {
        #expect(!document.isDraft)
        let publication = try #require(document.publication)
        #expect(publication.name == "JORF")
        #expect(publication.number == "0055")
        #expect(publication.date == LegalDate(year: 2020, month: 3, day: 5))
        #expect(publication.showAs == "Journal officiel n°0055 du 5 mars 2020")
    }

    @Test("the file says it is a working transcription")
    func transcription() {
        #expect(document.isWorkingTranscription)
        #expect(document.notes.map(\.eId) == ["note_transcription"])
    }

    @Test("references keep their element, eId, href and showAs")
    func references() {
        #expect(document.references == [
            TLCReference(element: "TLCOrganization", eId: "ministre", href: "/ontology/organization/fr/ministre-sante",
                         showAs: "Ministre chargé de la santé"),
            TLCReference(element: "TLCOrganization", eId: "suivi", href: "/ontology/organization/fr/suivi",
                         showAs: "Projet suivi"),
        ])
    }

    @Test("the visas are citations cit_1 and cit_2, between the authority and the enacting formula")
    func citations() throws {
        #expect(document.citations.map(\.eId) == ["cit_1", "cit_2"])
        #expect(document.citations.map(\.wId) == ["cit_1", "cit_2"])
        #expect(document.citations.allSatisfy { $0.kind == .citation })
        let first = try #require(document.citations.first?.content.first)
        #expect(first.plainText == "Vu le code de la santé publique, notamment son article L. 1110-4 ;")
        #expect(first.inlines.contains(.element(name: "ref", attributes: ["href": "/akn/fr/act/code/csp/!main#art_L1110-4"],
                                                children: [.text("L. 1110-4")])))
        let formulas = document.preamble.compactMap { item -> String? in
            if case .formula(let name, _) = item { return name }
            return nil
        }
        #expect(formulas == ["autorite", "enactingFormula"])
        guard case .formula(_, let authority)? = document.preamble.first else {
            Issue.record("the preamble does not start with the authority formula")
            return
        }
        #expect(authority.map(\.plainText) == ["Le ministre chargé de la santé,"])
    }

    @Test("articles keep their printed numbers, eIds and headings")
    func articles() {
        #expect(document.body.map(\.kind) == [.article, .article, .article])
        #expect(document.body.map(\.num) == ["Article 1er", "Article 2", "Article 3"])
        #expect(document.body.map(\.eId) == ["art_1", "art_2", "art_3"])
        #expect(document.body.map(\.headingText) == ["Objet", nil, nil])
    }

    @Test("an alinéa holding an enumeration has a list with an intro and numbered points")
    func listAndPoints() throws {
        let paragraph = try #require(document.clause(eId: "art_2__para_2"))
        #expect(paragraph.kind == .paragraph)
        #expect(paragraph.content.isEmpty)
        let list = try #require(paragraph.children.first)
        #expect(paragraph.children.count == 1)
        #expect(list.kind == .list)
        #expect(list.eId == "art_2__para_2__list_1")
        #expect(list.intro.map(\.plainText) == ["Elles tiennent compte :"])
        #expect(list.children.map(\.kind) == [.point, .point])
        #expect(list.children.map(\.num) == ["1°", "2°"])
        #expect(list.children.map(\.eId) == ["art_2__para_2__list_1__point_1", "art_2__para_2__list_1__point_2"])
        #expect(list.children.map { $0.content.map(\.plainText) } == [
            ["de l'offre de soins, soit 25 000 établissements ;"],
            ["des caractéristiques du système de santé."],
        ])
    }

    @Test("inline markup inside an alinéa is kept")
    func inlineMarkup() throws {
        let paragraph = try #require(document.clause(eId: "art_3__para_1"))
        let block = try #require(paragraph.content.first)
        #expect(block.inlines.contains(.element(name: "i", attributes: [:], children: [.text("Journal officiel")])))
        #expect(block.plainText.hasSuffix("publié au Journal officiel de la République française."))
    }

    @Test("the annex has its number « Annexe I », its title and its clauses")
    func annex() throws {
        #expect(document.annexes.count == 1)
        let annex = try #require(document.annex(eId: "annex_1"))
        #expect(annex.wId == "annex_1")
        #expect(annex.name == "annexe")
        #expect(annex.number == "Annexe I")
        #expect(annex.title == "RÉFÉRENCES D'ESSAI")
        #expect(annex.clauses.map(\.eId) == ["annex_1__para_1", "annex_1__sec_A"])
        let section = try #require(annex.clauses.last)
        #expect(section.kind == .section)
        #expect(section.num == "A.")
        #expect(section.headingText == "Sites officiels")
        #expect(section.children.map(\.eId) == ["annex_1__sec_A__para_1"])
    }

    @Test("an editorial note is a block of class note-editoriale, apart from the text of the order")
    func editorialNote() throws {
        let paragraph = try #require(document.clause(eId: "annex_1__sec_A__para_1"))
        #expect(paragraph.content.count == 2)
        let text = try #require(paragraph.content.first)
        let note = try #require(paragraph.content.last)
        #expect(!text.isEditorialNote)
        #expect(note.isEditorialNote)
        #expect(note.className == Block.editorialNoteClass)
        #expect(note.plainText == "[À compléter d'après le texte officiel.]")
        let allNotes = document.allClauses.flatMap { $0.intro + $0.content + $0.wrapUp }.filter(\.isEditorialNote)
        #expect(allNotes.count == 1)
    }

    @Test("the conclusions keep their blocks and classes")
    func conclusions() {
        #expect(document.conclusions.map(\.className) == ["fait", "signataire"])
        #expect(document.conclusions.first?.plainText == "Fait le 2 mars 2020.")
    }

    @Test("every clause, visa and annex has its source line recorded under its eId")
    func lines() throws {
        let text = try Fixture.minimalText()
        let eIds = document.allClauses.map(\.eId) + document.annexes.map(\.eId)
        #expect(eIds.count == 16)
        for eId in eIds {
            let expected = try #require(Fixture.line(ofEId: eId, in: text), "\(eId) is not in the fixture")
            #expect(source.lines[eId] == expected, "line of \(eId)")
        }
    }

    @Test("wIds default to the eIds they were created with")
    func wIds() {
        for clause in document.allClauses {
            #expect(clause.wId == clause.eId)
        }
    }

    @Test("reading from memory gives the same document as reading the file, under the given name")
    func fromData() throws {
        let fromMemory = try LegalTextReader.read(data: try Fixture.minimalData(), file: "nom-choisi.xml")
        #expect(fromMemory.file == "nom-choisi.xml")
        #expect(fromMemory.document == document)
        #expect(fromMemory.lines == source.lines)
        #expect(source.file == (try Fixture.minimalURL().path))
    }

    @Test("a path that does not exist is refused as unreadable, naming the path")
    func missingFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("absent.xml").path
        let error = try #require(LegalTextError.caught { try LegalTextReader.read(contentsOf: path) })
        guard case .unreadable(let file, _) = error else {
            Issue.record("expected .unreadable, got \(error)")
            return
        }
        #expect(file == path)
        #expect(error.description.hasPrefix(path + " : lecture impossible"))
    }
}
