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
    /// See the register's versions (adopted versions and drafts).
    case listVersions
    /// Create a register in folder `path`.
    case createRegister(path: String)
    /// Bring the text in force into the register (from the corpus, LEGI or an Akoma Ntoso document).
    case importText
    /// Check the files to import, each problem with its file and line.
    case validateFiles
    /// See the register's drafts.
    case listDrafts
    /// Start a draft named `draft`.
    case startDraft(draft: String)
    /// Take the working copy of draft `draft` again from what the register holds.
    case restoreDraft(draft: String)
    /// Bring draft `draft` up to date with the text in force.
    case updateDraft(draft: String)
    /// Bring in what the remote repository holds.
    case pullRemote
    /// Send this register's writings to the remote repository.
    case pushRemote
    /// Check the whole register (history, tags, committee records).
    case verifyRegister
    /// Repair the committee records that hold a character XML cannot hold.
    case repairCommittee
    /// Resolve the open comments of review `review`.
    case resolveComments(review: String)
    /// Record the seats' positions on the draft consulted in review `review`.
    case recordPositions(review: String)
    /// Export the comparison of version `old` with version `new`.
    case exportComparison(old: String, new: String)
    /// Have the chair record the public key of a member of `seat` (`nil`: of the member or server concerned).
    case registerKey(seat: String?)

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
        case .listVersions: return "voyez la liste des versions du registre"
        case .createRegister(let path): return "créez d'abord le registre dans « \(path) »"
        case .importText: return "importez d'abord le texte en vigueur (corpus, LEGI ou document Akoma Ntoso)"
        case .validateFiles: return "la validation des fichiers donne chaque problème avec son fichier et sa ligne"
        case .listDrafts: return "voyez la liste des projets"
        case .startDraft(let draft): return "ouvrez un projet nommé « \(draft) »"
        case .restoreDraft(let draft): return "reprenez la copie de travail du projet \(draft) telle que le registre la garde"
        case .updateDraft(let draft): return "mettez le projet \(draft) à jour avec le texte en vigueur"
        case .pullRemote: return "récupérez d'abord les écritures du dépôt distant"
        case .pushRemote: return "envoyez de nouveau vos écritures"
        case .verifyRegister: return "vérifiez le registre"
        case .repairCommittee: return "réparez les enregistrements du comité"
        case .resolveComments(let review): return "résolvez les commentaires ouverts de la révision \(review)"
        case .recordPositions(let review): return "recueillez les positions sur le projet consulté par la révision \(review)"
        case .exportComparison(let old, let new): return "exportez le comparatif de \(old) à \(new)"
        case .registerKey(let seat):
            return "la présidence inscrit la clé publique au comité" + (seat.map { " (siège « \($0) »)" } ?? "")
        }
    }
}
