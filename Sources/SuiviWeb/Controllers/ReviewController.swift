import ClauseDiff
import Committee
import Foundation
import Hummingbird
import LegalText
import Publishing
import Register

/// The committee's pages, for logged-in members: the reviews, one review with its draft compared to
/// the text in force and the comments beside their clauses, and the forms that comment, record a
/// position and (for the chair's seat) move a review on. Each form calls the Committee module with the
/// account's own seat; the module decides and commits in the member's name.
struct ReviewController {
    let services: WebServices

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("/revisions", use: list)
        routes.post("/revisions", use: open)
        routes.get("/revisions/:id", use: show)
        routes.post("/revisions/:id/commentaires", use: comment)
        routes.post("/revisions/:id/position", use: position)
        routes.post("/revisions/:id/etape", use: advance)
        return routes
    }

    static func account(_ context: AppRequestContext) throws -> Account {
        guard let account = context.account else { throw WebError.loginRequired }
        return account
    }

    /// "Article 1er, premier alinéa", "Article 3 — Titre", "Annexe II, A, deuxième alinéa", "Article 3, sixième alinéa
    /// (énumération)" (the clause as a lawyer names it, ``Publishing/Designation/names(in:)``) with its heading when the
    /// name does not already say it, else the clause's number and heading, else its eId.
    static func optionLabel(_ clause: Clause, _ name: String?) -> String {
        guard let name else { return DocumentView.label(clause) }
        guard let heading = clause.headingText?.trimmingCharacters(in: .whitespaces), !heading.isEmpty, !name.contains(heading) else { return name }
        return name + " — " + heading
    }

    static func kindLabel(_ kind: ReviewKind) -> String { kind.label }

    // MARK: List and open

    struct OpenRow {
        let id: String
        let kind: String
        let stage: String
        let due: String
        let overdue: Bool
        let missing: String
        let unresolved: Int
    }

    struct DecidedRow {
        let id: String
        let stage: String
    }

    struct EventOption {
        let id: String
        let summary: String
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let today = services.today()
        let state = try await services.committee.state()
        let status = try await services.committee.status(today: today)
        let open = status.openReviews.map { review in
            OpenRow(id: review.id, kind: Self.kindLabel(review.kind), stage: review.status.label, due: review.due?.french ?? "—",
                    overdue: review.overdue, missing: review.seatsWithoutPosition.joined(separator: ", ").ifEmpty("—"),
                    unresolved: review.unresolvedComments)
        }
        let decided = state.reviews.values.filter { !$0.status.isOpen }.sorted { $0.id < $1.id }
            .map { DecidedRow(id: $0.id, stage: $0.status.label) }
        let events = state.events.values.filter { $0.status == .assessing }.sorted { $0.id < $1.id }
            .map { EventOption(id: $0.id, summary: $0.summary) }
        struct View {
            let hasDamaged: Bool
            let damaged: [String]
            let hasOpen: Bool
            let open: [OpenRow]
            let hasDecided: Bool
            let decided: [DecidedRow]
            let isChair: Bool
            let events: [EventOption]
            let csrf: String
            let references: StaleReferencesView
            let hasForge: Bool
            let forge: SyncController.View
        }
        let isChair = await services.isChair(context)
        let forge = SyncController.view(await services.forgeSync.status, csrf: "", withButton: false)
        let damaged = status.damagedRecords.flatMap(\.lines)
        let view = View(hasDamaged: !damaged.isEmpty, damaged: damaged, hasOpen: !open.isEmpty, open: open, hasDecided: !decided.isEmpty, decided: decided, isChair: isChair,
                        events: events, csrf: context.session?.csrfToken ?? "",
                        references: await Self.staleReferencesView(status, services: services),
                        hasForge: isChair && forge.configured, forge: forge)
        return services.renderer.page("reviews", title: "Révisions du comité", view: view, context: context, isChair: isChair,
                                      notice: Self.notice(request))
    }

    @Sendable func open(_ request: Request, context: AppRequestContext) async throws -> Response {
        let acting = try await services.acting(context)
        guard let id = context.form.text("id") else { throw WebError.badRequest("Indiquez l’identifiant de la révision.") }
        let kind: ReviewKind = context.form.text("type") == "evenement" ? .event : .periodic
        let event = kind == .event ? context.form.text("evenement") : nil
        let review = try await services.committee.openReview(id: id, kind: kind, work: nil, event: event,
                                                             subject: context.form.text("objet"), acting: acting,
                                                             today: services.today())
        return Response.redirect(to: "/revisions/\(TextController.encode(review.id))?ok=ouverte", type: .normal)
    }

    // MARK: One review

    struct StepRow {
        let date: String
        let step: String
        let seat: String
        let person: String
        let hasNote: Bool
        let note: String
        let notePublic: Bool
    }

    struct PositionRow {
        let seat: String
        let opinion: String
        let stale: Bool
        let reason: String
        let date: String
        let person: String
        let mine: Bool
    }

    struct OpinionOption {
        let value: String
        let label: String
        let checked: Bool
    }

    struct TransitionForm {
        let target: String
        let actionTitle: String
        let button: String
        let needsDates: Bool
        let needsNote: Bool
        let noteLabel: String
        /// For an adoption: what the chair must confirm adopting despite (``AdoptionOutstanding``).
        var outstanding: [String] = []
        var hasOutstanding = false
        let futureDays = AdoptionDateRules.confirmableDays
    }

    struct ReplyView {
        let replyID: String
        let seat: String
        let person: String
        let date: String
        let lines: [String]
    }

    struct CommentView {
        let commentID: String
        let seat: String
        let person: String
        let date: String
        let renumbered: Bool
        let originalEId: String
        /// The clause the comment was written on, named as a lawyer names it.
        let originalName: String
        let lines: [String]
        let resolved: Bool
        let resolution: String
        let replies: [ReplyView]
        /// A reply the member had typed when their session ended (``KeptForm``).
        var hasKeptReply = false
        var keptReply = ""
    }

    struct Row {
        let eId: String
        /// As a lawyer names the clause (« Article 3, deuxième alinéa »), else its eId.
        let name: String
        let isDiff: Bool
        let sectionHTML: String
        let hasNum: Bool
        let num: String
        let lines: [String]
        let hasComments: Bool
        let comments: [CommentView]
        /// A comment the member had typed on this clause when their session ended (``KeptForm``).
        var hasKept = false
        var keptText = ""
    }

    struct ClauseOption {
        let value: String
        let label: String
        var selected = false
    }

    struct ReviewView {
        let hasForceNotice: Bool
        let forceNotices: [String]
        let reviewID: String
        let stage: String
        let kind: String
        let work: String
        let due: String
        let overdue: Bool
        let hasDraft: Bool
        let draftBranch: String
        let subject: String
        let history: [StepRow]
        let hasPositions: Bool
        let positions: [PositionRow]
        let hasMissing: Bool
        let missing: String
        let canPosition: Bool
        let seatID: String
        let hasMyPosition: Bool
        let myOpinion: String
        let myReason: String
        let opinions: [OpinionOption]
        let positionButton: String
        let isChair: Bool
        let hasTransitions: Bool
        let transitions: [TransitionForm]
        let diffTitle: String
        let hasBase: Bool
        let baseSentence: String
        let hasDiffHeader: Bool
        let diffHeader: String
        let rows: [Row]
        let hasDeletedComments: Bool
        let deletedComments: [CommentView]
        let canComment: Bool
        let allClauses: [ClauseOption]
        let keptFreeText: String
        let csrf: String
    }

    static func lines(_ text: String) -> [String] {
        text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func view(_ anchored: AnchoredComment, names: [String: String] = [:]) -> CommentView {
        let comment = anchored.comment
        return CommentView(
            commentID: comment.id, seat: comment.seat, person: comment.person, date: comment.date.french,
            renumbered: anchored.renumbered, originalEId: comment.eId, originalName: names[comment.eId] ?? comment.eId, lines: lines(comment.text),
            resolved: comment.resolution != nil, resolution: comment.resolution.map { "\($0.note) (\($0.person), \($0.date.french))" } ?? "",
            replies: anchored.replies.map { ReplyView(replyID: $0.id, seat: $0.seat, person: $0.person, date: $0.date.french, lines: lines($0.text)) })
    }

    static func transition(from current: ReviewStatus, to target: ReviewStatus) -> TransitionForm {
        switch target {
        case .drafting where current == .consultation:
            return TransitionForm(target: target.rawValue, actionTitle: "Reprendre la rédaction (la consultation sera à rouvrir)",
                                  button: "Revenir en rédaction", needsDates: false, needsNote: false, noteLabel: "Note (facultatif)")
        case .drafting:
            return TransitionForm(target: target.rawValue, actionTitle: "Commencer la rédaction du projet", button: "Passer en rédaction",
                                  needsDates: false, needsNote: false, noteLabel: "Note (facultatif)")
        case .consultation:
            return TransitionForm(target: target.rawValue, actionTitle: "Ouvrir la consultation du comité sur le projet actuel",
                                  button: "Ouvrir la consultation", needsDates: false, needsNote: false, noteLabel: "Note (facultatif)")
        case .adopted:
            return TransitionForm(target: target.rawValue, actionTitle: "Adopter le projet soumis au comité", button: "Adopter",
                                  needsDates: true, needsNote: false, noteLabel: "Note (facultatif)")
        case .closedWithoutChange:
            return TransitionForm(target: target.rawValue, actionTitle: "Clore sans modification du texte", button: "Clore sans modification",
                                  needsDates: false, needsNote: true, noteLabel: "Motif (obligatoire)")
        case .disseminated:
            return TransitionForm(target: target.rawValue, actionTitle: "Constater la diffusion de la décision", button: "Marquer comme diffusée",
                                  needsDates: false, needsNote: false, noteLabel: "Note (facultatif)")
        case .opened:
            return TransitionForm(target: target.rawValue, actionTitle: "Rouvrir", button: "Rouvrir", needsDates: false, needsNote: false,
                                  noteLabel: "Note (facultatif)")
        }
    }

    static func notice(_ request: Request) -> String? {
        switch TextController.query(request, "ok") {
        case "commentaire": return "Commentaire enregistré."
        case "position": return "Position enregistrée."
        case "etape": return "Étape de la révision enregistrée."
        case "ouverte": return "Révision ouverte."
        default: return nil
        }
    }

    /// Stands for the session's form token in a review page kept in the ``PageCache``: the page is the same for every
    /// member of a seat but its forms carry each session's own token, put in place of this when the page is served.
    /// Random for each process and never sent (every occurrence is replaced), so no text can be written to match it.
    static let tokenPlaceholder = "jeton-" + UUID().uuidString + "-" + UUID().uuidString

    /// One review, compared and commented: its content kept in the ``PageCache`` by register fingerprint, review, seat and
    /// day (nothing else goes into it: the layout, the notice of the query and the form token are added per request). A
    /// page showing what the member had typed before their session ended (``KeptForm``) is theirs alone: never cached.
    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try Self.account(context)
        let id = try context.parameters.require("id")
        let today = services.today()
        // What the member had typed when their previous session ended, given once.
        var kept: KeptForm?
        if let session = context.session { kept = await services.sessions.takeKept(session.id, page: request.uri.path) }
        let token = context.session?.csrfToken ?? ""
        let page: PageCache.Page
        if let kept {
            page = try await reviewContent(id: id, account: account, today: today, kept: kept, csrf: token)
        } else {
            page = try await services.cachedContent("review", [id, account.seat, today.iso]) {
                try await reviewContent(id: id, account: account, today: today, kept: nil, csrf: Self.tokenPlaceholder)
            }
        }
        let keptNotice = kept == nil ? nil
            : "Vous êtes de nouveau connecté : le texte que vous aviez saisi est repris dans son formulaire ci-dessous. Rien n’a encore été enregistré : vérifiez-le puis envoyez-le."
        return services.renderer.page(body: page.body.replacingOccurrences(of: Self.tokenPlaceholder, with: token), title: page.title,
                                      context: context, isChair: page.isChair, notice: keptNotice ?? Self.notice(request))
    }

    /// The content of review `id` as `account`'s seat sees it on `today`, its forms carrying `csrf` and `kept`.
    func reviewContent(id: String, account: Account, today: LegalDate, kept: KeptForm?, csrf: String) async throws -> PageCache.Page {
        let committee = services.committee
        let state = try await committee.state()
        let review = try state.review(id)
        let summary = try await committee.summary(of: review, in: state, today: today)
        let anchored = try await committee.comments(review: id)
        let isChair = state.roster.seat(account.seat)?.isChair ?? false
        let keptComment = kept.flatMap { $0.action.hasSuffix("/commentaires") ? $0.fields : nil }
        let keptPosition = kept.flatMap { $0.action.hasSuffix("/position") ? $0.fields : nil }
        var keptPlaced = false

        // The draft against the version it was built on (its base), or an adopted review's version against the one
        // before it: never against the text in force today, which another adoption may have changed meanwhile.
        let register = services.register
        let document: LegalDocument
        var changes: [ClauseChange] = []
        var diffHeader = ""
        let diffTitle: String
        var baseSentence = ""
        var renderer = HTMLDiffRenderer()
        var notice: ForceNotice?
        if let branch = review.draftBranch, review.status.isOpen || review.adoptedVersion != nil {
            let base = try await Publisher(register: register).comparisonBase(of: review, at: .tip, chair: state.roster.chair?.id ?? "dgs")
            document = try await register.document(at: base.newCommit, work: review.work)
            let diff = try await services.comparison(from: base.baseCommit, to: base.newCommit, work: review.work,
                                                     oldLabel: base.baseVersion, newLabel: base.newLabel)
            changes = diff.changes.filter { $0.change != .unchanged }
            renderer = try await services.diffRenderer(old: base.baseCommit, new: base.newCommit, work: review.work)
            notice = try await Publisher(register: register).forceNotice(at: base.newCommit, label: base.newLabel, today: today,
                                                                         work: review.work)
            diffHeader = renderer.renderHeader(diff)
            baseSentence = base.sentence
            diffTitle = base.adopted
                ? "Version adoptée \(base.newLabel) comparée à la version précédente (\(base.baseVersion)), avec les commentaires"
                : "Projet \(branch) comparé à sa version de base (\(base.baseVersion)), avec les commentaires"
        } else {
            let inForce = try await register.versionInForce(on: today, work: review.work)
            document = try await register.document(at: inForce.commit, work: review.work)
            diffTitle = "Texte en vigueur (\(inForce.name)) et commentaires"
            renderer = HTMLDiffRenderer(names: Designation.names(in: document))
        }
        let names = renderer.names
        func name(_ eId: String) -> String { names[eId] ?? eId }
        var byEId: [String: [CommentView]] = [:]
        var deleted: [CommentView] = []
        for comment in anchored {
            if let eId = comment.currentEId {
                byEId[eId, default: []].append(Self.view(comment, names: names))
            } else {
                deleted.append(Self.view(comment, names: names))
            }
        }
        if let reply = keptComment?["reponse_a"], let text = keptComment?["texte"] {
            func place(_ views: inout [CommentView]) {
                for index in views.indices where views[index].commentID == reply {
                    views[index].hasKeptReply = true
                    views[index].keptReply = text
                    keptPlaced = true
                }
            }
            for key in byEId.keys { place(&byEId[key]!) }
            place(&deleted)
        }
        var rows: [Row] = changes.map { change in
            let comments = byEId[change.eId] ?? []
            return Row(eId: change.eId, name: name(change.eId), isDiff: true, sectionHTML: renderer.renderSection(change), hasNum: false, num: "", lines: [],
                       hasComments: !comments.isEmpty, comments: comments)
        }
        let shown = Set(changes.map(\.eId))
        var clausesByEId: [String: Clause] = [:]
        for clause in document.allClauses { clausesByEId[clause.eId] = clause }
        for clause in document.allClauses where byEId[clause.eId] != nil && !shown.contains(clause.eId) {
            let comments = byEId[clause.eId] ?? []
            rows.append(Row(eId: clause.eId, name: name(clause.eId), isDiff: false, sectionHTML: "", hasNum: clause.num != nil, num: clause.num ?? "",
                            lines: clause.textBlocks.map(\.plainText), hasComments: true, comments: comments))
        }
        for annex in document.annexes where byEId[annex.eId] != nil && !shown.contains(annex.eId) {
            let comments = byEId[annex.eId] ?? []
            rows.append(Row(eId: annex.eId, name: name(annex.eId), isDiff: false, sectionHTML: "", hasNum: annex.number != nil, num: annex.number ?? "",
                            lines: [annex.title].compactMap { $0 }, hasComments: true, comments: comments))
        }

        if !keptPlaced, keptComment?["reponse_a"] == nil, let eId = keptComment?["eid"], let text = keptComment?["texte"],
           let index = rows.firstIndex(where: { $0.eId == eId }) {
            rows[index].hasKept = true
            rows[index].keptText = text
            keptPlaced = true
        }
        let mine = summary.positions.first { $0.seat == account.seat }
        let positions = summary.positions.map { position in
            PositionRow(seat: position.seat, opinion: position.opinion.label, stale: summary.isStale(position),
                        reason: position.reason, date: position.date.french, person: position.person, mine: position.seat == account.seat)
        }
        let outstanding = review.status == .consultation ? AdoptionOutstanding(review: review, in: state).phrases : []
        let transitions = (Committee.allowedTransitions[review.status] ?? []).map { target in
            var form = Self.transition(from: review.status, to: target)
            if target == .adopted {
                form.outstanding = outstanding
                form.hasOutstanding = !outstanding.isEmpty
            }
            return form
        }
        let clauseNames = Designation.names(in: document)
        // A kept comment not placed beside its clause goes in the form for any clause, that clause chosen.
        let freeText = keptPlaced || keptComment?["reponse_a"] != nil ? "" : keptComment?["texte"] ?? ""
        let freeEId = freeText.isEmpty ? nil : keptComment?["eid"]
        let options = document.allClauses.filter { $0.kind != .citation }.map { clause in
            ClauseOption(value: clause.eId, label: Self.optionLabel(clause, clauseNames[clause.eId]), selected: clause.eId == freeEId)
        } + document.annexes.map { annex in
            let label = [annex.number, annex.title].compactMap { $0 }.joined(separator: " — ")
            return ClauseOption(value: annex.eId, label: label.isEmpty ? annex.eId : label, selected: annex.eId == freeEId)
        }
        let keptOpinion = keptPosition?["avis"].flatMap(Opinion.init(rawValue:))
        let view = ReviewView(
            hasForceNotice: notice != nil, forceNotices: notice.map { [$0.french] } ?? [],
            reviewID: review.id, stage: review.status.label, kind: Self.kindLabel(review.kind), work: review.work,
            due: review.due?.french ?? "—", overdue: summary.overdue, hasDraft: review.draftBranch != nil,
            draftBranch: review.draftBranch ?? "", subject: review.subject,
            history: review.history.map { step in
                StepRow(date: step.date.french, step: step.to.label, seat: step.seat, person: step.person, hasNote: step.note != nil,
                        note: step.note ?? "", notePublic: step.notePublic)
            },
            hasPositions: !positions.isEmpty, positions: positions, hasMissing: !summary.seatsWithoutPosition.isEmpty,
            missing: summary.seatsWithoutPosition.joined(separator: ", "), canPosition: review.status == .consultation,
            seatID: account.seat, hasMyPosition: mine != nil, myOpinion: mine?.opinion.label ?? "",
            myReason: keptPosition?["motif"] ?? mine?.reason ?? "",
            opinions: Opinion.allCases.map { OpinionOption(value: $0.rawValue, label: $0.label, checked: (keptOpinion ?? mine?.opinion) == $0) },
            positionButton: mine == nil ? "Enregistrer la position" : "Modifier la position",
            isChair: isChair, hasTransitions: !transitions.isEmpty, transitions: transitions, diffTitle: diffTitle,
            hasBase: !baseSentence.isEmpty, baseSentence: baseSentence,
            hasDiffHeader: !diffHeader.isEmpty, diffHeader: diffHeader, rows: rows, hasDeletedComments: !deleted.isEmpty,
            deletedComments: deleted, canComment: review.status.isOpen, allClauses: options, keptFreeText: freeText,
            csrf: csrf)
        return PageCache.Page(title: "Révision \(review.id)", body: services.renderer.fragment("review", view), isChair: isChair)
    }

    // MARK: Writing

    @Sendable func comment(_ request: Request, context: AppRequestContext) async throws -> Response {
        let acting = try await services.acting(context)
        let id = try context.parameters.require("id")
        let comment = try await services.committee.addComment(
            review: id, eId: context.form.text("eid"), text: context.form["texte"] ?? "", replyTo: context.form.text("reponse_a"),
            acting: acting, today: services.today())
        return Response.redirect(to: "/revisions/\(TextController.encode(id))?ok=commentaire#\(comment.replyTo ?? comment.id)", type: .normal)
    }

    @Sendable func position(_ request: Request, context: AppRequestContext) async throws -> Response {
        let acting = try await services.acting(context)
        let id = try context.parameters.require("id")
        guard let value = context.form.text("avis"), let opinion = Opinion(rawValue: value) else {
            throw WebError.badRequest("Choisissez un avis : favorable, favorable avec réserves, défavorable ou abstention.")
        }
        try await services.committee.recordPosition(review: id, opinion: opinion, reason: context.form["motif"] ?? "",
                                                    acting: acting, today: services.today())
        return Response.redirect(to: "/revisions/\(TextController.encode(id))?ok=position#form-position", type: .normal)
    }

    static func date(_ form: FormFields, _ field: String, _ label: String) throws -> LegalDate? {
        guard let text = form.text(field) else { return nil }
        guard let date = LegalDate(iso: text) else { throw WebError.badRequest("\(label) « \(text) » illisible : écrivez AAAA-MM-JJ.") }
        return date
    }

    @Sendable func advance(_ request: Request, context: AppRequestContext) async throws -> Response {
        let acting = try await services.acting(context)
        let id = try context.parameters.require("id")
        let form = context.form
        guard let value = form.text("vers"), let target = ReviewStatus(rawValue: value) else {
            throw WebError.badRequest("Étape demandée inconnue.")
        }
        var adoption: AdoptionDates?
        if target == .adopted, let signature = try Self.date(form, "signature", "Date de signature"),
           let entry = try Self.date(form, "entree_en_vigueur", "Date d’entrée en vigueur") {
            adoption = AdoptionDates(signature: signature, entryIntoForce: entry,
                                     publication: try Self.date(form, "publication", "Date de publication"),
                                     publicationReference: form.text("reference"))
        }
        // Nothing irreversible without the confirmation page, given on the review as it is now. A request the committee
        // refuses anyway (another seat than the chair's, an adoption without its dates, a closing without its reason)
        // goes straight to its refusal.
        let complete = target == .adopted ? adoption != nil : form.text("motif") != nil
        if Self.irreversible.contains(target), complete, await services.isChair(context) {
            let state = try await services.committee.state()
            let review = try state.review(id)
            let confirmed = form.text("confirme")
            let allowed = Committee.allowedTransitions[review.status]?.contains(target) ?? false
            if allowed, confirmed != Self.confirmationKey(review) {
                return try await confirmationPage(review: review, target: target, state: state, adoption: adoption, context: context,
                                                  stale: confirmed != nil)
            }
        }
        let request = AdvanceRequest(to: target, note: form.text("motif"), adoption: adoption,
                                     confirmOutstanding: target == .adopted && form.text("confirmer") != nil,
                                     confirmFutureSignature: target == .adopted && form.text("date_future_confirmee") != nil,
                                     notePublic: form.text("note_publique") != nil)
        try await services.committee.advance(review: id, request, acting: acting, today: services.today())
        return Response.redirect(to: "/revisions/\(TextController.encode(id))?ok=etape", type: .normal)
    }
}
