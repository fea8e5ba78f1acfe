import Committee
import Foundation
import Hummingbird
import LegalText
import Publishing
import Register

/// The chair's irreversible actions (adopting a draft, closing a review without change) go through a page that
/// shows what will be done: the form of the review page leads to it, nothing is written until the chair confirms
/// there. A POST of such a step without the confirmation of the review's current state shows that page again.
extension ReviewController {
    /// The steps that cannot be undone from the interface.
    static let irreversible: Set<ReviewStatus> = [.adopted, .closedWithoutChange]

    /// The form fields the confirmation page carries over to the final POST (never the token nor the confirmation).
    static let carriedFields = ["vers", "signature", "entree_en_vigueur", "publication", "reference", "confirmer",
                                "date_future_confirmee", "motif", "note_publique"]

    /// What the confirmation binds to: the review's stage, the draft consulted and its history. A confirmation given
    /// on another state (the consultation reopened on a new draft meanwhile) is asked again.
    static func confirmationKey(_ review: Review) -> String {
        "\(review.status.rawValue).\(review.consultedCommit ?? "-").\(review.history.count)"
    }

    struct HiddenField {
        let name: String
        let value: String
    }

    struct OpenCommentLine {
        let id: String
        let seat: String
        let date: String
        let clause: String
        let eId: String
        let excerpt: String
    }

    struct ConfirmationView {
        let reviewID: String
        let reviewQuery: String
        let actionTitle: String
        let stage: String
        let isAdoption: Bool
        let what: String
        let hasConsulted: Bool
        let draftBranch: String
        let consultedShort: String
        let consultedFull: String
        let consultedDate: String
        let consultedSummary: String
        let hasOpenComments: Bool
        let openComments: [OpenCommentLine]
        let hasSilentSeats: Bool
        let silentSeats: String
        let hasStalePositions: Bool
        let stalePositions: String
        let hasNote: Bool
        let note: String
        let notePublic: Bool
        let changedMeanwhile: Bool
        let hidden: [HiddenField]
        let key: String
        let button: String
        let csrf: String
    }

    /// The confirmation page of step `target` of `review`, for the fields the chair sent (`stale`: a confirmation was
    /// given, but on an earlier state of the review).
    func confirmationPage(review: Review, target: ReviewStatus, state: CommitteeState, adoption: AdoptionDates?,
                          context: AppRequestContext, stale: Bool) async throws -> Response {
        let form = context.form
        let register = services.register
        let outstanding = AdoptionOutstanding(review: review, in: state)
        var consultedShort = "", consultedFull = "", consultedDate = "", consultedSummary = ""
        var names: [String: String] = [:]
        if let consulted = review.consultedCommit, let id = ObjectID(hex: consulted) {
            consultedFull = id.hex
            consultedShort = String(id.hex.prefix(10))
            if let info = try? await register.commitInfo(id) {
                consultedSummary = info.summary
                consultedDate = LegalDate.today(in: .paris, now: info.date).french
            }
            if let document = try? await register.document(at: id, work: review.work) { names = Designation.names(in: document) }
        }
        let comments = state.comments[review.id] ?? []
        let openComments = outstanding.openComments.map { open in
            let text = comments.first { $0.id == open.id }?.text ?? ""
            let excerpt = text.count > 160 ? String(text.prefix(160)) + "…" : text
            return OpenCommentLine(id: open.id, seat: open.seat, date: open.date.french, clause: names[open.eId] ?? open.eId,
                                   eId: open.eId, excerpt: excerpt)
        }
        let what: String
        if target == .adopted {
            var sentence = "Le projet consulté devient une version adoptée du texte"
            if let adoption {
                sentence += ", signée le \(adoption.signature.french) et en vigueur le \(adoption.entryIntoForce.french)"
                if let publication = adoption.publication { sentence += ", publiée le \(publication.french)" }
            }
            what = sentence + " ; la révision passe à l’étape « adoptée ». Une version adoptée ne se retire pas : seule une nouvelle révision la modifie."
        } else {
            what = "La révision est close sans modification du texte : le projet n’est pas adopté et la révision ne peut plus être rouverte."
        }
        let hidden = Self.carriedFields.compactMap { name in form[name].map { HiddenField(name: name, value: $0) } }
        let view = ConfirmationView(
            reviewID: review.id, reviewQuery: TextController.encode(review.id),
            actionTitle: Self.transition(from: review.status, to: target).actionTitle, stage: review.status.label,
            isAdoption: target == .adopted, what: what,
            hasConsulted: !consultedFull.isEmpty, draftBranch: review.draftBranch ?? "", consultedShort: consultedShort,
            consultedFull: consultedFull, consultedDate: consultedDate, consultedSummary: consultedSummary,
            hasOpenComments: !openComments.isEmpty, openComments: openComments,
            hasSilentSeats: !outstanding.silentSeats.isEmpty, silentSeats: outstanding.silentSeats.joined(separator: ", "),
            hasStalePositions: !outstanding.stalePositions.isEmpty, stalePositions: outstanding.stalePositions.joined(separator: ", "),
            hasNote: form.text("motif") != nil, note: form.text("motif") ?? "", notePublic: form.text("note_publique") != nil,
            changedMeanwhile: stale, hidden: hidden, key: Self.confirmationKey(review),
            button: target == .adopted ? "Confirmer l’adoption" : "Confirmer la clôture sans modification",
            csrf: context.session?.csrfToken ?? "")
        return services.renderer.page("confirmation", title: "Confirmer : révision \(review.id)", view: view, context: context,
                                      isChair: true)
    }
}
