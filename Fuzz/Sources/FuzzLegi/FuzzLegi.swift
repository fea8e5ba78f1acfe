import Foundation
import FuzzSupport
import LegalText

/// A small LEGI article of our own (not an official text), in force from 2019: paired with the fuzzed bytes so
/// that a fuzzed structure (`TEXTELR`), text version (`TEXTE_VERSION`) or section (`SECTION_TA`) file reaches
/// the code that orders articles and names the text, which a lone file without any article never does.
/// A string literal, turned into `Data` at each input: a global `Data`, allocated lazily during the first input, was
/// reported by LeakSanitizer as leaked by that input (a false positive of the harness, not of the importer).
let companionArticle = """
    <?xml version="1.0" encoding="UTF-8"?>
    <ARTICLE><META><META_COMMUN><ID>LEGIARTI000099000901</ID><NATURE>Article</NATURE></META_COMMUN>
    <META_SPEC><META_ARTICLE><NUM>1</NUM><ETAT>VIGUEUR</ETAT><DATE_DEBUT>2019-01-01</DATE_DEBUT>
    <DATE_FIN>2999-01-01</DATE_FIN></META_ARTICLE></META_SPEC></META>
    <CONTEXTE><TEXTE cid="JORFTEXT000099000901" nature="ARRETE"><TITRE_TXT>Arrêté d'essai</TITRE_TXT>
    <TM><TITRE_TM debut="2019-01-01" fin="2999-01-01" id="LEGISCTA000099000902">Chapitre Ier</TITRE_TM></TM></TEXTE></CONTEXTE>
    <BLOC_TEXTUEL><CONTENU>Le registre d'essai est tenu à jour.<br/>Il est relu chaque année.</CONTENU></BLOC_TEXTUEL>
    </ARTICLE>
    """

/// Feeds arbitrary bytes to the LEGI importer as `suivi import legi` runs it (``LegiImporter/timeline(files:source:limits:)``,
/// which `timeline(from:)` calls once it has read the folder's files): the bytes alone as a one-file extract, then
/// beside a valid article. Every version of a timeline that validates must write a canonical form that reads back
/// (the register commits that form). Any input must end in a timeline or a `LegalTextError`, never a crash, a
/// hang or a leak.
func fuzzLegi(_ data: Data) {
    let extracts: [[(file: String, data: Data)]] = [
        [("fuzz.xml", data)],
        [("fuzz.xml", data), ("LEGIARTI000099000901.xml", Data(companionArticle.utf8))],
    ]
    for files in extracts {
        guard let timeline = try? LegiImporter.timeline(files: files, source: "fuzz") else { continue }
        for version in timeline.versions {
            let source = SourceDocument(file: "fuzz (\(version.date.iso))", document: version.document)
            guard LegalTextValidator.validate(source).isEmpty else { continue }
            let canonical = CanonicalWriter.data(version.document)
            FuzzDriver.check((try? LegalTextReader.read(data: canonical, file: "canonical.xml")) != nil,
                             "the canonical form of a valid LEGI version does not read back")
        }
    }
}

/// libFuzzer's own `main` (linked with `-sanitize=fuzzer`) names this symbol, so it must exist; SwiftPM points
/// `main` at the `@main` below, which runs libFuzzer's driver on the same function.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    fuzzLegi(FuzzDriver.data(bytes, count))
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run(fuzzLegi) }
}
