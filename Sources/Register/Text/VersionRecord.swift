import Foundation
import LegalText

/// What the register records about an adopted version in its annotated tag: a readable message for
/// `git show`, ending with `Suivi-…` trailers that `suivi` reads back (legal dates live there and in
/// the text's metadata, not in commit dates).
public struct VersionRecord: Sendable, Hashable, Codable {
    public var work: String
    public var title: String
    public var expressionURI: String
    public var signature: LegalDate?
    public var publication: LegalDate?
    public var publicationReference: String?
    public var entryIntoForce: LegalDate?
    /// For a version imported from an official consolidation (LEGI): the date from which it is the
    /// text in force; it names the tag instead of the signature date, shared by all such versions.
    public var consolidation: LegalDate?
    /// The official publications (JORF references) that made this version, as the source gives them.
    public var officialReferences: [String] = []
    /// For the abrogation of a whole text (LEGI): the date from which it is no longer in force.
    public var repeal: LegalDate?
    /// For a document from another tool, whose lifecycle names no signature in suivi's terms: the date of
    /// its expression (`FRBRExpression/FRBRdate`), which then names the version.
    public var expressionDate: LegalDate?

    public init(document: LegalDocument) {
        work = RegisterLayout.workKey(of: document)
        title = document.title ?? work
        expressionURI = document.identification.expression.uri
        signature = document.date(of: .signature)
        publication = document.date(of: .publication) ?? document.publication?.date
        publicationReference = document.publication?.showAs
        entryIntoForce = document.date(of: .entryIntoForce)
        consolidation = document.date(of: .consolidation)
        repeal = document.date(of: .repeal)
        if document.profile == .akn && signature == nil && consolidation == nil {
            expressionDate = document.identification.expression.date.date
        }
    }

    /// The date that names the version: its consolidation date for a version imported from an
    /// official consolidation, else its signature date.
    public var versionDate: LegalDate? { consolidation ?? signature ?? expressionDate }

    /// The tag name of an adopted version: its text's key, `/v` and its date
    /// (`AFSP1638149A/v2017-01-05`), so that two texts may each have a version of the same date.
    public var tagName: String? { versionDate.map { Self.tagName(work: work, date: $0) } }

    /// The tag name of the version of text `work` dated `date` (see ``tagName``).
    public static func tagName(work: String, date: LegalDate) -> String { "\(work)/v\(date.iso)" }

    /// The name registers made before tags were per text gave the version (`v2017-01-05`): such
    /// tags are still read, and the short name still names the version while only one text has it.
    public var legacyTagName: String? { versionDate.map { "v" + $0.iso } }

    /// Whether `tag` is a right name for this version: ``tagName``, or ``legacyTagName`` in a
    /// register made before tags were per text.
    public func isNamed(_ tag: String) -> Bool { tag == tagName || tag == legacyTagName }

    /// The tag message.
    public var message: String {
        var lines = [title, ""]
        var sentence = signature.map { "Version signée le \($0.french)" } ?? "Version (date de signature inconnue)"
        if let publicationReference { sentence += ", publiée au \(publicationReference)" }
        if let entryIntoForce { sentence += ", en vigueur le \(entryIntoForce.french)" }
        lines.append(sentence + ".")
        if let consolidation {
            lines.append("Version consolidée au \(consolidation.french).")
        }
        if let expressionDate {
            lines.append("Document d'un autre outil, daté de son expression : \(expressionDate.french).")
        }
        if let repeal {
            lines.append("Texte abrogé : plus aucun article en vigueur à compter du \(repeal.french).")
        }
        for reference in officialReferences { lines.append("Référence officielle : \(reference)") }
        lines.append("")
        lines.append("Suivi-Texte: \(work)")
        lines.append("Suivi-Expression: \(expressionURI)")
        if let signature { lines.append("Suivi-Signature: \(signature.iso)") }
        if let publication { lines.append("Suivi-Publication: \(publication.iso)") }
        if let publicationReference { lines.append("Suivi-Publication-Reference: \(publicationReference)") }
        if let entryIntoForce { lines.append("Suivi-Entree-En-Vigueur: \(entryIntoForce.iso)") }
        if let consolidation { lines.append("Suivi-Consolidation: \(consolidation.iso)") }
        if let repeal { lines.append("Suivi-Abrogation: \(repeal.iso)") }
        if let expressionDate { lines.append("Suivi-Date-Expression: \(expressionDate.iso)") }
        for reference in officialReferences { lines.append("Suivi-JORF: \(reference.replacingOccurrences(of: "\n", with: " "))") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a tag message written by ``message``; nil if it carries no `Suivi-Texte` trailer.
    public init?(message: String) {
        var trailers: [String: String] = [:]
        var references: [String] = []
        for line in message.split(separator: "\n") {
            guard line.hasPrefix("Suivi-"), let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if line[..<colon] == "Suivi-JORF" { references.append(value) }
            trailers[String(line[..<colon])] = value
        }
        guard let work = trailers["Suivi-Texte"] else { return nil }
        self.work = work
        title = message.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? work
        expressionURI = trailers["Suivi-Expression"] ?? ""
        signature = trailers["Suivi-Signature"].flatMap(LegalDate.init(iso:))
        publication = trailers["Suivi-Publication"].flatMap(LegalDate.init(iso:))
        publicationReference = trailers["Suivi-Publication-Reference"]
        entryIntoForce = trailers["Suivi-Entree-En-Vigueur"].flatMap(LegalDate.init(iso:))
        consolidation = trailers["Suivi-Consolidation"].flatMap(LegalDate.init(iso:))
        repeal = trailers["Suivi-Abrogation"].flatMap(LegalDate.init(iso:))
        expressionDate = trailers["Suivi-Date-Expression"].flatMap(LegalDate.init(iso:))
        officialReferences = references
    }
}

extension LegalDate {
    /// Noon UTC of that day: the commit date of a version (noon keeps the calendar day in any time zone
    /// of metropolitan France and overseas).
    public var noonUTC: Date {
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        components.hour = 12
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }
}
