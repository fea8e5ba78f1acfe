import Foundation
import Testing

extension EndToEnd {
@Suite("suivi export amending, end to end")
struct AmendingCommandTests {
    @Test("an order that cannot say every change exits 1 and lists each clause and why, unless --partiel is given")
    func incompleteOrderFails() throws {
        let folder = try TemporaryFolder()
        let repo = try CLI.shippedRegister(in: folder, committee: false, author: "Test <test@suivi.invalid>")
        try CLI.ok(["draft", "start", "revision-2027"], repo: repo)
        let copy = URL(fileURLWithPath: repo).appendingPathComponent("brouillons/revision-2027/AFSP1638149A.xml")
        var text = try String(contentsOf: copy, encoding: .utf8)
        // A new last alinéa of article 1er holding an enumeration whose 1° has its own a) and b): the quoted
        // lines of an amending order cannot carry points inside a point.
        let existing = text.components(separatedBy: "<paragraph eId=\"art_1__para_").count - 1
        let para = "art_1__para_\(existing + 1)"
        let list = para + "__list_1", point = list + "__point_1", inner = point + "__list_1"
        let paragraph = """
            <paragraph eId="\(para)" wId="\(para)"><list eId="\(list)" wId="\(list)"><intro><p>Le dossier comprend :</p></intro>\
            <point eId="\(point)" wId="\(point)"><num>1°</num><list eId="\(inner)" wId="\(inner)"><intro><p>les pièces suivantes :</p></intro>\
            <point eId="\(inner)__point_a" wId="\(inner)__point_a"><num>a)</num><content><p>la demande ;</p></content></point>\
            <point eId="\(inner)__point_b" wId="\(inner)__point_b"><num>b)</num><content><p>le rapport.</p></content></point>\
            </list></point></list></paragraph>
            """
        let end = try #require(text.range(of: "</article>"))
        text.replaceSubrange(end, with: paragraph + "</article>")
        try text.write(to: copy, atomically: true, encoding: .utf8)
        try CLI.ok(["draft", "commit", "revision-2027", "-m", "Article 1er : dossier", "--auteur", "Rédaction <redaction@example.org>"], repo: repo)

        let refused = try CLI.run("export", "amending", "v2017-01-05", "draft/revision-2027", "--repo", repo)
        #expect(refused.exitCode == 1, "\(refused)")
        #expect(refused.stdout.isEmpty, "\(refused.stdout)")
        #expect(refused.stderr.contains("Article 1er"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--partiel"), "\(refused.stderr)")

        let partial = try CLI.run("export", "amending", "v2017-01-05", "draft/revision-2027", "--partiel", "--repo", repo)
        #expect(partial.exitCode == 0, "\(partial)")
        #expect(partial.stdout.contains("Arrête"), "\(partial.stdout)")
        #expect(partial.stderr.contains("Article 1er"), "\(partial.stderr)")

        let json = try CLI.run("export", "amending", "v2017-01-05", "draft/revision-2027", "--partiel", "--to", "json", "--repo", repo)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["roundTripExact"] as? Bool == false)
        #expect((object["unexpressed"] as? [[String: Any]])?.isEmpty == false)
    }
}
}
