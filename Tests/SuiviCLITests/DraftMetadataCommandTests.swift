import Foundation
import Testing

/// Issue 14, item 4: a draft from `draft start` is a draft (its date, its expression URI), not a copy of the
/// adopted version's metadata.
extension EndToEnd {
@Suite("suivi draft start : un projet porte sa date et son URI de projet")
struct DraftMetadataCommandTests {
    @Test("a started draft validates as a projet, carries …/<nom>/fr and exports with its draft date, not as the 2017 version")
    func startedDraftIsADraft() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder, committee: false)
        try CLI.ok(["draft", "start", "essai"], repo: repo)
        let file = repo + "/brouillons/essai/AFSP1638149A.xml"
        let validate = try CLI.run("validate", file)
        #expect(validate.exitCode == 0, "\(validate)")
        #expect(validate.stdout.contains("valide (projet,"), "\(validate.stdout)")
        let xml = try String(contentsOfFile: file, encoding: .utf8)
        #expect(xml.contains("<FRBRuri value=\"/eli/arrete/2017/1/5/AFSP1638149A/jo/texte/essai/fr\"/>"))
        #expect(xml.contains("refersTo=\"#projet\"") && !xml.contains("refersTo=\"#signature\""))
        let export = try CLI.ok(["export", "consolidated", "--at", "draft/essai", "--to", "md"], repo: repo)
        #expect(export.stdout.contains("**Statut** : projet"), "\(export.stdout.prefix(600))")
        #expect(export.stdout.contains("**Date du projet**"), "\(export.stdout.prefix(600))")
    }
}
}
