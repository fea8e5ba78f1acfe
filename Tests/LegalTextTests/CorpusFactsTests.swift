import Foundation
import LegalText
import Testing

/// What the shipped corpus states about the published order and about the proposed revision
/// (issue 18): structure, numbering and references as published, anything unknown an editorial
/// note. These pin structure, not wording.
@Suite("What the shipped corpus states")
struct CorpusFactsTests {
    let published: LegalDocument
    let draft: LegalDocument

    init() throws {
        let folder = CorpusTests.folder
        published = try LegalTextReader.read(contentsOf: folder.appendingPathComponent("2017-01-05/AFSP1638149A.xml").path).document
        draft = try LegalTextReader.read(contentsOf: folder.appendingPathComponent("2026-projet/AFSP1638149A.xml").path).document
    }

    /// The `href` of every `ref` in the blocks, in reading order.
    static func refs(_ inlines: [Inline]) -> [String] {
        inlines.flatMap { inline -> [String] in
            guard case .element(let name, let attributes, let children) = inline else { return [] }
            return (name == "ref" ? [attributes["href"] ?? ""] : []) + refs(children)
        }
    }

    static func refs(_ clause: Clause) -> [String] { clause.textBlocks.flatMap { refs($0.inlines) } }

    /// Whether a heading is wholly editorial: one `span class="note-editoriale"`, in square brackets.
    static func isEditorial(_ heading: [Inline]?) -> Bool {
        guard let heading, heading.count == 1, case .element("span", let attributes, _) = heading[0] else { return false }
        let text = heading.plainText
        return attributes["class"] == Block.editorialNoteClass && text.hasPrefix("[") && text.hasSuffix("]")
    }

    /// Whether every block of the clause (and of its children) is an editorial note.
    static func onlyNotes(_ clause: Clause) -> Bool {
        !clause.textBlocks.isEmpty && clause.textBlocks.allSatisfy(\.isEditorialNote)
    }

    // MARK: The 2017 version

    @Test("Annexe III exists, with its number, no invented title and an editorial note for its title and content")
    func annexIII() throws {
        for document in [published, draft] {
            let annex = try #require(document.annex(eId: "annex_3"))
            #expect(annex.wId == "annex_3")
            #expect(annex.number == "Annexe III")
            #expect(annex.title == nil)
            let first = try #require(annex.clauses.first)
            #expect(first.eId == "annex_3__para_1" && Self.onlyNotes(first))
        }
        #expect(published.annexes.map(\.eId) == ["annex_1", "annex_2", "annex_3"])
        #expect(published.annex(eId: "annex_3")?.clauses.count == 1)
    }

    @Test("Annexe II part A opens on its sentence with no heading, part B has no invented heading either")
    func annexIIPartsWithoutHeadings() throws {
        for document in [published, draft] {
            let partA = try #require(document.clause(eId: "annex_2__sec_A"))
            #expect(partA.num == "A." && partA.heading == nil)
            #expect(partA.children.first?.eId == "annex_2__sec_A__para_1")
            let partB = try #require(document.clause(eId: "annex_2__sec_B"))
            #expect(partB.heading == nil && Self.onlyNotes(partB))
            let headings = document.allClauses.compactMap(\.headingText)
            #expect(!headings.contains("Sites officiels") && !headings.contains("Ressources associatives"))
        }
    }

    @Test("part C keeps its attested heading; the pathology subsections' headings are editorial")
    func partCHeadings() throws {
        for document in [published, draft] {
            let partC = try #require(document.clause(eId: "annex_2__sec_C"))
            #expect(partC.heading != nil && !Self.isEditorial(partC.heading))
            let subsections = partC.children.filter { $0.kind == .subsection }
            #expect(!subsections.isEmpty)
            for subsection in subsections {
                #expect(Self.isEditorial(subsection.heading), "\(subsection.eId)")
            }
        }
    }

    @Test("the signature block states no signatory's quality: only the date and an editorial note")
    func signatureBlock() {
        for document in [published, draft] {
            #expect(document.conclusions.map(\.className) == ["fait", Block.editorialNoteClass])
        }
    }

    @Test("part A names UNICEF, PNUD, Banque mondiale and OCDE without an address, and no note asks for one")
    func partAWithoutAddresses() throws {
        for eId in ["annex_2__sec_A__para_4", "annex_2__sec_A__para_5", "annex_2__sec_A__para_6", "annex_2__sec_A__para_7"] {
            let paragraph = try #require(published.clause(eId: eId))
            #expect(Self.refs(paragraph).isEmpty && !paragraph.content.contains(where: \.isEditorialNote), "\(eId)")
        }
        let report = try #require(published.clause(eId: "annex_2__sec_A__para_8"))
        let notes = report.content.filter(\.isEditorialNote)
        #expect(notes.count == 1)
        #expect(notes.allSatisfy { !$0.plainText.contains("UNICEF") && !$0.plainText.lowercased().contains("adresse") })
    }

    @Test("Annexe I section 1: the penal-code reference and the public-health-code definition are two alinéas, 226-13 first")
    func annexISection1() throws {
        for document in [published, draft] {
            let section = try #require(document.clause(eId: "annex_1__sec_1"))
            let withRefs = section.children.map(Self.refs).filter { !$0.isEmpty }
            #expect(withRefs == [["/akn/fr/act/code/cp/!main#art_226-13"], ["/akn/fr/act/code/csp/!main#art_L1110-4"]])
            #expect(section.children.map(\.wId) == (1...4).map { "annex_1__sec_1__para_\($0)" })
        }
    }

    @Test("visa 2 lists L. 1110-4, R. 4127-1 et suivants; visa 3 names the Caisse nationale d'assurance maladie")
    func visas() throws {
        let second = try #require(published.clause(eId: "cit_2")?.content.first)
        #expect(Self.refs(second.inlines) == ["/akn/fr/act/code/csp/!main#art_L1110-4", "/akn/fr/act/code/csp/!main#art_R4127-1"])
        #expect(second.plainText.contains("L. 1110-4, R. 4127-1 et suivants"))
        let third = try #require(published.clause(eId: "cit_3")?.content.first)
        #expect(third.plainText.contains("Caisse nationale d'assurance maladie des travailleurs salariés"))
    }

    @Test("article 3 starts with an editorial note for its missing opening alinéa, then the alinéas transcribed")
    func articleIIIOpening() throws {
        for document in [published, draft] {
            let article = try #require(document.clause(eId: "art_3"))
            let first = try #require(article.children.first)
            #expect(first.eId == "art_3__para_1" && first.wId == "art_3__para_1" && Self.onlyNotes(first))
            let second = try #require(article.children.dropFirst().first)
            #expect(second.wId == "art_3__para_2" && !second.content.contains(where: \.isEditorialNote))
        }
        #expect(published.clause(eId: "art_3")?.children.count == 5)
    }

    // MARK: The 2026 draft

    @Test("the draft keeps the visas of 2017: an amending order has its own")
    func draftVisas() {
        #expect(!draft.citations.isEmpty)
        #expect(draft.citations == published.citations)
    }

    @Test("draft article 6: the OFII medical service runs the network, the DGS contributes; the modalities are left to write into the order")
    func draftArticle6() throws {
        let first = try #require(draft.clause(eId: "art_6__para_1")?.content.first?.plainText)
        #expect(first.hasPrefix("Le service médical de l'Office"))
        #expect(first.contains("La direction générale de la santé concourt"))
        #expect(!first.contains("La direction générale de la santé anime"))
        let modalities = try #require(draft.clause(eId: "art_6__para_2"))
        #expect(Self.onlyNotes(modalities))
        let article = try #require(draft.clause(eId: "art_6"))
        #expect(!article.textBlocks.contains { !$0.isEditorialNote && $0.plainText.contains("fixées par le directeur général de la santé") })
    }

    @Test("the UNAIDS entry is caveated: country indicators cannot decide an individual assessment")
    func draftUNAIDSCaveat() throws {
        let entry = try #require(draft.clause(eId: "annex_2__sec_A__para_8")?.content.first?.plainText)
        #expect(entry.contains("95-95-95"))
        #expect(entry.contains("ne peuvent fonder à eux seuls l'appréciation individuelle"))
    }

    @Test("the draft has structure for the HIV guidance update and for viral hepatitis, with editorial notes")
    func draftPathologies() throws {
        let hiv = try #require(draft.clause(eId: "annex_2__sec_C__subsec_1"))
        #expect(hiv.children.prefix(3).map(\.wId) == (1...3).map { "annex_2__sec_C__subsec_1__para_\($0)" })
        let update = try #require(hiv.children.dropFirst(3).first)
        #expect(Self.onlyNotes(update))
        #expect(hiv.children.dropFirst(4).contains { !Self.onlyNotes($0) })
        let partC = try #require(draft.clause(eId: "annex_2__sec_C"))
        let hepatitis = try #require(partC.children.first { $0.kind == .subsection && $0.headingText?.contains("Hépatites") == true })
        #expect(hepatitis.eId == "annex_2__sec_C__subsec_2" && Self.isEditorial(hepatitis.heading) && Self.onlyNotes(hepatitis))
        #expect(published.clause(eId: "annex_2__sec_C__subsec_2") == nil)
    }

    @Test("the draft leaves the fate of Annexe III to the committee, in an editorial note after the 2017 alinéa")
    func draftAnnexIII() throws {
        let old = try #require(published.annex(eId: "annex_3"))
        let new = try #require(draft.annex(eId: "annex_3"))
        #expect(new.preface == old.preface)
        #expect(new.clauses.first == old.clauses.first)
        #expect(new.clauses.count == 2 && new.clauses.allSatisfy(Self.onlyNotes))
    }

    @Test("every wId of 2017 is still in the draft, and the draft's wIds are unique")
    func draftKeepsWIds() {
        let old = Set(published.allClauses.map(\.wId))
        let new = draft.allClauses.map(\.wId)
        #expect(old.subtracting(new).isEmpty)
        #expect(Set(new).count == new.count)
    }
}
