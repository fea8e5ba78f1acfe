import Foundation
import LegalText
import Register
import SuiviSynthetic
import SuiviTestSupport
import Testing
@testable import Publishing

/// The ODT export of the 2017 text, as the editable export lays it out, built in the test.
func exportedODT(_ document: LegalDocument, commit: String? = nil) throws -> Data {
    var odt = ODTDocument(title: "Texte consolidé", items: [.paragraph(FlowParagraph(.meta, text: "Statut : projet"))]
                          + ODTClauseLayout.lines(document).map { .paragraph($0.paragraph) })
    if let commit { odt.userMeta = [(ODTImport.commitMeta, commit)] }
    return try ODTPackage.data(odt, modified: Date(timeIntervalSince1970: 0))
}

@Suite("ODT import: each paragraph of an edited export maps back onto its clause by its bookmark, or is reported")
struct ODTImportMappingTests {
    let base: LegalDocument

    init() throws { base = try Corpus.read("2017-01-05") }

    func editor() throws -> ODTEditor { try ODTEditor(try exportedODT(base)) }

    func map(_ editor: ODTEditor) throws -> Result<LegalDocument, ODTImport.ODTProblems> {
        ODTImport.map(try ODTReader.read(try editor.data(), file: "essai.odt"), onto: base)
    }

    @Test("the export read back unchanged maps onto the same text, every paragraph anchored by a wId bookmark")
    func unchanged() throws {
        let editor = try editor()
        #expect(try map(editor).get() == base)
        let read = try ODTReader.read(try editor.data(), file: "essai.odt")
        let anchors = Set(read.paragraphs.flatMap(\.bookmarks))
        #expect(anchors.isSuperset(of: base.allWIds), "\(base.allWIds.subtracting(anchors).sorted())")
    }

    @Test("a reworded alinéa keeps its wId and the references around the changed words")
    func reworded() throws {
        var editor = try editor()
        try editor.reword("annex_2__sec_A__para_2", "indicateurs de santé", "indicateurs sanitaires")
        let after = try map(editor).get()
        let old = try #require(base.clause(eId: "annex_2__sec_A__para_2"))
        let new = try #require(after.clause(eId: "annex_2__sec_A__para_2"))
        #expect(new.wId == old.wId)
        #expect(new.content[0].plainText == old.content[0].plainText.replacingOccurrences(of: "indicateurs de santé", with: "indicateurs sanitaires"))
        func refs(_ inlines: [Inline]) -> [String] {
            inlines.compactMap { if case .element("ref", let attributes, _) = $0 { return attributes["href"] } else { return nil } }
        }
        #expect(refs(new.content[0].inlines) == refs(old.content[0].inlines))
        #expect(refs(new.content[0].inlines).count == 2)
        // Nothing else changed.
        var expected = base
        expected.annexes = after.annexes
        #expect(after == expected)
    }

    @Test("a paragraph added after an alinéa is a new alinéa; a line « Article N » opens a new article with the paragraphs after it")
    func inserted() throws {
        var editor = try editor()
        try editor.insert(after: "art_1__para_1", [ODTEditor.body("Un alinéa ajouté.")])
        try editor.insert(after: "art_2__para_4", [ODTEditor.body("Article 3"), ODTEditor.body("Un article ajouté."),
                                                   ODTEditor.body("Et son second alinéa.")])
        let after = try map(editor).get()
        #expect(after.body.count == base.body.count + 1)
        #expect(after.body[0].children.count == 2)
        #expect(after.body[0].children[1].content[0].plainText == "Un alinéa ajouté.")
        #expect(after.body[0].children[1].hasExplicitWId == false)
        let article = after.body[2]
        #expect(article.kind == .article && article.num == "Article 3" && article.hasExplicitWId == false)
        #expect(article.children.map { $0.content[0].plainText } == ["Un article ajouté.", "Et son second alinéa."])
        #expect(after.body[3] == base.body[2])
    }

    @Test("a deleted paragraph deletes its clause; an article deleted whole goes; an emptied paragraph counts as deleted")
    func deleted() throws {
        var editor = try editor()
        try editor.delete("art_2__para_3")
        try editor.delete("art_6")
        try editor.delete("art_6__para_1")
        try editor.replaceLine("art_2__para_4", with: "<text:p text:style-name=\"Text_20_body\"><text:bookmark text:name=\"art_2__para_4\"/></text:p>")
        // Its second block (an editorial note) alone would keep the clause: it goes too.
        let kept = try map(editor).get()
        #expect(kept.clause(eId: "art_2__para_4")?.content.map(\.isEditorialNote) == [true])
        try editor.delete("art_2__para_4.2")
        let after = try map(editor).get()
        #expect(after.body.map(\.wId) == base.body.map(\.wId).filter { $0 != "art_6" })
        #expect(after.body[1].children.map(\.wId) == ["art_2__para_1", "art_2__para_2"])
    }

    @Test("a new section of an annex: a level-3 heading « D. Intitulé » and its paragraphs")
    func newSection() throws {
        var editor = try editor()
        try editor.insert(after: "annex_2__sec_C__para_1", [ODTEditor.heading("D. Références nouvelles", level: 3), ODTEditor.body("Un alinéa.")])
        let after = try map(editor).get()
        let annex = try #require(after.annexes.first { $0.wId == "annex_2" })
        let section = try #require(annex.clauses.last)
        #expect(section.kind == .section && section.num == "D." && section.headingText == "Références nouvelles")
        #expect(section.children.map { $0.content[0].plainText } == ["Un alinéa."])
    }

    /// Edits whose mapping is uncertain, and a word the report must hold.
    enum Uncertain: String, CaseIterable, Sendable {
        case duplicated, unknownAnchor, moved, movedWithoutAnchor, merged, headingOnlyDeleted, beforeText, titleEdited, footnote, afterFormula

        func apply(_ editor: inout ODTEditor) throws {
            switch self {
            case .duplicated:
                let copy = editor.lines[try editor.line("art_2__para_2")]
                try editor.insert(after: "art_2__para_3", [copy])
            case .unknownAnchor:
                try editor.insert(after: "art_2__para_4", ["<text:p text:style-name=\"Text_20_body\"><text:bookmark text:name=\"art_2__para_2 Copie 1\"/>Copie.</text:p>"])
            case .moved:
                let line = editor.lines[try editor.line("art_1__para_1")]
                try editor.delete("art_1__para_1")
                try editor.insert(after: "art_3__para_2", [line])
            case .movedWithoutAnchor:
                let line = editor.lines[try editor.line("art_2__para_2")]
                try editor.delete("art_2__para_2")
                try editor.insert(after: "art_4__para_1", [line.replacingOccurrences(of: "<text:bookmark text:name=\"art_2__para_2\"/>", with: "")])
            case .merged:
                try editor.edit { $0.replacingOccurrences(of: "</text:p>\n<text:p text:style-name=\"Text_20_body\"><text:bookmark text:name=\"art_2__para_3\"/>",
                                                          with: " <text:bookmark text:name=\"art_2__para_3\"/>") }
            case .headingOnlyDeleted:
                try editor.delete("art_4")
            case .beforeText:
                editor.lines.insert(ODTEditor.body("Un paragraphe avant le texte."), at: try editor.line("suivi.1"))
            case .titleEdited:
                let index = try editor.line("suivi.1")
                editor.lines[index] = editor.lines[index].replacingOccurrences(of: "</text:p>", with: " (modifié)</text:p>")
            case .footnote:
                let index = try editor.line("art_5__para_1")
                editor.lines[index] = editor.lines[index].replacingOccurrences(
                    of: "</text:p>", with: "<text:note text:note-class=\"footnote\"><text:note-body><text:p>Une note.</text:p></text:note-body></text:note></text:p>")
            case .afterFormula:
                try editor.insert(after: "suivi.1", [ODTEditor.body("Un visa ajouté au mauvais endroit.")])
            }
        }

        var reported: String {
            switch self {
            case .duplicated: return "figure aussi"
            case .unknownAnchor: return "ne désigne aucun élément"
            case .moved: return "déplacé"
            case .movedWithoutAnchor: return "reprend le texte de l'élément art_2__para_2"
            case .merged: return "fusionnés"
            case .headingOnlyDeleted: return "intitulé a été supprimé"
            case .beforeText: return "précède le texte"
            case .titleEdited: return "ne se modifie pas"
            case .footnote: return "note de bas de page"
            case .afterFormula: return "ne modifie pas"
            }
        }
    }

    @Test("a paragraph whose mapping is uncertain is reported with its position and text, and nothing is mapped", arguments: Uncertain.allCases)
    func uncertain(_ edit: Uncertain) throws {
        var editor = try editor()
        try edit.apply(&editor)
        guard case .failure(let failure) = try map(editor) else {
            Issue.record("\(edit) mapped without a report")
            return
        }
        #expect(failure.problems.contains { $0.reason.contains(edit.reported) }, "\(failure.problems)")
        if edit != .headingOnlyDeleted {
            #expect(failure.problems.allSatisfy { $0.position != nil && !$0.text.isEmpty }, "\(failure.problems)")
        }
    }

    @Test("a text change carried into the stored inlines: the one changed stretch is replaced, markup kept around it")
    func textEdit() throws {
        let inlines: [Inline] = [.text("Voir le site : "), .element(name: "ref", attributes: ["href": "http://x.invalid"], children: [.text("x.invalid")]),
                                 .text(" ; et la suite.")]
        let shown = ODTReader.normalized(DocumentFlow.spans(inlines).map { FrenchTypography.display($0.text) }.joined())
        #expect(shown == "Voir le site : x.invalid ; et la suite.")
        let edited = try #require(ODTTextEdit.apply(to: inlines, shown: shown, new: "Voir le site officiel : x.invalid ; et la fin."))
        #expect(edited == [.text("Voir le site officiel : "), .element(name: "ref", attributes: ["href": "http://x.invalid"], children: [.text("x.invalid")]),
                           .text(" ; et la fin.")])
        let removed = try #require(ODTTextEdit.apply(to: inlines, shown: shown, new: "Voir le site : ; et la suite."))
        #expect(removed.plainText == "Voir le site : ; et la suite.")
        #expect(!removed.contains { if case .element = $0 { return true } else { return false } })
        #expect(ODTTextEdit.apply(to: [.text("abc")], shown: "xyz", new: "xyw") == nil)
        // Words added where a reference ends go after it, not into it.
        let reference: Inline = .element(name: "ref", attributes: ["href": "http://x.invalid"], children: [.text("le site")])
        let appended = try #require(ODTTextEdit.apply(to: [.text("Voir "), reference], shown: "Voir le site", new: "Voir le site officiel"))
        #expect(appended == [.text("Voir "), reference, .text(" officiel")])
    }
}

@Suite("ODT import: the document is hostile input")
struct ODTReaderHostileTests {
    static let envelope = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    func package(content: String, declaredSize: Bool = true) throws -> Data {
        var editor = try ODTEditor(try exportedODT(try Corpus.read("2017-01-05")))
        editor.lines = [content]
        return try editor.data()
    }

    @Test("an entry larger than the bound once inflated is refused (zip bomb), whatever it holds")
    func zipBomb() throws {
        let content = Self.envelope + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">"
            + String(repeating: " ", count: 3 << 20) + "</office:document-content>"
        let data = try package(content: content)
        #expect(data.count < 100_000)
        var limits = ODTReader.Limits()
        limits.maxEntryBytes = 1 << 20
        #expect(throws: PublishingError.self) { _ = try ODTReader.read(data, file: "bombe.odt", limits: limits) }
        do {
            _ = try ODTReader.read(data, file: "bombe.odt", limits: limits)
        } catch {
            #expect(String(describing: error).contains("dépasse"), "\(error)")
        }
    }

    @Test("a DOCTYPE or an entity in content.xml is refused; so is a file that is no zip")
    func entities() throws {
        let bomb = Self.envelope + "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
            + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">&b;</office:document-content>"
        #expect(throws: PublishingError.self) { _ = try ODTReader.read(try package(content: bomb), file: "entites.odt") }
        let external = Self.envelope + "<!DOCTYPE x SYSTEM \"file:///etc/passwd\"><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>"
        #expect(throws: PublishingError.self) { _ = try ODTReader.read(try package(content: external), file: "dtd.odt") }
        #expect(throws: PublishingError.self) { _ = try ODTReader.read(Data("pas un zip".utf8), file: "texte.odt") }
    }

    @Test("tracked changes still recorded are counted; accepted ones are just text")
    func trackedChanges() throws {
        var editor = try ODTEditor(try exportedODT(try Corpus.read("2017-01-05")))
        try editor.edit {
            $0.replacingOccurrences(of: "<office:text>", with: "<office:text><text:tracked-changes><text:changed-region text:id=\"ct1\"><text:insertion>"
                                    + "<office:change-info><dc:creator>X</dc:creator><dc:date>2026-12-01T10:00:00</dc:date></office:change-info>"
                                    + "</text:insertion></text:changed-region></text:tracked-changes>")
        }
        #expect(try ODTReader.read(try editor.data(), file: "suivi.odt").trackedChanges == 1)
        #expect(try ODTReader.read(try exportedODT(try Corpus.read("2017-01-05")), file: "propre.odt").trackedChanges == 0)
    }
}

/// The register's state a refused import must leave as it was: every ref and every working-copy file.
func registerSnapshot(_ fixture: RegisterFixture, draft: String) async throws -> [String] {
    let refs = try await fixture.register.gitStore.branches().map { "\($0.ref) \($0.tip)" }.sorted()
    let folder = fixture.register.workingCopy(ofDraft: draft)
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { name in
        name + " " + String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
    }
    return refs + files
}

@Suite("projet importer-odt: the word-processor door ends in the same commit content as the amending-order door")
struct ODTDoorTests {
    /// The 2027 revision of ``DraftingDoorsTests/order``, made in the ODT export as a drafter would.
    static func revision2027(_ editor: inout ODTEditor) throws {
        try editor.reword("art_3__para_3", "compte principalement de", "compte de")
        try editor.insert(after: "art_3__para_5.2", [
            ODTEditor.body("Il est tenu compte des ruptures de traitement."),
            ODTEditor.heading("Article 4", level: 2),
            ODTEditor.body("Le médecin apprécie l'accessibilité effective du traitement."),
        ])
        try editor.delete("art_7")
        try editor.delete("art_7__para_1")
        try editor.insert(after: "annex_2__sec_C__para_1", [
            ODTEditor.heading("D. Références nouvelles", level: 3),
            ODTEditor.body("Le médecin s'appuie sur les synthèses de la direction générale de la santé."),
        ])
    }

    /// The draft both doors write, each in its own register (the draft's name is part of the text's FRBR metadata).
    static let draft = "revision-2027"

    /// The revision committed through the amending-order door, in a register of its own.
    static func byOrder() async throws -> LegalDocument {
        let fixture = try await RegisterFixture()
        _ = try await fixture.register.startDraft(draft, author: fixture.clerk, today: fixture.today)
        let applied = try await fixture.publisher.applyOrder(DraftingDoorsTests.order, toDraft: draft)
        let commit = try #require(try await fixture.publisher.commit(applied, order: DraftingDoorsTests.order, author: fixture.clerk))
        return try await fixture.register.document(at: commit)
    }

    static func exported(_ fixture: RegisterFixture, draft: String) async throws -> ODTEditor {
        try ODTEditor(try ConsolidatedRenderer.odt(try await fixture.publisher.consolidated(at: "draft/\(draft)")))
    }

    static func expectSame(_ byODT: LegalDocument, _ byOrder: LegalDocument, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(CanonicalWriter.string(byODT) == CanonicalWriter.string(byOrder),
                "\(NormativeContent(byODT).differences(from: NormativeContent(byOrder)))", sourceLocation: sourceLocation)
    }

    @Test("reword in Article 3, add an alinéa, insert an article before 4, delete one, add a section to Annexe II: same canonical XML as the order")
    func sameAsOrder() async throws {
        let byOrder = try await Self.byOrder()
        let fixture = try await RegisterFixture()
        _ = try await fixture.register.startDraft(Self.draft, author: fixture.clerk, today: fixture.today)
        var editor = try await Self.exported(fixture, draft: Self.draft)
        try Self.revision2027(&editor)
        let imported = try await fixture.publisher.importODT(try editor.data(), file: "projet.odt", toDraft: Self.draft)
        #expect(imported.diff.onlyChanged.changes.count > 4)
        let commit = try #require(try await fixture.publisher.commit(imported, author: fixture.clerk))
        let byODT = try await fixture.register.document(at: commit)
        Self.expectSame(byODT, byOrder)
        #expect(byODT.clause(eId: "art_4")?.wId == "art_4-2026")
        #expect(byODT.clause(eId: "art_5")?.wId == "art_4")
        #expect(byODT.clause(eId: "art_3__para_6")?.wId == "art_3__para_6")
        let info = try await fixture.register.gitStore.commitInfo(commit)
        #expect(info.message.contains("Document relu importé dans le projet \(Self.draft)"))
        #expect(try await fixture.register.hasUncommittedEdits(draft: Self.draft) == false)
    }

    @Test("a document exported before the draft moved on is refused (it would undo the commits in between); nothing written")
    func stale() async throws {
        let fixture = try await RegisterFixture()
        _ = try await fixture.register.startDraft("odt", author: fixture.clerk, today: fixture.today)
        var editor = try await Self.exported(fixture, draft: "odt")
        try editor.reword("art_3__para_3", "compte principalement de", "compte de")
        let applied = try await fixture.publisher.applyOrder("L'article 5 est abrogé.", toDraft: "odt")
        _ = try await fixture.publisher.commit(applied, order: "L'article 5 est abrogé.", author: fixture.clerk)
        let before = try await registerSnapshot(fixture, draft: "odt")
        let error = await #expect(throws: PublishingError.self) {
            _ = try await fixture.publisher.importODT(try editor.data(), file: "ancien.odt", toDraft: "odt")
        }
        guard case .odtStale? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(try await registerSnapshot(fixture, draft: "odt") == before)
    }

    @Test("tracked changes not accepted, uncertain paragraphs, a document that is no export: refused, nothing written")
    func refusals() async throws {
        let fixture = try await RegisterFixture()
        _ = try await fixture.register.startDraft("odt", author: fixture.clerk, today: fixture.today)
        let before = try await registerSnapshot(fixture, draft: "odt")
        var tracked = try await Self.exported(fixture, draft: "odt")
        tracked.edit {
            $0.replacingOccurrences(of: "<office:text>", with: "<office:text><text:tracked-changes><text:changed-region text:id=\"ct1\"><text:deletion>"
                                    + "<text:p>mot supprimé</text:p></text:deletion></text:changed-region></text:tracked-changes>")
        }
        await #expect(throws: PublishingError.odtTrackedChanges(file: "suivi.odt", count: 1)) {
            _ = try await fixture.publisher.importODT(try tracked.data(), file: "suivi.odt", toDraft: "odt")
        }
        var uncertain = try await Self.exported(fixture, draft: "odt")
        try uncertain.delete("art_4")
        let error = await #expect(throws: PublishingError.self) {
            _ = try await fixture.publisher.importODT(try uncertain.data(), file: "incertain.odt", toDraft: "odt")
        }
        if case .odtUncertain(_, let problems)? = error {
            #expect(problems.count == 1 && String(describing: error).contains("Article 4"), "\(problems)")
        } else {
            Issue.record("\(String(describing: error))")
        }
        let commit = try await fixture.register.resolve("draft/odt")
        let foreign = try exportedODT(try Corpus.read("2017-01-05"))
        await #expect(throws: PublishingError.odtNotAnExport(file: "autre.odt")) {
            _ = try await fixture.publisher.importODT(foreign, file: "autre.odt", toDraft: "odt")
        }
        let unchanged = try exportedODT(try await fixture.register.document(at: commit), commit: commit.hex)
        let imported = try await fixture.publisher.importODT(unchanged, file: "intact.odt", toDraft: "odt")
        #expect(imported.diff.onlyChanged.changes.isEmpty)
        #expect(try await fixture.publisher.commit(imported, author: fixture.clerk) == nil)
        #expect(try await registerSnapshot(fixture, draft: "odt") == before)
    }

    @Test("LibreOffice re-saves the edited export as DOCX; imported back (DOCX converted by LibreOffice), same content as the order",
          .tags(.externalTool), .enabled(if: ExternalTool.runs("soffice"), ExternalTool.reason("soffice", package: "libreoffice-writer-nogui")))
    func throughLibreOffice() async throws {
        let soffice = try ExternalTool.require("soffice", package: "libreoffice-writer-nogui")
        let byOrder = try await Self.byOrder()
        let fixture = try await RegisterFixture()
        _ = try await fixture.register.startDraft(Self.draft, author: fixture.clerk, today: fixture.today)
        var editor = try await Self.exported(fixture, draft: Self.draft)
        try Self.revision2027(&editor)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-odt-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let edited = folder.appendingPathComponent("projet.odt")
        try editor.data().write(to: edited)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["-env:UserInstallation=" + folder.appendingPathComponent("profil").absoluteString, "--headless", "--norestore",
                             "--convert-to", "docx", "--outdir", folder.path, edited.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let docx = folder.appendingPathComponent("projet.docx")
        #expect(process.terminationStatus == 0 && FileManager.default.fileExists(atPath: docx.path))
        let data = try WordProcessorFile.odtData(at: docx.path)
        // LibreOffice wrote the document again: its own content.xml, the bookmarks and the commit kept.
        let read = try ODTReader.read(data, file: "projet.docx")
        #expect(read.userMeta[ODTImport.commitMeta] != nil)
        #expect(read.paragraphs.contains { $0.bookmarks.contains("art_3__para_5.2") })
        let imported = try await fixture.publisher.importODT(data, file: "projet.docx", toDraft: Self.draft)
        let commit = try #require(try await fixture.publisher.commit(imported, author: fixture.clerk))
        Self.expectSame(try await fixture.register.document(at: commit), byOrder)
    }
}

/// Random editing sessions on the export (alinéas reworded, added, deleted) against a model: the text edited directly.
@Suite("ODT import against a model: random edits of the export map back to the same text as the edits made on the text")
struct ODTImportPropertyTests {
    /// The body as the comparison sees it: per article, per alinéa, its wId (« nouveau » for a new one), its blocks'
    /// texts and how many inline elements (references…) each block holds.
    static func shape(_ document: LegalDocument) -> [[String]] {
        document.body.map { article in
            article.children.map { clause in
                let blocks = (clause.intro + clause.content + clause.wrapUp).map { block in
                    "\(block.plainText) [\(block.inlines.filter { if case .element = $0 { return true } else { return false } }.count)]"
                }
                return (clause.hasExplicitWId ? clause.wId : "nouveau") + " | " + blocks.joined(separator: " / ")
            }
        }
    }

    @Test("6 seeds × 30 steps: rewording, new alinéas and deletions map back exactly, references kept", arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func randomSessions(_ seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let base = try Corpus.read("2017-01-05")
        var editor = try ODTEditor(try exportedODT(base))
        var model = base
        /// The base alinéas still present: (article index in the model's body, wId).
        func alineas() -> [(article: Int, wId: String)] {
            model.body.enumerated().flatMap { index, article in
                article.children.filter(\.hasExplicitWId).map { (index, $0.wId) }
            }
        }
        func lines(of clause: Clause) -> [String] {
            let count = (clause.intro + clause.content + clause.wrapUp).count
            return (0..<count).map { $0 == 0 ? clause.wId : "\(clause.wId).\($0 + 1)" }
        }
        var log: [String] = []
        for step in 1...30 {
            let present = alineas()
            guard !present.isEmpty else { break }
            let (article, wId) = random.pick(present)
            let position = try #require(model.body[article].children.firstIndex { $0.wId == wId && $0.hasExplicitWId })
            let clause = model.body[article].children[position]
            switch random.below(3) {
            case 0:
                guard !(clause.intro + clause.content).isEmpty else { continue }
                log.append("\(step): reword \(wId)")
                let index = try editor.line(wId)
                editor.lines[index] = editor.lines[index].replacingOccurrences(of: "</text:p>", with: " Ajout \(step).</text:p>")
                var edited = clause
                if clause.intro.isEmpty {
                    edited.content[0].inlines.append(.text(" Ajout \(step)."))
                } else {
                    edited.intro[0].inlines.append(.text(" Ajout \(step)."))
                }
                model.body[article].children[position] = edited
            case 1:
                log.append("\(step): insert after \(wId)")
                try editor.insert(after: try #require(lines(of: clause).last), [ODTEditor.body("Alinéa nouveau \(step).")])
                model.body[article].children.insert(Clause(kind: .paragraph, eId: "para_nouveau", content: [Block(text: "Alinéa nouveau \(step).")]),
                                                    at: position + 1)
            default:
                log.append("\(step): delete \(wId)")
                for name in lines(of: clause) { try editor.delete(name) }
                model.body[article].children.remove(at: position)
            }
        }
        let mapped = try ODTImport.map(try ODTReader.read(try editor.data(), file: "essai.odt"), onto: base).get()
        #expect(Self.shape(mapped) == Self.shape(model), "seed \(seed): \(log.joined(separator: "; "))")
        #expect(mapped.annexes == base.annexes)
    }
}
