import Foundation
import LegalText
import Register
import Testing

/// A small act whose articles are renumbered by an insertion: v1 (2020) has articles 1–3; v2 (2021) inserts a new
/// article 2, so that the article 2 of 2020 becomes article 3 and the article 3 of 2020 becomes article 4; v3 (2022)
/// rewords the alinéa of the article 3 of 2020 (article 4 since 2021); the draft rewords the alinéa of the article 2
/// of 2020 (article 3 since 2021).
enum RenumberedAct {
    static let tags = ["TEST2000001A/v2020-03-02", "TEST2000001A/v2021-06-01", "TEST2000001A/v2022-02-01"]
    static let reworded = "Les règles d'essai s'appliquent aussi aux annexes."

    static func v2() throws -> LegalDocument {
        try adoptedVersion(SmallAct.v1(), signed: "2021-06-01", published: "2021-06-03", inForce: "2021-07-01") { document in
            let inserted = Clause(kind: .article, eId: "art_2", wId: "art_2-2021", num: "Article 2",
                                  children: [paragraph("art_2__para_1", wId: "art_2-2021__para_1", "Un article inséré en 2021.")])
            document.body = [document.body[0], inserted,
                             document.body[1].renumbered("art_2", to: "art_3").withNum("Article 3"),
                             document.body[2].renumbered("art_3", to: "art_4").withNum("Article 4")]
        }
    }

    static func v3() throws -> LegalDocument {
        try adoptedVersion(v2(), signed: "2022-02-01", published: "2022-02-03", inForce: "2022-03-01") { document in
            document.editArticle("art_3") { article in article.children[0].content = [Block(text: reworded)] }
        }
    }

    static func draft() throws -> LegalDocument {
        try draftVersion(v3(), dated: "2026-11-24") { document in
            document.editArticle("art_2") { article in article.children[0].content = [Block(text: "Rédaction du projet.")] }
        }
    }

    /// A register holding the three versions and the draft `draft/projet-2026`.
    static func register(in root: URL) async throws -> TextRegister {
        let register = try TextRegister.create(at: root.appendingPathComponent("registre"))
        let folder = try writeVersions([("a", SmallAct.v1()), ("b", v2()), ("c", v3()), ("projet-2026", draft())],
                                       into: root.appendingPathComponent("versions"))
        _ = try await register.importVersions(from: folder.path, author: Fixture.drafter)
        return register
    }
}

extension Clause {
    /// The clause with another number.
    func withNum(_ num: String) -> Clause {
        var copy = self
        copy.num = num
        return copy
    }
}

@Suite("History of a clause read as numbered at a version")
struct HistoryNumberingTests {
    @Test("art_3 read at 2020 is the article 3 of 2020, followed after it became art_4, not today's art_3")
    func oldNumbering() async throws {
        try await withTemporaryDirectory { root in
            let register = try await RenumberedAct.register(in: root)
            let entries = try await register.history(of: "art_3", numberedAt: RenumberedAct.tags[0])
            #expect(entries.map(\.wId).allSatisfy { $0 == "art_3" }, "\(entries.map(\.wId))")
            #expect(entries.map(\.version) == RenumberedAct.tags)
            #expect(entries.map(\.change) == [.inserted, .renumbered, .modified])
            #expect(entries.map(\.eId) == ["art_3", "art_4", "art_4"])
            #expect(entries.last?.text.contains(RenumberedAct.reworded) == true)

            // Read at 2021, art_3 is the article 2 of 2020: another clause, another history.
            let later = try await register.history(of: "art_3", numberedAt: RenumberedAct.tags[1])
            #expect(later.map(\.wId).allSatisfy { $0 == "art_2" }, "\(later.map(\.wId))")
            #expect(later.map(\.change) == [.inserted, .renumbered])
            #expect(later.map(\.eId) == ["art_2", "art_3"])
        }
    }

    @Test("an alinéa is read as numbered at the version too, and an eId read there wins over a wId of that name")
    func alineaAndWIdNames() async throws {
        try await withTemporaryDirectory { root in
            let register = try await RenumberedAct.register(in: root)
            // In 2021, art_2__para_1 is the inserted article's alinéa, though a wId art_2__para_1 exists (today's art_3__para_1).
            let inserted = try await register.history(of: "art_2__para_1", numberedAt: RenumberedAct.tags[1])
            #expect(inserted.map(\.wId) == ["art_2-2021__para_1"])
            #expect(inserted.map(\.change) == [.inserted])
            let old = try await register.history(of: "art_2__para_1", numberedAt: RenumberedAct.tags[0])
            #expect(old.map(\.wId).allSatisfy { $0 == "art_2__para_1" })
            #expect(old.map(\.eId) == ["art_2__para_1", "art_3__para_1"])
            // A wId the version holds under another eId is read as that wId.
            let byWId = try await register.history(of: "art_2-2021", numberedAt: RenumberedAct.tags[2])
            #expect(byWId.map(\.eId) == ["art_2"])
        }
    }

    @Test("a date reads the numbering of the version in force that day; a draft is also the history's last step")
    func dateAndDraft() async throws {
        try await withTemporaryDirectory { root in
            let register = try await RenumberedAct.register(in: root)
            let byDate = try await register.history(of: "art_3", numberedAt: "2021-06-15")  // v1 still in force
            #expect(byDate.map(\.wId).allSatisfy { $0 == "art_3" })
            let inDraft = try await register.history(of: "art_3", numberedAt: "draft/projet-2026")
            #expect(inDraft.map(\.wId).allSatisfy { $0 == "art_2" })
            #expect(inDraft.map(\.version) == Array(RenumberedAct.tags.prefix(2)) + ["draft/projet-2026"])
            #expect(inDraft.last?.change == .modified)
        }
    }

    @Test("an eId the version does not have is refused with the version named, never another clause's history")
    func absentAtVersion() async throws {
        try await withTemporaryDirectory { root in
            let register = try await RenumberedAct.register(in: root)
            await #expect(throws: RegisterError.clauseNotInVersion(identifier: "art_4", version: RenumberedAct.tags[0])) {
                try await register.history(of: "art_4", numberedAt: RenumberedAct.tags[0])
            }
            let error = RegisterError.clauseNotInVersion(identifier: "art_4", version: RenumberedAct.tags[0])
            #expect(error.description.contains("TEST2000001A/v2020-03-02"))
            #expect(error.description.contains("« art_4 »"))
        }
    }
}

@Suite("Provenance: renumbered apart from reworded, with dates and authors")
struct BlameOriginTests {
    @Test("a clause renumbered then reworded owes its wording to one version and its number to another")
    func separateOrigins() async throws {
        try await withTemporaryDirectory { root in
            let register = try await RenumberedAct.register(in: root)
            let byEId = Dictionary(uniqueKeysWithValues: try await register.blame().map { ($0.eId, $0) })
            // The alinéa of the article 3 of 2020 (art_4__para_1 since 2021), reworded by 2022: its own number did
            // not change (only its article's), so it owes nothing to a renumbering.
            let alinea = try #require(byEId["art_4__para_1"])
            #expect(alinea.wId == "art_3__para_1")
            #expect(alinea.wording.change == .reworded)
            #expect(alinea.wording.version == RenumberedAct.tags[2])
            #expect(alinea.wording.entryIntoForce == LegalDate(iso: "2022-03-01"))
            #expect(alinea.wording.signature == LegalDate(iso: "2022-02-01"))
            #expect(alinea.numbering == nil)
            #expect(alinea.version == RenumberedAct.tags[2])  // the last change of any kind, as before
            // Renumbered only: its wording is still the one inserted in 2020.
            let article = try #require(byEId["art_3"])
            #expect(article.wId == "art_2")
            #expect(article.wording.change == .inserted)
            #expect(article.wording.version == RenumberedAct.tags[0])
            #expect(article.numbering?.version == RenumberedAct.tags[1])
            #expect(article.numbering?.previousEId == "art_2")
            // Inserted in 2021 and never renumbered; untouched since 2020.
            #expect(byEId["art_2"]?.wording.change == .inserted)
            #expect(byEId["art_2"]?.wording.version == RenumberedAct.tags[1])
            #expect(byEId["art_2"]?.numbering == nil)
            #expect(byEId["art_1__para_1"]?.wording.version == RenumberedAct.tags[0])
            #expect(byEId["art_1__para_1"]?.numbering == nil)
            // Every change was written by whoever imported the versions.
            #expect(byEId.values.allSatisfy { $0.wording.author == Fixture.drafter && $0.numbering.map { $0.author == Fixture.drafter } != false })
        }
    }

    @Test("an alinéa renumbered by one version and reworded by a later one has both origins, each with its dates")
    func renumberedThenReworded() async throws {
        try await withTextRegister { (register, root) async throws in
            _ = try await register.importVersions(from: SmallAct.writeHistory(into: root).path, author: Fixture.drafter)
            let byEId = Dictionary(uniqueKeysWithValues: try await register.blame().map { ($0.eId, $0) })
            let alinea = try #require(byEId["art_2__para_2"])  // wId art_2__para_1: renumbered by v2, reworded by v3
            #expect(alinea.wording.change == .reworded)
            #expect(alinea.wording.version == SmallAct.tags[2])
            #expect(alinea.wording.entryIntoForce == LegalDate(iso: "2021-09-03"))
            let numbering = try #require(alinea.numbering)
            #expect(numbering.change == .renumbered)
            #expect(numbering.version == SmallAct.tags[1])
            #expect(numbering.previousEId == "art_2__para_1")
            #expect(numbering.entryIntoForce == LegalDate(iso: "2022-01-01"))
            // Renumbered only (the list paragraph, art_2__para_3 since v2): inserted in 2020, renumbered in 2021.
            let list = try #require(byEId["art_2__para_3"])
            #expect(list.wording.change == .inserted)
            #expect(list.wording.version == SmallAct.tags[0])
            #expect(list.numbering?.version == SmallAct.tags[1])
            #expect(list.numbering?.previousEId == "art_2__para_2")
        }
    }

    @Test("on a draft, each change is attributed to the person whose commit made it, not to the draft's last writer")
    func draftAuthors() async throws {
        try await withTemporaryDirectory { root in
            let register = try TextRegister.create(at: root.appendingPathComponent("registre"))
            let folder = try writeVersions([("a", SmallAct.v1())], into: root.appendingPathComponent("versions"))
            _ = try await register.importVersions(from: folder.path, author: Fixture.drafter)
            _ = try await register.startDraft("projet")
            let alice = Identity(name: "Alice Rédactrice", email: "alice@example.org")
            let bob = Identity(name: "Bob Rédacteur", email: "bob@example.org")
            var text = try await register.draftText("projet").document
            text.editArticle("art_1") { $0.children[0].content = [Block(text: "Objet reformulé par Alice.")] }
            _ = try await register.commitDraft("projet", documents: [text], message: "Article 1", author: alice)
            text.editArticle("art_3") { $0.children[0].content = [Block(text: "Article 3 reformulé par Bob.")] }
            _ = try await register.commitDraft("projet", documents: [text], message: "Article 3", author: bob)
            let byEId = Dictionary(uniqueKeysWithValues: try await register.blame(at: "draft/projet").map { ($0.eId, $0) })
            #expect(byEId["art_1__para_1"]?.wording.author == alice)
            #expect(byEId["art_1__para_1"]?.wording.version == "draft/projet")
            #expect(byEId["art_1__para_1"]?.wording.entryIntoForce == nil)
            #expect(byEId["art_3__para_1"]?.wording.author == bob)
            #expect(byEId["art_2__para_1"]?.wording.author == Fixture.drafter)
            #expect(byEId["art_1__para_1"]?.wording.commit != byEId["art_3__para_1"]?.wording.commit)
        }
    }
}
