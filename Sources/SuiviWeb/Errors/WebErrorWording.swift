import Committee
import Register

extension ErrorWording {
    /// The web interface's words for the libraries' errors: each field is the form's label (or nothing, when no
    /// form of the site asks for it), each remedy the page or button to use. Never a CLI option.
    static let web = ErrorWording(field: { field in
        switch field {
        case .text, .person: return nil
        case .signingKey: return "clé du serveur, à donner au lancement de l’interface web"
        case .reason: return "champ « Motif »"
        case .clause: return "champ « Élément du projet »"
        case .resolutionNote: return "champ « Note »"
        case .event: return "champ « Événement déclencheur »"
        case .signatureDate: return "champ « Date de signature »"
        case .publicationDate: return "champ « Date de publication »"
        case .entryIntoForceDate: return "champ « Date d’entrée en vigueur »"
        case .futureSignatureConfirmation: return "case « Date de signature future confirmée »"
        case .adoptionConfirmation: return "case « Adopter malgré … » du formulaire d’adoption"
        }
    }, remedy: { remedy in
        switch remedy {
        case .advanceReview(let review, let stages, let seat):
            let labels = stages.map { "« \(ReviewStatus(rawValue: $0)?.label ?? $0) »" }.joined(separator: " puis ")
            return "sur la page de la révision \(review), la présidence (siège « \(seat) ») la passe à l’étape \(labels)"
        case .listComments(let review): return "voyez les commentaires sur la page de la révision \(review)"
        case .exportBulletin: return "rouvrez ensuite la page du bulletin"
        case .listReviews: return "voyez la page « Révisions du comité »"
        default: return remedy.french
        }
    }, stage: { ReviewStatus(rawValue: $0)?.label ?? $0 })
}
