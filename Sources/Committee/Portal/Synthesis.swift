import Foundation
import LegalText

/// A synthesis on the availability and accessibility of care for a pathology in a country, or a group of them
/// (CNS opinion, R5.1), written from the documentary references (`committee/syntheses/<id>.xml`). The record holds
/// its current version; each change is one commit, so git keeps every earlier version
/// (``Committee/synthesisVersions(_:)``).
public struct Synthesis: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var pathologies: [String]
    public var countries: [String]
    /// The paragraphs of the body, in order.
    public var paragraphs: [String]
    /// `Nom <courriel>` of each author.
    public var authors: [String]
    /// The ids of the documentary references it rests on (`committee/references/<id>.xml`).
    public var references: [String]
    /// The date of this version.
    public var date: LegalDate
    /// The day by which it must be reviewed.
    public var reviewBy: LegalDate

    public init(id: String, title: String, pathologies: [String], countries: [String], paragraphs: [String],
                authors: [String], references: [String], date: LegalDate, reviewBy: LegalDate) {
        self.id = id
        self.title = title
        self.pathologies = pathologies
        self.countries = countries
        self.paragraphs = paragraphs
        self.authors = authors
        self.references = references
        self.date = date
        self.reviewBy = reviewBy
    }

    /// The default time before a synthesis must be reviewed: twelve months.
    public static let defaultReviewMonths = 12

    /// Whether its review date has passed on `today` (on the day itself it is not overdue yet).
    public func isOverdue(on today: LegalDate) -> Bool { reviewBy < today }

    /// The body as one text, paragraphs separated by a blank line.
    public var body: String { paragraphs.joined(separator: "\n\n") }

    /// Splits a text into paragraphs: blank lines separate them, the lines of a paragraph are joined by a space.
    public static func paragraphs(from text: String) -> [String] {
        var result: [String] = []
        var current: [String] = []
        for line in text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !current.isEmpty { result.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { result.append(current.joined(separator: " ")) }
        return result
    }

    static let root = "synthese"

    /// Where the record lives in the register.
    public static func path(_ id: String) -> String { "committee/syntheses/\(id).xml" }

    /// Why the synthesis cannot be recorded as it is (nil when it can): what is missing, in French.
    public var problem: String? {
        if !Identifiers.isValid(id) { return "identifiant de synthèse « \(id) » invalide : lettres, chiffres, « - » et « _ » seulement" }
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "le titre de la synthèse est vide" }
        if pathologies.isEmpty && countries.isEmpty {
            return "la synthèse ne porte sur aucune pathologie ni aucun pays : indiquez-en au moins un"
        }
        if paragraphs.isEmpty { return "le texte de la synthèse est vide" }
        if authors.isEmpty { return "la synthèse n'a pas d'auteur" }
        if reviewBy <= date {
            return "la date de révision (\(reviewBy.french)) doit suivre la date de la synthèse (\(date.french))"
        }
        return nil
    }

    public init(data: Data, file: String) throws(CommitteeError) {
        let root = try CommitteeXML.read(data, file: file, root: Self.root)
        id = try root.required("id", in: file)
        date = try root.date("date", in: file)
        reviewBy = try root.date("a-revoir-le", in: file)
        title = root.first("titre")?.text ?? ""
        pathologies = root.all("pathologie").map(\.text).filter { !$0.isEmpty }
        countries = root.all("pays").map(\.text).filter { !$0.isEmpty }
        authors = root.all("auteur").map(\.text).filter { !$0.isEmpty }
        var references: [String] = []
        for element in root.all("source") { references.append(try element.required("reference", in: file)) }
        self.references = references
        paragraphs = root.all("paragraphe").map(\.text).filter { !$0.isEmpty }
        if let problem {
            throw .invalidRecord(path: file, line: root.line, reason: problem)
        }
    }

    public var xml: String {
        var writer = RecordWriter()
        writer.element(Self.root, ["id": id, "date": date.iso, "a-revoir-le": reviewBy.iso]) { writer in
            writer.leaf("titre", text: title)
            for pathology in pathologies { writer.leaf("pathologie", text: pathology) }
            for country in countries { writer.leaf("pays", text: country) }
            for author in authors { writer.leaf("auteur", text: author) }
            for reference in references { writer.leaf("source", ["reference": reference]) }
            for paragraph in paragraphs { writer.leaf("paragraphe", text: paragraph) }
        }
        return writer.output
    }
}

/// One version of a synthesis: the record as a commit of `main` left it.
public struct SynthesisVersion: Sendable, Hashable, Codable {
    /// 1 for the first version, then 2, 3…
    public let number: Int
    public let commit: String
    /// Who made the change (the commit's author) and the commit's summary.
    public let author: String
    public let summary: String
    public let synthesis: Synthesis

    public init(number: Int, commit: String, author: String, summary: String, synthesis: Synthesis) {
        self.number = number
        self.commit = commit
        self.author = author
        self.summary = summary
        self.synthesis = synthesis
    }
}
