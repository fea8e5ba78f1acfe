import Foundation
import Testing
import SuiviTestSupport

/// `suivi projet importer-odt` as a drafter runs it: the export edited, re-saved as DOCX by LibreOffice, read back.
@Suite("projet importer-odt: the command, end to end", .tags(.endToEnd, .externalTool),
       .enabled(if: ExternalTool.runs("soffice"), ExternalTool.reason("soffice", package: "libreoffice-writer-nogui")),
       .enabled(if: ExternalTool.runs("python3"), ExternalTool.reason("python3", package: "python3")))
struct DraftImportODTCommandTests {
    /// Edits the export's content.xml as a drafter would: rewords the third alinéa of article 3, adds an alinéa after
    /// article 3, deletes article 6.
    static let edit = #"""
    import sys, zipfile
    source, target = sys.argv[1], sys.argv[2]
    with zipfile.ZipFile(source) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
    out = []
    for info, data in entries:
        if info.filename == "content.xml":
            lines = data.decode("utf-8").split("\n")
            def find(name):
                hits = [k for k, l in enumerate(lines) if '<text:bookmark text:name="%s"/>' % name in l]
                assert len(hits) == 1, name
                return hits[0]
            k = find("art_3__para_3")
            assert "compte principalement de" in lines[k]
            lines[k] = lines[k].replace("compte principalement de", "compte de")
            lines.insert(find("art_3__para_5.2") + 1, '<text:p text:style-name="Text_20_body">Il est tenu compte des ruptures de traitement.</text:p>')
            del lines[find("art_6__para_1")]
            del lines[find("art_6")]
            data = "\n".join(lines).encode("utf-8")
        out.append((info, data))
    with zipfile.ZipFile(target, "w") as z:
        for info, data in out:
            z.writestr(info.filename, data, compress_type=zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED)
    """#

    func suivi(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(try #require(CLI.executable), arguments, watchdog: .seconds(180))
    }

    @Test("export ODT, edit, LibreOffice saves it as DOCX; --essai shows the clause diff and writes nothing; then it is committed; a stale document is refused")
    func roundTrip() throws {
        let soffice = try ExternalTool.require("soffice", package: "libreoffice-writer-nogui")
        let python = try ExternalTool.require("python3", package: "python3")
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder, committee: false)
        try CLI.ok(["projet", "ouvrir", "essai", "--auteur", CLI.clerk], repo: repo)
        let exported = folder.path("projet.odt")
        try CLI.ok(["exporter", "consolide", "--version", "draft/essai", "--format", "odt", "--sortie", exported], repo: repo)
        let edited = folder.path("relu.odt")
        let script = try folder.write(Self.edit, to: "edit.py")
        let python3 = try ProcessRunner.run(python, [script, exported, edited], watchdog: .seconds(60))
        try #require(python3.exitCode == 0, "\(python3)")
        let conversion = try ProcessRunner.run(soffice, ["-env:UserInstallation=" + folder.url.appendingPathComponent("profil").absoluteString,
                                                         "--headless", "--norestore", "--convert-to", "docx", "--outdir", folder.path("docx"), edited],
                                               watchdog: .seconds(180))
        let docx = folder.path("docx/relu.docx")
        try #require(conversion.exitCode == 0 && FileManager.default.fileExists(atPath: docx), "\(conversion)")

        let workingCopy = folder.path("registre/brouillons/essai/AFSP1638149A.xml")
        let before = try String(contentsOfFile: workingCopy, encoding: .utf8)
        let dry = try suivi(["projet", "importer-odt", "essai", docx, "--essai", "--sans-couleur", "--registre", repo])
        #expect(dry.exitCode == 0, "\(dry)")
        #expect(dry.stdout.contains("art_3__para_3") && dry.stdout.contains("art_3__para_6") && dry.stdout.contains("art_6"), "\(dry.stdout)")
        #expect(dry.stdout.contains("Essai") && dry.stdout.contains("rien n'a été enregistré"), "\(dry.stdout)")
        #expect(try String(contentsOfFile: workingCopy, encoding: .utf8) == before)

        let saved = try suivi(["projet", "importer-odt", "essai", docx, "--auteur", CLI.clerk, "--sans-couleur", "--registre", repo])
        #expect(saved.exitCode == 0 && saved.stdout.contains("enregistré"), "\(saved)")
        let akn = try CLI.ok(["exporter", "consolide", "--version", "draft/essai", "--format", "akn"], repo: repo).stdout
        #expect(akn.contains("Il est tenu compte des ruptures de traitement.") && !akn.contains("compte principalement de"))
        // Article 6 deleted: as an abrogation, it leaves a gap in the numbering (article 7 stays article 7).
        #expect(!akn.contains("eId=\"art_6\"") && akn.contains("<num>Article 7</num>"), "\(akn)")

        // The same document again, through the English alias: the draft moved on since its export.
        let stale = try suivi(["draft", "import-odt", "essai", edited, "--as", CLI.clerk, "--repo", repo])
        #expect(stale.exitCode == 1 && stale.stderr.contains("a changé depuis"), "\(stale)")
    }
}
