import Foundation
import LegalText

/// Generates a LEGI XML extract of any size for benchmarks: one text (`TEXTELR`, `TEXTE_VERSION`)
/// whose articles change over `consolidations` dates a month apart (about one article in seven at
/// each date, one in thirteen abrogated at the last date), laid out as DILA does
/// (`texte/struct`, `texte/version`, `article/LEGI/ARTI/…`). Deterministic.
public struct SyntheticLegi: Sendable {
    public var articles: Int
    public var consolidations: Int

    public init(articles: Int, consolidations: Int) {
        self.articles = max(1, articles)
        self.consolidations = max(1, consolidations)
    }

    /// What was written.
    public struct Output: Sendable {
        public let files: Int
        public let bytes: Int
        public let articleVersions: Int
    }

    /// Writes the extract into `folder` (created if needed).
    public func write(to folder: URL) throws -> Output {
        let manager = FileManager.default
        let start = LegalDate(year: 2010, month: 1, day: 4)!
        let dates = (0..<consolidations).map { start.adding(days: 30 * $0) }
        var files = 0
        var bytes = 0
        func put(_ path: String, _ text: String) throws {
            let url = folder.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let data = Data(text.utf8)
            try data.write(to: url)
            files += 1
            bytes += data.count
        }
        let chronicle = """
        <META_TEXTE_CHRONICLE><CID>JORFTEXT000090000001</CID><NUM/><NOR>SYNT1000001A</NOR>\
        <DATE_PUBLI>2010-01-03</DATE_PUBLI><DATE_TEXTE>2010-01-02</DATE_TEXTE>\
        <ORIGINE_PUBLI>JORF n°0002 du 3 janvier 2010</ORIGINE_PUBLI></META_TEXTE_CHRONICLE>
        """
        var structure: [String] = []
        var versionCount = 0
        var generator = SplitMix64(seed: 2010)
        let words = ["le", "registre", "est", "tenu", "par", "l'autorité", "compétente", "qui", "en", "assure",
                     "la", "conservation", "pendant", "une", "durée", "de", "dix", "ans", "à", "compter", "du", "dépôt"]
        func sentence() -> String {
            (0..<18).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ").capitalizedFirst + "."
        }
        for number in 1...articles {
            var bounds = [0]
            for index in 1..<consolidations where (number + index) % 7 == 0 { bounds.append(index) }
            let abrogated = number % 13 == 0 && consolidations > 1
            let ids = bounds.indices.map { String(format: "LEGIARTI%012d", 90_000_000 + number * 100 + $0) }
            var versions: [(id: String, start: String, end: String, state: String)] = []
            for (position, bound) in bounds.enumerated() {
                let isLast = position == bounds.count - 1
                let end = isLast ? (abrogated ? dates[consolidations - 1].iso : "2999-01-01") : dates[bounds[position + 1]].iso
                let state = isLast ? (abrogated ? "ABROGE" : "VIGUEUR") : "MODIFIE"
                versions.append((ids[position], dates[bound].iso, end, state))
            }
            let links = versions.map {
                "<VERSION etat=\"\($0.state)\"><LIEN_ART debut=\"\($0.start)\" etat=\"\($0.state)\" fin=\"\($0.end)\" "
                    + "id=\"\($0.id)\" num=\"\(number)\" origine=\"LEGI\"/></VERSION>"
            }.joined()
            for version in versions {
                structure.append("<LIEN_ART debut=\"\(version.start)\" etat=\"\(version.state)\" fin=\"\(version.end)\" "
                                 + "id=\"\(version.id)\" num=\"\(number)\" origine=\"LEGI\"/>")
                let body = "\(sentence())<br/><br/>\(sentence())<br/>\(sentence())"
                let id = version.id
                let path = "article/LEGI/ARTI/\(id.dropFirst(8).prefix(2))/\(id.dropFirst(10).prefix(2))/"
                    + "\(id.dropFirst(12).prefix(2))/\(id.dropFirst(14).prefix(2))/\(id.dropFirst(16).prefix(2))/\(id).xml"
                try put(path, """
                <?xml version="1.0" encoding="UTF-8"?>
                <ARTICLE><META><META_COMMUN><ID>\(id)</ID><ORIGINE>LEGI</ORIGINE><NATURE>Article</NATURE></META_COMMUN>
                <META_SPEC><META_ARTICLE><NUM>\(number)</NUM><ETAT>\(version.state)</ETAT><DATE_DEBUT>\(version.start)</DATE_DEBUT>
                <DATE_FIN>\(version.end)</DATE_FIN><TYPE>AUTONOME</TYPE></META_ARTICLE></META_SPEC></META>
                <CONTEXTE><TEXTE cid="JORFTEXT000090000001" nature="ARRETE" nor="SYNT1000001A"/></CONTEXTE>
                <VERSIONS>\(links)</VERSIONS>
                <BLOC_TEXTUEL><CONTENU>\(body)</CONTENU></BLOC_TEXTUEL>
                <LIENS><LIEN cidtexte="JORFTEXT000090000002" sens="source" typelien="MODIFICATION">Arrêté synthétique - art. \(number)</LIEN></LIENS>
                </ARTICLE>
                """)
                versionCount += 1
            }
        }
        try put("texte/struct/LEGITEXT000090000001.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <TEXTELR><META><META_COMMUN><ID>LEGITEXT000090000001</ID><NATURE>ARRETE</NATURE></META_COMMUN>
        <META_SPEC>\(chronicle)</META_SPEC></META>
        <STRUCT>\(structure.joined(separator: "\n"))</STRUCT></TEXTELR>
        """)
        try put("texte/version/LEGITEXT000090000001.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <TEXTE_VERSION><META><META_COMMUN><ID>LEGITEXT000090000001</ID><NATURE>ARRETE</NATURE></META_COMMUN>
        <META_SPEC>\(chronicle)<META_TEXTE_VERSION><TITREFULL>Arrêté synthétique de \(articles) articles</TITREFULL>\
        <ETAT>VIGUEUR</ETAT></META_TEXTE_VERSION></META_SPEC></META>
        <VISAS><CONTENU>Vu le texte synthétique de référence ;</CONTENU></VISAS></TEXTE_VERSION>
        """)
        return Output(files: files, bytes: bytes, articleVersions: versionCount)
    }
}
