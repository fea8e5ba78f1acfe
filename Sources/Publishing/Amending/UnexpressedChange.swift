/// A difference between two versions that the amending order does not express: the place
/// ("Article 2, alinéa 1, 4°") and why, in French. An order with such a change is partial.
public struct UnexpressedChange: Sendable, Hashable, Codable, CustomStringConvertible {
    public let place: String
    public let reason: String

    public init(place: String, reason: String) {
        self.place = place
        self.reason = reason
    }

    public var description: String { "\(place) : \(reason)" }

    /// Why a clause could not be written, as the generator found it.
    enum Reason {
        static let structure = "sa structure ne peut pas s'écrire en dispositions citées (par exemple un point qui contient "
            + "lui-même une énumération, ou un élément portant des attributs) ; rédigez cette modification à la main"
        static let designation = "cet élément ne peut pas être désigné sans ambiguïté (élément sans numéro, ou numéro en double)"
        static let formula = "la formule rédigée ne se relit pas ou ne s'applique pas au texte ; rédigez cette modification à la main"
        static let annex = "une annexe insérée entre deux autres, renumérotée ou sans numéro n'est pas rédigée par suivi ; "
            + "rédigez cette modification à la main"
        static let title = "l'intitulé tient en plusieurs paragraphes et ne se cite pas en une fois"
        static let generic = "le projet appliqué à la version modifiée ne redonne pas ce passage"
    }
}
