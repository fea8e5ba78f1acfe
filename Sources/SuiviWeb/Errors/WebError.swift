import Committee
import Foundation
import Hummingbird
import LegalText
import Publishing
import Register

/// A refusal of the web interface itself, with its HTTP status and a French message.
public enum WebError: Error, Sendable, Equatable {
    /// A form without the session's anti-forgery token.
    case csrf
    /// A member page or action, without a login.
    case loginRequired
    /// Wrong login or password.
    case badCredentials
    /// A request missing a field or with a malformed one.
    case badRequest(String)
    /// No such page, version or clause.
    case notFound(String)
    /// The feature needs a module this build does not have.
    case unavailable(String)
    /// Too many failed logins for that name (or from that address): refused until `retryAt`, in `minutes`.
    case tooManyAttempts(retryAt: Date, minutes: Int, fromAddress: Bool)

    var status: HTTPResponse.Status {
        switch self {
        case .csrf: return .forbidden
        case .loginRequired, .badCredentials: return .unauthorized
        case .badRequest: return .badRequest
        case .notFound: return .notFound
        case .unavailable: return .notImplemented
        case .tooManyAttempts: return .tooManyRequests
        }
    }

    var message: String {
        switch self {
        case .csrf:
            return "Jeton de sécurité du formulaire manquant ou invalide : rechargez la page puis recommencez."
        case .loginRequired:
            return "Cette action est réservée aux membres du comité connectés : connectez-vous puis recommencez."
        case .badCredentials:
            return "Identifiant ou mot de passe incorrect."
        case .badRequest(let message), .notFound(let message), .unavailable(let message):
            return message
        case .tooManyAttempts(let retryAt, let minutes, let fromAddress):
            let whose = fromAddress ? "depuis votre adresse" : "pour cet identifiant"
            let delay = minutes <= 1 ? "1 minute" : "\(minutes) minutes"
            return "Trop de tentatives de connexion échouées \(whose) : les connexions sont suspendues. "
                + "Réessayez dans \(delay), à partir de \(Self.parisTime(retryAt)) (heure de Paris)."
        }
    }
}

extension WebError {
    /// "10 h 48" in Paris.
    static func parisTime(_ date: Date) -> String {
        let (hour, minute) = LegalTimeZone.paris.timeOfDay(date)
        return "\(hour) h \(minute < 10 ? "0" : "")\(minute)"
    }

    /// The refusal of an attempt the login throttle blocks.
    static func throttled(_ refusal: LoginThrottle.Refusal) -> WebError {
        let minutes = max(1, Int((refusal.retryIn / 60).rounded(.up)))
        return .tooManyAttempts(retryAt: refusal.retryAt, minutes: minutes, fromAddress: refusal.reason == .address)
    }
}

/// The one place where errors become HTTP statuses and French messages (anything else would be a bare 500).
enum ErrorMapping {
    static func map(_ error: any Error) -> (status: HTTPResponse.Status, message: String) {
        let (status, message) = mapped(error)
        // A server fault never shows its inner details (paths, git's English messages): they are logged.
        guard status.code >= 500, status != .serviceUnavailable, status != .notImplemented else { return (status, message) }
        return (status, "Erreur interne du serveur : l'incident est consigné dans le journal du serveur. "
            + "Réessayez plus tard ou prévenez l'administrateur du registre.")
    }

    private static func mapped(_ error: any Error) -> (status: HTTPResponse.Status, message: String) {
        switch error {
        case let error as WebError:
            return (error.status, error.message)
        case let error as CommitteeError:
            return (status(of: error), sentence(error.description(.web)))
        case let error as RegisterError:
            return (status(of: error), sentence(error.description(.web)))
        case let error as PublishingError:
            switch error {
            case .register(let inner): return (status(of: inner), sentence(inner.description(.web)))
            case .committee(let inner): return (status(of: inner), sentence(inner.description(.web)))
            case .reviewWithoutDraft, .noEarlierVersion: return (.notFound, sentence(error.description(.web)))
            case .editRefused: return (.unprocessableContent, sentence(error.description(.web)))
            default: return (.internalServerError, sentence(error.description(.web)))
            }
        case is AccountError:
            // Never the file's path nor the parser's words to a visitor: the details go to the log.
            return (.serviceUnavailable, "Les comptes du comité sont illisibles sur le serveur : la connexion est impossible "
                + "pour le moment. Prévenez l'administrateur du registre (le détail est dans le journal du serveur).")
        case is SessionStorageError:
            // The folder of sessions under the register cannot be written: the details (paths) go to the log.
            return (.serviceUnavailable, "Le serveur ne peut pas enregistrer votre session : la connexion ou la déconnexion n'a pas "
                + "abouti. Réessayez plus tard ou prévenez l'administrateur du registre (le détail est dans le journal du serveur).")
        case let error as HTTPError:
            switch error.status {
            case .notFound: return (.notFound, "Page introuvable.")
            case .contentTooLarge:
                return (.contentTooLarge, "Formulaire trop long : 64 Kio au plus. Raccourcissez le texte puis recommencez.")
            default: return (error.status, error.body ?? "Requête refusée.")
            }
        default:
            return (.internalServerError, "Erreur interne du serveur.")
        }
    }

    static func status(of error: CommitteeError) -> HTTPResponse.Status {
        switch error {
        case .chairOnly, .notAMember, .noActingPerson: return .forbidden
        // Signed registers: the server cannot sign (no key, key not recorded), or the member does not hold the seat.
        case .signatureRequired, .unknownSigningKey, .seatNotHeldBySigner, .accountNotHoldingSeat, .serverKeyNotRegistered: return .forbidden
        case .unknownReview, .unknownEvent, .unknownComment, .unknownText, .unknownSeat, .unknownMember, .unknownLogin, .unknownReference,
             .unknownSynthesis: return .notFound
        case .severalMembers: return .conflict
        case .invalidInput, .inputRequired, .unknownClause, .adoptionDatesRefused, .adoptionNotConfirmed, .forbiddenCharacter:
            return .unprocessableContent
        case .transitionRefused, .draftUnchanged, .wrongStage, .notConsultedOnDraft, .eventClosed, .reviewExists, .eventExists, .seatExists,
             .draftNeededByReview, .recordExists:
            return .conflict
        case .invalidRecord: return .internalServerError
        case .register(let inner): return status(of: inner)
        }
    }

    static func status(of error: RegisterError) -> HTTPResponse.Status {
        switch error {
        case .notFound, .notAVersion, .noVersionInForce, .repealed, .noText, .clauseNotFound, .clauseNotInVersion, .noAdoptedVersion, .unknownDraft:
            return .notFound
        case .ambiguous, .ambiguousVersion, .notACommit, .severalTexts, .invalidReference, .invalidDraftName: return .badRequest
        case .conflict, .locked, .retriesExhausted, .tagExists, .branchExists, .draftExists, .draftConflict: return .conflict
        // A draft not based on the text in force, or that cannot be brought up to date as it is: the user acts first.
        case .draftOutOfDate, .draftUpdateConflicts, .uncommittedEdits, .unsavedWork: return .conflict
        // A refused input (dates out of order, a text that does not validate, a bad date, a changed wId) is the
        // user's to correct.
        case .mergedTextInvalid, .wIdChanged, .invalidDocuments, .outOfOrder, .dateOutOfRange: return .unprocessableContent
        default: return .internalServerError
        }
    }

    /// A message as a sentence: capital first letter.
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
