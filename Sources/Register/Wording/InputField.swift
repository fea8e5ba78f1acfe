/// A value the user gives to an operation, named by what it is rather than by how a front end asks for it:
/// the CLI shows it as its option (`--motif`), the web as its form label (« Motif »).
public enum InputField: String, Sendable, Hashable, Codable, CaseIterable {
    /// The text of the register concerned (its NOR).
    case text
    /// The person acting or writing, « Prénom Nom <courriel> ».
    case person
    /// The reason of a position or of a decision.
    case reason
    /// The clause a comment is about.
    case clause
    /// The note that resolves a comment.
    case resolutionNote
    /// The event an event-triggered review answers.
    case event
    /// An adoption's date of signature.
    case signatureDate
    /// An adoption's date of publication.
    case publicationDate
    /// An adoption's date of entry into force.
    case entryIntoForceDate
    /// The confirmation that a signature date far ahead is wanted.
    case futureSignatureConfirmation
    /// The confirmation that the chair adopts despite unresolved comments or seats not heard.
    case adoptionConfirmation
    /// The private SSH key that signs the writes (a file, never the key itself).
    case signingKey

    /// The value in neutral French, for a sentence (« le motif »).
    public var label: String {
        switch self {
        case .text: return "le texte (NOR)"
        case .person: return "la personne qui agit"
        case .reason: return "le motif"
        case .clause: return "l'élément commenté"
        case .resolutionNote: return "la note de résolution"
        case .event: return "l'événement"
        case .signatureDate: return "la date de signature"
        case .publicationDate: return "la date de publication"
        case .entryIntoForceDate: return "la date d'entrée en vigueur"
        case .futureSignatureConfirmation: return "la confirmation de la date de signature future"
        case .adoptionConfirmation: return "la confirmation de l'adoption"
        case .signingKey: return "la clé SSH privée qui signe (un fichier)"
        }
    }
}
