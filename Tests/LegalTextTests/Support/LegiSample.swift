import Foundation
import Testing

/// LEGI XML for tests: the fixture extract of `Fixtures/legi/` (an arrêté of the project's own
/// invention, in the real DILA format), and small article files written on the fly.
enum LegiSample {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Three versions of two articles: article 1er (modified on 2020-06-01) and article 2 (abrogated on
    /// 2022-01-01), in force from 2018-03-10.
    static let fixture = packageRoot.appendingPathComponent("Tests/LegalTextTests/Fixtures/legi/LEGITEXT000099000001").path

    /// A code of the project's own invention whose signature date LEGI does not know (2999-01-01):
    /// article 1 (1961-03-01, modified 1985-07-01, abrogated 2003-01-01) and article 2 (1961-03-01,
    /// abrogated 1999-01-01), so the whole text is abrogated from 2003-01-01.
    static let abrogatedCode = packageRoot.appendingPathComponent("Tests/LegalTextTests/Fixtures/legi/LEGITEXT000099000002").path

    /// The real LEGI examples shared by the project (read in place, never copied).
    static let sharedExamples = SharedMaterials.path("examples/legi")

    /// A copy of the fixture extract in a fresh temporary folder, for tests that break one file.
    static func copyOfFixture() throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-legi-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: fixture), to: target)
        return target
    }

    /// The path of one article version file inside a copy of the fixture.
    static func article(_ id: String, in folder: URL) -> URL {
        folder.appendingPathComponent("article/LEGI/ARTI/00/00/99/00/00/\(id).xml")
    }

    /// One `ARTICLE` file: `versions` lists every version of the article as (id, start, end, state, num).
    static func articleXML(id: String, num: String, state: String, start: String, end: String,
                           versions: [(id: String, num: String, start: String, end: String, state: String)],
                           content: String, links: String = "", context: String = "") -> String {
        let versionLinks = versions.map { version in
            """
            <VERSION etat="\(version.state)"><LIEN_ART debut="\(version.start)" etat="\(version.state)" fin="\(version.end)" \
            id="\(version.id)" num="\(version.num)" origine="LEGI"/></VERSION>
            """
        }.joined(separator: "\n")
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <ARTICLE>
        <META><META_COMMUN><ID>\(id)</ID><ORIGINE>LEGI</ORIGINE><NATURE>Article</NATURE></META_COMMUN>
        <META_SPEC><META_ARTICLE><NUM>\(num)</NUM><ETAT>\(state)</ETAT><DATE_DEBUT>\(start)</DATE_DEBUT>\
        <DATE_FIN>\(end)</DATE_FIN><TYPE>AUTONOME</TYPE></META_ARTICLE></META_SPEC></META>
        <CONTEXTE><TEXTE cid="JORFTEXT000099000005" nature="ARRETE" nor="TEST1900005A">\
        <TITRE_TXT id_txt="LEGITEXT000099000005">Arrêté d'essai sur la numérotation</TITRE_TXT>\(context)</TEXTE></CONTEXTE>
        <VERSIONS>\(versionLinks)</VERSIONS>
        <BLOC_TEXTUEL><CONTENU>\(content)</CONTENU></BLOC_TEXTUEL>
        <LIENS>\(links)</LIENS>
        </ARTICLE>
        """
    }

    /// A fresh folder holding the given files (name → content).
    static func folder(_ files: [String: String]) throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("suivi-legi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for (name, content) in files {
            try Data(content.utf8).write(to: target.appendingPathComponent(name))
        }
        return target
    }
}
