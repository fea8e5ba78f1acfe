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
            return stages.map { "suivi revision avancer \(review) \($0) --siege \(seat)" }.joined(separator: " && ")
        case .commitDraft(let draft): return "enregistrez-la : suivi projet enregistrer \(draft) -m \"…\""
        case .exportBulletin(let review): return "relancez suivi exporter bulletin --revision \(review)"
        case .importAdoptedVersion:
            return "enregistrez la version en vigueur comme version adoptée (suivi importer <dossier> --auteur \"Nom <courriel>\", voir suivi versions)"
        case .listComments(let review): return "voyez « suivi commentaire lister --revision \(review) »"
        case .showIdentifiers: return "« suivi afficher --version <version> --ids »"
        case .listSeats: return "voyez « suivi comite lister »"
        case .addMember: return "ajoutez-le avec « suivi comite ajouter-membre »"
        case .listReviews: return "voyez « suivi revision lister »"
        case .listEvents: return "voyez « suivi evenement lister »"
        }
    })
}

/// An error's message as the CLI prints it: a library refusal in the CLI's words, anything else as it describes itself.
func cliMessage(_ error: any Error) -> String {
    if let error = error as? any WordedError { return error.description(.cli) }
    return String(describing: error)
}
