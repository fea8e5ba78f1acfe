import Foundation
import LegalText
import Testing
@testable import Publishing

/// The formulas a drafter writes that `export amending` does not, and the errors an order gets, with where.
@Suite("draft appliquer: the Guide de légistique formulas a drafter writes, applied with computed identifiers")
struct HandWrittenOrderTests {
    func apply(_ text: String, to document: LegalDocument? = nil) throws -> LegalDocument {
        let old = try document ?? Corpus.read("2017-01-05")
        return try AmendingOrderApplier().apply(try AmendingOrderParser.instructions(inText: text), to: old, year: 2026)
    }

    func problem(_ text: String) throws -> OrderProblem {
        let old = try Corpus.read("2017-01-05")
        do {
            _ = try AmendingOrderApplier().apply(try AmendingOrderParser.instructions(inText: text), to: old, year: 2026)
        } catch {
            if case .orderProblem(let problem) = error { return problem }
            Issue.record("erreur sans ligne ni colonne : \(error)")
        }
        throw OrderTestFailure.noProblem
    }

    enum OrderTestFailure: Error { case noProblem }

    @Test("words replaced and words deleted, without any « Article 1er » line")
    func words() throws {
        let result = try apply("""
            Au troisième alinéa de l'article 3, le mot : « principalement » est supprimé.
            Au troisième alinéa de l'article 2, les mots : « transmis au préfet » sont remplacés par les mots : « transmis à l'autorité préfectorale ».
            """)
        #expect(result.clause(eId: "art_3__para_3")?.content.first?.plainText.contains("compte de la présence") == true)
        #expect(result.clause(eId: "art_2__para_3")?.content.first?.plainText.hasPrefix("L'avis transmis à l'autorité préfectorale ne comporte") == true)
    }

    @Test("« À l'article 6, les mots : « … » sont remplacés … »: words found in the alinéas of the article")
    func wordsInAnArticle() throws {
        let result = try apply("À l'article 6, les mots : « concourt à » sont remplacés par les mots : « assure ».")
        #expect(result.clause(eId: "art_6__para_1")?.content.first?.plainText.hasPrefix("La direction générale de la santé assure l'animation") == true)
    }

    @Test("« est complété par les mots » adds them before the final full stop; « par une phrase » after it")
    func completedBy() throws {
        let result = try apply("""
            Le troisième alinéa de l'article 3 est complété par les mots : « , ainsi que de leur répartition sur le territoire ».
            Le deuxième alinéa de l'article 2 est complété par une phrase ainsi rédigée : « Ces règles sont rappelées chaque année. »
            """)
        let text = try #require(result.clause(eId: "art_3__para_3")?.content.first?.plainText)
        #expect(text.hasSuffix("l'affection en cause, ainsi que de leur répartition sur le territoire."), "\(text)")
        let second = try #require(result.clause(eId: "art_2__para_2")?.content.first?.plainText)
        #expect(second.hasSuffix(". Ces règles sont rappelées chaque année."), "\(second)")
    }

    @Test("« Après l'article 4, il est inséré un article 4-1 ainsi rédigé : « Art. 4-1. – … » »: a new article with new wIds")
    func insertedArticle() throws {
        let result = try apply("""
            Après l'article 4, il est inséré un article 4-1 ainsi rédigé :
            « Art. 4-1. – Le médecin tient compte des ruptures d'approvisionnement.
            « Il en fait état dans son rapport. »
            """)
        let index = try #require(result.body.firstIndex { $0.num == "Article 4-1" })
        #expect(result.body[index - 1].num == "Article 4" && result.body[index + 1].num == "Article 5")
        let article = result.body[index]
        #expect(article.eId == "art_4-1" && article.wId == "art_4-1" && article.heading == nil)
        #expect(article.children.map(\.eId) == ["art_4-1__para_1", "art_4-1__para_2"])
        #expect(article.children.map(\.wId) == ["art_4-1__para_1", "art_4-1__para_2"])
        #expect(article.children.first?.content.first?.plainText == "Le médecin tient compte des ruptures d'approvisionnement.")
    }

    @Test("an article repealed, articles 5 to 7 renumbered 6 to 8 (« deviennent »), an article inserted before: wIds follow their clauses")
    func renumberedRange() throws {
        let result = try apply("""
            Article 1er
            Les articles 4 à 7 deviennent les articles 5 à 8.
            Article 2
            Après l'article 3, il est inséré un article 4 ainsi rédigé :
            « Art. 4. – Un article nouveau. »
            Article 3
            L'article 8 est abrogé.
            """)
        #expect(result.body.map(\.num) == ["Article 1er", "Article 2", "Article 3", "Article 4", "Article 5", "Article 6", "Article 7"])
        #expect(result.body.map(\.wId) == ["art_1", "art_2", "art_3", "art_4-2026", "art_4", "art_5", "art_6"])
        #expect(result.clause(eId: "art_5__para_3")?.wId == "art_4__para_3")
    }

    @Test("« Le C de l'annexe II est complété par un alinéa ainsi rédigé : » adds an alinéa at the end of section C")
    func annexSection() throws {
        let result = try apply("""
            Le C de l'annexe II est complété par un alinéa ainsi rédigé :
            « Le médecin s'appuie sur les synthèses publiées par la direction générale de la santé. »
            """)
        let annex = try #require(result.annexes.first { $0.eId == "annex_2" })
        let section = try #require(annex.clauses.first { $0.eId == "annex_2__sec_C" })
        let last = try #require(section.children.last)
        #expect(last.kind == .paragraph && last.content.first?.plainText == "Le médecin s'appuie sur les synthèses publiées par la direction générale de la santé.")
        #expect(last.eId == "annex_2__sec_C__para_2" && !last.wId.isEmpty)
    }

    @Test("« L'article 3 est ainsi rédigé : » replaces its alinéas; the article keeps its number and wId")
    func articleRewritten() throws {
        let result = try apply("""
            L'article 3 est ainsi rédigé :
            « Art. 3. – Le médecin apprécie l'offre de soins au vu de sa présence et de son accessibilité.
            « Il tient compte des ruptures de traitement. »
            """)
        let article = try #require(result.body.first { $0.num == "Article 3" })
        #expect(article.wId == "art_3" && article.children.count == 2)
        #expect(article.children.last?.content.first?.plainText == "Il tient compte des ruptures de traitement.")
        let plain = try apply("""
            L'article 6 est ainsi rédigé : « La direction générale de la santé anime le réseau des médecins de l'Office. »
            """)
        #expect(plain.clause(eId: "art_6__para_1")?.content.first?.plainText == "La direction générale de la santé anime le réseau des médecins de l'Office.")
        #expect(plain.clause(eId: "art_6")?.wId == "art_6" && plain.clause(eId: "art_6")?.children.count == 1)
    }

    @Test("quoted words absent: line, column of the words, what is expected and what the alinéa reads")
    func wordsAbsent() throws {
        let problem = try problem("""
            Article 1er
            L'article 5 est abrogé.
              Au troisième alinéa de l'article 3, les mots : « surtout » sont supprimés.
            """)
        #expect(problem.line == 3)
        #expect(problem.column == 52, "\(problem)")
        #expect(problem.expected.contains("« surtout »") && problem.expected.contains("troisième alinéa de l'article 3"))
        #expect(problem.found.contains("n'y figurent pas") && problem.found.contains("Pour apprécier l'offre de soins"))
    }

    @Test("quoted words found twice: the count and the alinéa are reported")
    func wordsAmbiguous() throws {
        let problem = try problem("Au troisième alinéa de l'article 2, le mot : « préfet » est supprimé.")
        #expect(problem.line == 1 && problem.column == 48)
        #expect(problem.found.contains("2 fois"), "\(problem)")
    }

    @Test("a clause that does not exist: what the text has instead")
    func clauseMissing() throws {
        let problem = try problem("Au septième alinéa de l'article 3, le mot : « principalement » est supprimé.")
        #expect(problem.line == 1 && problem.column == 4, "\(problem)")
        #expect(problem.expected.contains("septième alinéa de l'article 3"))
        #expect(problem.found.contains("compte 5 alinéa"), "\(problem)")
        let article = try self.problem("Article 1er\nL'article 12 est abrogé.")
        #expect(article.line == 2 && article.found.contains("1er, 2, 3, 4, 5, 6, 7"), "\(article)")
        // The column points at the step that names nothing, not at the words after it.
        let outer = try self.problem("Au deuxième alinéa de l'article 9, le mot : « x » est supprimé.")
        #expect(outer.column == 25 && outer.found.contains("pas d'article 9"), "\(outer)")
    }

    @Test("a sentence that is no formula: its line and column, and the formulas expected")
    func unknownFormula() throws {
        let problem = try problem("Article 1er\nL'article 5 est abrogé.\n\n   L'article 3 est joliment reformulé.")
        #expect(problem.line == 4 && problem.column == 4)
        #expect(problem.found.contains("joliment reformulé") && problem.expected.contains("Guide de légistique"))
    }

    @Test("a formula written before the first « Article » line is reported, not dropped with the title and visas")
    func formulaBeforeTheArticles() throws {
        let problem = try problem("Arrêté du … modifiant l'arrêté du 5 janvier 2017\nL'article 5 est abrogé.\nArticle 1er\nL'article 6 est abrogé.")
        #expect(problem.line == 2 && problem.expected.contains("Article 1er"), "\(problem)")
    }

    @Test("a failure after formulas that applied: the order is refused whole (no partial text comes out)")
    func failureAfterSuccess() throws {
        #expect(throws: PublishingError.self) {
            try apply("L'article 5 est abrogé.\nL'article 12 est abrogé.")
        }
    }
}
