/// European Legislation Identifier URIs for French texts, as Légifrance writes them, used for the
/// FRBR work and expression URIs (docs/FORMAT.md, "Identifiers"):
///
/// - work: `/eli/{type}/{year}/{month}/{day}/{NOR}/jo/texte` (signature date, no leading zeros),
///   e.g. `/eli/arrete/2017/1/5/AFSP1638149A/jo/texte`;
/// - expression as published in the Journal officiel: `{work}/fr`;
/// - expression consolidated at a later date (ELI point in time, before the language):
///   `{work}/{YYYY-MM-DD}/fr`;
/// - manifestation: `{expression}/xml`.
public struct ELI: Sendable, Hashable {
    /// The ELI type: the nature of the text, lower case without accents ("arrete", "decret", "loi").
    public let type: String
    public let signature: LegalDate
    /// The natural identifier: the NOR (or the text's number when it has no NOR).
    public let naturalIdentifier: String

    public init(type: String, signature: LegalDate, naturalIdentifier: String) {
        self.type = ELI.normalizedType(type)
        self.signature = signature
        self.naturalIdentifier = naturalIdentifier
    }

    /// The work URI.
    public var work: String {
        "/eli/\(type)/\(signature.year)/\(signature.month)/\(signature.day)/\(naturalIdentifier)/jo/texte"
    }

    /// The expression URI: the version published in the Journal officiel (`date` nil), or the version
    /// consolidated at `date`.
    public func expression(consolidatedOn date: LegalDate? = nil) -> String {
        ELI.expression(work: work, consolidatedOn: date)
    }

    /// The expression URI of any work URI.
    public static func expression(work: String, consolidatedOn date: LegalDate?) -> String {
        if let date { return "\(work)/\(date.iso)/fr" }
        return "\(work)/fr"
    }

    /// The manifestation URI (this XML file) of an expression.
    public static func manifestation(expression: String) -> String { expression + "/xml" }

    /// "ARRÊTÉ", "Arrete" → "arrete"; spaces become `_`.
    public static func normalizedType(_ nature: String) -> String {
        let folded = nature.lowercased().map { character -> String in
            switch character {
            case "é", "è", "ê", "ë": return "e"
            case "à", "â": return "a"
            case "î", "ï": return "i"
            case "ô": return "o"
            case "ù", "û", "ü": return "u"
            case "ç": return "c"
            case " ": return "_"
            default: return character.isASCII && (character.isLetter || character.isNumber || character == "_") ? String(character) : ""
            }
        }
        return folded.joined()
    }
}
