import ClauseDiff
import Committee
import Foundation
import Hummingbird
import LegalText
import Publishing
import Register

/// The draft editor of a review, for the seat that drafts (the committee decides who: ``Committee/draftingRight(review:acting:today:)``),
/// and the draft's amending order for every member. Each save is one ``DraftEdit`` applied by Publishing and committed
/// by the register with a compare-and-swap on the commit the page showed (``Publisher/applyEdit(_:review:acting:expectedTip:today:)``):
/// a save made on a stale page is refused with what changed in between.
struct DraftingController {
    let services: WebServices

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("/revisions/:id/rediger", use: edit)
        routes.post("/revisions/:id/rediger", use: save)
        routes.get("/revisions/:id/modificatif", use: order)
        return routes
    }

    static func path(_ id: String) -> String { "/revisions/\(TextController.encode(id))" }

    // MARK: The editor

    struct Item {
        let wId: String
        let level: Int
        let label: String
        let isHeaded: Bool
        let hasText: Bool
        let text: String
        let canInsert: Bool
        let insertTitle: String
        let insertTextLabel: String
        let insertsHeading: Bool
        let insertOperation: String
        let insertButton: String
    }

    struct AnnexView {
        let wId: String
        let label: String
        let items: [Item]
    }

    struct EditView {
        let draft: String
        let review: String
        let reviewPath: String
        let work: String
        let head: String
        let headShort: String
        let author: String
        let action: String
        let csrf: String
        let baseSentence: String
        let hasChanges: Bool
        let diffHTML: String
        let items: [Item]
        let annexes: [AnnexView]
    }

    static func items(_ clauses: [Clause], level: Int, designations: [String: Designation]) -> [Item] {
        clauses.flatMap { clause -> [Item] in
            let label: String = {
                let base = designations[clause.eId]?.label ?? DocumentView.label(clause)
                guard let heading = clause.headingText?.trimmingCharacters(in: .whitespaces), !heading.isEmpty else { return base }
                return base + " — " + heading
            }()
            let text = clause.children.isEmpty || !clause.intro.isEmpty ? DraftEdit.editableText(of: clause) : nil
            let insert: (title: String, label: String, heading: Bool, operation: String, button: String)?
            switch clause.kind {
            case .paragraph: insert = ("Insérer un alinéa après celui-ci", "Texte du nouvel alinéa", false, "inserer-alinea", "Insérer l’alinéa")
            case .point: insert = ("Insérer un point après celui-ci", "Texte du nouveau point", false, "inserer-point", "Insérer le point")
            case .article: insert = ("Insérer un article après celui-ci", "Texte du premier alinéa du nouvel article", true, "inserer-article", "Insérer l’article")
            case .section where level == 0:
                insert = ("Insérer une section après celle-ci", "Texte du premier alinéa de la nouvelle section", true, "inserer-section", "Insérer la section")
            default: insert = nil
            }
            let item = Item(wId: clause.wId, level: min(level, 4), label: label, isHeaded: clause.kind == .article || clause.kind == .section,
                            hasText: text != nil, text: text ?? "", canInsert: insert != nil, insertTitle: insert?.title ?? "",
                            insertTextLabel: insert?.label ?? "", insertsHeading: insert?.heading ?? false,
                            insertOperation: insert?.operation ?? "", insertButton: insert?.button ?? "")
            return [item] + items(clause.children, level: level + 1, designations: designations)
        }
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let acting = try await services.acting(context)
        let id = try context.parameters.require("id")
        let right = try await services.committee.draftingRight(review: id, acting: acting, today: services.today())
        let register = services.register
        let head = try await register.draftTip(right.draft)
        let document = try await register.document(at: head, work: right.work)
        let state = try await services.committee.state()
        let review = try state.review(id)
        let base = try await Publisher(register: register).comparisonBase(of: review, at: .tip, chair: state.roster.chair?.id ?? "dgs")
        let diff = try await services.comparison(from: base.baseCommit, to: head, work: right.work, oldLabel: base.baseVersion,
                                                 newLabel: "draft/\(right.draft)")
        let changed = diff.onlyChanged
        let designations = Designation.byEId(in: document)
        let annexes = document.annexes.filter { $0.carried == nil }.map { annex in
            AnnexView(wId: annex.wId, label: [annex.number, annex.title].compactMap { $0 }.joined(separator: " — ").ifEmpty(annex.eId),
                      items: Self.items(annex.clauses, level: 0, designations: designations))
        }
        let view = EditView(
            draft: right.draft, review: id, reviewPath: TextController.encode(id), work: right.work, head: head.hex, headShort: head.abbreviated,
            author: "\(right.author.name) <\(right.author.email)>", action: Self.path(id) + "/rediger", csrf: context.session?.csrfToken ?? "",
            baseSentence: base.sentence, hasChanges: !changed.isEmpty, diffHTML: HTMLDiffRenderer().renderFragment(changed),
            items: Self.items(document.body, level: 0, designations: designations), annexes: annexes)
        return services.renderer.page("draft-edit", title: "Rédiger le projet \(right.draft)", view: view, context: context,
                                      isChair: await services.isChair(context), notice: Self.notice(request))
    }

    static func notice(_ request: Request) -> String? {
        switch TextController.query(request, "ok") {
        case "enregistre": return "Modification enregistrée dans le projet. Ce que le projet change est montré ci-dessous."
        case "inchange": return "Le texte est identique : rien n’a été enregistré."
        default: return nil
        }
    }

    // MARK: Saving

    /// The edit a form asks for; the text fields are checked by ``DraftEdit/applied(to:known:year:)``.
    static func edit(from form: FormFields) throws -> DraftEdit {
        let target = form.text("cible")
        let text = form["texte"] ?? ""
        let heading = form["intitule"]
        func required(_ value: String?) throws -> String {
            guard let value else { throw WebError.badRequest("Formulaire incomplet (élément visé manquant) : rechargez la page d’édition puis recommencez.") }
            return value
        }
        switch form.text("operation") {
        case "reformuler": return .reword(wId: try required(target), text: text)
        case "inserer-alinea": return .insertAlinea(after: try required(target), text: text)
        case "inserer-point": return .insertPoint(after: try required(target), text: text)
        case "supprimer": return .delete(wId: try required(target))
        case "monter": return .moveUp(wId: try required(target))
        case "descendre": return .moveDown(wId: try required(target))
        case "inserer-article": return .insertArticle(after: target, heading: heading, text: text)
        case "inserer-section":
            if let annex = form.text("annexe") { return .insertSection(annex: annex, after: nil, heading: heading, text: text) }
            return .insertSection(annex: "", after: try required(target), heading: heading, text: text)
        default:
            throw WebError.badRequest("Opération d’édition inconnue : rechargez la page d’édition puis choisissez un bouton.")
        }
    }

    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let acting = try await services.acting(context)
        let id = try context.parameters.require("id")
        guard let headText = context.form.text("tete"), let head = ObjectID(hex: headText),
              try await services.register.containsCommit(head) else {
            throw WebError.badRequest("Formulaire incomplet (version du projet manquante) : rechargez la page d’édition puis recommencez.")
        }
        let requested = try Self.edit(from: context.form)
        let edit = try await Self.locatingAnnex(requested, head: head, services: services)
        let publisher = Publisher(register: services.register)
        let saved: CommittedDraftEdit
        do {
            saved = try await publisher.applyEdit(edit, review: id, acting: acting, expectedTip: head, today: services.today())
        } catch {
            guard let (expected, actual) = Self.staleHeads(error) else { throw error }
            return try await stale(review: id, expected: expected, actual: actual, text: context.form["texte"], context: context)
        }
        let ok = saved.commit == nil ? "inchange" : "enregistre"
        return Response.redirect(to: Self.path(id) + "/rediger?ok=\(ok)#modifications", type: .normal)
    }

    /// The commit a refused save was made on and the draft's tip, when the save was refused because the draft moved.
    static func staleHeads(_ error: PublishingError) -> (expected: ObjectID, actual: ObjectID)? {
        guard case .register(let inner) = error, case .conflict(_, let expected, let actual) = inner,
              let expected, let actual else { return nil }
        return (expected, actual)
    }

    /// A section inserted after another names no annex in the form: its annex is the one holding that section.
    static func locatingAnnex(_ edit: DraftEdit, head: ObjectID, services: WebServices) async throws -> DraftEdit {
        guard case .insertSection(let annex, let after, let heading, let text) = edit, annex.isEmpty, let after else { return edit }
        let document = try await services.register.document(at: head)
        let holder = document.annexes.first { $0.clauses.contains { $0.wId == after } }?.wId ?? ""
        return .insertSection(annex: holder, after: after, heading: heading, text: text)
    }

    struct StaleView {
        let draft: String
        let reviewPath: String
        let expectedShort: String
        let actualShort: String
        let hasText: Bool
        let text: String
        let diffHTML: String
    }

    /// The 409 page of a save made on a stale page: the clause diff between the commit the page showed and the tip.
    func stale(review id: String, expected: ObjectID, actual: ObjectID, text: String?, context: AppRequestContext) async throws -> Response {
        let state = try await services.committee.state()
        let review = try state.review(id)
        let draft = review.draftBranch.flatMap { try? DraftName(branch: $0).name } ?? id
        let diff = try await services.comparison(from: expected, to: actual, work: review.work,
                                                 oldLabel: "version de votre page (\(expected.abbreviated))",
                                                 newLabel: "version actuelle (\(actual.abbreviated))")
        let changed = diff.onlyChanged
        let typed = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let view = StaleView(draft: draft, reviewPath: TextController.encode(id), expectedShort: expected.abbreviated,
                             actualShort: actual.abbreviated, hasText: !typed.isEmpty, text: String(typed.prefix(DraftEdit.maximumTextLength)),
                             diffHTML: HTMLDiffRenderer().renderFragment(changed))
        return services.renderer.page("draft-stale", title: "Enregistrement refusé", view: view, context: context,
                                      isChair: await services.isChair(context), status: .conflict)
    }

    // MARK: The amending order

    struct OrderView {
        let draft: String
        let reviewPath: String
        let baseSentence: String
        let canEdit: Bool
        let hasUnexpressed: Bool
        let unexpressed: [String]
        let orderHTML: String
    }

    @Sendable func order(_ request: Request, context: AppRequestContext) async throws -> Response {
        let acting = try await services.acting(context)
        let id = try context.parameters.require("id")
        let publisher = Publisher(register: services.register)
        let (order, base) = try await publisher.amendingOrder(ofReview: id)
        let state = try await services.committee.state()
        let review = try state.review(id)
        let draft = review.draftBranch.flatMap { try? DraftName(branch: $0).name } ?? id
        let canEdit = (try? await services.committee.draftingRight(review: id, acting: acting, today: services.today())) != nil
        let unexpressed = order.unexpressed.map(\.description)
        let view = OrderView(draft: draft, reviewPath: TextController.encode(id), baseSentence: base.sentence, canEdit: canEdit,
                             hasUnexpressed: !unexpressed.isEmpty, unexpressed: unexpressed,
                             orderHTML: HTMLFlowRenderer.render(DocumentFlow.paragraphs(order.document)))
        return services.renderer.page("draft-order", title: "Arrêté modificatif du projet \(draft)", view: view, context: context,
                                      isChair: await services.isChair(context))
    }
}
