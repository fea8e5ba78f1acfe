import Foundation
import LegalText
import Register

/// An Atom 1.0 feed (RFC 4287) of the adopted versions of a text, newest first.
public struct AtomFeed: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var id: String
        public var title: String
        public var updated: LegalDate
        public var link: String
        public var summary: String
    }

    public var id: String
    public var title: String
    public var link: String
    public var author: String
    public var entries: [Entry]

    /// The feed of `versions` (only adopted ones are kept), links under `baseURL`.
    public init(versions: [VersionInfo], baseURL: String, author: String = "Direction générale de la santé — comité de suivi") {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        let adopted = versions.filter { $0.kind == .adopted }
        let work = adopted.first?.record?.work ?? "texte"
        id = "urn:suivi:flux:\(work)"
        title = "Versions adoptées — " + (adopted.last?.record?.title ?? work)
        link = base + "/"
        self.author = author
        entries = adopted.compactMap { version -> Entry? in
            guard let record = version.record, let date = record.entryIntoForce ?? record.signature else { return nil }
            var summary = "Version signée le \(record.signature?.french ?? "—")"
            if let reference = record.publicationReference { summary += ", publiée au \(reference)" }
            if let force = record.entryIntoForce { summary += ", en vigueur le \(force.french)" }
            // The id names the version by its text and date, whatever its tag is called (registers made
            // before tags were per text named it `v<date>`): a feed reader never sees it twice.
            return Entry(id: "urn:suivi:version:\(record.work):\(record.legacyTagName ?? version.name)",
                         title: "Version du \((record.signature ?? date).french)", updated: date,
                         link: base + "/versions/" + version.name, summary: summary + ".")
        }.sorted { $0.updated > $1.updated }
    }

    static func timestamp(_ date: LegalDate) -> String { date.iso + "T00:00:00Z" }

    /// The feed's XML.
    public var xml: String {
        var out = XMLTextBuffer(capacity: 4096)
        out.raw(#"<?xml version="1.0" encoding="UTF-8"?>"#)
        out.open("feed", ["xmlns": "http://www.w3.org/2005/Atom", "xml:lang": "fr"])
        out.line("id", [:], [.text(id)])
        out.line("title", [:], [.text(title)])
        if let latest = entries.map(\.updated).max() {
            out.line("updated", [:], [.text(Self.timestamp(latest))])
        } else {
            out.line("updated", [:], [.text("2000-01-01T00:00:00Z")])
        }
        out.empty("link", ["rel": "alternate", "href": link])
        out.open("author")
        out.line("name", [:], [.text(author)])
        out.close("author")
        out.line("generator", [:], [.text("suivi")])
        for entry in entries {
            out.open("entry")
            out.line("id", [:], [.text(entry.id)])
            out.line("title", [:], [.text(entry.title)])
            out.line("updated", [:], [.text(Self.timestamp(entry.updated))])
            out.empty("link", ["rel": "alternate", "href": entry.link])
            out.line("summary", [:], [.text(entry.summary)])
            out.close("entry")
        }
        out.close("feed")
        return out.text
    }
}
