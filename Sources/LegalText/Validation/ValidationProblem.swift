/// One problem found in a document, located and explained for a drafter.
public struct ValidationProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    public let rule: ValidationRule
    public let file: String
    public let line: Int?
    public let eId: String?
    /// One French sentence: what is wrong and what to do.
    public let message: String

    public init(rule: ValidationRule, file: String, line: Int?, eId: String?, message: String) {
        self.rule = rule
        self.file = file
        self.line = line
        self.eId = eId
        self.message = message
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(place) : \(message)"
    }
}

/// The rules of the subset that ``LegalTextValidator`` checks; the raw value is a stable code.
public enum ValidationRule: String, Sendable, Hashable, Codable, CaseIterable {
    case missingMetadata = "metadonnee-manquante"
    case inconsistentDates = "dates-incoherentes"
    case missingTitle = "titre-manquant"
    case duplicateEId = "eid-en-double"
    case duplicateWId = "wid-en-double"
    case invalidWId = "wid-invalide"
    case articleWithoutNumber = "article-sans-numero"
    case eIdMismatch = "eid-incoherent"
    case emptyClause = "element-vide"
    case emptyBody = "corps-vide"
    /// The file could not be read as a legal text at all (hostile, malformed or unsupported XML).
    case unreadable = "lecture-impossible"
    /// An ELI work or expression URI that does not follow the French ELI pattern (docs/FORMAT.md).
    case eliMismatch = "eli-incoherent"
}
