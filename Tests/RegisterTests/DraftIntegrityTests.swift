import Foundation
import LegalText
import Testing
@testable import Register

/// Issue 14: adopted law is never lost, reverted or misstated by ordinary work on drafts.
@Suite("Drafts never lose, revert or misstate adopted law")
struct DraftIntegrityTests {
    static let first = AdoptionDates(signature: LegalDate(year: 2027, month: 1, day: 10)!,
                                     entryIntoForce: LegalDate(year: 2027, month: 1, day: 20)!,
                                     publication: LegalDate(year: 2027, month: 1, day: 12)!)
    static let second = AdoptionDates(signature: LegalDate(year: 2027, month: 6, day: 1)!,
                                      entryIntoForce: LegalDate(year: 2027, month: 6, day: 15)!)

    /// A register holding the small act's v1.
    func withSmallAct(_ body: (TextRegister) async throws -> Void) async throws {
        try await withTextRegister { (register, root) async throws in
            let folder = try writeVersions([("v1", SmallAct.v1())], into: root.appendingPathComponent("versions"))
            _ = try await register.importVersions(from: folder.path, author: Fixture.drafter)
            try await body(register)
        }
    }

    func workingCopy(_ register: TextRegister, _ name: String) -> URL {
        register.workingCopy(ofDraft: name).appendingPathComponent(SmallAct.work + ".xml")
    }

    /// Edits the working copy of draft `name` (read, edit, written back in canonical form).
    func edit(_ register: TextRegister, _ name: String, _ change: (inout LegalDocument) -> Void) throws {
        let file = workingCopy(register, name)
        var document = try LegalTextReader.read(contentsOf: file.path).document
        change(&document)
        try CanonicalWriter.data(document).write(to: file)
    }

    static func reword(_ wId: String, _ text: String) -> (inout LegalDocument) -> Void {
        { document in document.editArticle(wId) { $0.children[0].content = [Block(text: text)] } }
    }

    /// Edits and commits draft `name`.
    @discardableResult
    func commit(_ register: TextRegister, _ name: String, _ change: (inout LegalDocument) -> Void) async throws -> ObjectID {
        try edit(register, name, change)
        return try #require(try await register.commitDraft(name, message: "Modification", author: Fixture.drafter))
    }

    /// Drafts `evenement` and `periodique` from the same version both reword article 1, differently, and
    /// `evenement` is adopted: updating `periodique` then meets a conflict on art_1.
    func conflictingDrafts(_ register: TextRegister) async throws {
        _ = try await register.startDraft("evenement")
        _ = try await register.startDraft("periodique")
        try await commit(register, "evenement", Self.reword("art_1", Self.article1))
        try await commit(register, "periodique", Self.reword("art_1", "Autre rédaction de l'article premier."))
        _ = try await adopt(register, "evenement", Self.first)
    }

    func adopt(_ register: TextRegister, _ name: String, _ dates: AdoptionDates) async throws -> AdoptionOutcome {
        let tip = try #require(try await register.gitStore.tip(of: "refs/heads/draft/" + name))
        let main = try #require(try await register.gitStore.tip())
        return try await register.adoptDraft(at: tip, work: SmallAct.work, dates: dates, message: "Adoption de \(name)",
                                             author: Fixture.drafter, expectedMain: main)
    }

    func text(_ document: LegalDocument, _ eId: String) -> String? {
        document.clause(eId: eId)?.textBlocks.map(\.plainText).joined(separator: " ")
    }

    static let article1 = "Le présent arrêté fixe des règles d'essai, révisées après l'événement."
    static let article3 = "Le directeur général de la santé exécute le présent arrêté, révisé périodiquement."

    // MARK: 1. Two drafts from the same version

    @Test("adopting a second draft started from the same version is refused with what changed since, and nothing moves")
    func outOfDateAdoptionRefused() async throws {
        try await withSmallAct { register in
            _ = try await register.startDraft("evenement")
            _ = try await register.startDraft("periodique")
            try await commit(register, "evenement", Self.reword("art_1", Self.article1))
            try await commit(register, "periodique", Self.reword("art_3", Self.article3))
            let adopted = try await adopt(register, "evenement", Self.first)

            let before = try await register.refs()
            let error = await #expect(throws: RegisterError.self) { _ = try await adopt(register, "periodique", Self.second) }
            guard case .draftOutOfDate(let draft, let base, let versions, let changes) = error else {
                Issue.record("expected .draftOutOfDate, got \(String(describing: error))")
                return
            }
            #expect(draft == "periodique")
            #expect(base == SmallAct.tags[0])
            #expect(versions == [adopted.tag])
            #expect(changes.contains(TextChange(work: SmallAct.work, wId: "art_1", eId: "art_1", kind: .modified)), "\(changes)")
            #expect(error?.description.contains("mettez le projet periodique à jour avec le texte en vigueur") == true)
            #expect(try await register.refs() == before, "nothing adopted")
            let inForce = try await register.document(at: GitStore.mainBranch)
            #expect(text(inForce, "art_1__para_1") == Self.article1)
        }
    }

    @Test("after draft update, the second adoption keeps the first one's change: both changes are in force")
    func updateThenAdoptKeepsBoth() async throws {
        try await withSmallAct { register in
            _ = try await register.startDraft("evenement")
            _ = try await register.startDraft("periodique")
            try await commit(register, "evenement", Self.reword("art_1", Self.article1))
            let periodic = try await commit(register, "periodique", Self.reword("art_3", Self.article3))
            let adopted = try await adopt(register, "evenement", Self.first)
            let main = try #require(try await register.gitStore.tip())

            let update = try await register.updateDraft("periodique", author: Fixture.member)
            let merge = try #require(update.commit)
            #expect(try await register.gitStore.commitInfo(merge).parents == [periodic, main], "a merge: draft tip, then main")
            #expect(update.previousBase?.version == SmallAct.tags[0])
            #expect(update.base?.version == adopted.tag, "the base moved to the version adopted meanwhile")
            #expect(update.versions == [adopted.tag])
            #expect(update.takenFromInForce == ["art_1"])
            let draft = try await register.document(at: merge)
            #expect(text(draft, "art_1__para_1") == Self.article1)
            #expect(text(draft, "art_3__para_1") == Self.article3)
            #expect(draft.isDraft, "the draft keeps its own metadata")
            #expect(LegalTextValidator.validate(try LegalTextReader.read(data: CanonicalWriter.data(draft), file: "x")).isEmpty)
            let copy = try LegalTextReader.read(contentsOf: workingCopy(register, "periodique").path).document
            #expect(copy == draft, "the working copy is rewritten from the merge")
            #expect(try await register.drafts().first { $0.name == "periodique" }?.base == merge)

            _ = try await adopt(register, "periodique", Self.second)
            let inForce = try await register.document(at: GitStore.mainBranch)
            #expect(text(inForce, "art_1__para_1") == Self.article1, "the first adoption's change is still in force")
            #expect(text(inForce, "art_3__para_1") == Self.article3)
        }
    }

    @Test("a clause changed differently on both sides is a conflict with its three texts, and nothing is written")
    func conflictWritesNothing() async throws {
        try await withSmallAct { register in
            try await conflictingDrafts(register)
            let before = try await register.refs()
            let copyBefore = try Data(contentsOf: workingCopy(register, "periodique"))

            let error = await #expect(throws: RegisterError.self) { _ = try await register.updateDraft("periodique", author: Fixture.member) }
            guard case .draftUpdateConflicts(let draft, let conflicts) = error else {
                Issue.record("expected .draftUpdateConflicts, got \(String(describing: error))")
                return
            }
            #expect(draft == "periodique")
            #expect(conflicts.map(\.wId) == ["art_1"])
            let conflict = try #require(conflicts.first)
            #expect(conflict.kind == .clause)
            #expect(conflict.base?.contains("Le présent arrêté fixe des règles d'essai.") == true)
            #expect(conflict.inForce?.contains(Self.article1) == true)
            #expect(conflict.draft?.contains("Autre rédaction de l'article premier.") == true)
            #expect(error?.description.contains("texte en vigueur") == true)
            #expect(try await register.refs() == before, "no ref moved")
            #expect(try Data(contentsOf: workingCopy(register, "periodique")) == copyBefore, "the working copy is untouched")
        }
    }

    @Test("the conflict message's procedure settles it: the text in force back in the draft, update, then the wording again")
    func conflictProcedure() async throws {
        try await withSmallAct { register in
            try await conflictingDrafts(register)
            let error = await #expect(throws: RegisterError.self) { _ = try await register.updateDraft("periodique", author: Fixture.member) }
            #expect(error?.description.contains("remettez dans la copie de travail son texte en vigueur") == true, "\(String(describing: error))")
            // Writing a merged wording straight away keeps the conflict (both sides still differ from the base)…
            try await commit(register, "periodique", Self.reword("art_1", "Rédaction fusionnée de l'article premier."))
            await #expect(throws: RegisterError.self) { _ = try await register.updateDraft("periodique", author: Fixture.member) }
            // …as the message says: the text in force back, committed, update, then the wording again.
            try await commit(register, "periodique", Self.reword("art_1", Self.article1))
            let update = try await register.updateDraft("periodique", author: Fixture.member)
            #expect(update.commit != nil)
            try await commit(register, "periodique", Self.reword("art_1", "Rédaction fusionnée de l'article premier."))
            let tip = try await register.document(at: "draft/periodique")
            #expect(tip.clause(eId: "art_1").map { PlainTextRenderer().render($0, indent: 0).joined(separator: "\n") }?.contains("Rédaction fusionnée") == true)
            // The draft is now based on the text in force: it can be adopted.
            let base = try #require(try await register.draftBase("periodique"))
            #expect(base.version == (try await register.versions().last { $0.kind == .adopted }?.name))
        }
    }

    @Test("updating a draft whose working copy holds uncommitted edits is refused, and nothing is written")
    func uncommittedEditsRefused() async throws {
        try await withSmallAct { register in
            _ = try await register.startDraft("evenement")
            _ = try await register.startDraft("periodique")
            try await commit(register, "evenement", Self.reword("art_1", Self.article1))
            _ = try await adopt(register, "evenement", Self.first)
            try edit(register, "periodique", Self.reword("art_3", Self.article3))
            let before = try await register.refs()
            await #expect(throws: RegisterError.uncommittedEdits(draft: "periodique")) {
                _ = try await register.updateDraft("periodique", author: Fixture.member)
            }
            #expect(try await register.refs() == before)
            let copy = try LegalTextReader.read(contentsOf: workingCopy(register, "periodique").path).document
            #expect(text(copy, "art_3__para_1") == Self.article3, "the uncommitted edit is still there")
        }
    }

    @Test("a draft already based on the text in force is up to date: nothing is written")
    func upToDate() async throws {
        try await withSmallAct { register in
            _ = try await register.startDraft("periodique")
            try await commit(register, "periodique", Self.reword("art_3", Self.article3))
            let before = try await register.refs()
            let update = try await register.updateDraft("periodique", author: Fixture.member)
            #expect(update.upToDate && update.changes.isEmpty)
            #expect(try await register.refs() == before)
        }
    }

    @Test("an article inserted in force and an alinéa changed in the draft merge, in text order")
    func insertionsMerge() async throws {
        try await withSmallAct { register in
            _ = try await register.startDraft("evenement")
            _ = try await register.startDraft("periodique")
            // The event review inserts an article 4 at the end; the periodic one rewords article 2's first alinéa.
            try await commit(register, "evenement") { document in
                document.body.append(Clause(kind: .article, eId: "art_4", num: "Article 4",
                                            children: [paragraph("art_4__para_1", "Un article ajouté par l'événement.")]))
            }
            try await commit(register, "periodique", Self.reword("art_2", "Les règles d'essai s'appliquent à tous les soins."))
            _ = try await adopt(register, "evenement", Self.first)
            let update = try await register.updateDraft("periodique", author: Fixture.member)
            let draft = try await register.document(at: try #require(update.commit))
            #expect(draft.body.map(\.eId) == ["art_1", "art_2", "art_3", "art_4"])
            #expect(text(draft, "art_2__para_1") == "Les règles d'essai s'appliquent à tous les soins.")
            #expect(text(draft, "art_4__para_1") == "Un article ajouté par l'événement.")
        }
    }

    @Test("an article renumbered in force by an insertion and reworded in the draft keeps the new wording under its new number")
    func renumberedAndReworded() async throws {
        try await withSmallAct { register in
            _ = try await register.startDraft("evenement")
            _ = try await register.startDraft("periodique")
            try await commit(register, "evenement") { document in
                var body = document.body
                body[2] = body[2].renumbered("art_3", to: "art_4")
                body[2].num = "Article 4"
                body[1] = body[1].renumbered("art_2", to: "art_3")
                body[1].num = "Article 3"
                body.insert(Clause(kind: .article, eId: "art_2", wId: "art_2-2027", num: "Article 2",
                                   children: [paragraph("art_2__para_1", wId: "art_2__para_1-2027", "Un article inséré.")]), at: 1)
                document.body = body
            }
            try await commit(register, "periodique", Self.reword("art_3", Self.article3))
            _ = try await adopt(register, "evenement", Self.first)
            let update = try await register.updateDraft("periodique", author: Fixture.member)
            let draft = try await register.document(at: try #require(update.commit))
            #expect(draft.body.map(\.wId) == ["art_1", "art_2-2027", "art_2", "art_3"])
            #expect(draft.body.map(\.eId) == ["art_1", "art_2", "art_3", "art_4"])
            #expect(draft.body.last?.num == "Article 4")
            #expect(text(draft, "art_4__para_1") == Self.article3, "the draft's wording, under the new number")
            #expect(text(draft, "art_2__para_1") == "Un article inséré.")
            _ = try await adopt(register, "periodique", Self.second)
        }
    }

    @Test("an article deleted in the draft and only renumbered in force stays deleted")
    func deletedAndRenumbered() async throws {
        try await withSmallAct { register in
            _ = try await register.startDraft("evenement")
            _ = try await register.startDraft("periodique")
            try await commit(register, "evenement") { document in
                document.body[2] = document.body[2].renumbered("art_3", to: "art_4")
                document.body[2].num = "Article 4"
                document.body.insert(Clause(kind: .article, eId: "art_3", wId: "art_3-2027", num: "Article 3",
                                            children: [paragraph("art_3__para_1", wId: "art_3__para_1-2027", "Un article inséré.")]), at: 2)
            }
            try await commit(register, "periodique") { document in document.body.remove(at: 2) }
            _ = try await adopt(register, "evenement", Self.first)
            let update = try await register.updateDraft("periodique", author: Fixture.member)
            let draft = try await register.document(at: try #require(update.commit))
            #expect(draft.body.map(\.wId) == ["art_1", "art_2", "art_3-2027"])
        }
    }

    @Test("two articles inserted at the same place on both sides give a clear refusal, not a wrongly numbered text")
    func clashingNumberingRefused() async throws {
        try await withSmallAct { register in
            _ = try await register.startDraft("evenement")
            _ = try await register.startDraft("periodique")
            try await commit(register, "evenement") { document in
                document.body.append(Clause(kind: .article, eId: "art_4", num: "Article 4",
                                            children: [paragraph("art_4__para_1", "Ajouté par l'événement.")]))
            }
            try await commit(register, "periodique") { document in
                document.body.append(Clause(kind: .article, eId: "art_4", wId: "art_4-2027", num: "Article 4",
                                            children: [paragraph("art_4__para_1", wId: "art_4__para_1-2027", "Ajouté par la révision périodique.")]))
            }
            _ = try await adopt(register, "evenement", Self.first)
            let before = try await register.refs()
            let error = await #expect(throws: RegisterError.self) { _ = try await register.updateDraft("periodique", author: Fixture.member) }
            guard case .mergedTextInvalid(let draft, let problems) = error else {
                Issue.record("expected .mergedTextInvalid, got \(String(describing: error))")
                return
            }
            #expect(draft == "periodique" && !problems.isEmpty)
            #expect(error?.description.contains("Renumérotez") == true)
            #expect(try await register.refs() == before)
        }
    }

    // MARK: 4. Draft and adopted metadata

    @Test("a started draft is a draft: dated #projet that day, expression …/<name>/fr, no signature, and it validates")
    func startedDraftIsADraft() async throws {
        try await withSmallAct { register in
            let today = try #require(LegalDate(iso: "2026-12-06"))
            let draft = try await register.startDraft("revision-2026", today: today)
            let document = try await register.document(at: draft.tip)
            let work = document.identification.work.uri
            #expect(document.isDraft)
            #expect(document.date(of: .draft) == today)
            #expect(document.date(of: .signature) == nil && document.publication == nil)
            #expect(document.identification.expression.uri == work + "/revision-2026/fr")
            #expect(document.identification.manifestation.uri == work + "/revision-2026/fr/xml")
            let copy = try LegalTextReader.read(contentsOf: workingCopy(register, "revision-2026").path)
            #expect(copy.document == document)
            #expect(LegalTextValidator.validate(copy).isEmpty, "\(LegalTextValidator.validate(copy))")
        }
    }

    @Test("an adopted draft gets its own expression (…/{entry into force}/fr), dates and publication, unlike v1's")
    func adoptedVersionHasItsOwnExpression() async throws {
        try await withSmallAct { register in
            let v1 = try await register.document(at: SmallAct.tags[0])
            _ = try await register.startDraft("revision")
            try await commit(register, "revision", Self.reword("art_1", Self.article1))
            let outcome = try await adopt(register, "revision", Self.first)
            let adopted = try await register.document(at: outcome.commit)
            let work = adopted.identification.work.uri
            #expect(work == v1.identification.work.uri, "same work")
            #expect(adopted.identification.expression.uri != v1.identification.expression.uri)
            #expect(adopted.identification.expression.uri == work + "/2027-01-20/fr")
            #expect(adopted.identification.expression.this == adopted.identification.expression.uri)
            #expect(adopted.identification.manifestation.uri == work + "/2027-01-20/fr/xml")
            #expect(!adopted.isDraft && adopted.date(of: .draft) == nil)
            #expect(adopted.date(of: .signature) == Self.first.signature)
            #expect(adopted.date(of: .publication) == Self.first.publication)
            #expect(adopted.date(of: .entryIntoForce) == Self.first.entryIntoForce)
            #expect(adopted.publication?.date == Self.first.publication)
            let source = try LegalTextReader.read(data: CanonicalWriter.data(adopted), file: "adoptée")
            #expect(LegalTextValidator.validate(source).isEmpty, "\(LegalTextValidator.validate(source))")
        }
    }

    // MARK: 5. wIds never change

    @Test("giving an existing alinéa or article another wId in the working copy is refused, naming the wId to keep")
    func wIdChangeRefused() async throws {
        try await withSmallAct { register in
            let draft = try await register.startDraft("revision")
            try edit(register, "revision") { document in
                document.editArticle("art_1") { $0.children[0].wId = "alinea-renomme" }
                document.editArticle("art_3") { $0.wId = "art_3-2026" }
            }
            let error = await #expect(throws: RegisterError.self) {
                _ = try await register.commitDraft("revision", message: "wId", author: Fixture.drafter)
            }
            guard case .wIdChanged(let name, let changes) = error else {
                Issue.record("expected .wIdChanged, got \(String(describing: error))")
                return
            }
            #expect(name == "revision")
            #expect(Set(changes) == [WIdChange(eId: "art_1__para_1", kept: "art_1__para_1", given: "alinea-renomme"),
                                     WIdChange(eId: "art_3", kept: "art_3", given: "art_3-2026")])
            #expect(error?.description.contains("gardez son wId « art_1__para_1 »") == true)
            #expect(try await register.gitStore.tip(of: draft.branch) == draft.tip, "nothing committed")
        }
    }

    @Test("a new alinéa with a new wId, or an edited alinéa, is no wId change")
    func newClausesAllowed() async throws {
        try await withSmallAct { register in
            _ = try await register.startDraft("revision")
            try await commit(register, "revision") { document in
                document.editArticle("art_3") { article in
                    article.children.append(paragraph("art_3__para_2", "Un alinéa nouveau."))
                }
                document.editArticle("art_1") { $0.children[0].content = [Block(text: "Rédaction nouvelle.")] }
            }
        }
    }

    @Test("importing a draft folder that changes an existing clause's wId is refused, and no branch is created")
    func importedWIdChangeRefused() async throws {
        try await withTextRegister { (register, root) async throws in
            var draft = try draftVersion(SmallAct.v1(), dated: "2026-11-24")
            draft.editArticle("art_1") { $0.children[0].wId = "alinea-renomme" }
            let folder = try writeVersions([("v1", SmallAct.v1()), ("projet", draft)], into: root.appendingPathComponent("versions"))
            let error = await #expect(throws: RegisterError.self) {
                _ = try await register.importVersions(from: folder.path, author: Fixture.drafter)
            }
            #expect(error == .wIdChanged(draft: "projet", changes: [WIdChange(eId: "art_1__para_1", kept: "art_1__para_1",
                                                                               given: "alinea-renomme")]))
            #expect(try await register.gitStore.tip(of: "refs/heads/draft/projet") == nil)
        }
    }

    // MARK: 7. No empty commit

    @Test("concurrent draft commits of the same working copy write one commit, and never one with its parent's tree")
    func concurrentCommitsNeverEmpty() async throws {
        for round in 0..<4 {
            try await withSmallAct { register in
                let draft = try await register.startDraft("revision")
                try edit(register, "revision", Self.reword("art_1", "Rédaction \(round)."))
                let results = await withTaskGroup(of: Result<ObjectID?, RegisterError>.self) { group in
                    for index in 0..<3 {
                        group.addTask {
                            do throws(RegisterError) {
                                return .success(try await register.commitDraft("revision", message: "Commit \(index)",
                                                                               author: Fixture.drafter))
                            } catch {
                                return .failure(error)
                            }
                        }
                    }
                    var all: [Result<ObjectID?, RegisterError>] = []
                    for await result in group { all.append(result) }
                    return all
                }
                let written = results.compactMap { try? $0.get() }.compactMap { $0 }
                #expect(written.count == 1, "round \(round): \(results)")
                #expect(results.allSatisfy { if case .success = $0 { true } else { false } }, "round \(round): \(results)")
                for commit in try await register.gitStore.log(branch: draft.branch) {
                    for parent in commit.parents {
                        #expect(try await register.gitStore.commitInfo(parent).tree != commit.tree,
                                "round \(round): \(commit.id) has the same tree as its parent")
                    }
                }
            }
        }
    }
}
