import Committee
import Foundation
import LegalText

extension AtomFeed {
    /// The feed of the documentary portal (R3.3): the news items, the syntheses published or revised and the checks of
    /// the references, newest first, links under `baseURL` (`/actualites#<id>`, `/syntheses/<id>`, `/references/<id>`).
    public init(updates: DocumentaryUpdates, baseURL: String,
                author: String = "Service médical de l'OFII et Direction générale de la santé") {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        id = "urn:suivi:flux:portail-documentaire"
        title = "Actualités, synthèses et références documentaires — médecins de l’OFII"
        link = base + "/actualites"
        self.author = author
        var entries: [Entry] = []
        var counts: [String: Int] = [:]
        for item in updates.items {
            let path: String
            let title: String
            switch item.kind {
            case "actualite": path = "/actualites#" + item.id; title = "Actualité"
            case "synthese": path = "/syntheses/" + item.id; title = "Synthèse"
            default: path = "/references/" + item.id; title = "Référence documentaire"
            }
            // One entry per update: its id names the record, the day and, for several the same day, their rank.
            let key = "\(item.kind):\(item.id):\(item.date.iso)"
            counts[key, default: 0] += 1
            let rank = counts[key] == 1 ? "" : ":\(counts[key] ?? 0)"
            entries.append(Entry(id: "urn:suivi:\(key)\(rank)", title: "\(title) : \(item.title)", updated: item.date,
                                 link: base + path, summary: item.text))
        }
        self.entries = entries.sorted { ($0.updated, $0.id) > ($1.updated, $1.id) }
    }
}

extension Publisher {
    /// The Atom feed of news and documentary updates.
    public func portalFeed(baseURL: String) async throws(PublishingError) -> AtomFeed {
        AtomFeed(updates: try await documentaryUpdates(since: nil), baseURL: baseURL)
    }
}
