/// One version of one article as LEGI stores it: a file `LEGIARTI…xml` with its number, legal state,
/// dates of validity, the sections it stands in, the ids of its other versions, its text and the
/// texts that created, modified or abrogated it.
struct LegiArticleVersion: Sendable, Hashable {
    /// The legal state of a version (`ETAT`).
    enum State: String, Sendable, Hashable, CaseIterable {
        case inForce = "VIGUEUR"
        case inForceLater = "VIGUEUR_DIFF"
        case modified = "MODIFIE"
        case abrogated = "ABROGE"
        case abrogatedLater = "ABROGE_DIFF"
        case transferred = "TRANSFERE"
        case lapsed = "PERIME"
        case annulled = "ANNULE"
        case disjoined = "DISJOINT"
        case stillborn = "MODIFIE_MORT_NE"
        case extended = "VIGUEUR_ETEN"
        case notExtended = "VIGUEUR_NON_ETEN"

        /// Whether the version was ever law between its start and end dates (an annulled, disjoined
        /// or stillborn version never was).
        var wasInForce: Bool {
            switch self {
            case .annulled, .disjoined, .stillborn: return false
            default: return true
            }
        }
    }

    /// A section the article stands in (`CONTEXTE/TEXTE/TM/TITRE_TM`), outermost first.
    struct Section: Sendable, Hashable {
        let id: String
        let title: String
    }

    /// A link to another text (`LIENS/LIEN`).
    struct Link: Sendable, Hashable {
        let type: String
        let direction: String
        let textId: String
        let label: String
    }

    let file: String
    let line: Int
    let id: String
    let num: String
    let state: State
    let start: LegalDate
    /// Nil when LEGI gives its "no end" sentinel (2999-01-01).
    let end: LegalDate?
    let textId: String?
    let textTitle: String?
    /// The attributes LEGI repeats on the article's `CONTEXTE/TEXTE` (nature, nor, date_signature…).
    let textAttributes: [String: String]
    let sections: [Section]
    let otherVersions: [String]
    let blocks: [Block]
    let links: [Link]

    /// Whether the version is law on `date`.
    func isInForce(on date: LegalDate) -> Bool {
        state.wasInForce && start <= date && (end.map { date < $0 } ?? true)
    }
}
