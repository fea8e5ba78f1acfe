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

    public init(document: LegalDocument) {
        work = RegisterLayout.workKey(of: document)
        title = document.title ?? work
        expressionURI = document.identification.expression.uri
        signature = document.date(of: .signature)
        publication = document.date(of: .publication) ?? document.publication?.date
        publicationReference = document.publication?.showAs
        entryIntoForce = document.date(of: .entryIntoForce)
    }

    /// The tag name of an adopted version: `v` and its signature date (`v2017-01-05`), or its
    /// consolidation date for a version imported from an official consolidation.
    public var tagName: String? { (consolidation ?? signature).map { "v" + $0.iso } }

    /// The tag message.
    public var message: String {
        var lines = [title, ""]
        var sentence = "Version signée le \(signature?.french ?? "—")"
        if let publicationReference { sentence += ", publiée au \(publicationReference)" }
        if let entryIntoForce { sentence += ", en vigueur le \(entryIntoForce.french)" }
        lines.append(sentence + ".")
        if let consolidation {
            lines.append("Version consolidée au \(consolidation.french).")
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
