/// Something the user can do to get past a refusal, as a value: each front end says it its own way (the CLI as a
/// command to type, the web as the page or button to use).
public enum Remedy: Sendable, Hashable, Codable {
    /// The seat `seat` moves review `review` through `stages` (raw stage names, `redaction`, `consultation`), in order.
    case advanceReview(review: String, stages: [String], seat: String)
    /// Record the working copy of draft `draft`.
    case commitDraft(draft: String)
    /// Export the bulletin of review `review` again.
    case exportBulletin(review: String)
    /// Record the text in force as an adopted version.
    case importAdoptedVersion
    /// See the comments of review `review`.
    case listComments(review: String)
    /// Show a version of the text with its clauses' identifiers.
    case showIdentifiers
    /// See the committee's seats.
    case listSeats
    /// Add the person as a member of seat `seat`.
    case addMember(seat: String)
    /// See the committee's reviews.
    case listReviews
    /// See the recorded events.
    case listEvents

    /// The remedy in neutral French, as an instruction.
    public var french: String {
        switch self {
        case .advanceReview(let review, let stages, let seat):
            return "le siège « \(seat) » fait passer la révision \(review) à l'étape "
                + stages.map { "« \($0) »" }.joined(separator: " puis à l'étape ")
        case .commitDraft(let draft): return "enregistrez la copie de travail du projet \(draft)"
        case .exportBulletin(let review): return "exportez de nouveau le bulletin de la révision \(review)"
        case .importAdoptedVersion: return "enregistrez la version en vigueur comme version adoptée"
        case .listComments(let review): return "consultez la liste des commentaires de la révision \(review)"
        case .showIdentifiers: return "affichez une version du texte avec les identifiants de ses éléments"
        case .listSeats: return "voyez la liste des sièges du comité"
        case .addMember(let seat): return "la présidence l'ajoute comme membre du siège « \(seat) »"
        case .listReviews: return "voyez la liste des révisions"
        case .listEvents: return "voyez la liste des événements"
        }
    }
}
