import Foundation
import LegalText
import Testing
import SuiviTestSupport

/// European Legislation Identifier URIs for French texts.
@Suite("ELI")
struct ELITests {
    @Test("work, expression as published and consolidated, manifestation")
    func uris() throws {
        let eli = ELI(type: "ARRÊTÉ", signature: try #require(LegalDate(iso: "2017-01-05")), naturalIdentifier: "AFSP1638149A")
        #expect(eli.work == "/eli/arrete/2017/1/5/AFSP1638149A/jo/texte")
        #expect(eli.expression() == "/eli/arrete/2017/1/5/AFSP1638149A/jo/texte/fr")
        #expect(eli.expression(consolidatedOn: LegalDate(iso: "2020-06-01")) == "/eli/arrete/2017/1/5/AFSP1638149A/jo/texte/2020-06-01/fr")
        #expect(ELI.manifestation(expression: eli.expression()) == "/eli/arrete/2017/1/5/AFSP1638149A/jo/texte/fr/xml")
    }

    @Test("the corpus's 2017 version is the JO expression {work}/fr")
    func corpusExpression() throws {
        let path = ShippedFixture.corpus.appendingPathComponent("2017-01-05/AFSP1638149A.xml").path
        let document = try LegalTextReader.read(contentsOf: path).document
        #expect(document.identification.expression.uri == "/eli/arrete/2017/1/5/AFSP1638149A/jo/texte/fr")
    }

    @Test("the validator refuses ELI URIs off the pattern",
          arguments: [
              ("/eli/arrete/2020/03/02/TEST2000001A/jo/texte", "/eli/arrete/2020/03/02/TEST2000001A/jo/texte/fr"),
              ("/eli/arrete/2020/3/2/TEST2000001A/texte", "/eli/arrete/2020/3/2/TEST2000001A/texte/fr"),
              ("/eli/arrete/2020/3/2/TEST2000001A/jo/texte", "/eli/arrete/2020/3/2/TEST2000001A/jo/texte/2020-03-02/fra"),
              ("/eli/arrete/2020/3/2/TEST2000001A/jo/texte", "/eli/arrete/2020/3/2/AUTRE/jo/texte/fr"),
          ])
    func refused(work: String, expression: String) throws {
        var document = try Fixture.minimal().document
        document.identification.work.uri = work
        document.identification.expression.uri = expression
        let problems = LegalTextValidator.validate(SourceDocument(file: "t.xml", document: document))
        #expect(problems.map(\.rule) == [.eliMismatch])
    }

    @Test("the validator accepts {work}/fr and {work}/{date}/fr")
    func accepted() throws {
        var document = try Fixture.minimal().document
        for expression in ["/fr", "/2020-03-02/fr", "/projet-2026/fr"] {
            document.identification.expression.uri = document.identification.work.uri + expression
            #expect(LegalTextValidator.validate(SourceDocument(file: "t.xml", document: document)).isEmpty)
        }
    }
}
