import Foundation
import LegalText
import Register

/// Why the committee refused an action or could not read its records. Every refusal leaves the
/// register unchanged.
public enum CommitteeError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible, WordedError {
    /// A record under `committee/` cannot be read (unsafe, malformed, or not in the expected form).
    case invalidRecord(path: String, line: Int, reason: String)
    /// An input value is not acceptable (empty reason, bad identifier, bad date…).
    case invalidInput(String)
    /// A value the action needs is missing or empty: what is wrong (a sentence without the front end's words) and
    /// the fields to fill.
    case inputRequired(String, fields: [InputField])
    /// A text given holds a character XML 1.0 cannot hold (``RecordText``): the field, the record, the character
    /// (`U+000B (tabulation verticale)`), its position in the field (from 1) and the characters just before it.
    case forbiddenCharacter(field: String, record: String, character: String, position: Int, before: String)
    /// No seat of that id in the roster.
    case unknownSeat(String)
    /// A seat of that id already exists.
    case seatExists(String)
    /// The acting person is not a current member of the seat.
    case notAMember(seat: String, email: String)
    /// No one can act for the seat: it has no current member and no author was given.
    case noActingPerson(seat: String)
    /// A login that is neither a seat id nor the e-mail of a member in office.
    case unknownLogin(String)
    /// A seat with several members in office has no single holder: each member needs their own account.
    case severalMembers(seat: String, emails: [String])
    /// No member of that e-mail in the seat.
    case unknownMember(seat: String, email: String)
    /// No review of that id.
    case unknownReview(String)
    /// A review of that id already exists.
    case reviewExists(String)
    /// No event of that id.
    case unknownEvent(String)
    /// An event of that id already exists.
    case eventExists(String)
    /// No documentary reference of that id.
    case unknownReference(String)
    /// No synthesis of that id.
    case unknownSynthesis(String)
    /// A synthesis or news item of that id already exists: its kind in French (« synthèse ») and its id.
    case recordExists(kind: String, id: String)
    /// No comment of that id in the review.
    case unknownComment(review: String, id: String)
    /// The text is not in the register.
    case unknownText(String)
    /// The clause does not exist in the text at that commit.
    case unknownClause(eId: String, commit: String)
    /// A lifecycle step that is not allowed, with the reason.
    case transitionRefused(review: String, from: String, to: String, reason: String)
    /// The review cannot go to consultation: its draft does not change the text in force yet (its working copy
    /// was not recorded).
    case draftUnchanged(review: String, from: String, to: String, draft: String)
    /// Only the chair's seat may do this.
    case chairOnly(action: String, seat: String)
    /// The action needs the review in another stage.
    case wrongStage(review: String, stage: String, reason: String)
    /// The draft changed after the committee was consulted.
    case notConsultedOnDraft(review: String, consulted: String?, tip: String)
    /// An event's assessment is already closed.
    case eventClosed(String)
    /// The adoption's dates are inconsistent with each other, with today or with the adopted versions.
    case adoptionDatesRefused(review: String, problems: [AdoptionDateProblem])
    /// The adoption would leave comments unresolved or seats unheard, and the chair did not confirm it.
    case adoptionNotConfirmed(review: String, outstanding: AdoptionOutstanding)
    /// The roster records keys, so every write must be signed, and no key was given.
    case signatureRequired
    /// The signing key is no member's key in the roster (`fingerprint`: `SHA256:…`).
    case unknownSigningKey(fingerprint: String)
    /// The signing key's member (or the member the server authenticated) does not hold `seat` on `date`; `held`
    /// lists the seats they hold that day.
    case seatNotHeldBySigner(seat: String, person: String, held: [String], date: LegalDate)
    /// On the web server of a signed register: the person the account acts as does not hold `seat` on `date` (a
    /// seat's account, whose person is no member of that seat, cannot write once the roster records keys).
    case accountNotHoldingSeat(seat: String, person: String, held: [String], date: LegalDate)
    /// The web server signs with a key the roster does not record.
    case serverKeyNotRegistered(fingerprint: String)
    /// A register operation failed.
    /// A draft a review still needs (open, or consulted on it) cannot be deleted.
    case draftNeededByReview(draft: String, review: String, status: ReviewStatus, consulted: Bool, chairSeat: String)
    case register(RegisterError)

    public func description(_ wording: ErrorWording) -> String {
        switch self {
        case .signatureRequired:
            return "ce registre exige des enregistrements signés (le comité a inscrit des clés SSH) : indiquez "
                + "\(InputField.signingKey.label)\(wording.pointing(at: [.signingKey])) ; rien n'a été enregistré."
        case .unknownSigningKey(let fingerprint):
            return "la clé SSH \(fingerprint) n'est celle d'aucun membre du comité : \(wording.remedy(.registerKey(seat: nil))) ; "
                + "rien n'a été enregistré."
        case .seatNotHeldBySigner(let seat, let person, let held, let date):
            let holds = held.isEmpty ? "n'occupe aucun siège à cette date"
                : "occupe " + (held.count == 1 ? "le siège " : "les sièges ") + held.map { "« \($0) »" }.joined(separator: ", ")
            if seat.isEmpty {
                return "la clé SSH utilisée est celle de \(person), qui n'est membre en fonction d'aucun siège le \(date.french) ; "
                    + "rien n'a été enregistré."
            }
            return "la clé SSH utilisée est celle de \(person), qui n'occupe pas le siège « \(seat) » le \(date.french) : "
                + "ce membre \(holds). Agissez pour votre siège, ou signez avec la clé d'un membre du siège « \(seat) » ; "
                + "rien n'a été enregistré."
        case .accountNotHoldingSeat(let seat, let person, let held, let date):
            let holds = held.isEmpty ? "n'occupe aucun siège du comité à cette date"
                : "occupe " + (held.count == 1 ? "le siège " : "les sièges ") + held.map { "« \($0) »" }.joined(separator: ", ")
            return "ce registre exige des écritures signées : le serveur signe pour le membre connecté, et ce compte agit "
                + "pour \(person), qui n'occupe pas le siège « \(seat.isEmpty ? "?" : seat) » le \(date.french) (il \(holds)). "
                + "Connectez-vous avec le compte personnel d'un membre en fonction du siège (le compte à son courriel, "
                + "que l'administrateur du serveur lui crée) ; rien n'a été enregistré."
        case .serverKeyNotRegistered(let fingerprint):
            return "la clé du serveur (\(fingerprint)) n'est pas inscrite au comité : \(wording.remedy(.registerKey(seat: nil))) ; "
                + "rien n'a été enregistré."
        case .invalidRecord(let path, let line, let reason):
            return "\(path), ligne \(line) : enregistrement du comité illisible : \(reason)."
        case .invalidInput(let message):
            return message
        case .inputRequired(let message, let fields):
            return message + wording.pointing(at: fields) + "."
        case .forbiddenCharacter(let field, let record, let character, let position, let before):
            let place = before.isEmpty ? "au début" : "après « \(before) »"
            return "le champ « \(field) » (\(record)) contient le caractère \(character) en position \(position) (\(place)), "
                + "qu'un enregistrement XML ne peut pas contenir : rien n'a été enregistré. Retirez ce caractère invisible "
                + "(il vient souvent d'un copier-coller depuis un diaporama ou un traitement de texte) et recommencez."
        case .unknownSeat(let seat):
            return "siège inconnu « \(seat) » : \(wording.remedy(.listSeats))."
        case .seatExists(let seat):
            return "le siège « \(seat) » existe déjà."
        case .notAMember(let seat, let email):
            return "\(email) n'est pas membre en fonction du siège « \(seat) » : \(wording.remedy(.addMember(seat: seat)))."
        case .noActingPerson(let seat):
            return "le siège « \(seat) » n'a pas de membre en fonction : indiquez \(InputField.person.label)"
                + "\(wording.pointing(at: [.person]))."
        case .unknownLogin(let login):
            return "« \(login) » n'est ni un siège du comité ni le courriel d'un membre en fonction : "
                + "\(wording.remedy(.listSeats))."
        case .severalMembers(let seat, let emails):
            return "le siège « \(seat) » a plusieurs membres en fonction (\(emails.joined(separator: ", "))) : "
                + "créez un compte par membre, avec son courriel."
        case .unknownMember(let seat, let email):
            return "aucun membre en fonction de courriel \(email) dans le siège « \(seat) »."
        case .unknownReview(let review):
            return "révision inconnue « \(review) » : \(wording.remedy(.listReviews))."
        case .reviewExists(let review):
            return "la révision « \(review) » existe déjà."
        case .unknownEvent(let event):
            return "événement inconnu « \(event) » : \(wording.remedy(.listEvents))."
        case .eventExists(let event):
            return "l'événement « \(event) » existe déjà."
        case .unknownReference(let reference):
            return "référence documentaire inconnue « \(reference) » : aucune référence de cet identifiant dans le registre."
        case .unknownSynthesis(let id):
            return "synthèse inconnue « \(id) » : aucune synthèse de cet identifiant dans le registre."
        case .recordExists(let kind, let id):
            // « la synthèse », « l'actualité »: elision before a vowel; a news item cannot be modified, only a synthesis.
            let article = kind.first.map { "aeéiou".contains($0) } == true ? "l'" : "la "
            let remedy = kind == "synthèse" ? ", ou modifiez celle qui existe" : ""
            return "\(article)\(kind) « \(id) » existe déjà : choisissez un autre identifiant\(remedy)."
        case .unknownComment(let review, let id):
            return "aucun commentaire « \(id) » dans la révision « \(review) » : \(wording.remedy(.listComments(review: review)))."
        case .unknownText(let work):
            return "le texte « \(work) » n'est pas dans le registre."
        case .unknownClause(let eId, let commit):
            return "aucun élément d'eId ou de wId « \(eId) » dans le texte au commit \(commit)."
        case .transitionRefused(let review, let from, let to, let reason):
            return "révision \(review) : passage de « \(wording.stage(from)) » à « \(wording.stage(to)) » refusé : \(reason)."
                + (Self.nextStep(review: review, from: from, to: to).map { " Étape à franchir d'abord : " + wording.remedy($0) } ?? "")
        case .draftUnchanged(let review, let from, let to, let draft):
            return "révision \(review) : passage de « \(wording.stage(from)) » à « \(wording.stage(to)) » refusé : le projet ne modifie pas encore le texte "
                + "en vigueur ; \(wording.remedy(.commitDraft(draft: draft)))."
        case .chairOnly(let action, let seat):
            return "\(action) : réservé au siège de la présidence (DGS) ; le siège « \(seat) » ne peut pas le faire."
        case .wrongStage(let review, let stage, let reason):
            return "révision \(review) (étape « \(wording.stage(stage)) ») : \(reason)."
        case .notConsultedOnDraft(let review, let consulted, let tip):
            if let consulted {
                return "révision \(review) : adoption refusée : le projet (\(tip)) a changé depuis la consultation du comité "
                    + "(\(consulted)) ; rouvrez la consultation sur le projet actuel : la présidence le repasse en rédaction "
                    + "puis le soumet de nouveau au comité (les positions déjà données devront être renouvelées) : "
                    + wording.remedy(.advanceReview(review: review, stages: [ReviewStatus.drafting.rawValue, ReviewStatus.consultation.rawValue],
                                                    seat: "dgs"))
            }
            return "révision \(review) : adoption refusée : le comité n'a pas été consulté sur le projet (\(tip)). "
                + "Pour le consulter : " + wording.remedy(.advanceReview(review: review, stages: [ReviewStatus.consultation.rawValue], seat: "dgs"))
        case .draftNeededByReview(let draft, let review, let status, let consulted, let chairSeat):
            if status.isOpen {
                return "le projet \(draft) est celui de la révision \(review), en cours (étape « \(status.label) ») : il ne peut "
                    + "pas être supprimé, rien n'a été fait. Pour y renoncer, la présidence clôt la révision sans modification "
                    + "(\(wording.remedy(.advanceReview(review: review, stages: [ReviewStatus.closedWithoutChange.rawValue], seat: chairSeat)))) ; "
                    + (consulted ? "sa branche reste alors, car le comité a été consulté sur ce texte." : "le projet peut ensuite être supprimé.")
            }
            return "le projet \(draft) est celui sur lequel le comité a été consulté dans la révision \(review) "
                + "(\(status.label)) : sa branche garde le texte soumis au comité, que le registre vérifie ; il ne peut pas être "
                + "supprimé, rien n'a été fait. Il n'apparaît plus parmi les projets en cours."
        case .eventClosed(let event):
            return "l'évaluation de l'événement « \(event) » est déjà close."
        case .adoptionDatesRefused(let review, let problems):
            let confirmable = problems.allSatisfy(\.isConfirmable)
            return "révision \(review) : adoption refusée, dates à corriger : "
                + problems.map { $0.description(wording) }.joined(separator: " ; ")
                + (confirmable ? ". Rien n'a été écrit." : ". Rien n'a été écrit : corrigez les dates"
                    + wording.pointing(at: [.signatureDate, .publicationDate, .entryIntoForceDate]) + ".")
        case .adoptionNotConfirmed(let review, let outstanding):
            var steps: [String] = []
            if !outstanding.openComments.isEmpty { steps.append(wording.remedy(.resolveComments(review: review))) }
            if !outstanding.silentSeats.isEmpty || !outstanding.stalePositions.isEmpty {
                steps.append(wording.remedy(.recordPositions(review: review)))
            }
            let first = steps.joined(separator: " et ")
            return "révision \(review) : adoption non confirmée : " + outstanding.phrases.joined(separator: " ; ")
                + ". Rien n'a été écrit. " + (first.isEmpty ? "" : first.prefix(1).uppercased() + first.dropFirst() + ", ou adoptez")
                + (first.isEmpty ? "Adoptez" : "") + " en connaissance de cause : donnez "
                + InputField.adoptionConfirmation.label + wording.pointing(at: [.adoptionConfirmation]) + "."
        case .register(let error):
            return error.description(wording)
        }
    }

    public var errorDescription: String? { description }

    /// For a step asked too early, the step to take first (by the chair's seat, the DGS).
    static func nextStep(review: String, from: String, to: String) -> Remedy? {
        let first: String
        switch (from, to) {
        case (ReviewStatus.opened.rawValue, ReviewStatus.consultation.rawValue),
             (ReviewStatus.opened.rawValue, ReviewStatus.adopted.rawValue):
            first = ReviewStatus.drafting.rawValue
        case (ReviewStatus.drafting.rawValue, ReviewStatus.adopted.rawValue):
            first = ReviewStatus.consultation.rawValue
        default:
            return nil
        }
        return .advanceReview(review: review, stages: [first], seat: "dgs")
    }
}
