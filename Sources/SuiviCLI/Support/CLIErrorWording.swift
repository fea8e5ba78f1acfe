import Committee
import Publishing
import Register

extension ErrorWording {
    /// The CLI's words for the libraries' errors: each field is the option that gives it, each remedy the
    /// command to type. The one place where a library refusal meets the CLI's vocabulary.
    static let cli = ErrorWording(field: { field in
        switch field {
        case .text: return "--texte"
        case .person: return "--auteur \"Prénom Nom <courriel>\" ou la variable SUIVI_AUTEUR"
        case .reason: return "--motif"
        case .clause: return "--eid"
        case .resolutionNote: return "--note"
        case .event: return "--evenement"
        case .signatureDate: return "--signature"
        case .publicationDate: return "--publication"
        case .entryIntoForceDate: return "--entree-en-vigueur"
        case .futureSignatureConfirmation: return "option --date-future-confirmee"
        case .adoptionConfirmation: return "option --confirmer"
        }
    }, remedy: { remedy in
        switch remedy {
        case .advanceReview(let review, let stages, let seat):
            return stages.map { "suivi review advance \(review) \($0) --as \(seat)" }.joined(separator: " && ")
        case .commitDraft(let draft): return "enregistrez-la : suivi draft commit \(draft) -m \"…\""
        case .exportBulletin(let review): return "relancez suivi export bulletin --review \(review)"
        case .importAdoptedVersion:
            return "enregistrez la version en vigueur comme version adoptée (suivi import <dossier> --auteur \"Nom <courriel>\", voir suivi log)"
        case .listComments(let review): return "voyez « suivi comment list --review \(review) »"
        case .showIdentifiers: return "« suivi show --at <version> --ids »"
        case .listSeats: return "voyez « suivi committee list »"
        case .addMember: return "ajoutez-le avec « suivi committee add-member »"
        case .listReviews: return "voyez « suivi review list »"
        case .listEvents: return "voyez « suivi event list »"
        }
    })
}

/// An error's message as the CLI prints it: a library refusal in the CLI's words, anything else as it describes itself.
func cliMessage(_ error: any Error) -> String {
    if let error = error as? any WordedError { return error.description(.cli) }
    return String(describing: error)
}
